// The registry over HTTP, on SQLite and (with TEST_DATABASE_URL) PostgreSQL: pages and API, the
// authorization matrix of every mutating route, bad input that writes nothing, the application
// workflow end to end, and applicants never shown publicly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';
import { APPLICATION_TRANSITIONS } from './application-state.ts';

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

async function counts() {
  const n = async (table: 'pr_tasks' | 'pr_task_steps' | 'pr_task_officials' | 'pr_applications') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n);
  const states = (await t.db.db.selectFrom('pr_applications').select(['id', 'state']).orderBy('id').execute()).map((r) => `${r.id}:${r.state}`).join(',');
  return { tasks: await n('pr_tasks'), steps: await n('pr_task_steps'), officials: await n('pr_task_officials'), applications: await n('pr_applications'), audit, states };
}

const TASK = {
  organization: 'mois',
  title: 'Public-application real-name system pilot',
  overview: 'A test task: citizens choose which policy tasks disclose the names of those responsible.',
  year: '2019',
  timeline: '2019. 2. | Guidance circulated\nFirst half of 2019 | Applications received',
  officials: 'Working level | Deputy Director | Information Disclosure Policy Division\nFinal approval | Director General | Ministry of the Interior and Safety',
  designate: '',
};

async function register(s: Session, fields: Partial<typeof TASK> = {}) {
  const token = await s.csrf('/sign-in');
  return s.postForm('/policy-registry/tasks', { _csrf: token, ...TASK, ...fields });
}

async function apply(s: Session, taskId: number, reason = 'The names behind this task matter to people who use it.') {
  const token = await s.csrf('/sign-in');
  return s.postForm(`/policy-registry/tasks/${taskId}/applications`, { _csrf: token, reason });
}

async function decide(s: Session, applicationId: number, action: string, decision_reason = '') {
  const token = await s.csrf('/sign-in');
  return s.postForm(`/policy-registry/applications/${applicationId}/transition`, { _csrf: token, action, decision_reason });
}

const idFrom = (location: unknown, re: RegExp) => Number(String(location).match(re)![1]);

test('the registry page shows the seed’s milestones and figure of the real-name policy system, and no invented task', async () => {
  const res = await t.app.inject('/policy-registry?lang=en');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Circulating the 2019 operational guidance for the real-name policy system/);
  assert.match(res.body, /&#39;19\.2\.27\.|'19\.2\.27\./);
  assert.match(res.body, /868/);
  assert.match(res.body, /No policy task matches/);
  assert.deepEqual((await t.app.inject('/api/v1/policy-tasks')).json(), { policy_tasks: [] });
});

test('pages and API answer 200, unknown records 404, bad queries 400; the API is in OpenAPI', async () => {
  for (const url of ['/policy-registry', '/policy-registry.csv', '/api/v1/policy-tasks', '/api/v1/policy-tasks?year=2019&organization=mois&q=x']) assert.equal((await t.app.inject(url)).statusCode, 200, url);
  for (const url of ['/policy-registry/tasks/999999', '/api/v1/policy-tasks/999999']) assert.equal((await t.app.inject(url)).statusCode, 404, url);
  for (const url of ['/api/v1/policy-tasks?year=19', '/api/v1/policy-tasks/abc', '/policy-registry?status=secret']) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 400, url);
  }
  assert.match((await t.app.inject('/api/v1/policy-tasks?year=19')).headers['content-type'] as string, /application\/problem\+json/);
  const openapi = (await t.app.inject('/api/v1/openapi.json')).json();
  for (const p of ['/api/v1/policy-tasks', '/api/v1/policy-tasks/{id}']) assert.ok(openapi.paths[p], `OpenAPI documents ${p}`);
});

test('registering a task: 401 signed out, 403 for citizens and other organizations, 400 with line-level errors, writing nothing', async () => {
  const before = await counts();
  const signedOut = await (await session(null)).get('/policy-registry/tasks/new');
  assert.equal(signedOut.statusCode, 303, 'a page sends the signed-out visitor to sign in');
  assert.match(String(signedOut.headers.location), /^\/sign-in/);
  assert.equal((await (await session('citizen')).get('/policy-registry/tasks/new')).statusCode, 403);
  const anon = await session(null);
  assert.equal((await register(anon)).statusCode, 401);
  assert.equal((await register(await session('citizen'))).statusCode, 403);
  assert.equal((await register(await session('forum'))).statusCode, 403);
  assert.equal((await register(await session('officerMfds'))).statusCode, 403, 'an officer registers only for their own organization');
  const mois = await session('officerMois');
  const bad = await register(mois, { title: '', year: '19', timeline: 'no bar here', officials: 'Director' });
  assert.equal(bad.statusCode, 400);
  for (const m of ['Give the title', 'four digits', 'Line 1: write the date', 'Line 1: write the role']) assert.ok(bad.body.includes(m), m);
  assert.equal((await register(mois, { organization: 'nope' })).statusCode, 400);
  assert.deepEqual(await counts(), before);
});

