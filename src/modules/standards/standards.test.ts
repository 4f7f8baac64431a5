import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { DEFAULT_DATA_DIR } from '../../bootstrap.ts';
import { readRuleSet } from './standards.facts.ts';
import { CHECKS, evaluate, versionFor, type DatedMeeting, type Facts } from './standards.ts';

const meeting = (day: string | null, over: Partial<DatedMeeting> = {}): DatedMeeting => ({ title: `Meeting ${day}`, day, year: day ? Number(day.slice(0, 4)) : null, occurrences: 1, occurrences_qualifier: 'exact', url: '/m', ...over });
const base = (): Facts => ({
  plan: { period_start: 2018, period_end: 2019, url: '/plans/p', published: true },
  forum: { name: 'Forum', start_label: 'August 2017', url: '/bodies/f' },
  forumSectors: ['government', 'civil_society'],
  forumMeetings: [],
  implementationMeetings: [],
  call: { title: 'Call', opens_on: '2018-03-01', timeline_published_on: '2018-02-01', url: '/calls/c' },
  proposals: { total: 3, answered_with_reason: 3, overdue_without_answer: 0, url: '/calls/c' },
  repository: { documents_by_half_year: null },
});
const gaps = (f: Facts, max = 183) => CHECKS.forum_meeting_gaps!(f, { max_gap_days: max }).result;

test('forum meetings: the largest gap, from the period start to its end, against the maximum', () => {
  const f = base();
  assert.equal(gaps(f), 'not_enough_data', 'no dated meeting');
  f.forumMeetings = ['2018-03-01', '2018-08-01', '2019-01-15', '2019-07-01', '2019-12-01'].map((d) => meeting(d));
  assert.equal(gaps(f), 'pass');
  f.forumMeetings = ['2018-03-01', '2019-06-01'].map((d) => meeting(d));
  assert.equal(gaps(f), 'fail', 'a 15-month gap between single dated meetings');
  f.forumMeetings.push(meeting(null, { title: 'Quarterly monitoring', occurrences: 0, occurrences_qualifier: 'not_given' }));
  assert.equal(gaps(f), 'not_enough_data', 'an undated record may hold the meetings that close the gap');
  assert.equal(gaps({ ...base(), forum: null }), 'not_enough_data');
});

test('forum sectors, plan published, repository, timeline, reasoned responses, meetings a year', () => {
  const f = base();
  assert.equal(CHECKS.forum_sectors!(f, {}).result, 'pass');
  assert.deepEqual(CHECKS.forum_sectors!({ ...f, forumSectors: ['civil_society'] }, {}).missing, ['government_members']);
  assert.equal(CHECKS.forum_established!(f, {}).result, 'pass');
  assert.equal(CHECKS.plan_published!(f, {}).result, 'pass');
  assert.equal(CHECKS.repository_updates!(f, { per_year: 2 }).result, 'not_enough_data');
  const full = { '2018-H1': 1, '2018-H2': 2, '2019-H1': 1, '2019-H2': 1 };
  assert.equal(CHECKS.repository_updates!({ ...f, repository: { documents_by_half_year: full } }, { per_year: 2 }).result, 'pass');
  assert.equal(CHECKS.repository_updates!({ ...f, repository: { documents_by_half_year: { ...full, '2019-H1': 0 } } }, { per_year: 2 }).result, 'fail');
  assert.equal(CHECKS.timeline_in_advance!(f, { days_before: 14 }).result, 'pass');
  assert.equal(CHECKS.timeline_in_advance!(f, { days_before: 60 }).result, 'fail');
  assert.deepEqual(CHECKS.timeline_in_advance!({ ...f, call: { ...f.call!, timeline_published_on: null } }, { days_before: 14 }).missing, ['timeline_publication']);
  assert.equal(CHECKS.reasoned_responses!(f, {}).result, 'pass');
  assert.equal(CHECKS.reasoned_responses!({ ...f, proposals: { ...f.proposals, answered_with_reason: 2, overdue_without_answer: 1 } }, {}).result, 'fail');
  assert.equal(CHECKS.reasoned_responses!({ ...f, proposals: { ...f.proposals, answered_with_reason: 2 } }, {}).result, 'not_enough_data');
  assert.equal(CHECKS.reasoned_responses!({ ...f, proposals: { ...f.proposals, total: 0, answered_with_reason: 0 } }, {}).result, 'not_enough_data');
  const perYear = (ms: DatedMeeting[]) => CHECKS.meetings_per_year!({ ...f, implementationMeetings: ms }, { per_year: 2 }).result;
  assert.equal(perYear([meeting(null, { year: 2018, occurrences: 3 }), meeting('2019-05-01'), meeting('2019-11-01')]), 'pass');
  assert.equal(perYear([meeting(null, { year: 2018, occurrences: 3 }), meeting('2019-05-01')]), 'not_enough_data');
  assert.equal(perYear([meeting(null, { year: 2018, occurrences: 0, occurrences_qualifier: 'not_given' }), meeting('2019-05-01'), meeting('2019-11-01')]), 'not_enough_data');
});

