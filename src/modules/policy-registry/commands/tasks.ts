// Registering a policy task with its timeline and officials, in one transaction with its audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { insertTask } from '../policy-registry.repository.ts';
import type { TaskValue } from '../task-input.ts';

export async function registerTask(db: Kysely<Database>, args: { actor: Actor; organizationId: number; value: TaskValue; now: Date; requestId: string }): Promise<number> {
  const { value, now } = args;
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const id = await insertTask(
      trx,
      {
        organization_id: args.organizationId,
        title: value.title,
        overview: value.overview,
        year: value.year,
        status: value.designate ? 'designated' : 'not_designated',
        designation_basis: value.designate ? 'organization' : null,
        designated_at: value.designate ? at : null,
        created_by: args.actor.id,
        at,
      },
      value.steps,
      value.officials,
    );
    await recordAudit(trx, { actor: args.actor, action: 'policy_task.registered', entityType: 'policy_task', entityId: id, entityLabel: value.title, public: true, after: value, at: now, requestId: args.requestId });
    return id;
  });
}
