// Proposals over HTTP: the role matrix on every mutating route, bad input, the contract, deadlines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
let slug = '';
before(async () => {
  t = await testApp();
  const admin = await session('admin');
  const res = await admin.postForm('/calls', {
    _csrf: await admin.csrf('/calls/new'),
    title: 'Call for the next plan',
    description: 'Propose commitments.',
    plan: 'kr-2018-2020',
    opens_on: '2026-11-01',
    closes_on: '2026-12-31',
    categories: 'Open data | mois\nParticipation',
    timeline: '2026-11-01 | Call opens\n2027. 1. | Workshop',
    selection_criteria: 'Feasible and ambitious.',
    response_days: '',
  });
  assert.equal(res.statusCode, 303);
  slug = (res.headers.location as string).split('/')[2]!.split('?')[0]!;
});
after(async () => t.close());

async function session(who: AccountName | null) {
  const s = new Session(t.app);
  if (who) await s.signIn(who);
  return s;
}

async function counts() {
  const n = async (table: 'proposals' | 'proposal_responses' | 'proposal_comments' | 'proposal_supports' | 'proposal_calls' | 'proposal_notices') =>
    Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n);
  const states = (await t.db.db.selectFrom('proposals').select(['id', 'state', 'hidden_at', 'title']).orderBy('id').execute()).map((r) => `${r.id}:${r.state}:${r.hidden_at ?? ''}:${r.title}`).join(',');
  return { proposals: await n('proposals'), responses: await n('proposal_responses'), comments: await n('proposal_comments'), supports: await n('proposal_supports'), calls: await n('proposal_calls'), notices: await n('proposal_notices'), audit, states };
}

