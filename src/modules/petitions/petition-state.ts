// The petition lifecycle as data. One function (commands/transition.ts) applies a transition,
// stamps `<state>_at` and writes the audit event in the same transaction; tests walk this table.

export const PETITION_STATES = [
  'draft',
  'pending_moderation',
  'open',
  'threshold_reached',
  'under_review',
  'accepted',
  'results_published',
  'closed',
  'rejected',
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

/** Who performs a transition: the author, a moderator (officer of the owner or admin), the committee, or the system. */
export type TransitionActor = 'author' | 'moderator' | 'committee' | 'officer' | 'system';

export interface Transition {
  from: PetitionState;
  to: PetitionState;
  by: TransitionActor;
  /** A published reason is required (rejections). */
  needsReason?: boolean;
}

export const PETITION_TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'pending_moderation', by: 'author' },
  { from: 'pending_moderation', to: 'open', by: 'moderator' },
  { from: 'pending_moderation', to: 'rejected', by: 'moderator', needsReason: true },
  { from: 'open', to: 'threshold_reached', by: 'system' },
  { from: 'open', to: 'closed', by: 'system' },
  { from: 'threshold_reached', to: 'under_review', by: 'committee' },
  { from: 'under_review', to: 'accepted', by: 'committee', needsReason: true },
  { from: 'under_review', to: 'rejected', by: 'committee', needsReason: true },
  { from: 'accepted', to: 'results_published', by: 'officer' },
];

/** States the public never sees: a petition there is "no such petition" to anyone but its author and staff. */
export const HIDDEN: ReadonlySet<string> = new Set<PetitionState>(['draft', 'pending_moderation']);

/** States in which a petition takes signatures (while its window lasts). */
export const SIGNABLE: readonly PetitionState[] = ['open', 'threshold_reached', 'under_review'];

/** Named subsets, for lists and filters. */
export const STATE_GROUPS = {
  open: ['open', 'threshold_reached'],
  in_review: ['under_review', 'accepted'],
  results: ['results_published'],
  closed: ['closed', 'rejected'],
  moderation: ['pending_moderation'],
} as const satisfies Record<string, readonly PetitionState[]>;
export type StateGroup = keyof typeof STATE_GROUPS;

export function findTransition(from: PetitionState, to: PetitionState): Transition | undefined {
  return PETITION_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function isPetitionState(v: unknown): v is PetitionState {
  return typeof v === 'string' && (PETITION_STATES as readonly string[]).includes(v);
}

/** The column a state stamps when entered; `draft` is the creation itself. */
export function stampColumn(state: PetitionState): `${Exclude<PetitionState, 'draft'>}_at` | null {
  return state === 'draft' ? null : (`${state}_at` as `${Exclude<PetitionState, 'draft'>}_at`);
}
