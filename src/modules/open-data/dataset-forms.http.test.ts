// Officers' forms for data sets and resources over HTTP: success, 400 with the field named, 401,
// 403 (citizens, other organizations), 404; nothing written on bad input; audit events; files served counted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';
import jsonld from 'jsonld';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

async function session(who: AccountName | null) {
  // These tests read the English texts of the pages (the site opens in Korean).
  const s = new Session(t.app).useLocale('en');
  if (who) await s.signIn(who);
  return s;
}

const DATASET = {
  slug: 'information-disclosure-requests',
  organization: 'mois',
  title: 'Information disclosure requests by year',
  description: 'A test data set.',
  theme: 'government',
  keywords: 'disclosure, requests',
  licence: 'KOGL Type 1',
  temporal_coverage: '2018 – 2020',
  spatial_coverage: 'Republic of Korea',
  update_frequency: 'Yearly',
  issued: '2020-01-15',
  modified: '2020-08-31',
  contact_point: 'Information Disclosure Policy Division',
  landing_page: 'https://www.open.go.kr/',
};

async function post(s: Session, url: string, fields: Record<string, string>) {
  const token = await s.csrf('/sign-in');
  return s.postForm(url, { _csrf: token, ...fields });
}

async function addResource(s: Session, slug: string, fields: { title?: string; format?: string; url?: string }, file?: { name: string; type: string; data: Buffer }) {
  const token = await s.csrf('/sign-in');
  const parts: { name: string; value?: string; filename?: string; contentType?: string; data?: Buffer }[] = [
    { name: '_csrf', value: token },
    { name: 'title', value: fields.title ?? 'Requests 2019' },
    { name: 'format', value: fields.format ?? 'CSV' },
    { name: 'url', value: fields.url ?? '' },
  ];
  if (file) parts.push({ name: 'file', filename: file.name, contentType: file.type, data: file.data });
  return s.postMultipart(`/open-data/datasets/${slug}/resources`, parts);
}

const count = async (table: 'od_datasets' | 'od_resources' | 'files') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const audits = async (action: string) => Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);