async function categoryId(title: string) {
  return String((await t.db.db.selectFrom('call_categories').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id);
}

async function submit(who: AccountName, title = 'Publish budget data as open data') {
  const s = await session(who);
  const res = await s.postForm(`/calls/${slug}/proposals`, { _csrf: await s.csrf(`/calls/${slug}`), title, body: 'Every ministry should publish it.', category: await categoryId('Open data') });
  return { s, res, id: res.statusCode === 303 ? Number((res.headers.location as string).match(/proposals\/(\d+)/)![1]) : 0 };
}

async function commitmentId(code: string) {
  return String((await t.db.db.selectFrom('commitments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);
}

test('a submitted proposal in a category with an organization is routed there, with the deadline from the setting', async () => {
  const { id } = await submit('citizen');
  const p = await t.db.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(p.state, 'routed');
  assert.equal(p.response_due_on, '2026-12-20', '30 days (PROPOSAL_RESPONSE_DAYS) from 2026-11-20');
  const api = (await t.app.inject(`/api/v1/proposals/${id}`)).json();
  assert.equal(api.organization, 'mois');
  assert.equal(api.response_due_on, '2026-12-20');
  assert.equal(api.overdue, false);
});

test('the matrix: every role against every mutating route; refused requests write nothing', async () => {
  const { id } = await submit('citizen', 'Matrix proposal');
  const cid = await commitmentId('3');
  type Case = { route: string; form: () => Promise<Record<string, string>>; expect: Record<string, number> };
  const all = (status: number) => ({ visitor: 401, citizen: status, forum: status, officerMois: status, officerMfds: status, admin: status });
  const cases: Case[] = [
    { route: '/calls', form: async () => ({ title: 'X', description: 'Y', opens_on: '2026-11-01', closes_on: '2026-11-30', categories: 'A', timeline: '', selection_criteria: 'Z', plan: '', response_days: '' }), expect: { ...all(403), admin: 303 } },
    { route: `/calls/${slug}/proposals`, form: async () => ({ title: 'Another', body: 'Text', category: await categoryId('Participation') }), expect: { ...all(403), citizen: 303, forum: 303, admin: 303 } },
    { route: `/proposals/${id}`, form: async () => ({ title: 'Matrix proposal', body: 'Edited', category: await categoryId('Open data') }), expect: { ...all(403), citizen: 303 } },
    { route: `/proposals/${id}/supports`, form: async () => ({}), expect: all(303) },
    { route: `/proposals/${id}/comments`, form: async () => ({ comment: 'I agree' }), expect: all(303) },
    { route: `/proposals/${id}/moderation`, form: async () => ({ action: 'restore', reason: 'Checked', comment: '' }), expect: { ...all(403), admin: 303 } },
    { route: `/proposals/${id}/route`, form: async () => ({ organization: String((await t.db.db.selectFrom('organizations').select('id').where('key', '=', 'mois').executeTakeFirstOrThrow()).id) }), expect: { ...all(403), admin: 303 } },
    { route: `/proposals/${id}/responses`, form: async () => ({ decision: 'under_review', reason: 'Looking into it', commitment: '', policy: '' }), expect: { ...all(403), officerMois: 303, admin: 409 } },
    { route: `/proposals/${id}/maturation`, form: async () => ({ body: '1' }), expect: { ...all(403), admin: 400 } },
  ];
  for (const c of cases) {
    for (const who of ['visitor', 'citizen', 'forum', 'officerMfds', 'officerMois', 'admin'] as const) {
      const s = await session(who === 'visitor' ? null : who);
      const before = await counts();
      const res = await s.postForm(c.route, { _csrf: await s.csrf('/sign-in'), ...(await c.form()) });
      const expected = c.expect[who]!;
      assert.equal(res.statusCode, expected, `${who} POST ${c.route}: ${res.body.slice(0, 200)}`);
      if (expected !== 303) assert.deepEqual(await counts(), before, `${who} POST ${c.route} wrote nothing`);
    }
  }
});

test('bad input gets a clear 4xx in place and writes nothing', async () => {
  const { id } = await submit('citizen', 'Bad input target');
  // The messages are read in English (the site opens in Korean).
  const officer = (await session('officerMois')).useLocale('en');
  const citizen = (await session('citizen')).useLocale('en');
  const admin = (await session('admin')).useLocale('en');
  const cases: [Session, string, Record<string, string>, number, RegExp][] = [
    [citizen, `/calls/${slug}/proposals`, { title: '', body: '', category: '' }, 400, /Give your proposal a title/],
    [citizen, `/calls/${slug}/proposals`, { title: 'x'.repeat(201), body: 'b', category: '999999' }, 400, /too long/],
    [citizen, `/proposals/${id}/comments`, { comment: '   ' }, 400, /cannot be empty/],
    [officer, `/proposals/${id}/responses`, { decision: 'maybe', reason: '', commitment: '', policy: '' }, 400, /Choose a decision/],
    [officer, `/proposals/${id}/responses`, { decision: 'not_adopted', reason: 'No', commitment: await commitmentId('1'), policy: '' }, 400, /Only an adopted/],
    [officer, `/proposals/${id}/responses`, { decision: 'adopted', reason: 'Yes', commitment: '999999', policy: '' }, 400, /Choose a commitment/],
    [admin, `/proposals/${id}/moderation`, { action: 'hide', reason: '', comment: '' }, 400, /Give the reason/],
    [admin, `/proposals/${id}/moderation`, { action: 'hide', reason: 'spam', comment: '999999' }, 400, /not a comment of this proposal/],
    [admin, `/proposals/${id}/route`, { organization: 'nope' }, 400, /Choose the organization/],
    [admin, '/calls', { title: '', description: '', opens_on: '2026-02-30', closes_on: '2026-01-01', categories: 'A | nosuchorg', timeline: 'someday | x', selection_criteria: '', plan: 'nope', response_days: '0' }, 400, /not a real date/],
  ];
  for (const [s, url, form, status, message] of cases) {
    const before = await counts();
    const res = await s.postForm(url, { _csrf: await s.csrf('/calls'), ...form });
    assert.equal(res.statusCode, status, `${url} ${JSON.stringify(form).slice(0, 80)}`);
    assert.match(res.body, message);
    assert.match(res.body, /error-summary/);
    assert.deepEqual(await counts(), before, `${url} wrote nothing`);
  }
  const noCsrf = await citizen.postForm(`/proposals/${id}/comments`, { comment: 'no token' });
  assert.equal(noCsrf.statusCode, 403);
});

test('an officer adopts into a commitment; the author is notified; the commitment shows its origin; editing stops', async () => {
  const { s: author, id } = await submit('citizen', 'Real-name disclosure of every policy task');
  const officer = await session('officerMois');
  const res = await officer.postForm(`/proposals/${id}/responses`, { _csrf: await officer.csrf(`/proposals/${id}`), decision: 'adopted', reason: 'It extends the real-name policy system.', commitment: await commitmentId('3'), policy: '' });
  assert.equal(res.statusCode, 303);
  const notices = await t.db.db.selectFrom('proposal_notices').selectAll().where('proposal_id', '=', id).execute();
  assert.equal(notices.length, 1);
  assert.equal(notices[0]!.decision, 'adopted');
  const page = await author.get(`/proposals/${id}?lang=en`);
  assert.match(page.body, /Your proposal has been answered: Adopted, by Ministry of the Interior and Safety/);
  assert.match(page.body, /It extends the real-name policy system/);
  const commitment = await t.app.inject('/plans/kr-2018-2020/commitments/3?lang=en');
  assert.match(commitment.body, /Came from proposals/);
  assert.match(commitment.body, new RegExp(`/proposals/${id}`));
  const edit = await author.postForm(`/proposals/${id}`, { _csrf: await author.csrf('/calls'), title: 'Changed', body: 'Changed', category: await categoryId('Open data') });
  assert.equal(edit.statusCode, 409);
  const again = await officer.postForm(`/proposals/${id}/responses`, { _csrf: await officer.csrf('/calls'), decision: 'not_adopted', reason: 'Changed my mind', commitment: '', policy: '' });
  assert.equal(again.statusCode, 409);
  const api = (await t.app.inject(`/api/v1/proposals/${id}`)).json();
  assert.equal(api.state, 'adopted');
  assert.equal(api.commitment.code, '3');
  assert.equal(api.responses[0].organization, 'Ministry of the Interior and Safety');
});

test('not adopted, then carried to the maturation working group with its history', async () => {
  const { id } = await submit('forum', 'A proposal for the next plan');
  const officer = await session('officerMois');
  await officer.postForm(`/proposals/${id}/responses`, { _csrf: await officer.csrf('/calls'), decision: 'not_adopted', reason: 'Not this plan.', commitment: '', policy: '' });
  const admin = await session('admin');
  const wg = await t.db.db.selectFrom('bodies').select('id').where('key', '=', 'ocf-idea-maturation').executeTakeFirstOrThrow();
  const res = await admin.postForm(`/proposals/${id}/maturation`, { _csrf: await admin.csrf('/calls'), body: String(wg.id) });
  assert.equal(res.statusCode, 303);
  const p = await t.db.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(p.state, 'matured');
  assert.ok(p.not_adopted_at && p.matured_at && p.routed_at && p.submitted_at, 'every stamp kept');
  const history = await t.db.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'proposal').where('entity_id', '=', String(id)).orderBy('id').execute();
  assert.deepEqual(history.map((h) => h.action), ['proposal.submitted', 'proposal.route', 'proposal.not_adopt', 'proposal.mature']);
});

test('past the deadline, an unanswered proposal is flagged on its page, the organization queue and the API', async () => {
  const { id } = await submit('citizen', 'A proposal nobody answers');
  t.clock.advance(31 * 24 * 3600 * 1000);
  try {
    const api = (await t.app.inject(`/api/v1/proposals/${id}`)).json();
    assert.equal(api.overdue, true);
    const queue = await t.app.inject('/organizations/mois/proposals?lang=en');
    assert.match(queue.body, /Overdue: [1-9]/);
    assert.match(queue.body, /is-overdue/);
    const page = await t.app.inject(`/proposals/${id}?lang=en`);
    assert.match(page.body, /No response was published before the deadline/);
    const orgPage = await t.app.inject('/organizations/mois?lang=en');
    assert.match(orgPage.body, /Overdue: [1-9]/);
  } finally {
    t.clock.advance(-31 * 24 * 3600 * 1000);
  }
});

test('the contract: 200, 400, 401, 404, the OpenAPI document, CSV', async () => {
  for (const url of ['/calls', `/calls/${slug}`, '/proposals', '/proposals/statistics', '/organizations/mois/proposals', '/api/v1/calls', '/api/v1/proposals', '/api/v1/proposals/statistics', '/api/v1/proposals?state=adopted&organization=mofa']) {
    assert.equal((await t.app.inject(url)).statusCode, 200, url);
  }
  for (const url of ['/calls/nope', '/proposals/999999', '/api/v1/proposals/999999', '/api/v1/calls/nope', '/organizations/nope/proposals']) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 404, url);
  }
  const bad = await t.app.inject('/api/v1/proposals/abc');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /problem\+json/);
  assert.equal((await t.app.inject('/calls/new')).statusCode, 303, 'a visitor is sent to sign in');
  assert.equal((await t.app.inject({ method: 'GET', url: '/calls/new', headers: { accept: 'application/json' } })).statusCode, 401);
  const doc = (await t.app.inject('/api/v1/openapi.json')).json();
  for (const p of ['/api/v1/calls', '/api/v1/calls/{slug}', '/api/v1/proposals', '/api/v1/proposals/{id}', '/api/v1/proposals/statistics', '/api/v1/bodies', '/api/v1/bodies/{key}', '/api/v1/agreements']) assert.ok(doc.paths[p], p);
  const csv = await t.app.inject('/proposals.csv');
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body, /response_due_on/);
});

