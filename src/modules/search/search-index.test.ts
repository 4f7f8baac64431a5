// Keeping the index current, on SQLite and (with TEST_DATABASE_URL) PostgreSQL: a start rebuilds only
// when it must and otherwise catches up from the audit follower's position; on PostgreSQL, an audit
// event that commits after a higher one (and one in flight during a rebuild) still reaches the index.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dialectUnderTest, freshDb, type TestDb } from '../../../test/support/db.ts';
import { importAll } from '../../bootstrap.ts';
import { searchSources } from '../../modules.ts';
import { restartFollower } from '../../platform/audit/audit-follower.ts';
import { loadFollower } from '../../platform/audit/audit-follower.repository.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import { requestSearchRebuild } from '../../platform/search-source.ts';
import { setSetting } from '../../platform/settings/settings.repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Kysely } from 'kysely';
import { ensureSearchIndex, rebuildSearchIndex, SEARCH_FOLLOWER, SearchIndexer } from './search-index.ts';
import { runSearch } from './search.load.ts';
import { readRebuildRequest, replaceDocuments } from './search.repository.ts';

let db: TestDb;
const clock = fixedClock('2026-11-20T03:00:00.000Z');
const options = { gapExpiryMs: 60_000 };
const ensure = () => ensureSearchIndex(db, searchSources(), clock.now(), options);
const found = async (q: string) => (await runSearch(db, { q })).results.map((r) => r.url);

before(async () => {
  db = await freshDb();
  await importAll(db, clock);
});
after(async () => db.destroy());

