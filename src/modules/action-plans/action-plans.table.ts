import type { Generated } from 'kysely';
import type { Level } from './level.ts';

export interface ActionPlansTable {
  id: Generated<number>;
  slug: string;
  country_code: string;
  country_name: string;
  number: number;
  title: string;
  period_start: string;
  period_end: string;
  status: string;
  report_title: string | null;
  report_author: string | null;
  source: string | null;
  source_notes: string;
  created_at: string;
  updated_at: string;
  /** The plan whose cycle this one continues: its co-creation started from that plan's maturation list. */
  previous_plan_id: number | null;
}

export interface PlanSectionsTable {
  id: Generated<number>;
  plan_id: number;
  key: string;
  position: number;
  heading: string | null;
  body: string;
  source: string | null;
  source_notes: string;
}

export interface DatedRow {
  start_label: string | null;
  start_precision: string | null;
  start_value: string | null;
  start_sort: string | null;
  end_label: string | null;
  end_precision: string | null;
  end_value: string | null;
  end_sort: string | null;
}

export interface CommitmentsTable extends DatedRow {
  id: Generated<number>;
  plan_id: number;
  code: string;
  position: number;
  title: string;
  table_title: string | null;
  lead_organization_id: number;
  lead_division_id: number | null;
  lead_agency_text: string | null;
  level: Level;
  level_label: string | null;
  level_source: string | null;
  public_problem: string | null;
  description: string | null;
  contribution: string | null;
  ogp_values_text: string | null;
  additional_information: string | null;
  results: string | null;
  next_steps: string | null;
  other_actors_state: string | null;
  other_actors_civil_society: string | null;
  contact_additional_information: string | null;
  source: string | null;
  source_notes: string;
  updated_at: string;
}

export interface CommitmentValuesTable {
  commitment_id: number;
  value: string;
}

export interface CommitmentContactsTable {
  id: Generated<number>;
  commitment_id: number;
  position: number;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  phone: string | null;
  organization: string | null;
}

export interface MilestonesTable extends DatedRow {
  id: Generated<number>;
  commitment_id: number;
  position: number;
  title: string;
  level: Level | null;
  level_label: string | null;
  source: string | null;
  source_notes: string;
  updated_at: string;
}

export interface IrmRecommendationsTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  title: string;
  response: string | null;
  source: string | null;
}

export interface FilesTable {
  id: Generated<number>;
  sha256: string;
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
  uploaded_by: number | null;
  created_at: string;
}

export interface ProgressUpdatesTable {
  id: Generated<number>;
  commitment_id: number;
  posted_at: string;
  /** The day the update reports on, as the officer gave it (YYYY-MM-DD). */
  occurred_on: string;
  author_id: number | null;
  author_label: string;
  body: string;
}

export interface LevelChangesTable {
  id: Generated<number>;
  update_id: number;
  target_type: 'commitment' | 'milestone';
  target_id: number;
  target_label: string;
  level_from: string | null;
  label_from: string | null;
  level_to: string;
}

export interface EvidenceTable {
  id: Generated<number>;
  update_id: number;
  kind: 'link' | 'file';
  title: string;
  url: string | null;
  file_id: number | null;
}

/** Where a plan's co-creation started: a proposal matured during the previous plan, or an IRM recommendation. */
export interface PlanStartingPointsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  kind: 'matured_proposal' | 'irm_recommendation';
  from_plan_id: number;
  proposal_id: number | null;
  recommendation_id: number | null;
  title: string;
  /** The forum's reasoned decision: taken up (into a commitment) or not taken up, with the reason. */
  decision: 'taken_up' | 'not_taken_up' | null;
  reason: string | null;
  commitment_id: number | null;
  decided_by: number | null;
  decided_label: string | null;
  decided_at: string | null;
  created_at: string;
}