test('the rule set is data: both versions read and checked, 2017 for plans begun before 2022', () => {
  const rs = readRuleSet(DEFAULT_DATA_DIR);
  assert.equal(versionFor(2018, rs.versions)?.version, '2017');
  assert.equal(versionFor(2022, rs.versions)?.version, '2022');
  for (const v of rs.versions) for (const r of v.rules) assert.ok(CHECKS[r.check], `${v.version} ${r.id}: check ${r.check}`);
  assert.equal(evaluate(versionFor(2023, rs.versions)!, base()).length, 7);
});

let t: TestContext;
before(async () => {
  t = await testApp({ accounts: false });
});
after(async () => t.close());

test('kr-2018-2020 compliance is computed from the records, with evidence, and nothing is guessed', async () => {
  const res = await t.app.inject({ url: '/api/v1/plans/kr-2018-2020/compliance' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.version, '2017');
  const byId = Object.fromEntries(body.rules.map((r: { id: string }) => [r.id, r]));
  assert.equal(byId['forum.established'].result, 'pass');
  assert.match(byId['forum.established'].evidence[0].label, /Open Government Forum Korea \(August 2017\)/);
  assert.equal(byId['forum.quarterly'].result, 'not_enough_data');
  assert.deepEqual(byId['forum.quarterly'].missing, ['meeting_days']);
  assert.equal(byId['throughout.website'].result, 'pass');
  assert.equal(byId['development.timeline'].result, 'not_enough_data');
  for (const r of body.rules) assert.notEqual(r.result, 'fail', `${r.id}: the demo records decide no failure`);
  const page = await t.app.inject({ url: '/plans/kr-2018-2020/compliance?lang=en' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Not enough data/);
  assert.match(page.body, /The forum’s meetings are recorded without their days/);
  assert.equal((await t.app.inject({ url: '/api/v1/plans/nope/compliance' })).statusCode, 404);
  assert.equal((await t.app.inject({ url: '/plans/nope/compliance' })).statusCode, 404);
});

test('the repository rule reads the repository: nothing of the period is not enough data, gaps fail, every half-year passes', async () => {
  const rule = async () => {
    const body = (await t.app.inject({ url: '/api/v1/plans/kr-2018-2020/compliance' })).json();
    return body.rules.find((r: { id: string }) => r.id === 'throughout.repository') as { result: string; missing: string[] };
  };
  assert.equal((await rule()).result, 'not_enough_data');
  const plan = await t.db.db.selectFrom('action_plans').select('id').where('slug', '=', 'kr-2018-2020').executeTakeFirstOrThrow();
  const file = await t.db.db
    .insertInto('files')
    .values({ sha256: 'f'.repeat(64), filename: 'minutes.pdf', content_type: 'application/pdf', size: 4, data: Buffer.from('%PDF'), uploaded_by: null, created_at: '2019-02-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const publish = (at: string) =>
    t.db.db.insertInto('repository_documents').values({ plan_id: plan.id, commitment_id: null, kind: 'forum_minutes', title: `Minutes ${at}`, description: null, document_date: at.slice(0, 10), file_id: file.id, uploaded_by: null, uploaded_label: 'test', published_at: at }).execute();
  await publish('2019-02-01T00:00:00.000Z');
  assert.deepEqual(await rule(), { ...(await rule()), result: 'fail', missing: ['repository_half_years'] });
  for (const y of [2018, 2019, 2020]) for (const m of ['03', '09']) await publish(`${y}-${m}-15T00:00:00.000Z`);
  assert.equal((await rule()).result, 'pass');
});
