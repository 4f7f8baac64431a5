// The workflow of a disclosure application, as data: submitted → under_review → designated | declined.
// applyTransition in commands/applications.ts is the only code that changes a state.

export const APPLICATION_STATES = ['submitted', 'under_review', 'designated', 'declined'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const OPEN_APPLICATION_STATES: readonly ApplicationState[] = ['submitted', 'under_review'];

export interface ApplicationTransition {
  action: 'review' | 'designate' | 'decline';
  from: readonly ApplicationState[];
  to: ApplicationState;
  /** A decision is published with its reason; taking an application into review needs none. */
  reason: 'required' | 'optional';
}

export const APPLICATION_TRANSITIONS: readonly ApplicationTransition[] = [
  { action: 'review', from: ['submitted'], to: 'under_review', reason: 'optional' },
  { action: 'designate', from: ['submitted', 'under_review'], to: 'designated', reason: 'required' },
  { action: 'decline', from: ['submitted', 'under_review'], to: 'declined', reason: 'required' },
];

export type ApplicationAction = ApplicationTransition['action'];

export function isApplicationAction(v: unknown): v is ApplicationAction {
  return APPLICATION_TRANSITIONS.some((t) => t.action === v);
}

export function applicationTransition(action: ApplicationAction): ApplicationTransition {
  return APPLICATION_TRANSITIONS.find((t) => t.action === action)!;
}

export function allowedApplicationActions(state: string): ApplicationAction[] {
  return APPLICATION_TRANSITIONS.filter((t) => (t.from as readonly string[]).includes(state)).map((t) => t.action);
}

/** The column stamped when an application enters a state. */
export function applicationStampColumn(state: ApplicationState) {
  return `${state}_at` as 'submitted_at' | 'under_review_at' | 'designated_at' | 'declined_at';
}
