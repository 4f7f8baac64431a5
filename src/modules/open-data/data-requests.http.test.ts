// Data requests over HTTP: asking, supporting once, the organization's answer, the authorization matrix.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

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

async function post(s: Session, url: string, fields: Record<string, string>) {
  const token = await s.csrf('/sign-in');
  return s.postForm(url, { _csrf: token, ...fields });
}

async function counts() {
  const n = async (table: 'od_data_requests' | 'od_data_request_supports') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', 'like', 'data_request.%').executeTakeFirstOrThrow()).n);
  const answers = (await t.db.db.selectFrom('od_data_requests').select(['id', 'state', 'decision']).orderBy('id').execute()).map((r) => `${r.id}:${r.state}:${r.decision}`).join(',');
  return { requests: await n('od_data_requests'), supports: await n('od_data_request_supports'), audit, answers };
}

async function newRequest(): Promise<number> {
  const res = await post(await session('citizen'), '/open-data/requests', { title: 'Harmful substances in home meal replacements by year', body: 'For a consumer guide.', organization: 'mfds' });
  assert.equal(res.statusCode, 303);
  return Number((res.headers.location as string).match(/requests\/(\d+)/)![1]);
}

test('asking for data: sign-in required, bad input refused in place, the request public at once', async () => {
  assert.equal((await t.app.inject('/open-data/requests')).statusCode, 200);
  assert.equal((await t.app.inject('/api/v1/data-requests')).statusCode, 200);
  assert.equal((await t.app.inject('/open-data/requests/999999')).statusCode, 404);
  assert.equal((await t.app.inject('/api/v1/data-requests/999999')).statusCode, 404);
  assert.equal((await t.app.inject('/api/v1/data-requests/abc')).statusCode, 400);
  const before = await counts();
  assert.equal((await post(await session(null), '/open-data/requests', { title: 'x', body: 'y' })).statusCode, 401);
  const s = await session('citizen');
  for (const [fields, message] of [
    [{ title: '', body: 'y' }, /Name the data/],
    [{ title: 'x', body: '' }, /what the data would be used for/],
    [{ title: 'x', body: 'y', organization: 'nowhere' }, /Choose an organization/],
    [{ title: 'x'.repeat(201), body: 'y' }, /At most 200/],
  ] as const) {
    const res = await post(s, '/open-data/requests', fields);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, message);
  }
  assert.deepEqual(await counts(), before, 'refused requests wrote nothing');
  const id = await newRequest();
  const api = (await t.app.inject(`/api/v1/data-requests/${id}`)).json();
  assert.equal(api.organization, 'Ministry of Food and Drug Safety');
  assert.equal(api.state, 'submitted');
  assert.equal(api.supports, 0);
});

test('supports: anyone signed in, counted once per person', async () => {
  const id = await newRequest();
  assert.equal((await post(await session(null), `/open-data/requests/${id}/supports`, {})).statusCode, 401);
  for (const who of ['citizen', 'forum', 'officerMois', 'officerMfds', 'admin'] as const) {
    assert.equal((await post(await session(who), `/open-data/requests/${id}/supports`, {})).statusCode, 303, who);
  }
  const again = await session('forum');
  assert.equal((await post(again, `/open-data/requests/${id}/supports`, {})).statusCode, 303);
  assert.equal((await t.app.inject(`/api/v1/data-requests/${id}`)).json().supports, 5);
  assert.match((await again.get(`/open-data/requests/${id}?lang=en`)).body, /You support this request/);
});

test('the authorization matrix of answering, bad answers refused, the answer linked to the data set', async () => {
  const id = await newRequest();
  const answer = { decision: 'will_publish', answer: 'The 2021 survey covers home meal replacements.', planned_date: '2027-06-30', dataset: '' };
  for (const [who, status] of [[null, 401], ['citizen', 403], ['forum', 403], ['officerMois', 403]] as const) {
    const before = await counts();
    assert.equal((await post(await session(who), `/open-data/requests/${id}/answer`, answer)).statusCode, status, `${who ?? 'visitor'}`);
    assert.deepEqual(await counts(), before);
  }
  const owner = await session('officerMfds');
  for (const [fields, message] of [
    [{ ...answer, decision: 'maybe' }, /Choose a decision/],
    [{ ...answer, answer: ' ' }, /Give the reasons/],
    [{ ...answer, planned_date: '' }, /date by which the data will be published/],
    [{ ...answer, planned_date: '2027-02-30' }, /YYYY-MM-DD/],
    [{ ...answer, decision: 'published', dataset: '' }, /Name the published data set/],
    [{ ...answer, decision: 'published', dataset: 'nope' }, /no data set &#34;nope&#34;/],
  ] as const) {
    const before = await counts();
    const res = await post(owner, `/open-data/requests/${id}/answer`, fields);
    assert.equal(res.statusCode, 400, String(message));
    assert.match(res.body, message);
    assert.deepEqual(await counts(), before);
  }
  assert.equal((await post(owner, `/open-data/requests/${id}/answer`, answer)).statusCode, 303);
  assert.equal((await post(await session('admin'), `/open-data/requests/${id}/answer`, { ...answer, decision: 'published', dataset: 'harmful-substances-in-foods' })).statusCode, 303);
  const api = (await t.app.inject(`/api/v1/data-requests/${id}`)).json();
  assert.equal(api.decision, 'published');
  assert.equal(api.planned_date, '2027-06-30');
  assert.equal(api.dataset, 'http://localhost:3000/open-data/datasets/harmful-substances-in-foods');
  const audit = await t.db.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'data_request').where('entity_id', '=', String(id)).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['data_request.submitted', 'data_request.answered', 'data_request.answered']);
  assert.match((await t.app.inject(`/open-data/requests/${id}?lang=en`)).body, /Published as/);
});

