// The home page's queries on the real database (SQLite or PostgreSQL), and the pages with charts over HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { openPetition } from '../../../test/support/petitions.ts';
import { setSetting } from '../../platform/settings/settings.repository.ts';
import { duesByOrganization, overdueItems } from './dues.ts';
import { loadHome } from './home-data.ts';

let t: TestContext;
const ids = { near: 0, far: 0, ended: 0, overdueProposal: 0 };
before(async () => {
  t = await testApp({ accounts: false });
});
after(async () => t.close());

const page = (url: string) => t.app.inject({ method: 'GET', url });

test('with nothing open, nothing near and nothing awaited, the home page says so plainly, in both languages', async () => {
  const en = await page('/?lang=en');
  assert.equal(en.statusCode, 200);
  for (const s of ['No call for proposals is open.', 'No open petition is near its threshold.', 'No commitment has been updated this month.', 'No answer is overdue.']) assert.ok(en.body.includes(s), s);
  const ko = await page('/?lang=ko');
  assert.equal(ko.statusCode, 200);
  for (const s of ['지금 접수 중인 제안 공모가 없습니다.', '기준에 가까운 진행 중 청원이 없습니다.']) assert.ok(ko.body.includes(s), s);
  // The 5th plan is in co-creation: its card says so, with no empty chart and no report to read.
  assert.ok(en.body.includes('In co-creation · The plan has no commitments yet'), 'the plan in co-creation says so');
  assert.doesNotMatch(en.body, /href="\/plans\/kr-2020-2022\/report"/);
  // The plan at a glance is drawn from the seed: an image with a title and a description, and its table.
  assert.match(en.body, /<svg class="chart chart-stacked"[^>]*role="img"[^>]*aria-labelledby="glance-kr-2018-2020-chart-t glance-kr-2018-2020-chart-d"/);
  assert.ok(en.body.includes('<details class="chart-data"'));
  assert.ok(en.body.includes('55 of 70 milestones completed'), 'the seed: 55 of its 70 milestones are completed');
});

test('setting up: calls, petitions, proposals, an error report and progress updates around the clock (20 November 2026)', async () => {
  const db = t.db.db;
  const at = '2026-11-01T00:00:00.000Z';
  const call = (slug: string, opens_on: string, closes_on: string) => ({ slug, title: `Call ${slug}`, description: 'd', opens_on, closes_on, source_notes: '[]', created_at: at });
  await db.insertInto('proposal_calls').values([call('open-call', '2026-11-01', '2026-11-30'), call('closed-call', '2026-10-01', '2026-10-31'), call('upcoming-call', '2026-12-01', '2026-12-31')]).execute();
  ids.near = await openPetition(db, { threshold: 100, title: 'Near petition' });
  ids.far = await openPetition(db, { threshold: 100, title: 'Far petition' });
  ids.ended = await openPetition(db, { threshold: 100, title: 'Ended petition', closesAt: '2026-11-19T00:00:00.000Z' });
  await db.updateTable('petitions').set({ signature_count: 60 }).where('id', '=', ids.near).execute();
  await db.updateTable('petitions').set({ signature_count: 10 }).where('id', '=', ids.far).execute();
  await db.updateTable('petitions').set({ signature_count: 90 }).where('id', '=', ids.ended).execute();
  const mois = await db.selectFrom('organizations').select('id').where('key', '=', 'mois').executeTakeFirstOrThrow();
  const proposal = (title: string, due: string) => ({ channel: 'call', title, body: 'b', author_label: 'A citizen', state: 'routed', organization_id: mois.id, response_due_on: due, source_notes: '[]', updated_at: at, submitted_at: at });
  const rows = await db.insertInto('proposals').values([proposal('Overdue proposal', '2026-11-10'), proposal('Due proposal', '2026-12-10')]).returning('id').execute();
  ids.overdueProposal = rows[0]!.id;
  const dataset = await db.selectFrom('od_datasets').select(['id', 'organization_id']).orderBy('id').executeTakeFirstOrThrow();
  await db.insertInto('od_error_reports').values({ dataset_id: dataset.id, table_id: null, row_no: null, organization_id: dataset.organization_id, reporter_id: null, body: 'wrong', state: 'received', received_at: '2026-11-01T00:00:00.000Z', due_at: '2026-11-11T00:00:00.000Z', accepted_at: null, resolved_at: null, declined_at: null, response: null }).execute();
  const c = (code: string) => db.selectFrom('commitments').select(['id', 'level']).where('code', '=', code).executeTakeFirstOrThrow();
  const [c1, c2] = [await c('1'), await c('2')];
  const update = async (commitmentId: number, posted_at: string, occurred_on: string) =>
    (await db.insertInto('progress_updates').values({ commitment_id: commitmentId, posted_at, occurred_on, author_id: null, author_label: 'Officer', body: 'Progress' }).returning('id').executeTakeFirstOrThrow()).id;
  const u1 = await update(c2.id, '2026-10-20T00:00:00.000Z', '2026-10-20');
  const u2 = await update(c1.id, '2026-11-05T00:00:00.000Z', '2026-11-05');
  await db.insertInto('level_changes').values([
    { update_id: u1, target_type: 'commitment', target_id: c2.id, target_label: '2', level_from: 'not_started', label_from: null, level_to: c2.level },
    { update_id: u2, target_type: 'commitment', target_id: c1.id, target_label: '1', level_from: 'substantial', label_from: null, level_to: c1.level },
  ]).execute();
  const identity = await db.insertInto('identities').values([{ kind: 'email', value: 'a@example.org', verified_at: at, created_at: at }, { kind: 'email', value: 'b@example.org', verified_at: at, created_at: at }]).returning('id').execute();
  await db.insertInto('signatures').values([
    { petition_id: ids.near, identity_id: identity[0]!.id, created_at: '2026-11-02T01:00:00.000Z' },
    { petition_id: ids.near, identity_id: identity[1]!.id, created_at: '2026-11-04T01:00:00.000Z' },
  ]).execute();
});

