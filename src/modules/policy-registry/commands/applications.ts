// A citizen applies to have a task designated for disclosure; the organization decides with a reason.
// applyTransition is the one function that moves an application: it checks the table, stamps
// <state>_at, designates the task when the decision says so, and audits, in one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { OPEN_APPLICATION_STATES, applicationStampColumn, applicationTransition, type ApplicationAction } from '../application-state.ts';
import { designateTask, hasOpenApplication, insertApplication, updateApplicationState, type ApplicationRow, type TaskRow } from '../policy-registry.repository.ts';

export const MAX_REASON_LENGTH = 4000;

type Failure = { ok: false; errors: FieldError[] };

export async function applyForDisclosure(db: Kysely<Database>, args: { actor: Actor; task: TaskRow; reason: string; now: Date; requestId: string }): Promise<{ ok: true; id: number } | Failure> {
  const reason = args.reason.trim();
  if (args.task.status === 'designated') return { ok: false, errors: [{ field: 'reason', message: 'This task is already designated for disclosure.' }] };
  if (reason === '') return { ok: false, errors: [{ field: 'reason', message: 'Say why the task should be disclosed.' }] };
  if (reason.length > MAX_REASON_LENGTH) return { ok: false, errors: [{ field: 'reason', message: `At most ${MAX_REASON_LENGTH} characters.` }] };
  return db.transaction().execute(async (trx) => {
    if (await hasOpenApplication(trx, args.task.id, args.actor.id, OPEN_APPLICATION_STATES)) {
      return { ok: false as const, errors: [{ field: 'reason', message: 'You already have an application for this task awaiting a decision.' }] };
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
  if (!(t.from as readonly string[]).includes(application.state)) return { ok: false, errors: [{ field: 'action', message: `An application that is ${application.state} cannot be moved by "${t.action}".` }] };
  const reason = args.reason.trim();
  if (t.reason === 'required' && reason === '') return { ok: false, errors: [{ field: 'decision_reason', message: 'Give the reason for the decision: it is published with it.' }] };
  if (reason.length > MAX_REASON_LENGTH) return { ok: false, errors: [{ field: 'decision_reason', message: `At most ${MAX_REASON_LENGTH} characters.` }] };
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const decided = t.reason === 'required';
    const set = { state: t.to, [applicationStampColumn(t.to)]: at, ...(decided ? { decision_reason: reason, decided_by_organization_id: task.organization_id } : {}) };
    if (!(await updateApplicationState(trx, application.id, application.state, set))) {
      return { ok: false as const, errors: [{ field: 'action', message: 'The application was changed by someone else meanwhile. Reload the page.' }] };
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