test('demand rounds: the seed’s rounds with their figures and no invented request; the organization selects a request, which links to its data set once published', async () => {
  const api = (await t.app.inject('/api/v1/demand-rounds')).json();
  assert.deepEqual(api.demand_rounds.map((r: { slug: string }) => r.slug), ['core-data-round-2', 'public-demand-surveys', 'online-demand-survey-2020', 'core-data-round-3']);
  const r2 = api.demand_rounds[0];
  assert.equal(r2.period_start, '2017.1.1.');
  assert.equal(r2.period_end, '2019.12.');
  assert.equal(r2.figures[0].value, '63');
  assert.ok(api.demand_rounds.every((r: { selected: unknown[]; not_selected: unknown[] }) => r.selected.length === 0 && r.not_selected.length === 0), 'the seed names no request');
  assert.match(api.demand_rounds[3].description, /\[unreadable in source\]$/);
  for (const url of ['/open-data/rounds', '/open-data/rounds/core-data-round-2', '/api/v1/demand-rounds/core-data-round-2']) assert.equal((await t.app.inject(url)).statusCode, 200, url);
  for (const url of ['/open-data/rounds/nope', '/api/v1/demand-rounds/nope']) assert.equal((await t.app.inject(url)).statusCode, 404, url);
  assert.equal((await t.app.inject('/api/v1/demand-rounds/NOT%20A%20SLUG')).statusCode, 400);
  assert.ok((await t.app.inject('/api/v1/openapi.json')).json().paths['/api/v1/demand-rounds/{slug}']);

  const id = await newRequest();
  const other = await newRequest();
  const url = '/open-data/rounds/core-data-round-2/entries';
  const entries = async () => Number((await t.db.db.selectFrom('od_demand_round_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  assert.equal((await post(await session(null), url, { request: String(id), selected: 'yes', note: '' })).statusCode, 401);
  assert.equal((await post(await session('citizen'), url, { request: String(id), selected: 'yes', note: '' })).statusCode, 403);
  assert.equal((await post(await session('officerMfds'), url, { request: String(id), selected: 'yes', note: '' })).statusCode, 403, 'the round is run by the Ministry of the Interior and Safety');
  assert.equal((await post(await session('officerMois'), '/open-data/rounds/nope/entries', { request: String(id), selected: 'yes', note: '' })).statusCode, 404);
  const mois = await session('officerMois');
  for (const bad of [{ request: '999999', selected: 'yes', note: '' }, { request: 'x', selected: 'yes', note: '' }, { request: String(id), selected: 'maybe', note: '' }, { request: String(other), selected: 'no', note: '' }]) {
    assert.equal((await post(mois, url, bad)).statusCode, 400, JSON.stringify(bad));
  }
  assert.equal(await entries(), 0, 'bad input writes nothing');
  assert.equal((await post(mois, url, { request: String(id), selected: 'yes', note: 'High demand in the 2019 survey.' })).statusCode, 303);
  assert.equal((await post(mois, url, { request: String(other), selected: 'no', note: 'Already published by the organization.' })).statusCode, 303);
  assert.equal((await post(await session('officerMfds'), `/open-data/requests/${id}/answer`, { decision: 'published', answer: 'Published.', planned_date: '', dataset: 'harmful-substances-in-foods' })).statusCode, 303);
  const round = (await t.app.inject('/api/v1/demand-rounds/core-data-round-2')).json();
  assert.equal(round.selected.length, 1);
  assert.match(round.selected[0].dataset, /\/open-data\/datasets\/harmful-substances-in-foods$/);
  assert.equal(round.not_selected[0].note, 'Already published by the organization.');
  const page = (await t.app.inject('/open-data/rounds/core-data-round-2?lang=en')).body;
  assert.match(page, /Selected as priority data/);
  assert.match(page, /published as “Amounts of harmful substances contained in foods”/);
  const audit = await t.db.db.selectFrom('audit_events').select('action').where('action', '=', 'demand_round.entry_decided').execute();
  assert.equal(audit.length, 2);
});