test('open calls by the clock: the open one now; the upcoming one once its day comes; the closed one never', async () => {
  const now = await loadHome(t.db.db, t.config, t.clock.now());
  assert.deepEqual(now.openCalls.map((c) => c.slug), ['open-call']);
  assert.deepEqual(now.upcomingCalls.map((c) => c.slug), ['upcoming-call']);
  const december = await loadHome(t.db.db, t.config, new Date('2026-12-01T00:00:00+09:00'));
  assert.deepEqual(december.openCalls.map((c) => c.slug), ['upcoming-call']);
});

test('near the threshold: open, still signing and at least the set share of the threshold; the database setting overrides it', async () => {
  const d = await loadHome(t.db.db, t.config, t.clock.now());
  assert.equal(d.nearPercent, 50);
  assert.deepEqual(d.nearThreshold.map((p) => p.id), [ids.near]);
  await setSetting(t.db.db, 'home.near_threshold_percent', '5', t.clock.now());
  const wider = await loadHome(t.db.db, t.config, t.clock.now());
  assert.deepEqual(wider.nearThreshold.map((p) => p.id), [ids.near, ids.far]);
  await setSetting(t.db.db, 'home.near_threshold_percent', 'nonsense', t.clock.now());
  assert.equal((await loadHome(t.db.db, t.config, t.clock.now())).nearPercent, 50, 'a bad setting falls back to the configured value');
});

test('commitments updated this month: the update of 5 November counts, the one of 20 October does not', async () => {
  const d = await loadHome(t.db.db, t.config, t.clock.now());
  assert.deepEqual(d.updated.map((c) => c.code), ['1']);
  assert.equal(Number(d.updated[0]!.updates), 1);
});

test('answers due by organization and overdue by the clock', async () => {
  const d = await loadHome(t.db.db, t.config, t.clock.now());
  const rows = duesByOrganization(d.dues, d.today);
  const mois = rows.find((r) => r.key === 'mois')!;
  assert.equal(mois.awaiting.proposal, 2);
  assert.equal(mois.overdue.proposal, 1);
  const overdue = overdueItems(d.dues, d.today);
  assert.deepEqual(overdue.map((i) => i.kind).sort(), ['error_report', 'proposal']);
  assert.ok(overdue.some((i) => i.href === `/proposals/${ids.overdueProposal}`));
  // A month earlier nothing was overdue yet.
  const earlier = await loadHome(t.db.db, t.config, new Date('2026-11-05T00:00:00+09:00'));
  assert.equal(overdueItems(earlier.dues, earlier.today).length, 0);
});

test('the home page links every item to its page', async () => {
  const res = await page('/?lang=en');
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes('href="/calls/open-call"'));
  assert.ok(res.body.includes(`href="/petitions/${ids.near}"`));
  assert.ok(res.body.includes('60 of 100 signatures (60%)'));
  assert.ok(res.body.includes(`href="/proposals/${ids.overdueProposal}"`));
  assert.ok(res.body.includes('href="/organizations/mois"'));
  assert.match(res.body, /href="\/plans\/kr-2018-2020\/commitments\/1#update-\d+"/);
  assert.ok(!res.body.includes('href="/calls/closed-call"'));
});

test('the plan page draws levels by organization and progress over time, each with its table', async () => {
  const res = await page('/plans/kr-2018-2020?lang=en');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<svg class="chart chart-stacked"[^>]*aria-labelledby="plan-by-organization-chart-t plan-by-organization-chart-d"/);
  assert.match(res.body, /<svg class="chart chart-line"[^>]*aria-labelledby="plan-over-time-chart-t plan-over-time-chart-d"/);
  assert.ok(res.body.includes('Commitments by lead organization and completion level</caption>'));
  assert.ok(res.body.includes('Commitments by completion level over time</caption>'));
});

test('the petition page draws signatures over time, and says so in words when there are fewer than two days', async () => {
  const drawn = await page(`/petitions/${ids.near}?lang=en`);
  assert.equal(drawn.statusCode, 200);
  assert.match(drawn.body, /<svg class="chart chart-line"[^>]*aria-labelledby="petition-signatures-chart-t/);
  assert.ok(drawn.body.includes('The chart counts the 2 signatures recorded on this platform; the total of 60'));
  const none = await page(`/petitions/${ids.far}?lang=en`);
  assert.ok(!none.body.includes('chart-line'));
  assert.ok(none.body.includes('Not enough data for a line'));
});

test('the participation figures draw adoption by year from the seed, with the rates and the table', async () => {
  const res = await page('/proposals/statistics?lang=en');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<svg class="chart chart-stacked"[^>]*aria-labelledby="adoption-open_communication_forum-chart-t/);
  // 2018: 72 suggestions, 45 adopted, the other 27 "not adopted or not stated"; 2020: 19 adopted, 18 under review.
  assert.match(res.body, /<th scope="row"><span>2018<\/span><\/th><td>45<\/td><td>0<\/td><td>27<\/td><td>72<\/td><td>62.5%<\/td>/);
  assert.match(res.body, /<th scope="row"><span>2020<\/span><\/th><td>19<\/td><td>18<\/td><td>0<\/td><td>37<\/td><td>51.4%<\/td>/);
});
