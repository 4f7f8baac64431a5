// Keeps the search index current. A full rebuild at import and at start; between them, the audit
// trail says what changed: every write records an audit event in its own transaction, so the events
// after the cursor name exactly the entities to read again. Each source decides what is public.
import type { Db } from '../../db/create-db.ts';
import type { SearchDocument, SearchSource } from '../../platform/search-source.ts';
import { auditSince, maxAuditId, readCursor, removeDocuments, replaceDocuments, writeCursor, writeDocuments } from './search.repository.ts';

/** Audit events read at a time while catching up. */
export const SYNC_BATCH = 500;

/** Reads every source whole and replaces the index with it, oldest record first; the cursor moves to the last audit event before the read. */
export async function rebuildSearchIndex(handle: Db, sources: readonly SearchSource[], now: Date): Promise<number> {
  const cursor = await maxAuditId(handle.db);
  const loaded: { source: SearchSource; docs: SearchDocument[] }[] = [];
  for (const s of sources) loaded.push({ source: s, docs: await s.load(handle.db) });
  await handle.db.transaction().execute(async (trx) => {
    for (const { source } of loaded) await removeDocuments(trx, source.entityType, null);
    await writeDocuments(trx, loaded.flatMap((l) => l.docs), now);
    await writeCursor(trx, cursor, now);
  });
  return loaded.reduce((n, l) => n + l.docs.length, 0);
}

/** Re-indexes the entities named by audit events after the cursor, batch by batch; returns how many events it read. */
export async function syncSearchIndex(handle: Db, sources: readonly SearchSource[], now: Date): Promise<number> {
  let read = 0;
  for (;;) {
    const cursor = await readCursor(handle.db);
    const events = await auditSince(handle.db, cursor, SYNC_BATCH);
    if (events.length === 0) return read;
    read += events.length;
    const byType = new Map<string, Set<string>>();
    for (const e of events) byType.set(e.entity_type, (byType.get(e.entity_type) ?? new Set()).add(e.entity_id));
    const loaded: { source: SearchSource; ids: string[]; docs: SearchDocument[] }[] = [];
    for (const s of sources) {
      const ids = byType.get(s.entityType);
      if (ids) loaded.push({ source: s, ids: [...ids], docs: await s.load(handle.db, [...ids]) });
    }
    await handle.db.transaction().execute(async (trx) => {
      for (const { source, ids, docs } of loaded) await replaceDocuments(trx, source.entityType, ids, docs, now);
      // Another process may have moved the cursor meanwhile: it never goes back.
      if ((await readCursor(trx)) < events[events.length - 1]!.id) await writeCursor(trx, events[events.length - 1]!.id, now);
    });
  }
}

/**
 * One process's view of the index: catches up before a search when the audit trail has moved (one
 * primary-key read when it has not), and shortly after a write. Catch-ups never overlap in a process.
 */
export class SearchIndexer {
  private running: Promise<unknown> = Promise.resolve();
  private known = -1;

  constructor(
    private readonly handle: Db,
    private readonly sources: () => readonly SearchSource[],
    private readonly now: () => Date,
  ) {}

  /** Catches up if the audit trail has moved past what this process last indexed. */
  catchUp(): Promise<void> {
    const run = this.running.then(async () => {
      const latest = await maxAuditId(this.handle.db);
      if (latest <= this.known) return;
      await syncSearchIndex(this.handle, this.sources(), this.now());
      this.known = latest;
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Waits for the catch-up under way, if any. */
  async idle(): Promise<void> {
    await this.running;
  }
}
