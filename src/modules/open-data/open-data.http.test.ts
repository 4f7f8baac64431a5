// The module over HTTP: contracts (200, 400, 401, 403, 404), the authorization matrix of every
// mutating route, malformed input that writes nothing, and the error-report workflow end to end.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

const DS = 'harmful-substances-in-foods'; // published by a division of the Ministry of Food and Drug Safety
const COLUMNS = 'food:text:filter\nsubstance:text:filter\nyear:integer:filter\namount:number';
const CSV = Buffer.from('food,substance,year,amount\nrice,cadmium,2019,0.02\nrice,lead,2019,0.01\nwheat,cadmium,2020,0.03\n');

async function counts() {
  const n = async (table: 'od_tables' | 'od_table_rows' | 'od_error_reports' | 'od_resources') =>
    Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n);
  const states = (await t.db.db.selectFrom('od_error_reports').select(['id', 'state']).orderBy('id').execute()).map((r) => `${r.id}:${r.state}`).join(',');
  return { tables: await n('od_tables'), rows: await n('od_table_rows'), reports: await n('od_error_reports'), resources: await n('od_resources'), audit, states };
}

async function session(who: AccountName | null) {
  // These tests read the English texts of the pages (the site opens in Korean).
  const s = new Session(t.app).useLocale('en');
  if (who) await s.signIn(who);
  return s;
}

let slugNo = 0;
async function upload(s: Session, fields: Partial<Record<'title' | 'slug' | 'columns', string>> = {}, file: Buffer | null = CSV, dataset = DS) {
  const token = await s.csrf('/sign-in');
  const parts: { name: string; value?: string; filename?: string; contentType?: string; data?: Buffer }[] = [
    { name: '_csrf', value: token },
    { name: 'title', value: fields.title ?? 'Harmful substances (test)' },
    { name: 'slug', value: fields.slug ?? `t${++slugNo}` },
    { name: 'columns', value: fields.columns ?? COLUMNS },
  ];
  if (file) parts.push({ name: 'file', filename: 'table.csv', contentType: 'text/csv', data: file });
  return s.postMultipart(`/open-data/datasets/${dataset}/tables`, parts);
}

async function report(s: Session, fields: Record<string, string>, dataset = DS) {
  const token = await s.csrf('/sign-in');
  return s.postForm(`/open-data/datasets/${dataset}/reports`, { _csrf: token, ...fields });
}

async function transition(s: Session, id: number, action: string, response = '') {
  const token = await s.csrf('/sign-in');
  return s.postForm(`/open-data/reports/${id}/transition`, { _csrf: token, action, response });
}

async function newReportId(): Promise<number> {
  const s = await session('citizen');
  const res = await report(s, { body: 'The amount of cadmium in rice for 2019 looks ten times too high.' });
  assert.equal(res.statusCode, 303);
  return Number((res.headers.location as string).match(/report-(\d+)/)![1]);
}

test('public pages and API answer 200, unknown records 404, bad queries 400 as problem+json', async () => {
  for (const url of ['/open-data', '/open-data?q=3D&theme=culture', `/open-data/datasets/${DS}`, `/open-data/datasets/${DS}/reports`, '/open-data/evaluation', '/api/v1/datasets', `/api/v1/datasets/${DS}`, '/api/v1/catalog.jsonld', '/open-data/catalog.csv', '/api/v1/error-reports/evaluation', `/api/v1/datasets/${DS}/error-reports`]) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 200, url);
  }
  assert.match((await t.app.inject('/api/v1/catalog.jsonld')).headers['content-type'] as string, /application\/ld\+json/);
  for (const url of ['/open-data/datasets/nope', '/api/v1/datasets/nope', `/open-data/datasets/${DS}/tables/nope`, `/api/v1/datasets/${DS}/tables/nope/rows`, '/open-data/resources/999999/download', '/api/v1/datasets/nope/error-reports']) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 404, url);
  }
  const bad = await t.app.inject('/open-data/resources/abc/download');
  assert.equal(bad.statusCode, 400);
  const api = await t.app.inject(`/api/v1/datasets?q=${'x'.repeat(300)}`);
  assert.equal(api.statusCode, 400);
  assert.match(api.headers['content-type'] as string, /application\/problem\+json/);
  const openapi = (await t.app.inject('/api/v1/openapi.json')).json();
  for (const p of ['/api/v1/datasets', '/api/v1/datasets/{slug}', '/api/v1/catalog.jsonld', '/api/v1/datasets/{slug}/tables/{table}/rows', '/api/v1/datasets/{slug}/error-reports', '/api/v1/error-reports/evaluation']) {
    assert.ok(openapi.paths[p], `OpenAPI documents ${p}`);
  }
});

