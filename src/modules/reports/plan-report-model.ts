// A plan's report record as the model every format renders: built from the live data with its public
// comments while it is a draft or open for comment, and read from the snapshot once final.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findPlanBySlug } from '../action-plans/action-plans.repository.ts';
import { loadPlanTree, loadTimeline } from '../action-plans/plan-tree.ts';
import { findPlanReport, listReportComments, type PlanReportRow, type ReportCommentRow } from './plan-reports.repository.ts';
import { buildReport, reportOutline, TEMPLATE, type ReportConsultation, type ReportModel } from './report-model.ts';
import type { ReportKind } from './report-state.ts';

/** The title of each kind of report; the end-of-term one keeps the plan's own report title (the seed's). */
export function reportTitle(kind: ReportKind, plan: { title: string; report_title: string | null }): string {
  switch (kind) {
    case 'action_plan':
      return `${plan.title}: Action Plan`;
    case 'mid_term':
      return `${plan.title}: Mid-Term Self-Assessment Report`;
    case 'end_of_term':
      return plan.report_title ?? `${plan.title}: End-of-Term Self-Assessment Report`;
  }
}

/** The parts of a report a comment may be about: the whole, each headed part, each commitment. */
export function commentSections(model: ReportModel): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [{ id: 'general', label: TEMPLATE.general }];
  for (const b of reportOutline(model)) {
    if (b.kind === 'heading') out.push({ id: b.id, label: b.text });
    else if (b.kind === 'section' && b.section.heading) out.push({ id: b.id, label: b.section.heading });
    else if (b.kind === 'commitment') out.push({ id: b.id, label: `Commitment ${b.item.node.code}. ${b.item.node.title}` });
  }
  return out;
}

export function consultationOf(report: PlanReportRow, comments: ReportCommentRow[], labels: ReadonlyMap<string, string>): ReportConsultation {
  return {
    state: report.state,
    comment_days: report.comment_days,
    opened_at: report.open_for_comment_at,
    closes_at: report.comment_closes_at,
    finalised_at: report.final_at,
    comments: comments.map((c) => ({
      id: c.id,
      section: c.section,
      section_label: labels.get(c.section) ?? c.section,
      body: c.body,
      author_label: c.author_label,
      created_at: c.created_at,
      response: c.response,
      responder_label: c.responder_label,
      responded_at: c.responded_at,
    })),
  };
}

/** The live model of a report of this kind, with its public comments when there is a record. */
export async function buildLiveModel(db: Kysely<Database>, slug: string, kind: ReportKind, report: PlanReportRow | null, now: Date): Promise<ReportModel | null> {
  const tree = await loadPlanTree(db, slug);
  if (!tree) return null;
  const timeline = await loadTimeline(db, tree.commitments.map((c) => c.id));
  const model: ReportModel = { ...buildReport(tree, timeline, now), kind, title: reportTitle(kind, tree.plan) };
  return report ? attachConsultation(db, model, report) : model;
}

/** The model with the report record's public comments and responses, labelled by the parts they are about. */
export async function attachConsultation(db: Kysely<Database>, model: ReportModel, report: PlanReportRow): Promise<ReportModel> {
  const labels = new Map(commentSections(model).map((s) => [s.id, s.label]));
  return { ...model, consultation: consultationOf(report, await listReportComments(db, report.id), labels) };
}

export interface LoadedPlanReport {
  plan: { id: number; slug: string; title: string };
  report: PlanReportRow;
  model: ReportModel;
}

/** A report record and its model (the frozen one when final); null when the plan or the record does not exist. */
export async function loadPlanReport(db: Kysely<Database>, slug: string, kind: ReportKind, now: Date): Promise<LoadedPlanReport | null> {
  const plan = await findPlanBySlug(db, slug);
  if (!plan) return null;
  const report = await findPlanReport(db, plan.id, kind);
  if (!report) return null;
  const model = report.state === 'final' && report.snapshot_json ? (JSON.parse(report.snapshot_json) as ReportModel) : await buildLiveModel(db, slug, kind, report, now);
  return model ? { plan, report, model } : null;
}
