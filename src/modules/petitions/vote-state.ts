// The life of a task put to a yes/no vote (commitment 6): open for votes; passed when the yes votes
// reach the threshold (stamped once); reviewed by the committee; then a strategy-meeting decision.
// Closed when the window ends below the threshold.
export const VOTE_STATES = ['open', 'passed', 'under_review', 'decided', 'closed'] as const;
export type VoteState = (typeof VOTE_STATES)[number];

export const VOTE_TRANSITIONS: readonly { from: VoteState; to: VoteState; by: 'system' | 'committee' | 'officer' }[] = [
  { from: 'open', to: 'passed', by: 'system' },
  { from: 'open', to: 'closed', by: 'system' },
  { from: 'passed', to: 'under_review', by: 'committee' },
  { from: 'under_review', to: 'decided', by: 'committee' },
];

/** A task takes ballots while open, and after passing until its committee takes it up or the window ends. */
export const VOTABLE: readonly VoteState[] = ['open', 'passed'];

export function canMove(from: VoteState, to: VoteState): boolean {
  return VOTE_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/** The column a state stamps when entered. */
export function voteStamp(state: VoteState): 'open_at' | 'threshold_reached_at' | 'under_review_at' | 'decided_at' | 'closed_at' {
  return state === 'passed' ? 'threshold_reached_at' : (`${state}_at` as 'open_at' | 'under_review_at' | 'decided_at' | 'closed_at');
}