/** A draft petition (not public, so not indexed) titled with a word of its own. */
async function draftPetition(title: string): Promise<number> {
  const channel = await db.db.selectFrom('channels').select(['id']).where('kind', '=', 'petition').executeTakeFirstOrThrow();
  const at = clock.now().toISOString();
  const { id } = await db.db.insertInto('petitions').values({ channel_id: channel.id, title, body: 'Body', state: 'draft', created_at: at, source_notes: '[]', updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Opens the petition and records it, in the caller's transaction or on its own. */
async function openPetition(trx: Kysely<Database>, id: number): Promise<void> {
  await trx.updateTable('petitions').set({ state: 'open', open_at: clock.now().toISOString() }).where('id', '=', id).execute();
  await recordAudit(trx, { actor: null, action: 'petition.open', entityType: 'petition', entityId: id, public: true, at: clock.now() });
}

const marker = () => replaceDocuments(db.db, 'test_marker', null, [{ kind: 'proposal', entityType: 'test_marker', entityId: '1', url: '/marker', title: 'Wallabymarker', body: '', organization: null, state: null, date: null, plan: null, lang: 'en' }], clock.now());

test('a start after an import only catches up: the documents stay and a change since is indexed', async () => {
  // A document no source returns: a rebuild would drop it, a catch-up leaves it.
  await marker();
  const id = await draftPetition('Quollpetition of the start');
  await openPetition(db.db, id);
  const r = await ensure();
  assert.equal(r.rebuilt, null);
  assert.ok(r.events >= 1, 'the open petition was read from the audit log');
  assert.deepEqual(await found('wallabymarker'), ['/marker'], 'not rebuilt');
  assert.deepEqual(await found('quollpetition'), [`/petitions/${id}`], 'caught up');
  assert.equal((await ensure()).events, 0, 'nothing new: nothing read');
});

test('a changed format, a rebuild request or an empty index rebuilds at start', async () => {
  await setSetting(db.db, 'search.index_format', '0 commitment:commitment', clock.now());
  assert.equal((await ensure()).rebuilt, 'format');
  assert.deepEqual(await found('wallabymarker'), [], 'rebuilt from the sources');
  assert.equal((await found('quollpetition')).length, 1);
  assert.equal((await ensure()).rebuilt, null, 'the format is recorded');

  await requestSearchRebuild(db.db, 'test import', clock.now());
  assert.equal((await ensure()).rebuilt, 'requested');
  assert.equal(await readRebuildRequest(db.db), null, 'the request is answered');

  await db.db.deleteFrom('search_documents').execute();
  const empty = await ensure();
  assert.equal(empty.rebuilt, 'empty');
  assert.ok(empty.documents > 0);
});

test('a rebuild request is answered by a serving process at its next catch-up', async () => {
  await marker();
  const indexer = new SearchIndexer(db, searchSources, () => clock.now(), options);
  await requestSearchRebuild(db.db, 'test import', clock.now());
  await recordAudit(db.db, { actor: null, action: 'plan.ogp_imported', entityType: 'action_plan', entityId: 1, public: true, at: clock.now() });
  await indexer.catchUp();
  assert.deepEqual(await found('wallabymarker'), [], 'rebuilt');
  assert.equal(await readRebuildRequest(db.db), null);
});

/** Runs `work` in a transaction left open until the returned commit() is called. */
async function openTransaction(work: (trx: Kysely<Database>) => Promise<void>) {
  let commit!: () => void;
  const held = new Promise<void>((r) => (commit = r));
  let ready!: () => void;
  const started = new Promise<void>((r) => (ready = r));
  const done = db.db.transaction().execute(async (trx) => {
    await work(trx);
    ready();
    await held;
  });
  await started;
  return async () => {
    commit();
    await done;
  };
}

test('an audit id only awaited is looked for again at most every gapRecheckMs; a new event is read at once', async () => {
  let passes = 0;
  const indexer = new SearchIndexer(
    db,
    () => {
      passes += 1;
      return searchSources();
    },
    () => clock.now(),
    { ...options, gapRecheckMs: 5_000 },
  );
  await indexer.catchUp();
  // An id awaited below the position (on PostgreSQL, a transaction not yet committed): id 0 never appears.
  const position = (await loadFollower(db.db, SEARCH_FOLLOWER, clock.now())).last_id;
  const awaited = [{ id: 0, since: clock.now().toISOString() }];
  await restartFollower(db.db, SEARCH_FOLLOWER, { lastId: position, gaps: awaited }, clock.now());
  clock.advance(5_000);
  passes = 0;
  await indexer.catchUp();
  assert.equal(passes, 1, 'the awaited id is looked for');
  await indexer.catchUp();
  clock.advance(4_000);
  await indexer.catchUp();
  assert.equal(passes, 1, 'searches in between do not look again');
  const id = await draftPetition('Antechinuspetition while an id is awaited');
  await openPetition(db.db, id);
  await indexer.catchUp();
  assert.equal(passes, 2, 'a new event is read at once');
  assert.deepEqual(await found('antechinuspetition'), [`/petitions/${id}`]);
  clock.advance(4_999);
  await indexer.catchUp();
  assert.equal(passes, 2);
  clock.advance(1);
  await indexer.catchUp();
  assert.equal(passes, 3, 'looked for again once the interval has passed');
  const after = await loadFollower(db.db, SEARCH_FOLLOWER, clock.now());
  assert.deepEqual(JSON.parse(after.gaps_json), awaited, 'still awaited');
  await restartFollower(db.db, SEARCH_FOLLOWER, { lastId: after.last_id, gaps: [] }, clock.now());
});

// SQLite has one writer: a transaction holds the database until it commits, so an audit id is never
// visible after a higher one there. These two cases exist only on PostgreSQL.
const pgOnly = { skip: dialectUnderTest === 'sqlite' ? 'PostgreSQL only: on SQLite (one writer) no audit event commits after a higher one' : false };

test('PostgreSQL: an event committed after a higher one still reaches the index', pgOnly, async () => {
  const indexer = new SearchIndexer(db, searchSources, () => clock.now(), options);
  await indexer.catchUp();
  const early = await draftPetition('Bilbypetition committed late');
  const later = await draftPetition('Numbatpetition committed first');
  const commit = await openTransaction((trx) => openPetition(trx, early));
  let gaps: { id: number }[];
  let ids: { id: number; entity_id: string }[];
  try {
    await openPetition(db.db, later);
    ids = await db.db.selectFrom('audit_events').select(['id', 'entity_id']).where('entity_type', '=', 'petition').where('entity_id', 'in', [String(early), String(later)]).where('action', '=', 'petition.open').execute();
    assert.equal(ids.length, 1, 'the early transaction is not visible yet');
    await indexer.catchUp();
    assert.equal((await found('numbatpetition')).length, 1);
    assert.equal((await found('bilbypetition')).length, 0);
    gaps = JSON.parse((await loadFollower(db.db, SEARCH_FOLLOWER, clock.now())).gaps_json) as { id: number }[];
    assert.equal(gaps.length, 1, 'the lower id is awaited');
  } finally {
    // Never left open: the database could not be dropped.
    await commit();
  }
  const lateEvent = await db.db.selectFrom('audit_events').select('id').where('entity_type', '=', 'petition').where('entity_id', '=', String(early)).where('action', '=', 'petition.open').executeTakeFirstOrThrow();
  assert.ok(lateEvent.id < ids[0]!.id, 'the late event has the lower id');
  assert.equal(gaps[0]!.id, lateEvent.id);
  // Nothing new above the cursor: the catch-up runs because a gap is pending.
  await indexer.catchUp();
  assert.deepEqual(await found('bilbypetition'), [`/petitions/${early}`]);
  assert.equal((await loadFollower(db.db, SEARCH_FOLLOWER, clock.now())).gaps_json, '[]');
});

test('PostgreSQL: a rebuild during an open transaction awaits its event, and reads it once it commits', pgOnly, async () => {
  const indexer = new SearchIndexer(db, searchSources, () => clock.now(), options);
  const id = await draftPetition('Dunnartpetition in flight');
  const commit = await openTransaction((trx) => openPetition(trx, id));
  try {
    // A later event commits, so that the open one lies below the rebuild's cursor.
    await recordAudit(db.db, { actor: null, action: 'test.other', entityType: 'test', entityId: 1, public: true, at: clock.now() });
    await rebuildSearchIndex(db, searchSources(), clock.now());
    assert.equal((await found('dunnartpetition')).length, 0);
    const follower = await loadFollower(db.db, SEARCH_FOLLOWER, clock.now());
    assert.equal(JSON.parse(follower.gaps_json).length, 1, 'the open transaction’s id is a gap');
  } finally {
    await commit();
  }
  await indexer.catchUp();
  assert.deepEqual(await found('dunnartpetition'), [`/petitions/${id}`]);
});