test('a citizen applies, the organization reviews and designates with a reason; the registry shows the names, never the applicant', async () => {
  const mois = await session('officerMois');
  const created = await register(mois);
  assert.equal(created.statusCode, 303);
  const taskId = idFrom(created.headers.location, /tasks\/(\d+)/);
  let api = (await t.app.inject(`/api/v1/policy-tasks/${taskId}`)).json();
  assert.equal(api.status, 'not_designated');
  assert.deepEqual(api.timeline, [{ date: '2019. 2.', step: 'Guidance circulated' }, { date: 'First half of 2019', step: 'Applications received' }]);
  assert.deepEqual(api.officials, [], 'names are disclosed only once designated');

  const citizen = await session('citizen');
  assert.equal((await apply(await session(null), taskId)).statusCode, 401);
  assert.equal((await apply(citizen, taskId, '   ')).statusCode, 400);
  const applied = await apply(citizen, taskId);
  assert.equal(applied.statusCode, 303);
  const appId = idFrom(applied.headers.location, /application-(\d+)/);
  assert.equal((await apply(citizen, taskId)).statusCode, 400, 'one open application per person and task');

  // Authorization of the decision: 401, 403 (citizen, other organization), 404 unknown application.
  assert.equal((await decide(await session(null), appId, 'review')).statusCode, 401);
  assert.equal((await decide(citizen, appId, 'review')).statusCode, 403);
  assert.equal((await decide(await session('officerMfds'), appId, 'review')).statusCode, 403);
  assert.equal((await decide(mois, 999999, 'review')).statusCode, 404);
  const before = await counts();
  assert.equal((await decide(mois, appId, 'designate', '')).statusCode, 400, 'a decision needs its reason');
  assert.equal((await decide(mois, appId, 'publish')).statusCode, 400);
  assert.deepEqual(await counts(), before);

  assert.equal((await decide(mois, appId, 'review')).statusCode, 303);
  assert.equal((await decide(mois, appId, 'review')).statusCode, 409, 'not allowed from under_review');
  assert.equal((await decide(mois, appId, 'designate', 'Of wide public interest; the names are disclosed.')).statusCode, 303);

  api = (await t.app.inject(`/api/v1/policy-tasks/${taskId}`)).json();
  assert.equal(api.status, 'designated');
  assert.equal(api.designation_basis, 'public_application');
  assert.deepEqual(api.officials.map((o: { name: string; final_approver: boolean }) => [o.name, o.final_approver]), [['Deputy Director', false], ['Director General', true]]);
  assert.equal(api.applications[0].state, 'designated');
  assert.equal(api.applications[0].decision_reason, 'Of wide public interest; the names are disclosed.');
  const audit = await t.db.db.selectFrom('audit_events').select(['action', 'public']).where('entity_type', '=', 'disclosure_application').orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['disclosure_application.submitted', 'disclosure_application.under_review', 'disclosure_application.designated']);
  assert.equal(audit[0]!.public, 0, 'the application itself is not in the public trail');

  // The applicant appears nowhere public: not their name, not their e-mail, not their reason.
  const page = (await t.app.inject(`/policy-registry/tasks/${taskId}?lang=en`)).body;
  const csv = (await t.app.inject('/policy-registry.csv')).body;
  const json = JSON.stringify((await t.app.inject('/api/v1/policy-tasks')).json());
  for (const out of [page, csv, json]) {
    for (const secret of ['Test citizen', 'citizen@test.local', 'The names behind this task']) assert.ok(!out.includes(secret), `${secret} is not public`);
  }
  assert.match(page, /Director General/);
  assert.match(csv, /Director General \(Ministry of the Interior and Safety\)/);
  assert.equal((await apply(citizen, taskId)).statusCode, 400, 'a designated task takes no more applications');
});

test('the registry is searched by words, organization and year', async () => {
  const mois = await session('officerMois');
  assert.equal((await register(mois, { title: 'Searchable 100%_ task', year: '2020', designate: 'yes' })).statusCode, 303);
  const ids = async (qs: string) => (await t.app.inject(`/api/v1/policy-tasks?${qs}`)).json().policy_tasks.map((x: { title: string }) => x.title);
  assert.deepEqual(await ids('q=SEARCHABLE'), ['Searchable 100%_ task']);
  assert.deepEqual(await ids('q=0%25_'), ['Searchable 100%_ task'], 'wildcards are taken literally');
  assert.deepEqual(await ids('q=zzz'), []);
  assert.equal((await ids('year=2020')).length, 1);
  assert.equal((await ids('organization=mfds')).length, 0);
  assert.ok((await ids('organization=mois')).length >= 2);
  const designated = (await t.app.inject('/api/v1/policy-tasks?status=designated')).json().policy_tasks;
  assert.ok(designated.every((x: { status: string }) => x.status === 'designated'));
  assert.ok(designated.some((x: { designation_basis: string }) => x.designation_basis === 'organization'));
});

test('in the transition table every decision requires its published reason; taking into review does not', () => {
  for (const tr of APPLICATION_TRANSITIONS) assert.equal(tr.reason, tr.to === 'under_review' ? 'optional' : 'required', tr.action);
});
