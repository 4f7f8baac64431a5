// The index on SQLite and (with TEST_DATABASE_URL) PostgreSQL: a Korean two-character part of a
// word is found, ranking puts the title first, filters narrow, hidden records never appear, and a
// change recorded in the audit trail re-indexes its record.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { importAll } from '../../bootstrap.ts';
import { searchSources } from '../../modules.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { SearchDocument } from '../../platform/search-source.ts';
import { rebuildSearchIndex, SEARCH_FOLLOWER, SearchIndexer, syncSearchIndex } from './search-index.ts';
import { COUNT_CAP, runSearch } from './search.load.ts';
import { RANK_CANDIDATES, replaceDocuments } from './search.repository.ts';
import { loadFollower } from '../../platform/audit/audit-follower.repository.ts';
import { latestAuditId } from '../../platform/audit/audit-follower.ts';

let db: TestDb;
const clock = fixedClock('2026-11-20T03:00:00.000Z');

const doc = (id: string, over: Partial<SearchDocument>): SearchDocument => ({
  kind: 'proposal',
  entityType: 'test_doc',
  entityId: id,
  url: `/test/${id}`,
  title: 'Untitled',
  body: '',
  organization: null,
  state: null,
  date: null,
  plan: null,
  lang: 'ko',
  ...over,
});

before(async () => {
  db = await freshDb();
  await importAll(db, clock);
  await db.db.transaction().execute((trx) =>
    replaceDocuments(
      trx,
      'test_doc',
      null,
      [
        doc('1', { title: '광화문 광장 시민 토론회', body: '열린 정부 포럼이 광화문에서 열렸다.', organization: 'mois', state: 'submitted', date: '2019-05-02' }),
        doc('2', { title: '지역 회의록', body: '광화문 인근 주민의 제안을 모았다.', organization: 'mfds', state: 'adopted', date: '2020-03' }),
        doc('3', { title: 'Zebrafish ledger', body: 'Nothing about zebrafish in the title of the other one.', kind: 'dataset', lang: 'en', date: '2018' }),
        doc('4', { title: 'Other ledger', body: 'A zebrafish note in the body only.', kind: 'dataset', lang: 'en', date: '2021-01-10' }),
      ],
      clock.now(),
    ),
  );
});
after(async () => db.destroy());

const ids = (r: Awaited<ReturnType<typeof runSearch>>) => r.results.map((x) => x.url);

test('a two-character Korean part of a compound is found (화문 in 광화문), and a longer one too', async () => {
  assert.deepEqual(ids(await runSearch(db, { q: '화문' })).sort(), ['/test/1', '/test/2']);
  assert.deepEqual(ids(await runSearch(db, { q: '광화문 광장' })), ['/test/1']);
  assert.deepEqual(ids(await runSearch(db, { q: '화문 주민' })), ['/test/2'], 'a two-character and a longer word together');
  assert.deepEqual(ids(await runSearch(db, { q: '문광' })), [], 'no match across a space');
  const r = await runSearch(db, { q: '화문' });
  assert.ok(r.results[0]!.titleSegments.some((s) => s.hit && s.text === '화문'));
});

test('ranking: a match in the title comes before one in the body only', async () => {
  const r = await runSearch(db, { q: 'zebrafish' });
  assert.deepEqual(ids(r), ['/test/3', '/test/4']);
  assert.deepEqual(ids(await runSearch(db, { q: '화문' })), ['/test/1', '/test/2']);
});

