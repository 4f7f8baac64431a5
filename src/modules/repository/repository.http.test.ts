// The repository over HTTP: who may publish, what bad input gets (and that it writes nothing), the
// pages, the downloads, the API and the Atom feed parsed as XML.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';
import { childNamed, childrenNamed, parseXml } from '../../../test/support/xml.ts';
import { repositoryHalfYears } from './index.ts';

let t: TestContext;
before(async () => {
  t = await testApp({ config: { uploadMaxBytes: 4096 } });
});
after(async () => t.close());

const SLUG = 'kr-2018-2020';
const PDF = Buffer.from('%PDF-1.7\nminutes of the forum\n%%EOF\n');

async function counts() {
  const n = async (table: 'repository_documents' | 'files') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n);
  return { documents: await n('repository_documents'), files: await n('files'), audit };
}

async function session(who: AccountName | null) {
  // These tests read the English texts of the pages (the site opens in Korean).
  const s = new Session(t.app).useLocale('en');
  if (who) await s.signIn(who);
  return s;
}

async function publish(s: Session, fields: Record<string, string>, file: { filename: string; contentType: string; data: Buffer } | null = { filename: 'minutes.pdf', contentType: 'application/pdf', data: PDF }) {
  const token = await s.csrf('/sign-in');
  return s.postMultipart(`/plans/${SLUG}/repository/documents`, [
    { name: '_csrf', value: token },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...(file ? [{ name: 'file', ...file }] : []),
  ]);
}

const planDoc = { title: '4th forum meeting minutes', kind: 'forum_minutes', document_date: '2019-03-14', commitment: '', description: 'Minutes & decisions <of the forum>' };

test('an empty repository says so, in both languages, and its API and feed are valid', async () => {
  const page = await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/repository?lang=en` });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('Nothing has been published to this repository yet.'));
  const ko = await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/repository?lang=ko` });
  assert.ok(ko.body.includes('OGP 자료실'));
  const api = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/repository` })).json();
  assert.deepEqual([api.items, api.half_years], [[], []]);
  const feed = parseXml((await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/repository.atom` })).body);
  assert.equal(feed.name, 'feed');
  assert.equal(childrenNamed(feed, 'entry').length, 0);
});

