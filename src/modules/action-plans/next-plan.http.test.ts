// The next plan over HTTP: the demo's 5th plan as imported, then starting a next plan by hand with a
// matured proposal on the list, the role matrix, bad input, and the forum's decisions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sessionAs, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

// These tests read the English texts of the pages (the site opens in Korean).
const session = async (who: AccountName | null) => (await sessionAs(t.app, who)).useLocale('en');

async function counts() {
  const n = async (table: 'action_plans' | 'plan_starting_points' | 'audit_events') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const decisions = (await t.db.db.selectFrom('plan_starting_points').select(['id', 'decision', 'reason']).orderBy('id').execute()).map((r) => `${r.id}:${r.decision}:${r.reason}`).join(',');
  return { plans: await n('action_plans'), points: await n('plan_starting_points'), decisions };
}

test("the demo's 5th plan starts from the 4th plan's five IRM recommendations, and the two plans link each other", async () => {
  const next = (await t.app.inject('/api/v1/plans/kr-2020-2022')).json();
  assert.equal(next.status, 'co_creation');
  assert.equal(next.number, 5);
  assert.equal(next.commitments.length, 0);
  assert.equal(next.cycle.previous_plan.slug, 'kr-2018-2020');
  assert.equal(next.cycle.next_plan, null);
  assert.deepEqual(next.cycle.starting_points.map((p: { kind: string; recommendation_number: number; decision: null }) => [p.kind, p.recommendation_number, p.decision]), [1, 2, 3, 4, 5].map((n) => ['irm_recommendation', n, null]));
  const previous = (await t.app.inject('/api/v1/plans/kr-2018-2020')).json();
  assert.equal(previous.cycle.next_plan.slug, 'kr-2020-2022');
  assert.equal(previous.cycle.previous_plan, null);

  const page = await t.app.inject('/plans/kr-2020-2022?lang=en');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Follows<\/span> <a href="\/plans\/kr-2018-2020">/);
  assert.match(page.body, /The records hold no proposal carried to maturation/);
  assert.match(page.body, /The plan has no commitments yet/);
  assert.match(page.body, /the seed names the 5th Action Plan .* but gives no period/i, 'the record states where the period comes from');
  const before4 = await t.app.inject('/plans/kr-2018-2020?lang=en');
  assert.match(before4.body, /Followed by<\/span> <a href="\/plans\/kr-2020-2022">/);
  const point = await t.app.inject(`/plans/kr-2020-2022/starting-points/${next.cycle.starting_points[4].id}?lang=en`);
  assert.equal(point.statusCode, 200);
  assert.match(point.body, /whistleblower protections commitment has been proposed and shortlisted/, "the government's response to the recommendation");
  assert.match(point.body, /Awaiting decision/);
});

