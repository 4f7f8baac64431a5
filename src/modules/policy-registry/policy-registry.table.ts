import type { Generated } from 'kysely';

/** A policy task in the real-name policy registry (seed commitment 3). */
export interface PrTasksTable {
  id: Generated<number>;
  organization_id: number;
  title: string;
  overview: string;
  /** The year the task belongs to, when the organization gives one. */
  year: number | null;
  /** not_designated or designated (for real-name disclosure). */
  status: string;
  /** organization (designated by the organization itself) or public_application (through a citizen's application). */
  designation_basis: string | null;
  designated_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One step of a task's timeline; the date is kept as written ("2019. 3.", "First half of 2020"). */
export interface PrTaskStepsTable {
  id: Generated<number>;
  task_id: number;
  position: number;
  date_label: string;
  description: string;
}

/** The officials responsible, from the working level (position 1) up to the final approver. */
export interface PrTaskOfficialsTable {
  id: Generated<number>;
  task_id: number;
  position: number;
  role: string;
  /** A name, or a position where the organization gives no name. */
  name: string;
  department: string | null;
  final_approver: number;
}

/** A citizen's application to have a task designated for disclosure. The applicant is never shown publicly. */
export interface PrApplicationsTable {
  id: Generated<number>;
  task_id: number;
  applicant_id: number | null;
  reason: string;
  /** submitted, under_review, designated or declined: see application-state.ts. */
  state: string;
  submitted_at: string;
  under_review_at: string | null;
  designated_at: string | null;
  declined_at: string | null;
  decision_reason: string | null;
  decided_by_organization_id: number | null;
}
