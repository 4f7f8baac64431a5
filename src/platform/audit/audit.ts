import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/roles.ts';

export interface AuditInput {
  actor: Actor | null;
  /** Who acted when no person did: "import", "system". */
  systemActor?: string;
  action: string;
  entityType: string;
  entityId: string | number;
  entityLabel?: string | null;
  /** Shown on the public record's history. */
  public: boolean;
  before?: unknown;
  after?: unknown;
  at: Date;
  requestId?: string | null;
}

/** Writes one audit event. Call it with the transaction that makes the change. */
export async function recordAudit(trx: Kysely<Database>, e: AuditInput): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      occurred_at: e.at.toISOString(),
      actor_id: e.actor?.id ?? null,
      actor_label: e.actor ? `${e.actor.name} <${e.actor.email}>` : (e.systemActor ?? 'system'),
      action: e.action,
      entity_type: e.entityType,
      entity_id: String(e.entityId),
      entity_label: e.entityLabel ?? null,
      public: e.public ? 1 : 0,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      request_id: e.requestId ?? null,
    })
    .execute();
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  publicOnly?: boolean;
  limit: number;
  offset: number;
}

export async function listAudit(db: Kysely<Database>, q: AuditQuery) {
  let query = db.selectFrom('audit_events').selectAll();
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.publicOnly) query = query.where('public', '=', 1);
  return query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
}

/** Public history of records: the person's organization is shown, never their e-mail. */
export async function publicHistory(db: Kysely<Database>, entities: { type: string; id: string }[]) {
  if (entities.length === 0) return [];
  return db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'audit_events.id',
      'audit_events.occurred_at',
      'audit_events.action',
      'audit_events.entity_type',
      'audit_events.entity_label',
      'audit_events.before_json',
      'audit_events.after_json',
      'users.name as actor_name',
      'organizations.name as actor_organization',
      'audit_events.actor_label',
    ])
    .where('audit_events.public', '=', 1)
    .where((eb) => eb.or(entities.map((e) => eb.and([eb('audit_events.entity_type', '=', e.type), eb('audit_events.entity_id', '=', e.id)]))))
    .orderBy('audit_events.occurred_at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(200)
    .execute();
}
