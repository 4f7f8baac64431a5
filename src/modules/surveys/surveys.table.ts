import type { Generated } from 'kysely';
import type { DatedRow } from '../action-plans/action-plans.table.ts';

export interface SurveysTable extends DatedRow {
  id: Generated<number>;
  title: string;
  purpose: string | null;
  /** The owner: a body (a panel, a forum) or an organization; one of the two. */
  body_id: number | null;
  organization_id: number | null;
  commitment_id: number | null;
  milestone_id: number | null;
  /** survey-state.ts: draft | open | closed | record (conducted outside the platform, recorded from a source). */
  state: string;
  opened_at: string | null;
  closed_at: string | null;
  source: string | null;
  source_key: string | null;
  source_notes: string;
  created_at: string;
  created_by: number | null;
}

export interface SurveyQuestionsTable {
  id: Generated<number>;
  survey_id: number;
  position: number;
  /** single | multiple | scale | text */
  kind: string;
  prompt: string;
  required: number;
  scale_min: number | null;
  scale_max: number | null;
  scale_min_label: string | null;
  scale_max_label: string | null;
  source: string | null;
}

export interface SurveyOptionsTable {
  id: Generated<number>;
  question_id: number;
  position: number;
  label: string;
  /** A share the source publishes without counts; null for answers collected here. */
  published_percent: number | null;
}

export interface SurveyResponsesTable {
  id: Generated<number>;
  survey_id: number;
  user_id: number;
  created_at: string;
}

export interface SurveyAnswersTable {
  id: Generated<number>;
  response_id: number;
  question_id: number;
  option_id: number | null;
  scale_value: number | null;
  text_value: string | null;
}
