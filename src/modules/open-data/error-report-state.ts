// The workflow of a data error report, as data: received → accepted → resolved | declined (with a reason).
// applyTransition in commands/transition-error-report.ts is the only code that changes a state.

export const ERROR_REPORT_STATES = ['received', 'accepted', 'resolved', 'declined'] as const;
export type ErrorReportState = (typeof ERROR_REPORT_STATES)[number];

export const OPEN_STATES: readonly ErrorReportState[] = ['received', 'accepted'];
export const CLOSED_STATES: readonly ErrorReportState[] = ['resolved', 'declined'];

export interface Transition {
  action: 'accept' | 'resolve' | 'decline';
  from: readonly ErrorReportState[];
  to: ErrorReportState;
  /** The owner's answer is required (a reason to decline), optional or not asked for. */
  response: 'required' | 'optional';
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: ['received'], to: 'accepted', response: 'optional' },
  { action: 'resolve', from: ['accepted'], to: 'resolved', response: 'optional' },
  { action: 'decline', from: ['received', 'accepted'], to: 'declined', response: 'required' },
];

export type TransitionAction = Transition['action'];

export function isTransitionAction(v: unknown): v is TransitionAction {
  return TRANSITIONS.some((t) => t.action === v);
}

export function transitionFor(action: TransitionAction): Transition {
  return TRANSITIONS.find((t) => t.action === action)!;
}

export function allowedActions(state: string): TransitionAction[] {
  return TRANSITIONS.filter((t) => (t.from as readonly string[]).includes(state)).map((t) => t.action);
}

/** The column stamped when a report enters a state. */
export function stampColumn(state: ErrorReportState) {
  return `${state}_at` as 'received_at' | 'accepted_at' | 'resolved_at' | 'declined_at';
}