test('creating a data set: 303 to sign in, 401, 403, 400 naming the field, 409 for a taken name; the new set is in the API and the DCAT JSON-LD', async () => {
  const datasets = await count('od_datasets');
  assert.equal((await (await session(null)).get('/open-data/datasets/new')).statusCode, 303);
  assert.equal((await (await session('citizen')).get('/open-data/datasets/new')).statusCode, 403);
  assert.equal((await post(await session(null), '/open-data/datasets', DATASET)).statusCode, 401);
  assert.equal((await post(await session('citizen'), '/open-data/datasets', DATASET)).statusCode, 403);
  assert.equal((await post(await session('officerMfds'), '/open-data/datasets', DATASET)).statusCode, 403, 'only for one’s own organization');
  const mois = await session('officerMois');
  assert.equal((await mois.get('/open-data/datasets/new')).statusCode, 200);
  const bad = await post(mois, '/open-data/datasets', { ...DATASET, slug: 'Bad Slug', title: '', issued: '2020-02-30', landing_page: 'javascript:alert(1)' });
  assert.equal(bad.statusCode, 400);
  for (const m of ['address name is 1 to 80', 'Give the title', 'YYYY-MM-DD', 'http:// or https://']) assert.ok(bad.body.includes(m), m);
  assert.equal((await post(mois, '/open-data/datasets', { ...DATASET, slug: 'real-name-policy-tasks' })).statusCode, 409);
  assert.equal(await count('od_datasets'), datasets, 'nothing written');

  const ok = await post(mois, '/open-data/datasets', DATASET);
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/open-data/datasets/${DATASET.slug}?notice=dataset_saved`);
  const api = (await t.app.inject(`/api/v1/datasets/${DATASET.slug}`)).json();
  assert.equal(api.publisher, 'Ministry of the Interior and Safety');
  assert.deepEqual(api.keywords, ['disclosure', 'requests']);
  assert.equal(api.origin, 'officer');
  assert.equal(await audits('dataset.created'), 1);
  const expanded = (await jsonld.expand((await t.app.inject('/api/v1/catalog.jsonld')).json(), { documentLoader: async (u: string) => { throw new Error(`no network: ${u}`); } })) as Record<string, Record<string, unknown>[]>[];
  const mine = expanded[0]!['http://www.w3.org/ns/dcat#dataset']!.find((d) => String(d['@id']).endsWith(`/${DATASET.slug}`))!;
  assert.deepEqual(mine['http://purl.org/dc/terms/issued'], [{ '@value': '2020-01-15', '@type': 'http://www.w3.org/2001/XMLSchema#date' }]);
});

test('editing a data set: only its publisher; the change is audited with before and after', async () => {
  const url = `/open-data/datasets/${DATASET.slug}`;
  assert.equal((await post(await session(null), url, DATASET)).statusCode, 401);
  assert.equal((await post(await session('citizen'), url, DATASET)).statusCode, 403);
  assert.equal((await post(await session('officerMfds'), url, DATASET)).statusCode, 403);
  assert.equal((await post(await session('officerMois'), '/open-data/datasets/nope', DATASET)).statusCode, 404);
  assert.equal((await (await session('officerMfds')).get(`${url}/edit`)).statusCode, 403);
  const mois = await session('officerMois');
  assert.match((await mois.get(`${url}/edit`)).body, /value="Yearly"/);
  assert.equal((await post(mois, url, { ...DATASET, modified: '2019-01-01' })).statusCode, 400, 'modified before issued');
  const ok = await post(mois, url, { ...DATASET, update_frequency: 'Every quarter', slug: 'ignored-here', organization: 'mfds' });
  assert.equal(ok.statusCode, 303);
  const api = (await t.app.inject(`/api/v1/datasets/${DATASET.slug}`)).json();
  assert.equal(api.update_frequency, 'Every quarter');
  assert.equal(api.publisher_key, 'mois', 'the publisher does not change through the form');
  const ev = await t.db.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'dataset.edited').executeTakeFirstOrThrow();
  assert.equal(JSON.parse(ev.before_json!).update_frequency, 'Yearly');
  assert.equal(JSON.parse(ev.after_json!).update_frequency, 'Every quarter');
});

test('adding a resource: a link or a checked file, counted on download; bad input writes nothing', async () => {
  const slug = DATASET.slug;
  assert.equal((await addResource(await session(null), slug, { url: 'https://www.open.go.kr/' })).statusCode, 401);
  assert.equal((await addResource(await session('citizen'), slug, { url: 'https://www.open.go.kr/' })).statusCode, 403);
  assert.equal((await addResource(await session('officerMfds'), slug, { url: 'https://www.open.go.kr/' })).statusCode, 403);
  const mois = await session('officerMois');
  assert.equal((await addResource(mois, 'nope', { url: 'https://www.open.go.kr/' })).statusCode, 404);
  const before = { resources: await count('od_resources'), files: await count('files') };
  assert.equal((await addResource(mois, slug, {})).statusCode, 400, 'neither link nor file');
  assert.equal((await addResource(mois, slug, { url: 'https://x.test/' }, { name: 'a.csv', type: 'text/csv', data: Buffer.from('a,b\n1,2\n') })).statusCode, 400, 'both');
  assert.equal((await addResource(mois, slug, { url: 'ftp://x.test/' })).statusCode, 400);
  assert.equal((await addResource(mois, slug, { format: 'C S V' }, { name: 'a.csv', type: 'text/csv', data: Buffer.from('a,b\n') })).statusCode, 400);
  assert.equal((await addResource(mois, slug, {}, { name: 'x.exe', type: 'text/csv', data: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0xff]) })).statusCode, 415);
  assert.deepEqual({ resources: await count('od_resources'), files: await count('files') }, before);

  assert.equal((await addResource(mois, slug, { title: 'Portal', format: 'html', url: 'https://www.open.go.kr/' })).statusCode, 303);
  assert.equal((await addResource(mois, slug, { title: 'Requests 2019' }, { name: 'requests-2019.csv', type: 'text/csv', data: Buffer.from('year,requests\n2019,42\n') })).statusCode, 303);
  const api = (await t.app.inject(`/api/v1/datasets/${slug}`)).json();
  assert.deepEqual(api.resources.map((r: { kind: string; format: string }) => `${r.kind}:${r.format}`), ['link:HTML', 'file:CSV']);
  const file = api.resources[1];
  const dl = await t.app.inject(new URL(file.download_url).pathname);
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.body, 'year,requests\n2019,42\n');
  assert.match(dl.headers['content-disposition'] as string, /requests-2019\.csv/);
  const again = (await t.app.inject(`/api/v1/datasets/${slug}`)).json();
  assert.equal(again.resources[1].download_count, 1);
  assert.equal(await audits('dataset.resource_added'), 2);
});
