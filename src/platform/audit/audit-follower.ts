// Reads the audit log in id order, exactly: every committed event once, none skipped. On
// PostgreSQL an event's id is taken at insert but the event is visible only at commit, so a lower
// id can appear after a higher one was read. The follower keeps, beside its cursor (the last id
// read), the ids below it not seen yet ("gaps") and looks for them again on every pass until they
// appear or are older than the expiry (an id whose transaction rolled back never appears). On
// SQLite (one writer) there are no gaps and it is a plain cursor. The notification worker and the
// search index use it; the search index also restarts it after a rebuild (restartFollower).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { auditEventsAfter, auditEventsByIds, auditIdsBetween, followerLag, latestAuditId, loadFollower, overwriteFollower, saveFollower, type FollowedEvent } from './audit-follower.repository.ts';

export type { FollowedEvent } from './audit-follower.repository.ts';
export { latestAuditId } from './audit-follower.repository.ts';

export interface Gap {
  id: number;
  /** When the follower first found the id missing (ISO). */
  since: string;
}

export interface FollowerState {
  lastId: number;
  gaps: Gap[];
}

export interface GapLimits {
  /** A gap still missing this long after it was found is given up (a rolled-back transaction). */
  expiryMs: number;
  /** Most gaps kept; beyond it the lowest ids are given up first. */
  maxGaps: number;
}

/**
 * The state after a pass: `found` are gap ids that have appeared, `read` the ids read after the
 * cursor (ascending). Every id skipped between two read ids becomes a gap. Also says how many ids
 * were given up (expired, or beyond the cap). Pure.
 */
export function advanceState(state: FollowerState, found: readonly number[], read: readonly number[], now: Date, limits: GapLimits): { state: FollowerState; givenUp: number } {
  const seen = new Set(found);
  let givenUp = 0;
  const gaps: Gap[] = [];
  for (const g of state.gaps) {
    if (seen.has(g.id)) continue;
    if (now.getTime() - Date.parse(g.since) >= limits.expiryMs) givenUp += 1;
    else gaps.push(g);
  }
  let last = state.lastId;
  const since = now.toISOString();
  for (const id of read) {
    if (id <= last) continue;
    // A very long run of missing ids (a sequence jump) is capped: only its highest ids are kept.
    for (let missing = Math.max(last + 1, id - limits.maxGaps); missing < id; missing += 1) gaps.push({ id: missing, since });
    givenUp += Math.max(0, id - last - 1 - limits.maxGaps);
    last = id;
  }
  gaps.sort((a, b) => a.id - b.id);
  const over = gaps.length - limits.maxGaps;
  if (over > 0) givenUp += gaps.splice(0, over).length;
  return { state: { lastId: last, gaps }, givenUp };
}

function parseGaps(json: string): Gap[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((g): g is Gap => Number.isInteger(g?.id) && typeof g?.since === 'string') : [];
  } catch {
    return [];
  }
}

export interface AuditFollowerOptions extends GapLimits {
  /** The follower's name, one row in audit_followers ("notifications", "search" …). */
  name: string;
  /** Events read at a time. */
  batch: number;
}

export interface FollowResult {
  /** Events handed to the handler, late ones included. */
  events: number;
  /** Of them, events that appeared below the cursor (committed late). */
  late: number;
  /** Ids still missing after the pass. */
  gaps: number;
  /** Ids this pass stopped looking for (expired, or beyond the cap). */
  givenUp: number;
  /** False when another process saved first: this pass's work is repeated by whoever goes on, harmlessly. */
  saved: boolean;
}

export const DEFAULT_FOLLOWER_LIMITS = { batch: 200, maxGaps: 10_000 } as const;

/**
 * One pass: hands the late events, then the new ones batch by batch, to `handle`, saving the state
 * after each batch. The handler must be idempotent: a crash before a save, or two processes passing
 * together, hands an event again (the saved state itself never goes back, by its version).
 */
export async function followAudit(db: Kysely<Database>, now: Date, o: AuditFollowerOptions, handle: (events: FollowedEvent[]) => Promise<void>): Promise<FollowResult> {
  const row = await loadFollower(db, o.name, now);
  let version = row.version;
  let state: FollowerState = { lastId: row.last_id, gaps: parseGaps(row.gaps_json) };
  const late = state.gaps.length ? await auditEventsByIds(db, state.gaps.map((g) => g.id)) : [];
  if (late.length) await handle(late);
  let found = late.map((e) => e.id);
  const result: FollowResult = { events: late.length, late: late.length, gaps: state.gaps.length, givenUp: 0, saved: true };
  for (;;) {
    const events = await auditEventsAfter(db, state.lastId, o.batch);
    if (events.length) await handle(events);
    const advanced = advanceState(
      state,
      found,
      events.map((e) => e.id),
      now,
      o,
    );
    const next = advanced.state;
    result.givenUp += advanced.givenUp;
    const gapsJson = JSON.stringify(next.gaps);
    if (next.lastId !== state.lastId || gapsJson !== JSON.stringify(state.gaps)) {
      if (!(await saveFollower(db, o.name, version, { lastId: next.lastId, gapsJson }, now))) return { ...result, saved: false };
      version += 1;
    }
    state = next;
    found = [];
    result.events += events.length;
    result.gaps = state.gaps.length;
    if (events.length < o.batch) return result;
  }
}

/**
 * What a pass would read: `events` when the log has moved past the cursor (or the follower has never
 * run), `gaps` when only ids below it are still looked for, null when nothing. One statement (two
 * primary-key reads).
 */
export async function followerDue(db: Kysely<Database>, name: string): Promise<'events' | 'gaps' | null> {
  const lag = await followerLag(db, name);
  if (lag.lastId === null || lag.latest > lag.lastId) return 'events';
  return parseGaps(lag.gapsJson ?? '[]').length > 0 ? 'gaps' : null;
}

/** Whether a pass could hand anything over (followerDue is not null). */
export async function followerBehind(db: Kysely<Database>, name: string): Promise<boolean> {
  return (await followerDue(db, name)) !== null;
}

/**
 * The state of a follower that has read exactly what the database shows now: the cursor at the highest
 * visible id and, as gaps, the ids below it that are not visible (a transaction still open, or rolled
 * back: given up after the expiry). Only the newest `maxGaps` ids are looked at; an older missing id is
 * given up, as a pass gives up ids beyond the cap. On PostgreSQL read it in the same snapshot as the data
 * it stands for (one repeatable-read transaction, this read first); on SQLite (one writer) there are no
 * gaps.
 */
export async function snapshotState(db: Kysely<Database>, now: Date, limits: GapLimits): Promise<FollowerState> {
  const top = await latestAuditId(db);
  const from = Math.max(0, top - limits.maxGaps);
  return advanceState({ lastId: from, gaps: [] }, [], await auditIdsBetween(db, from, top), now, limits).state;
}

/** Sets the follower to this state whatever it was; a pass begun before it no longer saves (its version is stale). */
export async function restartFollower(db: Kysely<Database>, name: string, state: FollowerState, now: Date): Promise<void> {
  await overwriteFollower(db, name, { lastId: state.lastId, gapsJson: JSON.stringify(state.gaps) }, now);
}
