// A plan's report goes draft → open_for_comment → final. The lifecycle as data: one function applies
// a transition, checks the table, stamps <state>_at and writes the audit event in the caller's transaction.
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { PlanReportsTable } from './plan-reports.table.ts';

/** The documents of a cycle that go through public comment, in the order a cycle produces them. */
export const REPORT_KINDS = ['action_plan', 'mid_term', 'end_of_term'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATES = ['draft', 'open_for_comment', 'final'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_TRANSITIONS = {
  open: { from: ['draft'], to: 'open_for_comment' },
  finalise: { from: ['open_for_comment'], to: 'final' },
} as const satisfies Record<string, { from: readonly ReportState[]; to: ReportState }>;
export type ReportTransition = keyof typeof REPORT_TRANSITIONS;

export function isReportKind(v: unknown): v is ReportKind {
  return typeof v === 'string' && (REPORT_KINDS as readonly string[]).includes(v);
}

export function isReportTransition(v: unknown): v is ReportTransition {
  return typeof v === 'string' && Object.hasOwn(REPORT_TRANSITIONS, v);
}

export function canApplyReport(name: ReportTransition, state: string): boolean {
  return (REPORT_TRANSITIONS[name].from as readonly string[]).includes(state);
}

/** Whether comments are taken now: open for comment and before the end of the window. */
export function takesComments(r: { state: string; comment_closes_at: string | null }, now: Date): boolean {
  return r.state === 'open_for_comment' && r.comment_closes_at !== null && now.toISOString() < r.comment_closes_at;
}

export function commentClosesAt(openedAt: Date, days: number): Date {
  return new Date(openedAt.getTime() + days * 24 * 3600_000);
}

export type ReportTransitionResult = { ok: true; to: ReportState } | { ok: false; reason: 'invalid_transition'; from: string };

/** Conditional on the state read, so that two people acting at once cannot both win. */
export async function applyReportTransition(
  trx: Kysely<Database>,
  args: { report: { id: number; state: string; label: string }; name: ReportTransition; actor: Actor; now: Date; requestId: string; patch?: Updateable<PlanReportsTable>; detail?: Record<string, unknown> },
): Promise<ReportTransitionResult> {
  const { report, name, now } = args;
  const t = REPORT_TRANSITIONS[name];
  if (!canApplyReport(name, report.state)) return { ok: false, reason: 'invalid_transition', from: report.state };
  const stamp = `${t.to}_at` as const;
  const res = await trx
    .updateTable('plan_reports')
    .set({ ...(args.patch ?? {}), state: t.to, [stamp]: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', report.id)
    .where('state', '=', report.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'invalid_transition', from: report.state };
  await recordAudit(trx, {
    actor: args.actor,
    at: now,
    requestId: args.requestId,
    public: true,
    action: `plan_report.${name}`,
    entityType: 'plan_report',
    entityId: report.id,
    entityLabel: report.label,
    before: { state: report.state },
    after: { state: t.to, ...(args.detail ?? {}) },
  });
  return { ok: true, to: t.to };
}
