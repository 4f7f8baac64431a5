import type { Generated } from 'kysely';

/** A report of a plan that goes through public comment: the action plan, the mid-term or the end-of-term self-assessment. */
export interface PlanReportsTable {
  id: Generated<number>;
  plan_id: number;
  kind: string;
  state: string;
  /** Days of public comment, fixed when the report is created (the setting's value then). */
  comment_days: number;
  created_by: number | null;
  created_at: string;
  draft_at: string;
  open_for_comment_at: string | null;
  comment_closes_at: string | null;
  final_at: string | null;
  /** The rendered report model, frozen at finalisation. */
  snapshot_json: string | null;
  updated_at: string;
}

export interface ReportCommentsTable {
  id: Generated<number>;
  report_id: number;
  /** Which part of the report the comment is about, as the commenter names it ("Commitment 5-1", "Conclusion"). */
  section: string;
  body: string;
  author_id: number | null;
  author_label: string;
  created_at: string;
  response: string | null;
  responder_id: number | null;
  responder_label: string | null;
  responded_at: string | null;
}
