// The one function that changes an error report's state: checks the transition table, stamps
// <state>_at and writes the audit event in the same transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { stampColumn, transitionFor, type TransitionAction } from '../error-report-state.ts';
import { updateErrorReportState, type ErrorReportRow } from '../error-reports.repository.ts';
import { msg, type MessageKey } from '../../../platform/i18n/message.ts';

export const MAX_RESPONSE_LENGTH = 4000;

export type TransitionResult = { ok: true } | { ok: false; reason: 'not_allowed' | 'invalid'; errors: FieldError[] };

export async function applyTransition(
  db: Kysely<Database>,
  args: { actor: Actor; report: ErrorReportRow; action: TransitionAction; response: string; now: Date; requestId: string },
): Promise<TransitionResult> {
  const { report, now } = args;
  const t = transitionFor(args.action);
  if (!(t.from as readonly string[]).includes(report.state)) {
    return { ok: false, reason: 'not_allowed', errors: [fieldError('action', 'open_data.errors.report_move', { state: msg(`open_data.state.${report.state}` as MessageKey), action: t.action })] };
  }
  const response = args.response.trim();
  if (t.response === 'required' && response === '') return { ok: false, reason: 'invalid', errors: [fieldError('response', 'open_data.errors.response')] };
  if (response.length > MAX_RESPONSE_LENGTH) return { ok: false, reason: 'invalid', errors: [fieldError('response', 'error.field.max_chars', { max: MAX_RESPONSE_LENGTH })] };
  return db.transaction().execute(async (trx) => {
    const set = { state: t.to, [stampColumn(t.to)]: now.toISOString(), ...(response ? { response } : {}) };
    const moved = await updateErrorReportState(trx, report.id, report.state, set);
    if (!moved) return { ok: false as const, reason: 'not_allowed' as const, errors: [fieldError('action', 'open_data.errors.changed_meanwhile')] };
    await recordAudit(trx, {
      actor: args.actor,
      action: `error_report.${t.to}`,
      entityType: 'error_report',
      entityId: report.id,
      entityLabel: report.dataset_slug,
      public: true,
      before: { state: report.state },
      after: { state: t.to, response: response || null },
      at: now,
      requestId: args.requestId,
    });
    return { ok: true as const };
  });
}
