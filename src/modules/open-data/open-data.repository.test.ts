// Repository and import tests; they run on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importAll } from '../../bootstrap.ts';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { loadCatalog, catalogQuery } from './catalog.load.ts';
import { searchDatasets } from './catalog.repository.ts';
import { presentDcatCatalog } from './open-data.presenter.ts';
import { parseDeclaredSchema, checkCsv } from './table-schema.ts';
import { countRows, insertRows, insertTable, queryRows } from './tables.repository.ts';
import { publicCollections } from '../../modules.ts';
import jsonld from 'jsonld';

let t: TestContext;
before(async () => {
  t = await testApp({ accounts: false });
});
after(async () => t.close());

const count = async (table: 'od_datasets' | 'od_resources' | 'audit_events') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

test('the seed data sets and the platform collections are imported once; a second import changes nothing', async () => {
  const datasets = await count('od_datasets');
  const resources = await count('od_resources');
  assert.equal(datasets, 7 + (await publicCollections(t.db.db)).length, 'seven data sets from the seed, and the collections the modules publish');
  const audit = await count('audit_events');
  await t.db.db.updateTable('od_datasets').set({ modified: '2026-11-01' }).where('slug', '=', 'public-data-quality').execute();
  await importAll(t.db, t.clock);
  const kept = await t.db.db.selectFrom('od_datasets').select('modified').where('slug', '=', 'public-data-quality').executeTakeFirstOrThrow();
  assert.equal(kept.modified, '2026-11-01', 'a re-import never overwrites later changes');
  assert.equal(await count('od_datasets'), datasets);
  assert.equal(await count('od_resources'), resources);
  assert.equal(await count('audit_events'), audit);
  const heritage = (await loadCatalog(t.db.db, catalogQuery({ q: '3D' }), 'http://x'))[0]!;
  assert.equal(heritage.slug, 'cultural-heritage-3d-data');
  assert.equal(heritage.publisher, 'Culture Heritage Administration');
  assert.deepEqual(heritage.figures[0], { label: 'Sets of data open to the public on the 3D web portal', value: '1,521', as_of: 'December 2019', source: '§4 commitment 9, Description of the results' });
  const plan = (await loadCatalog(t.db.db, catalogQuery({ q: 'milestones' }), 'http://x')).find((d) => d.origin === 'platform')!;
  assert.deepEqual(plan.resources.map((r) => r.access_url), ['http://x/api/v1/plans/kr-2018-2020', 'http://x/plans/kr-2018-2020/milestones.csv']);
});

test('the catalog is searched by words, publisher, theme and format', async () => {
  const q = (o: Partial<ReturnType<typeof catalogQuery>>) => searchDatasets(t.db.db, { ...catalogQuery({}), ...o });
  assert.deepEqual((await q({ q: 'HARMFUL' })).map((d) => d.slug), ['harmful-substances-in-foods']);
  assert.deepEqual((await q({ q: '100%_' })).map((d) => d.slug), [], 'LIKE wildcards are taken literally');
  assert.ok((await q({ organization: 'mois' })).every((d) => d.organization_key === 'mois'));
  assert.equal((await q({ organization: 'mois' })).length, 3);
  assert.ok((await q({ theme: 'culture' })).length >= 3);
  const withCsv = (await publicCollections(t.db.db)).filter((c) => c.resources.some((r) => r.format === 'CSV'));
  assert.deepEqual((await q({ format: 'CSV' })).map((d) => d.origin), withCsv.map(() => 'platform'));
});

