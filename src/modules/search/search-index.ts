// Keeps the search index current. Every write records an audit event in its own transaction, and the
// platform's audit follower (named SEARCH_FOLLOWER) hands each committed event over once, those that
// commit late on PostgreSQL (a lower id visible after a higher one) included: the entities they name
// are read again. Each source decides what is public.
//
// A full rebuild happens only when it is needed (ensureSearchIndex, at start): the index was built in
// another format (SEARCH_INDEX_FORMAT, or another set of sources), a rebuild was asked for (an import:
// requestSearchRebuild in src/platform/search-source.ts; a serving process also rebuilds at its next
// catch-up), or the index is empty. Otherwise a start only catches up from the follower's position.
// `madang search-rebuild` forces one.
import type { Kysely } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_FOLLOWER_LIMITS, followAudit, followerDue, latestAuditId, restartFollower, snapshotState, type FollowerState, type FollowResult } from '../../platform/audit/audit-follower.ts';
import type { SearchDocument, SearchSource } from '../../platform/search-source.ts';
import { clearRebuildRequest, indexIsEmpty, readIndexFormat, readRebuildRequest, replaceDocuments, writeDocuments, writeIndexFormat } from './search.repository.ts';

/** Audit events read at a time while catching up. */
export const SYNC_BATCH = 500;

/** The audit follower's name for the index (its row in audit_followers). */
export const SEARCH_FOLLOWER = 'search';

/**
 * The index's format. Bump it whenever the same records would be indexed differently: the text
 * normalisation (buildGrams, vocabularyWords in search-text.ts), the facets (facetTokens), the columns
 * written (writeDocuments), or what a source returns (its documents' texts, kinds, states, visibility).
 * The next start then rebuilds the index. A source added or removed is noticed without a bump.
 */
export const SEARCH_INDEX_FORMAT = 1;

/** What the index records as its format: the version and the sources it was built from. */
export function indexFormat(sources: readonly SearchSource[]): string {
  return `${SEARCH_INDEX_FORMAT} ${[...new Set(sources.map((s) => `${s.entityType}:${s.kind}`))].sort().join(',')}`;
}

export interface SearchSyncOptions {
  /** How long an audit id missing below the follower's cursor is looked for (AUDIT_GAP_EXPIRY_SECONDS). */
  gapExpiryMs: number;
  batch?: number;
}

/**
 * Reads every source whole and replaces the index with it, oldest record first; the follower restarts
 * at what that read saw. On PostgreSQL the read is one repeatable-read snapshot whose first statement
 * takes the follower's state: its cursor is the highest audit id visible, and the ids below it not
 * visible (transactions still open, whose changes the read did not see) are its gaps, so that they are
 * read when they commit. Every other id up to the cursor was committed before the snapshot, so the read
 * covers it. On SQLite (one writer) the cursor is the highest id and there are no gaps. A catch-up
 * running meanwhile in another process cannot save over the new state (its version is stale).
 */
export async function rebuildSearchIndex(handle: Db, sources: readonly SearchSource[], now: Date): Promise<number> {
  const request = await readRebuildRequest(handle.db);
  const read = async (db: Kysely<Database>) => {
    const state: FollowerState = handle.dialect === 'postgres' ? await snapshotState(db, now, { expiryMs: 0, maxGaps: DEFAULT_FOLLOWER_LIMITS.maxGaps }) : { lastId: await latestAuditId(db), gaps: [] };
    const loaded: SearchDocument[][] = [];
    for (const s of sources) loaded.push(await s.load(db));
    return { state, docs: loaded.flat() };
  };
  const { state, docs } = handle.dialect === 'postgres' ? await handle.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read) : await read(handle.db);
  await handle.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('search_documents').execute();
    await writeDocuments(trx, docs, now);
    await restartFollower(trx, SEARCH_FOLLOWER, state, now);
    await writeIndexFormat(trx, indexFormat(sources), now);
    if (request !== null) await clearRebuildRequest(trx, request);
  });
  return docs.length;
}