test('filters: kind, organization, state and date range (a month or year counts from its first day)', async () => {
  assert.deepEqual(ids(await runSearch(db, { q: '화문', organization: 'mfds' })), ['/test/2']);
  assert.deepEqual(ids(await runSearch(db, { q: '화문', state: 'submitted' })), ['/test/1']);
  assert.deepEqual(ids(await runSearch(db, { q: '화문', kind: 'dataset' })), []);
  assert.deepEqual(ids(await runSearch(db, { q: '화문', from: '2020-01-01' })), ['/test/2']);
  assert.deepEqual(ids(await runSearch(db, { q: '화문', to: '2019-12-31' })), ['/test/1']);
  assert.deepEqual(ids(await runSearch(db, { q: 'zebrafish', from: '2018-01-01', to: '2018-01-01' })), ['/test/3']);
  assert.deepEqual(ids(await runSearch(db, { q: '화문', from: '2019-01-01', to: '2019-12-31' })), ['/test/1'], 'a whole year');
  assert.deepEqual(ids(await runSearch(db, { q: '화문', from: '2019-05-03', to: '2020-12-31' })), ['/test/2'], 'part of a year: the day counts');
  assert.deepEqual(ids(await runSearch(db, { q: '화문', from: '2019-05-02', to: '2019-05-02' })), ['/test/1']);
  assert.deepEqual(ids(await runSearch(db, { q: '화문', organization: 'mfds', state: 'submitted' })), [], 'every filter applies');
  assert.deepEqual(ids(await runSearch(db, { q: '화문 광장', organization: 'mois', from: '2019-01-01', to: '2019-12-31' })), ['/test/1'], 'two-character and longer words with filters');
  await assert.rejects(runSearch(db, { q: 'x', from: '2020-02-30' }), /bad date range/);
  await assert.rejects(runSearch(db, { q: 'x', from: '2020-02-02', to: '2020-02-01' }), /bad date range/);
});

test('a typo finds the closest word of the indexed texts, and says so', async () => {
  const r = await runSearch(db, { q: 'zebrafisch' });
  assert.equal(r.corrected, 'zebrafish');
  assert.deepEqual(ids(r), ['/test/3', '/test/4']);
  assert.equal((await runSearch(db, { q: 'qqqqqqq' })).total, 0);
});

test('the seed is indexed; pages are counted and cut', async () => {
  const all = await runSearch(db, { q: 'data', per_page: 5 });
  assert.ok(all.total > 5, `seed has data records (${all.total})`);
  assert.equal(all.results.length, 5);
  const second = await runSearch(db, { q: 'data', per_page: 5, page: 2 });
  assert.equal(second.results.filter((x) => all.results.some((y) => y.url === x.url && y.title === x.title)).length, 0);
  assert.ok((await runSearch(db, { q: 'open data', kind: 'commitment' })).results.every((x) => x.kind === 'commitment'));
});