test('starting the next plan by hand: the maturation list and the IRM recommendations become its starting points', async () => {
  // Forget the imported 5th plan, then mature a proposal during the 4th plan, through the routes people use.
  const imported = await t.db.db.selectFrom('action_plans').select('id').where('slug', '=', 'kr-2020-2022').executeTakeFirstOrThrow();
  await t.db.db.deleteFrom('plan_starting_points').where('plan_id', '=', imported.id).execute();
  await t.db.db.deleteFrom('action_plans').where('id', '=', imported.id).execute();
  const admin = await session('admin');
  const call = await admin.postForm('/calls', { _csrf: await admin.csrf('/calls/new'), title: 'Ideas', description: 'Ideas.', plan: 'kr-2018-2020', opens_on: '2026-11-01', closes_on: '2026-12-31', categories: 'Open data | mois', timeline: '', selection_criteria: 'Feasible.', response_days: '' });
  const callSlug = (call.headers.location as string).split('/')[2]!.split('?')[0]!;
  const citizen = await session('citizen');
  const category = String((await t.db.db.selectFrom('call_categories').select('id').where('title', '=', 'Open data').orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
  const sub = await citizen.postForm(`/calls/${callSlug}/proposals`, { _csrf: await citizen.csrf(`/calls/${callSlug}`), title: 'A civic hackers desk for government data', body: 'Answer requests within a week.', category });
  const proposalId = Number((sub.headers.location as string).match(/proposals\/(\d+)/)![1]);
  const officer = await session('officerMois');
  await officer.postForm(`/proposals/${proposalId}/responses`, { _csrf: await officer.csrf('/calls'), decision: 'not_adopted', reason: 'Needs more than six months of work.', commitment: '', policy: '' });
  const wg = await t.db.db.selectFrom('bodies').select('id').where('key', '=', 'ocf-idea-maturation').executeTakeFirstOrThrow();
  assert.equal((await admin.postForm(`/proposals/${proposalId}/maturation`, { _csrf: await admin.csrf('/calls'), body: String(wg.id) })).statusCode, 303);

  const plan4 = await admin.get('/plans/kr-2018-2020?lang=en');
  assert.match(plan4.body, /Maturation list for the next plan/);
  assert.match(plan4.body, /A civic hackers desk for government data/);
  assert.match(plan4.body, /href="\/plans\/kr-2018-2020\/next\/new"/);
  const form = { title: '5th Action Plan', number: '5', slug: 'kr-next', period_start: '2020', period_end: '2022', period_source: 'Decision of the forum, 2020-09-01.' };

  // The role matrix: only the OGP point of contact starts the next plan; refused requests write nothing.
  for (const [who, status] of [[null, 401], ['citizen', 403], ['forum', 403], ['officerMois', 403]] as const) {
    const s = await session(who);
    const before = await counts();
    const res = await s.postForm('/plans/kr-2018-2020/next', { _csrf: await s.csrf('/sign-in'), ...form });
    assert.equal(res.statusCode, status, `${who ?? 'visitor'}: ${res.body.slice(0, 200)}`);
    assert.deepEqual(await counts(), before);
  }
  assert.equal((await (await session('citizen')).get('/plans/kr-2018-2020/next/new')).statusCode, 403);
  assert.equal((await t.app.inject('/plans/nope/next/new')).statusCode, 404);
  assert.equal((await admin.postForm('/plans/nope/next', { _csrf: await admin.csrf('/sign-in'), ...form })).statusCode, 404);

  // Bad input: a clear message in place, nothing written.
  const bad: [Record<string, string>, RegExp][] = [
    [{ ...form, slug: 'Not A Slug' }, /lower-case letters, digits and single hyphens/],
    [{ ...form, number: '4' }, /a whole number after 4/],
    [{ ...form, period_start: '2019' }, /cannot begin before 2020/],
    [{ ...form, period_end: '2019' }, /cannot end before it begins/],
    [{ ...form, period_source: '  ' }, /the record must state its source/],
    [{ ...form, title: '' }, /Give the plan a title/],
    [{ ...form, slug: 'kr-2018-2020' }, /already has the address/],
  ];
  for (const [fields, message] of bad) {
    const before = await counts();
    const res = await admin.postForm('/plans/kr-2018-2020/next', { _csrf: await admin.csrf('/sign-in'), ...fields });
    assert.ok(res.statusCode === 400 || res.statusCode === 409, `${JSON.stringify(fields)}: ${res.statusCode}`);
    assert.match(res.body, message);
    assert.match(res.body, /error-summary/);
    assert.deepEqual(await counts(), before);
  }

  const res = await admin.postForm('/plans/kr-2018-2020/next', { _csrf: await admin.csrf('/plans/kr-2018-2020/next/new'), ...form });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/plans/kr-next?notice=started#starting-points-title');
  const next = (await t.app.inject('/api/v1/plans/kr-next')).json();
  assert.deepEqual(next.cycle.starting_points.map((p: { kind: string; title: string }) => p.kind), ['matured_proposal', ...Array(5).fill('irm_recommendation')]);
  assert.equal(next.cycle.starting_points[0].title, 'A civic hackers desk for government data');
  assert.match(next.cycle.starting_points[0].proposal_url, new RegExp(`/proposals/${proposalId}$`));
  const proposalPage = await t.app.inject(`/proposals/${proposalId}?lang=en`);
  assert.match(proposalPage.body, /The co-creation of 5th Action Plan starts from it/, 'the matured proposal links to the plan it fed');
  const audit = await t.db.db.selectFrom('audit_events').selectAll().where('action', '=', 'plan.started').orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(JSON.parse(audit.after_json!).matured_proposals, 1);
  // The proposal's list is spent: a second next plan is refused, and the 4th plan no longer offers one.
  const again = await admin.postForm('/plans/kr-2018-2020/next', { _csrf: await admin.csrf('/sign-in'), ...form, slug: 'kr-other' });
  assert.equal(again.statusCode, 409);
  assert.equal((await admin.get('/plans/kr-2018-2020/next/new')).statusCode, 409);
  assert.doesNotMatch((await admin.get('/plans/kr-2018-2020?lang=en')).body, /Maturation list for the next plan/);
});

test("the forum's reasoned decision on a starting point: who may, bad input, and a revision kept in the audit", async () => {
  const plan = await t.db.db.selectFrom('action_plans').select('id').where('slug', '=', 'kr-next').executeTakeFirstOrThrow();
  const point = await t.db.db.selectFrom('plan_starting_points').select('id').where('plan_id', '=', plan.id).where('kind', '=', 'irm_recommendation').orderBy('position').executeTakeFirstOrThrow();
  const url = `/plans/kr-next/starting-points/${point.id}`;
  const decision = { decision: 'not_taken_up', reason: 'Already addressed by the forum refresh.', commitment: '' };
  for (const [who, status] of [[null, 401], ['citizen', 403], ['officerMois', 403]] as const) {
    const s = await session(who);
    const before = await counts();
    assert.equal((await s.postForm(url, { _csrf: await s.csrf('/sign-in'), ...decision })).statusCode, status);
    assert.deepEqual(await counts(), before);
  }
  const forum = await session('forum');
  const bad: [Record<string, string>, RegExp][] = [
    [{ ...decision, decision: 'maybe' }, /Choose whether the plan takes this up/],
    [{ ...decision, reason: '' }, /every starting point gets a reasoned answer/],
    [{ ...decision, commitment: '1' }, /names no commitment/],
    [{ decision: 'taken_up', reason: 'Yes.', commitment: '99' }, /has no commitment (&#34;|")99/],
  ];
  for (const [fields, message] of bad) {
    const before = await counts();
    const res = await forum.postForm(url, { _csrf: await forum.csrf(url), ...fields });
    assert.equal(res.statusCode, 400, JSON.stringify(fields));
    assert.match(res.body, message);
    assert.deepEqual(await counts(), before);
  }
  assert.equal((await forum.postForm('/plans/kr-next/starting-points/999999', { _csrf: await forum.csrf(url), ...decision })).statusCode, 404);
  assert.equal((await t.app.inject('/plans/kr-next/starting-points/abc')).statusCode, 404);

  assert.equal((await forum.postForm(url, { _csrf: await forum.csrf(url), ...decision })).statusCode, 303);
  const admin = await session('admin');
  assert.equal((await admin.postForm(url, { _csrf: await admin.csrf(url), decision: 'taken_up', reason: 'The forum will run open webinars.', commitment: '' })).statusCode, 303);
  const page = await t.app.inject(`${url}?lang=en`);
  assert.match(page.body, /Taken up/);
  assert.match(page.body, /The forum will run open webinars/);
  const events = await t.db.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'plan.starting_point_decided').orderBy('id').execute();
  assert.equal(events.length, 2);
  assert.equal(JSON.parse(events[1]!.before_json!).decision, 'not_taken_up', 'the revision keeps what it replaced');
  const api = (await t.app.inject('/api/v1/plans/kr-next')).json();
  assert.equal(api.cycle.starting_points.find((p: { id: number }) => p.id === point.id).decision, 'taken_up');
});

test("the next plan's call, opened on the platform, dates its timeline: the standards' timeline rule decides", async () => {
  const admin = await session('admin');
  const before = (await t.app.inject('/api/v1/plans/kr-next/compliance')).json();
  const rule = (body: { rules: { id: string; result: string }[] }) => body.rules.find((r) => r.id === 'development.timeline')!;
  assert.equal(rule(before).result, 'not_enough_data', 'no call yet');
  const res = await admin.postForm('/calls', { _csrf: await admin.csrf('/calls/new'), title: 'Proposals for the 5th plan', description: 'Ideas.', plan: 'kr-next', opens_on: '2026-12-15', closes_on: '2027-01-31', categories: 'Open data', timeline: '2026-12-15 | Call opens\n2027-02-10 | Workshop', selection_criteria: 'Feasible.', response_days: '' });
  assert.equal(res.statusCode, 303);
  const after = rule((await t.app.inject('/api/v1/plans/kr-next/compliance')).json());
  assert.equal(after.result, 'pass', 'published with the call on 2026-11-20, 25 days before it opens');
});