/** Re-indexes the entities named by the audit events the follower hands over (a rebuild instead, when one was asked for). */
export async function syncSearchIndex(handle: Db, sources: readonly SearchSource[], now: Date, o: SearchSyncOptions): Promise<FollowResult & { rebuilt: boolean }> {
  if ((await readRebuildRequest(handle.db)) !== null) {
    await rebuildSearchIndex(handle, sources, now);
    return { events: 0, late: 0, gaps: 0, givenUp: 0, saved: true, rebuilt: true };
  }
  const options = { name: SEARCH_FOLLOWER, expiryMs: o.gapExpiryMs, batch: o.batch ?? SYNC_BATCH, maxGaps: DEFAULT_FOLLOWER_LIMITS.maxGaps };
  const r = await followAudit(handle.db, now, options, async (events) => {
    const byType = new Map<string, Set<string>>();
    for (const e of events) byType.set(e.entity_type, (byType.get(e.entity_type) ?? new Set()).add(e.entity_id));
    const loaded: { source: SearchSource; ids: string[]; docs: SearchDocument[] }[] = [];
    for (const s of sources) {
      const ids = byType.get(s.entityType);
      if (ids) loaded.push({ source: s, ids: [...ids], docs: await s.load(handle.db, [...ids]) });
    }
    if (loaded.length === 0) return;
    await handle.db.transaction().execute(async (trx) => {
      for (const { source, ids, docs } of loaded) await replaceDocuments(trx, source.entityType, ids, docs, now);
    });
  });
  return { ...r, rebuilt: false };
}

export type RebuildReason = 'format' | 'requested' | 'empty';

/** Why the index must be rebuilt, or null when catching up is enough. An empty index is rebuilt (cheap when the sources are empty too). */
export async function rebuildReason(db: Kysely<Database>, sources: readonly SearchSource[]): Promise<RebuildReason | null> {
  if ((await readIndexFormat(db)) !== indexFormat(sources)) return 'format';
  if ((await readRebuildRequest(db)) !== null) return 'requested';
  if (await indexIsEmpty(db)) return 'empty';
  return null;
}

/** At start: rebuilds the index when it must (rebuildReason), else catches up from the follower's position. */
export async function ensureSearchIndex(handle: Db, sources: readonly SearchSource[], now: Date, o: SearchSyncOptions): Promise<{ rebuilt: RebuildReason | null; documents: number; events: number }> {
  const reason = await rebuildReason(handle.db, sources);
  if (reason) return { rebuilt: reason, documents: await rebuildSearchIndex(handle, sources, now), events: 0 };
  const r = await syncSearchIndex(handle, sources, now, o);
  return { rebuilt: r.rebuilt ? 'requested' : null, documents: 0, events: r.events };
}

/**
 * One process's view of the index: catches up before a search when the follower is behind (the audit
 * trail moved past its cursor, or ids below it are still awaited: one statement when neither), and
 * shortly after a write. Catch-ups never overlap in a process.
 */
export class SearchIndexer {
  private running: Promise<unknown> = Promise.resolve();
  private gapsCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly handle: Db,
    private readonly sources: () => readonly SearchSource[],
    private readonly now: () => Date,
    private readonly options: SearchSyncOptions & { gapRecheckMs?: number },
  ) {}

  /**
   * Catches up if the follower is behind. Ids only awaited below the cursor (on PostgreSQL, a transaction
   * still open or rolled back, for up to the gap expiry) are looked for again at most every
   * `gapRecheckMs`, not before every search; new events are read at once.
   */
  catchUp(): Promise<void> {
    const run = this.running.then(async () => {
      const due = await followerDue(this.handle.db, SEARCH_FOLLOWER);
      if (due === null) return;
      const now = this.now();
      if (due === 'gaps' && now.getTime() - this.gapsCheckedAt < (this.options.gapRecheckMs ?? 0)) return;
      await syncSearchIndex(this.handle, this.sources(), now, this.options);
      // Every pass looks for the awaited ids first.
      this.gapsCheckedAt = now.getTime();
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Waits for the catch-up under way, if any. */
  async idle(): Promise<void> {
    await this.running;
  }
}