test('a table is stored and queried by filter, sort and page', async () => {
  const d = (await searchDatasets(t.db.db, { ...catalogQuery({}), q: 'harmful' }))[0]!;
  const s = parseDeclaredSchema('food:text:filter\nyear:integer:filter\namount:number:filter');
  assert.ok(s.ok);
  if (!s.ok) return;
  const lines = ['food,year,amount'];
  for (let i = 0; i < 1200; i++) lines.push(`${['rice', 'wheat', 'milk'][i % 3]},${2015 + (i % 5)},${(i % 50) / 10}`);
  const checked = checkCsv(Buffer.from(lines.join('\n')), s.columns, 10_000);
  assert.ok(checked.ok);
  if (!checked.ok) return;
  const id = await insertTable(t.db.db, { dataset_id: d.id, slug: 'sample', title: 'Sample', columns: s.columns, row_count: checked.rows.length, created_by: null, created_at: new Date().toISOString() });
  await insertRows(t.db.db, id, checked.rows);
  const base = { filters: {}, sort: { slot: 'row_no' as const, numeric: true, desc: false }, limit: 10, offset: 0 };
  assert.equal(await countRows(t.db.db, id, base), 1200);
  const rice2019 = { ...base, filters: { f1: 'rice', f2: '2019' } };
  assert.equal(await countRows(t.db.db, id, rice2019), 80);
  const page = await queryRows(t.db.db, id, { ...rice2019, offset: 10 });
  assert.equal(page.length, 10);
  assert.ok(page.every((r) => r.cells[0] === 'rice' && r.cells[1] === '2019'));
  const byAmount = await queryRows(t.db.db, id, { ...base, sort: { slot: 'f3', numeric: true, desc: true }, limit: 3 });
  assert.deepEqual(byAmount.map((r) => r.cells[2]), ['4.9', '4.9', '4.9'], 'numbers sort as numbers, not as text');
  const asc = await queryRows(t.db.db, id, { ...base, sort: { slot: 'f3', numeric: true, desc: false }, limit: 1 });
  assert.equal(asc[0]!.cells[2], '0');
});

// The real JSON-LD processor, with a document loader that refuses every URL: the catalog's @context is
// inline, so expansion must need no network at all.
const asked: string[] = [];
const offline = {
  documentLoader: async (url: string): Promise<never> => {
    asked.push(url);
    throw new Error(`remote document refused: ${url}`);
  },
};

test('GET /api/v1/catalog.jsonld expands with the jsonld processor, offline, to the DCAT and Dublin Core IRIs', async () => {
  const res = await t.app.inject('/api/v1/catalog.jsonld');
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  asked.length = 0;
  const expanded = (await jsonld.expand(doc, offline)) as Record<string, unknown[]>[];
  assert.deepEqual(asked, [], 'no remote document was needed');
  assert.equal(expanded.length, 1);
  const catalog = expanded[0]!;
  assert.deepEqual(catalog['@type'], ['http://www.w3.org/ns/dcat#Catalog']);
  const datasets = catalog['http://www.w3.org/ns/dcat#dataset'] as Record<string, unknown[]>[];
  assert.equal(datasets.length, doc['dcat:dataset'].length);
  assert.equal(datasets.length, 7 + (await publicCollections(t.db.db)).length, 'the seven data sets of the seed and the platform collections: none dropped by expansion');
  for (const d of datasets) {
    assert.deepEqual(d['@type'], ['http://www.w3.org/ns/dcat#Dataset']);
    assert.match(String(d['@id']), /^http:\/\/localhost:\d+\/open-data\/datasets\//);
    const title = d['http://purl.org/dc/terms/title'] as { '@value': string }[];
    assert.equal(typeof title[0]!['@value'], 'string');
  }
  const heritage = datasets.find((d) => String(d['@id']).endsWith('/cultural-heritage-3d-data'))!;
  const publisher = (heritage['http://purl.org/dc/terms/publisher'] as Record<string, unknown[]>[])[0]!;
  assert.deepEqual(publisher['@type'], ['http://xmlns.com/foaf/0.1/Agent']);
  const withDistribution = datasets.find((d) => d['http://www.w3.org/ns/dcat#distribution'])!;
  const dist = (withDistribution['http://www.w3.org/ns/dcat#distribution'] as Record<string, unknown[]>[])[0]!;
  assert.deepEqual(dist['@type'], ['http://www.w3.org/ns/dcat#Distribution']);
  assert.ok(dist['http://www.w3.org/ns/dcat#downloadURL']);
});

test('the offline loader is really in force: a document naming a remote context fails to expand', async () => {
  asked.length = 0;
  await assert.rejects(jsonld.expand({ '@context': 'https://www.w3.org/ns/dcat.jsonld', '@type': 'Dataset' }, offline));
  assert.deepEqual(asked, ['https://www.w3.org/ns/dcat.jsonld']);
});