test('the authorization matrix of the table upload: the publishing organization’s officers and admins', async () => {
  const expected: [AccountName | null, number][] = [[null, 401], ['citizen', 403], ['forum', 403], ['officerMois', 403], ['officerMfds', 303], ['admin', 303]];
  for (const [who, status] of expected) {
    const before = await counts();
    const res = await upload(await session(who));
    assert.equal(res.statusCode, status, `${who ?? 'visitor'}`);
    const afterCounts = await counts();
    if (status === 303) {
      assert.equal(afterCounts.tables, before.tables + 1);
      assert.equal(afterCounts.rows, before.rows + 3);
      assert.equal(afterCounts.audit, before.audit + 1);
    } else assert.deepEqual(afterCounts, before, `${who ?? 'visitor'} wrote nothing`);
  }
  assert.equal((await (await session(null)).get(`/open-data/datasets/${DS}/tables/new`)).statusCode, 303, 'a visitor is sent to sign in');
  assert.equal((await (await session('officerMois')).get(`/open-data/datasets/${DS}/tables/new`)).statusCode, 403);
  assert.equal((await (await session('officerMfds')).get(`/open-data/datasets/${DS}/tables/new`)).statusCode, 200);
  // The platform's own data sets are changed by administrators only.
  assert.equal((await upload(await session('officerMois'), {}, CSV, 'kr-2018-2020-commitments')).statusCode, 403);
});

test('malformed CSVs and bad forms get their errors in place, a 400, and write nothing', async () => {
  const s = await session('officerMfds');
  assert.equal((await upload(s, { slug: 'quick' })).statusCode, 303);
  const cases: { fields?: Partial<Record<'title' | 'slug' | 'columns', string>>; file?: Buffer | null; message: RegExp }[] = [
    { file: Buffer.from('food,substance,year,amount\nrice,cadmium,2019,0.02\nrice,lead,twenty,0.01\n'), message: /Row 3, column &#34;year&#34;: &#34;twenty&#34; is not a whole number/ },
    { file: Buffer.from('food,substance,year,amount\nrice,cadmium,2019\n'), message: /Row 2: has 3 cells; the schema declares 4 columns/ },
    { file: Buffer.from('year,food,substance,amount\n2019,rice,cadmium,1\n'), message: /Row 1 \(the header\) must name the declared columns in order/ },
    { file: Buffer.from('food,substance,year,amount\n"rice,cadmium,2019,1\n'), message: /not a readable CSV/ },
    { file: Buffer.from([0xff, 0xfe, 0xfd, 0x00]), message: /not UTF-8/ },
    { file: null, message: /Choose a CSV file/ },
    { fields: { columns: 'food:text\nfood:text' }, message: /declared twice/ },
    { fields: { columns: 'food:txt' }, message: /type must be one of/ },
    { fields: { slug: 'Not A Slug' }, message: /lowercase letters, digits and hyphens/ },
    { fields: { slug: 'new' }, message: /reserved/ },
    { fields: { title: '' }, message: /Give the table a title/ },
    { fields: { slug: 'quick' }, message: /already has a table/ },
  ];
  for (const c of cases) {
    const before = await counts();
    const res = await upload(s, c.fields, c.file === undefined ? CSV : c.file);
    assert.equal(res.statusCode, 400, String(c.message));
    assert.match(res.body, c.message);
    assert.match(res.body, /class="error-summary"/);
    assert.deepEqual(await counts(), before, `${c.message} wrote nothing`);
  }
  const noCsrf = await s.postMultipart(`/open-data/datasets/${DS}/tables`, [{ name: 'title', value: 'x' }]);
  assert.equal(noCsrf.statusCode, 403);
});

test('the quick search filters, sorts and pages on the declared columns; the API refuses unknown filters', async () => {
  const page = await t.app.inject(`/open-data/datasets/${DS}/tables/quick?f_food=rice&f_year=2019&lang=en`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /2 matching rows/);
  const api = (await t.app.inject(`/api/v1/datasets/${DS}/tables/quick/rows?f_substance=cadmium&sort=year&order=desc&per_page=1`)).json();
  assert.equal(api.total, 2);
  assert.deepEqual(api.rows, [{ row: 3, values: { food: 'wheat', substance: 'cadmium', year: '2020', amount: '0.03' } }]);
  for (const q of ['f_amount=1', 'f_colour=red', 'sort=amount', 'f_year=soon', 'page=0', 'per_page=501', 'order=up']) {
    const res = await t.app.inject(`/api/v1/datasets/${DS}/tables/quick/rows?${q}`);
    assert.equal(res.statusCode, 400, q);
    assert.match(res.headers['content-type'] as string, /problem\+json/, q);
  }
  assert.equal((await t.app.inject(`/open-data/datasets/${DS}/tables/quick?f_colour=red`)).statusCode, 400);
  const csv = await t.app.inject(`/open-data/datasets/${DS}/tables/quick.csv`);
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.body, '\uFEFFfood,substance,year,amount\nrice,cadmium,2019,0.02\nrice,lead,2019,0.01\nwheat,cadmium,2020,0.03\n');
  const d = (await t.app.inject(`/api/v1/datasets/${DS}`)).json();
  const tableDownloads = d.resources.filter((r: { kind: string }) => r.kind === 'table').map((r: { download_count: number }) => r.download_count);
  assert.deepEqual(tableDownloads.sort(), [0, 0, 1], 'the CSV download is counted on its resource');
  assert.ok(d.tables.some((x: { slug: string }) => x.slug === 'quick'));
});