test('hidden records never appear; a change in the audit trail re-indexes its record', async () => {
  const channel = await db.db.selectFrom('channels').select(['id']).where('kind', '=', 'petition').executeTakeFirstOrThrow();
  const at = clock.now().toISOString();
  const { id } = await db.db
    .insertInto('petitions')
    .values({ channel_id: channel.id, title: 'Quokkapetition about 남대문시장', body: 'Body', state: 'draft', created_at: at, source_notes: '[]', updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db.db, { actor: null, action: 'petition.draft', entityType: 'petition', entityId: id, public: false, at: clock.now() });
  const indexer = new SearchIndexer(db, searchSources, () => clock.now(), { gapExpiryMs: 60_000 });
  await indexer.catchUp();
  assert.equal((await runSearch(db, { q: 'quokkapetition' })).total, 0, 'a draft is not indexed');
  assert.equal((await runSearch(db, { q: '대문' })).total, 0);

  await db.db.updateTable('petitions').set({ state: 'open', open_at: at }).where('id', '=', id).execute();
  await recordAudit(db.db, { actor: null, action: 'petition.open', entityType: 'petition', entityId: id, public: true, at: clock.now() });
  await indexer.catchUp();
  assert.deepEqual(ids(await runSearch(db, { q: '대문' })), [`/petitions/${id}`], 'opened: found, by a two-character part too');

  const proposal = await db.db.selectFrom('proposals').select(['id', 'title']).where('hidden_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const word = proposal.title.split(/\s+/).filter((w) => w.length >= 4).slice(0, 3).join(' ');
  assert.ok((await runSearch(db, { q: word, kind: 'proposal' })).results.some((r) => r.url === `/proposals/${proposal.id}`));
  await db.db.updateTable('proposals').set({ hidden_at: at, hidden_reason: 'test' }).where('id', '=', proposal.id).execute();
  await recordAudit(db.db, { actor: null, action: 'proposal.hidden', entityType: 'proposal', entityId: proposal.id, public: true, at: clock.now() });
  await syncSearchIndex(db, searchSources(), clock.now(), { gapExpiryMs: 60_000 });
  assert.ok(!(await runSearch(db, { q: word, kind: 'proposal' })).results.some((r) => r.url === `/proposals/${proposal.id}`), 'a hidden proposal leaves the index');

  assert.equal((await loadFollower(db.db, SEARCH_FOLLOWER, clock.now())).last_id, await latestAuditId(db.db), 'the follower has read every event');
  // A full rebuild agrees with the incremental index.
  await rebuildSearchIndex(db, searchSources(), clock.now());
  assert.deepEqual(ids(await runSearch(db, { q: '대문' })), [`/petitions/${id}`]);
  assert.ok(!(await runSearch(db, { q: word, kind: 'proposal' })).results.some((r) => r.url === `/proposals/${proposal.id}`));
});

test('a common word: pages run past the ranking window without repeating or losing a record, and filters agree with the records', async () => {
  const many = RANK_CANDIDATES + 60;
  const docs = Array.from({ length: many }, (_, i) =>
    doc(`w${i}`, { title: i % 7 === 0 ? `Wombatword title ${i}` : `Record ${i}`, body: `wombatword body ${i}`, kind: i % 3 === 0 ? 'dataset' : 'proposal', organization: i % 2 ? 'mois' : 'mfds', state: i % 5 ? 'open' : 'closed', date: `${2015 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`, lang: 'en' }),
  );
  await db.db.transaction().execute((trx) => replaceDocuments(trx, 'test_window', null, docs.map((d) => ({ ...d, entityType: 'test_window' })), clock.now()));
  const first = await runSearch(db, { q: 'wombatword', per_page: 100 });
  assert.equal(first.total, Math.min(many, COUNT_CAP));
  assert.equal(first.more, many > COUNT_CAP);
  assert.ok(first.results.slice(0, 10).every((r) => r.title.startsWith('Wombatword')), 'titles first');
  const seen = new Set<string>();
  for (let page = 1; page <= Math.ceil(many / 100); page++) for (const r of (await runSearch(db, { q: 'wombatword', per_page: 100, page })).results) seen.add(r.url);
  assert.equal(seen.size, many, 'every record once across the pages');
  const expected = (keep: (d: SearchDocument) => boolean) => docs.filter(keep).map((d) => d.url).sort();
  const all = async (p: Parameters<typeof runSearch>[1]) => {
    const out: string[] = [];
    for (let page = 1; page <= 20; page++) {
      const r = await runSearch(db, { ...p, q: 'wombatword', per_page: 100, page });
      if (r.results.length === 0) break;
      out.push(...ids(r));
    }
    return out.sort();
  };
  assert.deepEqual(await all({ kind: 'dataset', organization: 'mois', state: 'open' }), expected((d) => d.kind === 'dataset' && d.organization === 'mois' && d.state === 'open'));
  assert.deepEqual(await all({ from: '2016-01-01', to: '2017-12-31', state: 'closed' }), expected((d) => d.date! >= '2016' && d.date! < '2018' && d.state === 'closed'));
  assert.deepEqual(await all({ from: '2016-03-15', to: '2017-02-10', kind: 'proposal' }), expected((d) => d.date! >= '2016-03-15' && d.date! <= '2017-02-10' && d.kind === 'proposal'));
  assert.deepEqual(await all({ from: '2021-06-01' }), expected((d) => d.date! >= '2021-06-01'));
});
