// Use cases of a plan's reports: create a draft, open it for public comment, comment, answer a comment,
// finalise (freezing the rendered model). Each writes its audit event in its own transaction;
// expected failures are returned, not thrown.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { buildLiveModel } from '../plan-report-model.ts';
import { countUnanswered, insertPlanReport, insertReportComment, setCommentResponse, type PlanReportRow, type ReportCommentRow } from '../plan-reports.repository.ts';
import { applyReportTransition, commentClosesAt, takesComments, type ReportKind } from '../report-state.ts';

export const MAX_COMMENT = 4000;
export const MAX_RESPONSE = 4000;

type Ctx = { actor: Actor; now: Date; requestId: string };
const label = (slug: string, kind: string) => `${slug} · ${kind}`;

export async function createPlanReport(db: Kysely<Database>, args: Ctx & { plan: { id: number; slug: string }; kind: ReportKind; commentDays: number }) {
  return db.transaction().execute(async (trx) => {
    const id = await insertPlanReport(trx, { plan_id: args.plan.id, kind: args.kind, comment_days: args.commentDays, created_by: args.actor.id, now: args.now.toISOString() });
    if (id === null) return { ok: false, reason: 'exists' } as const;
    await recordAudit(trx, { actor: args.actor, at: args.now, requestId: args.requestId, public: true, action: 'plan_report.created', entityType: 'plan_report', entityId: id, entityLabel: label(args.plan.slug, args.kind), after: { state: 'draft', kind: args.kind } });
    return { ok: true, id } as const;
  });
}

/** Opens the comment window now, for the number of days the setting gives at this moment. */
export async function openForComment(db: Kysely<Database>, args: Ctx & { slug: string; report: PlanReportRow; commentDays: number }) {
  const closes = commentClosesAt(args.now, args.commentDays).toISOString();
  return db.transaction().execute((trx) =>
    applyReportTransition(trx, {
      report: { id: args.report.id, state: args.report.state, label: label(args.slug, args.report.kind) },
      name: 'open',
      actor: args.actor,
      now: args.now,
      requestId: args.requestId,
      patch: { comment_days: args.commentDays, comment_closes_at: closes },
      detail: { comment_days: args.commentDays, comment_closes_at: closes },
    }),
  );
}

/** Freezes the report: the model rendered now, with every comment and response, is stored and shown from then on. */
export async function finaliseReport(db: Kysely<Database>, args: Ctx & { slug: string; report: PlanReportRow }) {
  return db.transaction().execute(async (trx) => {
    const unanswered = await countUnanswered(trx, args.report.id);
    if (unanswered > 0) return { ok: false, reason: 'unanswered', count: unanswered } as const;
    const model = await buildLiveModel(trx, args.slug, args.report.kind as ReportKind, { ...args.report, state: 'final', final_at: args.now.toISOString() }, args.now);
    if (!model) return { ok: false, reason: 'invalid_transition', from: args.report.state } as const;
    const snapshot = JSON.stringify(model);
    const r = await applyReportTransition(trx, {
      report: { id: args.report.id, state: args.report.state, label: label(args.slug, args.report.kind) },
      name: 'finalise',
      actor: args.actor,
      now: args.now,
      requestId: args.requestId,
      patch: { snapshot_json: snapshot },
      detail: { comments: model.consultation?.comments.length ?? 0, snapshot_bytes: snapshot.length },
    });
    return r.ok ? ({ ok: true } as const) : r;
  });
}

export function validateComment(input: { section: string; body: string }, sections: readonly string[]): { ok: true; value: { section: string; body: string } } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body = input.body.trim();
  if (!sections.includes(input.section)) errors.push(fieldError('section', 'plan_reports.errors.section'));
  if (!body) errors.push(fieldError('body', 'plan_reports.errors.comment_empty'));
  if (body.length > MAX_COMMENT) errors.push(fieldError('body', 'plan_reports.errors.comment_long', { max: MAX_COMMENT }));
  return errors.length ? { ok: false, errors } : { ok: true, value: { section: input.section, body } };
}

export async function commentOnReport(db: Kysely<Database>, args: Ctx & { slug: string; report: PlanReportRow; section: string; body: string }) {
  if (!takesComments(args.report, args.now)) return { ok: false, reason: 'closed' } as const;
  return db.transaction().execute(async (trx) => {
    const id = await insertReportComment(trx, { report_id: args.report.id, section: args.section, body: args.body, author_id: args.actor.id, author_label: args.actor.name, created_at: args.now.toISOString() });
    await recordAudit(trx, { actor: args.actor, at: args.now, requestId: args.requestId, public: true, action: 'plan_report.commented', entityType: 'plan_report', entityId: args.report.id, entityLabel: label(args.slug, args.report.kind), after: { comment_id: id, section: args.section, body: args.body } });
    return { ok: true, id } as const;
  });
}

export function validateResponse(text: string): { ok: true; value: string } | { ok: false; errors: FieldError[] } {
  const body = text.trim();
  if (!body) return { ok: false, errors: [fieldError('response', 'plan_reports.errors.response_empty')] };
  if (body.length > MAX_RESPONSE) return { ok: false, errors: [fieldError('response', 'plan_reports.errors.response_long', { max: MAX_RESPONSE })] };
  return { ok: true, value: body };
}

/** Staff answer a comment once, while the report is open (a final report is frozen). */
export async function respondToComment(db: Kysely<Database>, args: Ctx & { slug: string; report: PlanReportRow; comment: ReportCommentRow; response: string }) {
  if (args.report.state !== 'open_for_comment') return { ok: false, reason: 'not_open' } as const;
  const responder = args.actor.organization_name ? `${args.actor.name} (${args.actor.organization_name})` : args.actor.name;
  return db.transaction().execute(async (trx) => {
    const done = await setCommentResponse(trx, args.comment.id, { response: args.response, responder_id: args.actor.id, responder_label: responder, responded_at: args.now.toISOString() });
    if (!done) return { ok: false, reason: 'answered' } as const;
    await recordAudit(trx, { actor: args.actor, at: args.now, requestId: args.requestId, public: true, action: 'plan_report.comment_answered', entityType: 'plan_report', entityId: args.report.id, entityLabel: label(args.slug, args.report.kind), after: { comment_id: args.comment.id, response: args.response } });
    return { ok: true } as const;
  });
}
