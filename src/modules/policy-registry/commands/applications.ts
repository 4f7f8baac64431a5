// A citizen applies to have a task designated for disclosure; the organization decides with a reason.
// applyTransition is the one function that moves an application: it checks the table, stamps
// <state>_at, designates the task when the decision says so, and audits, in one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { OPEN_APPLICATION_STATES, applicationStampColumn, applicationTransition, type ApplicationAction } from '../application-state.ts';
import { designateTask, hasOpenApplication, insertApplication, updateApplicationState, type ApplicationRow, type TaskRow } from '../policy-registry.repository.ts';
import { msg, type MessageKey } from '../../../platform/i18n/message.ts';

export const MAX_REASON_LENGTH = 4000;

type Failure = { ok: false; errors: FieldError[] };

export async function applyForDisclosure(db: Kysely<Database>, args: { actor: Actor; task: TaskRow; reason: string; now: Date; requestId: string }): Promise<{ ok: true; id: number } | Failure> {
  const reason = args.reason.trim();
  if (args.task.status === 'designated') return { ok: false, errors: [fieldError('reason', 'policy_registry.errors.designated')] };
  if (reason === '') return { ok: false, errors: [fieldError('reason', 'policy_registry.errors.apply_reason')] };
  if (reason.length > MAX_REASON_LENGTH) return { ok: false, errors: [fieldError('reason', 'error.field.max_chars', { max: MAX_REASON_LENGTH })] };
  return db.transaction().execute(async (trx) => {
    if (await hasOpenApplication(trx, args.task.id, args.actor.id, OPEN_APPLICATION_STATES)) {
      return { ok: false as const, errors: [fieldError('reason', 'policy_registry.errors.pending')] };
    }
    const id = await insertApplication(trx, { task_id: args.task.id, applicant_id: args.actor.id, reason, submitted_at: args.now.toISOString() });
    // Not public: the audit trail would otherwise tie the applicant to the application.
    await recordAudit(trx, { actor: args.actor, action: 'disclosure_application.submitted', entityType: 'disclosure_application', entityId: id, entityLabel: args.task.title, public: false, after: { task_id: args.task.id }, at: args.now, requestId: args.requestId });
    return { ok: true as const, id };
  });
}

export async function applyTransition(
  db: Kysely<Database>,
  args: { actor: Actor; task: TaskRow; application: ApplicationRow; action: ApplicationAction; reason: string; now: Date; requestId: string },
): Promise<{ ok: true } | Failure> {
  const { application, task, now } = args;
  const t = applicationTransition(args.action);
  if (!(t.from as readonly string[]).includes(application.state)) return { ok: false, errors: [fieldError('action', 'policy_registry.errors.move', { state: msg(`policy_registry.app_state.${application.state}` as MessageKey), action: t.action })] };
  const reason = args.reason.trim();
  if (t.reason === 'required' && reason === '') return { ok: false, errors: [fieldError('decision_reason', 'policy_registry.errors.decision_reason')] };
  if (reason.length > MAX_REASON_LENGTH) return { ok: false, errors: [fieldError('decision_reason', 'error.field.max_chars', { max: MAX_REASON_LENGTH })] };
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const decided = t.reason === 'required';
    const set = { state: t.to, [applicationStampColumn(t.to)]: at, ...(decided ? { decision_reason: reason, decided_by_organization_id: task.organization_id } : {}) };
    if (!(await updateApplicationState(trx, application.id, application.state, set))) {
      return { ok: false as const, errors: [fieldError('action', 'policy_registry.errors.changed_meanwhile')] };
    }
    if (t.to === 'designated') await designateTask(trx, task.id, 'public_application', at);
    await recordAudit(trx, {
      actor: args.actor,
      action: `disclosure_application.${t.to}`,
      entityType: 'disclosure_application',
      entityId: application.id,
      entityLabel: task.title,
      public: true,
      before: { state: application.state },
      after: { state: t.to, decision_reason: decided ? reason : null },
      at: now,
      requestId: args.requestId,
    });
    return { ok: true as const };
  });
}
