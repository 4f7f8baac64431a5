// The proposal lifecycle as data. One function applies a transition: it checks the table, stamps
// <state>_at, and writes the audit event in the caller's transaction. Tests iterate the table.
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { ProposalsTable } from './proposals.table.ts';

export const STATES = ['submitted', 'routed', 'under_review', 'adopted', 'partially_adopted', 'not_adopted', 'matured'] as const;
export type ProposalState = (typeof STATES)[number];

export const DECISIONS = ['adopted', 'partially_adopted', 'under_review', 'not_adopted'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Named subsets of states. */
export const AWAITING_RESPONSE: readonly ProposalState[] = ['submitted', 'routed'];
export const OPEN: readonly ProposalState[] = ['submitted', 'routed', 'under_review'];
export const DECIDED: readonly ProposalState[] = ['adopted', 'partially_adopted', 'not_adopted', 'matured'];
export const ADOPTED: readonly ProposalState[] = ['adopted', 'partially_adopted'];
/** The author may edit until the organization starts its review. */
export const EDITABLE: readonly ProposalState[] = ['submitted', 'routed'];

export interface Transition {
  from: readonly ProposalState[];
  to: ProposalState;
}

export const TRANSITIONS = {
  route: { from: ['submitted', 'routed'], to: 'routed' },
  review: { from: ['routed'], to: 'under_review' },
  adopt: { from: ['routed', 'under_review'], to: 'adopted' },
  partially_adopt: { from: ['routed', 'under_review'], to: 'partially_adopted' },
  not_adopt: { from: ['routed', 'under_review'], to: 'not_adopted' },
  mature: { from: ['not_adopted'], to: 'matured' },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof TRANSITIONS;

/** The transition a response with this decision makes. */
export const DECISION_TRANSITION: Record<Decision, TransitionName> = {
  under_review: 'review',
  adopted: 'adopt',
  partially_adopted: 'partially_adopt',
  not_adopted: 'not_adopt',
};

export function isDecision(v: unknown): v is Decision {
  return typeof v === 'string' && (DECISIONS as readonly string[]).includes(v);
}

export function isState(v: unknown): v is ProposalState {
  return typeof v === 'string' && (STATES as readonly string[]).includes(v);
}

export function canApply(name: TransitionName, state: string): boolean {
  return (TRANSITIONS[name].from as readonly string[]).includes(state);
}

/** Past its response deadline and still waiting for a published response. */
export function isOverdue(p: { state: string; response_due_on: string | null; hidden_at?: string | null }, today: string): boolean {
  return (AWAITING_RESPONSE as readonly string[]).includes(p.state) && p.response_due_on !== null && p.response_due_on < today && !p.hidden_at;
}

export type TransitionResult = { ok: true; to: ProposalState } | { ok: false; reason: 'invalid_transition'; from: string };

/**
 * Moves a proposal along the table. The update is conditional on the state read, so that two
 * officers answering at once cannot both win; the loser gets invalid_transition.
 */
export async function applyTransition(
  trx: Kysely<Database>,
  args: {
    proposal: { id: number; state: string; title: string };
    name: TransitionName;
    actor: Actor | null;
    now: Date;
    requestId?: string | null;
    patch?: Updateable<ProposalsTable>;
    detail?: Record<string, unknown>;
  },
): Promise<TransitionResult> {
  const { proposal, name, now } = args;
  const t = TRANSITIONS[name];
  if (!canApply(name, proposal.state)) return { ok: false, reason: 'invalid_transition', from: proposal.state };
  const stamp = `${t.to}_at` as const;
  const res = await trx
    .updateTable('proposals')
    .set({ ...(args.patch ?? {}), state: t.to, [stamp]: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', proposal.id)
    .where('state', '=', proposal.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'invalid_transition', from: proposal.state };
  await recordAudit(trx, {
    actor: args.actor,
    at: now,
    requestId: args.requestId ?? null,
    public: true,
    action: `proposal.${name}`,
    entityType: 'proposal',
    entityId: proposal.id,
    entityLabel: proposal.title,
    before: { state: proposal.state },
    after: { state: t.to, ...(args.detail ?? {}) },
  });
  return { ok: true, to: t.to };
}
