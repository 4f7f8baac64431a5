// All SQL of the plan reports and their public comments.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PlanReportsTable, ReportCommentsTable } from './plan-reports.table.ts';

type DB = Kysely<Database>;
export type PlanReportRow = Selectable<PlanReportsTable>;
export type ReportCommentRow = Selectable<ReportCommentsTable>;

export async function listPlanReports(db: DB, planId: number): Promise<PlanReportRow[]> {
  return db.selectFrom('plan_reports').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}

export async function findPlanReport(db: DB, planId: number, kind: string): Promise<PlanReportRow | undefined> {
  return db.selectFrom('plan_reports').selectAll().where('plan_id', '=', planId).where('kind', '=', kind).executeTakeFirst();
}

export async function listReportComments(db: DB, reportId: number): Promise<ReportCommentRow[]> {
  return db.selectFrom('report_comments').selectAll().where('report_id', '=', reportId).orderBy('created_at').orderBy('id').execute();
}

export async function findReportComment(db: DB, reportId: number, id: number): Promise<ReportCommentRow | undefined> {
  return db.selectFrom('report_comments').selectAll().where('report_id', '=', reportId).where('id', '=', id).executeTakeFirst();
}

/** Inserts a report unless the plan has one of that kind; returns its id, or null when it existed. */
export async function insertPlanReport(db: DB, r: { plan_id: number; kind: string; comment_days: number; created_by: number; now: string }): Promise<number | null> {
  const row = await db
    .insertInto('plan_reports')
    .values({ plan_id: r.plan_id, kind: r.kind, state: 'draft', comment_days: r.comment_days, created_by: r.created_by, created_at: r.now, draft_at: r.now, updated_at: r.now })
    .onConflict((oc) => oc.columns(['plan_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertReportComment(db: DB, c: { report_id: number; section: string; body: string; author_id: number; author_label: string; created_at: string }): Promise<number> {
  return (await db.insertInto('report_comments').values(c).returning('id').executeTakeFirstOrThrow()).id;
}

/** Records the response unless the comment has one already; true when it was recorded. */
export async function setCommentResponse(db: DB, id: number, r: { response: string; responder_id: number; responder_label: string; responded_at: string }): Promise<boolean> {
  const res = await db
    .updateTable('report_comments')
    .set(r)
    .where('id', '=', id)
    .where('response', 'is', null)
    // A report finalised meanwhile is frozen: its comments take no more responses.
    .where('report_id', 'in', (eb) => eb.selectFrom('plan_reports').select('id').where('state', '=', 'open_for_comment'))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function countUnanswered(db: DB, reportId: number): Promise<number> {
  const row = await db.selectFrom('report_comments').select((eb) => eb.fn.countAll().as('n')).where('report_id', '=', reportId).where('response', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
