import type { Generated } from 'kysely';
import type { PetitionState } from './petition-state.ts';

export interface OutboxMailsTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
  next_attempt_at: string;
  attempts: Generated<number>;
  sent_at: string | null;
  last_error: string | null;
  /** Extra mail headers as a JSON object (List-Unsubscribe …); null for none. */
  headers_json: string | null;
}

export interface IdentitiesTable {
  id: Generated<number>;
  kind: string;
  value: string;
  verified_at: string | null;
  created_at: string;
}

export interface IdentityTokensTable {
  id: Generated<number>;
  identity_id: number;
  token_hash: string;
  petition_id: number | null;
  /** Where to send the person after confirming, when the confirmation is not a signature. */
  return_path: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CommitteesTable {
  id: Generated<number>;
  key: string;
  organization_id: number;
  name: string;
  description: string | null;
  regulation: string | null;
  members_total: number | null;
  members_external: number | null;
  members_internal: number | null;
  composition_label: string | null;
  composition_note: string | null;
  source: string | null;
  source_notes: string;
}

export interface SubCommitteesTable {
  id: Generated<number>;
  committee_id: number;
  key: string;
  name: string;
  position: number;
}

export interface CommitteeMembersTable {
  id: Generated<number>;
  committee_id: number;
  user_id: number;
  sub_committee_id: number | null;
  kind: 'internal' | 'external';
  created_at: string;
}

export interface ChannelsTable {
  id: Generated<number>;
  key: string;
  kind: 'petition' | 'vote';
  organization_id: number;
  title: string;
  description: string | null;
  url_as_published: string | null;
  threshold: number | null;
  threshold_set_label: string | null;
  threshold_note: string | null;
  signing_window_days: number | null;
  identity_level: string;
  response_days: number | null;
  committee_id: number | null;
  vote_changeable: number | null;
  source: string | null;
  source_notes: string;
  created_at: string;
}

export interface PetitionsTable {
  id: Generated<number>;
  channel_id: number;
  key: string | null;
  ordinal: number | null;
  title: string;
  body: string;
  author_user_id: number | null;
  state: PetitionState;
  threshold: number | null;
  signature_count: Generated<number>;
  signature_count_note: string | null;
  closes_at: string | null;
  created_at: string;
  pending_moderation_at: string | null;
  open_at: string | null;
  threshold_reached_at: string | null;
  under_review_at: string | null;
  accepted_at: string | null;
  results_published_at: string | null;
  closed_at: string | null;
  rejected_at: string | null;
  rejection_reason: string | null;
  anonymised_at: string | null;
  source: string | null;
  source_notes: string;
  updated_at: string;
}

export interface SignaturesTable {
  id: Generated<number>;
  petition_id: number;
  identity_id: number | null;
  created_at: string;
}

export interface PetitionReviewsTable {
  id: Generated<number>;
  petition_id: number;
  committee_id: number | null;
  created_at: string;
  started_at: string | null;
  decided_at: string | null;
  decision: string | null;
  sub_committee_id: number | null;
  reason: string | null;
  decided_by: number | null;
}

export interface PetitionActionsTable {
  id: Generated<number>;
  petition_id: number;
  title: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_label: string | null;
  actual_start: string | null;
  actual_end: string | null;
  tested: string | null;
  findings: string | null;
  published_at: string | null;
  source: string | null;
}

export interface PetitionMeasuresTable {
  id: Generated<number>;
  petition_id: number;
  position: number;
  description: string;
  date_label: string | null;
  source: string | null;
}

export interface PetitionAttachmentsTable {
  id: Generated<number>;
  petition_id: number;
  file_id: number;
  title: string;
}

export interface VoteTasksTable {
  id: Generated<number>;
  channel_id: number;
  title: string;
  description: string;
  state: import('./vote-state.ts').VoteState;
  threshold: number | null;
  yes_count: Generated<number>;
  no_count: Generated<number>;
  closes_at: string | null;
  created_at: string;
  open_at: string | null;
  threshold_reached_at: string | null;
  under_review_at: string | null;
  decided_at: string | null;
  closed_at: string | null;
  committee_decision: string | null;
  committee_reason: string | null;
  strategy_meeting_label: string | null;
  strategy_decision: string | null;
  updated_at: string;
}

export interface BallotsTable {
  id: Generated<number>;
  task_id: number;
  identity_id: number | null;
  choice: 'yes' | 'no';
  created_at: string;
  updated_at: string;
}