test('the statistics page shows the three forum years with computed rates', async () => {
  const api = (await t.app.inject('/api/v1/proposals/statistics')).json();
  const years = api.aggregates.map((a: { year: number; forums: number; participants: number; suggestions: number; adopted: number; under_review: number | null; adoption_rate: number; aggregate: boolean }) => [a.year, a.forums, a.participants, a.suggestions, a.adopted, a.under_review, a.adoption_rate, a.aggregate]);
  assert.deepEqual(years, [
    [2018, 10, 550, 72, 45, null, 62.5, true],
    [2019, 11, 838, 60, 47, null, 78.3, true],
    [2020, 6, 2493, 37, 19, 18, 51.4, true],
  ]);
  const page = await t.app.inject('/proposals/statistics?lang=en');
  for (const rate of ['62.5%', '78.3%', '51.4%']) assert.ok(page.body.includes(rate), rate);
  assert.match(page.body, /<svg[^>]+role="img"/);
  assert.match(page.body, /Aggregate record/);
  const stored = await t.db.db.selectFrom('participation_aggregates').selectAll().execute();
  assert.ok(stored.every((r) => !('adoption_rate' in r)), 'rates are never stored');
});

test('the author gets an e-mail through the outbox with the answer, in the language they wrote in; a refused answer sends nothing', async () => {
  const mails = async () => t.db.db.selectFrom('outbox_mails').selectAll().orderBy('id').execute();
  // The citizen writes in English: the language of the pages they used is kept on the proposal.
  const author = await session('citizen');
  await author.get('/calls?lang=en');
  const res = await author.postForm(`/calls/${slug}/proposals`, { _csrf: await author.csrf(`/calls/${slug}`), title: 'Open the minutes of every forum', body: 'Publish them within a week.', category: await categoryId('Open data') });
  const id = Number((res.headers.location as string).match(/proposals\/(\d+)/)![1]);
  const officer = await session('officerMois');
  const before = (await mails()).length;

  const other = (await session('officerMfds')).useLocale('en');
  const forbidden = await other.postForm(`/proposals/${id}/responses`, { _csrf: await other.csrf('/calls'), decision: 'adopted', reason: 'x', commitment: '', policy: '' });
  assert.equal(forbidden.statusCode, 403);
  assert.match(forbidden.body, /routed to/);
  const invalid = await officer.postForm(`/proposals/${id}/responses`, { _csrf: await officer.csrf('/calls'), decision: 'adopted', reason: '', commitment: '', policy: '' });
  assert.equal(invalid.statusCode, 400);
  assert.equal((await mails()).length, before, 'no mail for a refused or invalid answer');

  const ok = await officer.postForm(`/proposals/${id}/responses`, { _csrf: await officer.csrf('/calls'), decision: 'partially_adopted', reason: 'The minutes of plenary meetings will be published.', commitment: '', policy: '' });
  assert.equal(ok.statusCode, 303);
  const sent = (await mails()).slice(before);
  assert.equal(sent.length, 1, 'one mail, written in the same transaction as the answer');
  assert.equal(sent[0]!.to_address, ACCOUNTS.citizen.email);
  assert.equal(sent[0]!.subject, 'Your proposal has been answered: Open the minutes of every forum');
  assert.match(sent[0]!.body_text, /Decision: Partially adopted/);
  assert.match(sent[0]!.body_text, /The minutes of plenary meetings will be published\./);
  assert.match(sent[0]!.body_text, new RegExp(`http://localhost:3000/proposals/${id}`));

  const again = await officer.postForm(`/proposals/${id}/responses`, { _csrf: await officer.csrf('/calls'), decision: 'adopted', reason: 'Again', commitment: '', policy: '' });
  assert.equal(again.statusCode, 409);
  assert.equal((await mails()).length, before + 1, 'an answer refused by the state table sends nothing');

  // A proposal written in Korean is answered in Korean.
  const { id: koId } = await submit('forum', '포럼 회의록 공개');
  await officer.postForm(`/proposals/${koId}/responses`, { _csrf: await officer.csrf('/calls'), decision: 'not_adopted', reason: '이번 계획에는 담기 어렵습니다.', commitment: '', policy: '' });
  const ko = (await mails()).at(-1)!;
  assert.equal(ko.to_address, ACCOUNTS.forum.email);
  assert.match(ko.subject, /제안에 답변이 왔습니다: 포럼 회의록 공개/);
  assert.match(ko.body_text, /결정: 불채택/);
  assert.match(ko.body_text, /행정안전부|Ministry of the Interior and Safety/);
});