test('link downloads are counted and redirected', async () => {
  const d = (await t.app.inject('/api/v1/datasets/cultural-heritage-3d-data')).json();
  const r = d.resources[0];
  const res = await t.app.inject(r.download_url.replace('http://localhost:3000', ''));
  assert.equal(res.statusCode, 302);
  assert.equal(res.headers.location, r.access_url);
  assert.equal((await t.app.inject('/api/v1/datasets/cultural-heritage-3d-data')).json().resources[0].download_count, r.download_count + 1);
});

test('reporting an error: sign-in required, bad input refused in place, the report routed with a 10-day deadline', async () => {
  assert.equal((await report(await session(null), { body: 'x' })).statusCode, 401);
  const s = await session('citizen');
  for (const [fields, message] of [
    [{ body: '' }, /Describe the error/],
    [{ body: 'x'.repeat(4001) }, /At most 4000 characters/],
    [{ body: 'wrong', table: 'nope' }, /has no table/],
    [{ body: 'wrong', table: 'quick', row: '99' }, /The table has rows 1 to 3/],
    [{ body: 'wrong', row: '2' }, /only be named in a report about a table/],
  ] as const) {
    const before = await counts();
    const res = await report(s, fields);
    assert.equal(res.statusCode, 400, String(message));
    assert.match(res.body, message);
    assert.deepEqual(await counts(), before);
  }
  const res = await report(s, { body: 'Row 2 gives lead for rice; the source says cadmium.', table: 'quick', row: '2' });
  assert.equal(res.statusCode, 303);
  const list = (await t.app.inject(`/api/v1/datasets/${DS}/error-reports`)).json().error_reports;
  const r = list[0];
  assert.equal(r.state, 'received');
  assert.equal(r.organization, 'Residues and Containments Standard Division');
  assert.equal(r.table, 'quick');
  assert.equal(r.row, 2);
  assert.equal(r.received_at, '2026-11-20T03:00:00.000Z');
  assert.equal(r.due_at, '2026-11-30T03:00:00.000Z');
});

test('the authorization matrix of answering a report, and every transition of the state table', async () => {
  const id = await newReportId();
  for (const [who, status] of [[null, 401], ['citizen', 403], ['forum', 403], ['officerMois', 403]] as const) {
    const before = await counts();
    assert.equal((await transition(await session(who), id, 'accept')).statusCode, status, `${who ?? 'visitor'}`);
    assert.deepEqual(await counts(), before);
  }
  const owner = await session('officerMfds');
  assert.equal((await transition(owner, id, 'resolve')).statusCode, 409, 'received cannot be resolved before it is accepted');
  assert.equal((await transition(owner, id, 'approve')).statusCode, 400);
  assert.equal((await transition(owner, id, 'decline', '  ')).statusCode, 400, 'declining needs a reason');
  assert.equal((await transition(owner, id, 'accept')).statusCode, 303);
  assert.equal((await transition(owner, id, 'accept')).statusCode, 409);
  const before = await counts();
  assert.equal((await transition(owner, id, 'resolve', 'Corrected in the 2019 file.')).statusCode, 303);
  assert.equal((await counts()).audit, before.audit + 1, 'one audit event with the change');
  const row = await t.db.db.selectFrom('od_error_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.state, 'resolved');
  assert.equal(row.accepted_at, '2026-11-20T03:00:00.000Z');
  assert.equal(row.resolved_at, '2026-11-20T03:00:00.000Z');
  assert.equal(row.response, 'Corrected in the 2019 file.');
  const audit = await t.db.db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'error_report').where('entity_id', '=', String(id)).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['error_report.received', 'error_report.accepted', 'error_report.resolved']);

  const other = await newReportId();
  assert.equal((await transition(await session('admin'), other, 'decline', 'The figure matches the source.')).statusCode, 303);
  assert.equal((await transition(await session('admin'), other, 'accept')).statusCode, 409, 'declined is final');

  const evaluation = (await t.app.inject('/api/v1/error-reports/evaluation')).json();
  assert.equal(evaluation.deadline_days, 10);
  const mfds = evaluation.organizations.find((o: { organization_key: string }) => o.organization_key === 'mfds-residues');
  assert.equal(mfds.resolved, 1);
  assert.equal(mfds.declined, 1);
  assert.equal(mfds.resolution_rate, 0.5);
  assert.equal(mfds.median_first_answer_days, 0);
  const page = await t.app.inject('/open-data/evaluation?lang=en');
  assert.match(page.body, /Residues and Containments Standard Division/);
});

test('the deadline is a setting: the database overrides the configured default', async () => {
  await t.db.db.insertInto('settings').values({ key: 'open_data.error_report_deadline_days', value: '3', updated_at: '2026-11-20T00:00:00Z' }).execute();
  const id = await newReportId();
  const row = await t.db.db.selectFrom('od_error_reports').select('due_at').where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.due_at, '2026-11-23T03:00:00.000Z');
  await t.db.db.deleteFrom('settings').where('key', '=', 'open_data.error_report_deadline_days').execute();
});
