import type { Generated } from 'kysely';

export interface ProposalCallsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  plan_id: number | null;
  body_id: number | null;
  opens_on: string | null;
  closes_on: string | null;
  window_label: string | null;
  selection_criteria: string | null;
  response_days: number | null;
  source: string | null;
  source_notes: string;
  created_at: string;
  created_by: number | null;
}

export interface CallCategoriesTable {
  id: Generated<number>;
  call_id: number;
  position: number;
  title: string;
  organization_id: number | null;
}

export interface CallTimelineTable {
  id: Generated<number>;
  call_id: number;
  position: number;
  title: string;
  date_label: string | null;
  date_precision: string | null;
  date_value: string | null;
  date_sort: string | null;
  source: string | null;
}

export interface ProposalsTable {
  id: Generated<number>;
  call_id: number | null;
  category_id: number | null;
  channel: string;
  title: string;
  body: string;
  author_id: number | null;
  author_label: string;
  /** The language the author used when submitting or last editing: the language of the mail that answers them. */
  author_locale: string | null;
  state: string;
  organization_id: number | null;
  organization_text: string | null;
  response_due_on: string | null;
  submitted_at: string | null;
  routed_at: string | null;
  under_review_at: string | null;
  adopted_at: string | null;
  partially_adopted_at: string | null;
  not_adopted_at: string | null;
  matured_at: string | null;
  commitment_id: number | null;
  policy_text: string | null;
  meeting_id: number | null;
  maturation_body_id: number | null;
  hidden_at: string | null;
  hidden_reason: string | null;
  period_label: string | null;
  source: string | null;
  source_key: string | null;
  source_notes: string;
  updated_at: string;
}

export interface ProposalResponsesTable {
  id: Generated<number>;
  proposal_id: number;
  decision: string;
  reason: string;
  organization_id: number | null;
  organization_text: string | null;
  responder_id: number | null;
  responded_at: string | null;
  source: string | null;
}

export interface ProposalCommentsTable {
  id: Generated<number>;
  proposal_id: number;
  author_id: number;
  author_label: string;
  body: string;
  created_at: string;
  hidden_at: string | null;
  hidden_reason: string | null;
}

export interface ProposalSupportsTable {
  proposal_id: number;
  user_id: number;
  created_at: string;
}

export interface ProposalNoticesTable {
  id: Generated<number>;
  proposal_id: number;
  user_id: number;
  kind: string;
  decision: string | null;
  created_at: string;
}

export interface ParticipationAggregatesTable {
  id: Generated<number>;
  channel: string;
  channel_label: string;
  body_id: number | null;
  organization_id: number | null;
  year: number;
  forums: number | null;
  participants: number | null;
  suggestions: number;
  adopted: number;
  under_review: number | null;
  as_of_label: string | null;
  source: string | null;
  source_notes: string;
}
