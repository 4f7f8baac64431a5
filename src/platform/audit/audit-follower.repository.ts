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

/** The highest audit id visible now (0 when the log is empty). */
export async function latestAuditId(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The ids visible now in (from, to], ascending. */
export async function auditIdsBetween(db: Db, from: number, to: number): Promise<number[]> {
  const rows = await db.selectFrom('audit_events').select('id').where('id', '>', from).where('id', '<=', to).orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

/**
 * In one statement (two primary-key reads): the highest audit id, and the follower's cursor and gaps
 * (null when it has no row yet).
 */
export async function followerLag(db: Db, name: string): Promise<{ latest: number; lastId: number | null; gapsJson: string | null }> {
  const latest = db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id'));
  const follower = db.selectFrom('audit_followers').where('name', '=', name);
  const row = await db
    .selectNoFrom([latest.as('latest'), follower.select('last_id').as('last_id'), follower.select('gaps_json').as('gaps_json')])
    .executeTakeFirstOrThrow();
  return { latest: Number(row.latest ?? 0), lastId: row.last_id === null ? null : Number(row.last_id), gapsJson: row.gaps_json };
}

/** Sets the follower's state whatever it was, bumping its version so that a pass begun before does not save over it. */
export async function overwriteFollower(db: Db, name: string, v: { lastId: number; gapsJson: string }, now: Date): Promise<void> {
  await loadFollower(db, name, now);
  await db
    .updateTable('audit_followers')
    .set((eb) => ({ last_id: v.lastId, gaps_json: v.gapsJson, version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('name', '=', name)
    .execute();
}
