// The queries of the audit follower: its saved state, and the audit events it reads.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** The follower's row, made at its first pass (from the start of the log). */
export async function loadFollower(db: Db, name: string, now: Date) {
  await db
    .insertInto('audit_followers')
    .values({ name, last_id: 0, gaps_json: '[]', version: 0, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return db.selectFrom('audit_followers').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

/** Saves the state only if nobody saved since it was read (same version); says whether it did. */
export async function saveFollower(db: Db, name: string, version: number, v: { lastId: number; gapsJson: string }, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('audit_followers')
    .set({ last_id: v.lastId, gaps_json: v.gapsJson, version: version + 1, updated_at: now.toISOString() })
    .where('name', '=', name)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function auditEventsAfter(db: Db, lastId: number, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('id', '>', lastId).orderBy('id').limit(limit).execute();
}

export type FollowedEvent = Awaited<ReturnType<typeof auditEventsAfter>>[number];

/** The events among these ids that are visible now, in id order. */
export async function auditEventsByIds(db: Db, ids: number[]): Promise<FollowedEvent[]> {
  const out: FollowedEvent[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(...(await db.selectFrom('audit_events').selectAll().where('id', 'in', ids.slice(i, i + 500)).orderBy('id').execute()));
  }
  return out;
}