test('who may publish: admins for the whole plan; officers only to the commitments their organization leads', async () => {
  const cases: [AccountName | null, Record<string, string>, number][] = [
    [null, planDoc, 401],
    ['citizen', planDoc, 403],
    ['forum', planDoc, 403],
    ['officerMois', planDoc, 403],
    ['officerMfds', { ...planDoc, commitment: '3' }, 403],
    ['citizen', { ...planDoc, commitment: '3' }, 403],
    ['citizen', { ...planDoc, commitment: '99' }, 403],
    ['officerMois', { ...planDoc, commitment: '3', title: 'Real-name policy disclosure list' }, 303],
    ['admin', planDoc, 303],
  ];
  for (const [who, fields, status] of cases) {
    const before = await counts();
    const res = await publish(await session(who), fields);
    assert.equal(res.statusCode, status, `${who ?? 'visitor'} → ${fields.commitment || 'plan'}: ${res.body.slice(0, 200)}`);
    const after = await counts();
    if (status === 303) assert.deepEqual(after, { documents: before.documents + 1, files: before.files + 1, audit: before.audit + 1 });
    else assert.deepEqual(after, before, `${who ?? 'visitor'} wrote nothing`);
  }
  const form = await (await session('citizen')).get(`/plans/${SLUG}/repository/documents/new`);
  assert.equal(form.statusCode, 403);
  const visitor = await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/repository/documents/new` });
  assert.equal(visitor.statusCode, 303, 'a visitor is sent to sign in');
  assert.match(String(visitor.headers.location), /^\/sign-in\?next=/);
  assert.equal((await (await session('officerMois')).get(`/plans/${SLUG}/repository/documents/new`)).statusCode, 200);
});

test('bad input: a clear message in place, 400, 413 or 415, and nothing written', async () => {
  const admin = await session('admin');
  const cases: [Record<string, string>, Parameters<typeof publish>[2], number, RegExp][] = [
    [{ ...planDoc, title: '  ' }, undefined, 400, /Give the document a title/],
    [{ ...planDoc, kind: 'gossip' }, undefined, 400, /Choose the kind of document/],
    [{ ...planDoc, document_date: '2019-02-30' }, undefined, 400, /2019-02-30/],
    [{ ...planDoc, document_date: '2027-01-01' }, undefined, 400, /cannot be in the future/],
    [{ ...planDoc, commitment: '99' }, undefined, 400, /no commitment (&#34;|")99(&#34;|")/],
    [planDoc, null, 400, /Choose the file to publish/],
    [planDoc, { filename: 'x.pdf', contentType: 'application/pdf', data: Buffer.from('<!doctype html><script>alert(1)</script>') }, 415, /not an accepted kind of file/],
    [planDoc, { filename: 'big.pdf', contentType: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(5000, 32)]) }, 413, /larger than|larger/],
  ];
  for (const [fields, file, status, message] of cases) {
    const before = await counts();
    const res = file === undefined ? await publish(admin, fields) : await publish(admin, fields, file);
    assert.equal(res.statusCode, status, `${JSON.stringify(fields)}: ${res.body.slice(0, 200)}`);
    assert.match(res.body, message);
    assert.deepEqual(await counts(), before);
  }
  const noCsrf = await admin.postMultipart(`/plans/${SLUG}/repository/documents`, [{ name: 'title', value: 'x' }]);
  assert.equal(noCsrf.statusCode, 403);
  const token = await admin.csrf('/sign-in');
  const unknownPlan = await admin.postMultipart('/plans/nope/repository/documents', [{ name: '_csrf', value: token }, { name: 'title', value: 'x' }]);
  assert.equal(unknownPlan.statusCode, 404);
});

test('the plan page lists documents and progress evidence, dated and downloadable; the commitment page only its own', async () => {
  // An officer's progress update with a file: gathered, not copied.
  const officer = await session('officerMois');
  const token = await officer.csrf('/sign-in');
  const update = await officer.postMultipart(`/plans/${SLUG}/commitments/3/updates`, [
    { name: '_csrf', value: token },
    { name: 'body', value: 'Published the list of real-name policy tasks.' },
    { name: 'occurred_on', value: '2026-11-10' },
    { name: 'links', value: 'https://www.open.go.kr/policy' },
    { name: 'files', filename: 'list.csv', contentType: 'text/csv', data: Buffer.from('task,official\n1,Kim\n') },
  ]);
  assert.equal(update.statusCode, 303);
  const before = await counts();

  const page = await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/repository?lang=en` });
  assert.equal(page.statusCode, 200);
  for (const text of ['4th forum meeting minutes', 'Real-name policy disclosure list', 'Published the list of real-name policy tasks.', 'Download list.csv', 'Link: https://www.open.go.kr/policy', 'Forum minutes', 'Minutes &amp; decisions &lt;of the forum']) {
    assert.ok(page.body.includes(text), text);
  }
  assert.ok(!page.body.includes('<of the forum>'), 'escaped');
  const api = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/repository` })).json();
  assert.equal(api.items.length, 3);
  assert.deepEqual(api.items.map((i: { type: string }) => i.type).sort(), ['document', 'document', 'progress_update']);
  const minutes = api.items.find((i: { title: string | null }) => i.title === '4th forum meeting minutes');
  assert.deepEqual([minutes.kind, minutes.stream, minutes.date, minutes.commitment], ['forum_minutes', 'process', '2019-03-14', null]);
  const download = await t.app.inject({ method: 'GET', url: minutes.files[0].url.replace('http://localhost:3000', '') });
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.match(String(download.headers['content-disposition']), /^attachment; filename="minutes.pdf"/);
  assert.deepEqual(download.rawPayload, PDF);
  const progress = api.items.find((i: { type: string }) => i.type === 'progress_update');
  assert.equal(progress.files.length, 2);
  const csv = await t.app.inject({ method: 'GET', url: progress.files.find((f: { title: string }) => f.title === 'list.csv').url.replace('http://localhost:3000', '') });
  assert.equal(csv.body, 'task,official\n1,Kim\n');
  assert.deepEqual(api.half_years, [{ half: '2026-H2', start: '2026-07-01', end: '2026-12-31', process: 2, implementation: 1, total: 3 }], 'two forum minutes (process), one progress update (implementation)');
  assert.deepEqual(await repositoryHalfYears(t.db.db, SLUG), api.half_years, 'the exported function gives the same counts');
  assert.equal(await repositoryHalfYears(t.db.db, 'nope'), null);

  const c3 = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/commitments/3/repository` })).json();
  assert.deepEqual(c3.items.map((i: { commitment: string }) => i.commitment), ['3', '3']);
  const c1 = (await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/commitments/1/repository?lang=en` }));
  assert.equal(c1.statusCode, 200);
  assert.ok(c1.body.includes('Repository of commitment 1') && c1.body.includes('Nothing has been published'));
  assert.deepEqual(await counts(), before, 'reading writes nothing');
});

test('the Atom feed is well-formed Atom 1.0 with every required element', async () => {
  const res = await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/repository.atom?lang=en` });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
  const feed = parseXml(res.body);
  assert.equal(feed.name, 'feed');
  assert.equal(feed.attrs.xmlns, 'http://www.w3.org/2005/Atom');
  for (const name of ['id', 'title', 'updated', 'author']) assert.equal(childrenNamed(feed, name).length, 1, `feed ${name}`);
  assert.ok(childNamed(childNamed(feed, 'author')!, 'name')!.text.length > 0);
  const self = childrenNamed(feed, 'link').find((l) => l.attrs.rel === 'self');
  assert.equal(self?.attrs.href, `http://localhost:3000/plans/${SLUG}/repository.atom`);
  const entries = childrenNamed(feed, 'entry');
  assert.equal(entries.length, 3);
  const ids = new Set<string>();
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  assert.match(childNamed(feed, 'updated')!.text, rfc3339);
  for (const e of entries) {
    for (const name of ['id', 'title', 'updated']) assert.equal(childrenNamed(e, name).length, 1, `entry ${name}`);
    assert.match(childNamed(e, 'updated')!.text, rfc3339);
    assert.ok(childrenNamed(e, 'link').some((l) => l.attrs.rel === 'alternate' && l.attrs.href?.startsWith('http://localhost:3000/plans/')));
    ids.add(childNamed(e, 'id')!.text);
  }
  assert.equal(ids.size, 3, 'entry ids are unique');
  const minutes = entries.find((e) => childNamed(e, 'title')!.text === 'Forum minutes: 4th forum meeting minutes');
  assert.ok(minutes, 'entry title from the kind and the title');
  assert.equal(childNamed(minutes, 'summary')!.text, 'Minutes & decisions <of the forum>');
  assert.ok(childrenNamed(minutes, 'link').some((l) => l.attrs.rel === 'enclosure' && l.attrs.type === 'application/pdf' && l.attrs.length === String(PDF.length)));
});

test('unknown plans, commitments and documents are 404; the API is in the OpenAPI document', async () => {
  for (const url of ['/plans/nope/repository', '/plans/nope/repository.atom', `/plans/${SLUG}/commitments/99/repository`, `/plans/${SLUG}/repository/documents/9999`, '/plans/nope/repository/documents/1']) {
    assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url);
  }
  const api = await t.app.inject({ method: 'GET', url: '/api/v1/plans/nope/repository' });
  assert.equal(api.statusCode, 404);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  assert.equal((await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/repository/documents/abc` })).statusCode, 400);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  for (const path of ['/api/v1/plans/{slug}/repository', '/api/v1/plans/{slug}/commitments/{code}/repository']) {
    assert.deepEqual(doc.paths[path]?.get?.tags, ['Repository'], path);
    assert.ok(doc.paths[path].get.responses['404']);
  }
});
