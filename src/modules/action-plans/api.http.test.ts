// HTTP contract of the public pages and the API: 200, 400 and 404, on the database under test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

test('GET /api/v1/plans/kr-2018-2020 returns the 13 commitments, their levels and every milestone', async () => {
  const res = await t.app.inject('/api/v1/plans/kr-2018-2020');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /application\/json/);
  const plan = res.json();
  assert.deepEqual(plan.summary, { not_started: 0, limited: 1, substantial: 4, completed: 8, total: 13 });
  assert.equal(plan.commitments.length, 13);
  const c2 = plan.commitments.find((c: { code: string }) => c.code === '2');
  assert.equal(c2.level, 'limited');
  assert.equal(c2.lead_organization, 'Ministry of Culture, Sports and Tourism');
  assert.equal(c2.start, '2018-09-01');
  assert.equal(c2.end, '2020-08-31');
  for (const c of plan.commitments) {
    assert.ok(c.milestones.length > 0, `commitment ${c.code} has milestones`);
    for (const m of c.milestones) for (const k of ['title', 'start', 'end', 'level']) assert.ok(k in m, `milestone field ${k}`);
  }
  assert.equal(plan.irm_recommendations.length, 5);
});

test('GET /api/v1/plans lists plans with their summary', async () => {
  const res = await t.app.inject('/api/v1/plans');
  assert.equal(res.statusCode, 200);
  const plans = res.json().plans;
  assert.deepEqual(plans.map((p: { slug: string }) => p.slug), ['kr-2020-2022', 'kr-2018-2020'], 'newest first');
  assert.equal(plans[1].summary.total, 13);
  assert.equal(plans[0].summary.total, 0, 'the 5th plan is in co-creation: no commitments yet');
});

test('a commitment in full, with its template fields', async () => {
  const res = await t.app.inject('/api/v1/plans/kr-2018-2020/commitments/5-1');
  assert.equal(res.statusCode, 200);
  const c = res.json();
  assert.equal(c.lead_organization, 'Ministry of Foreign Affairs');
  assert.ok(c.public_problem.length > 100);
  assert.equal(c.contacts[0].email, 'hjjeong19@mofa.go.kr');
  assert.deepEqual(c.progress_updates, []);
});

test('unknown plans and commitments are 404 problem documents with a clear detail', async () => {
  for (const url of ['/api/v1/plans/nowhere', '/api/v1/plans/kr-2018-2020/commitments/99', '/api/v1/plans/%3Cscript%3E']) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    const p = res.json();
    assert.equal(p.status, 404);
    assert.ok(p.detail.length > 10);
  }
  const page = await t.app.inject('/plans/nowhere');
  assert.equal(page.statusCode, 404);
  assert.match(page.body, /<html lang="ko"/);
});

test('malformed parameters get a 400, never a 500', async () => {
  const cases = ['/files/abc', '/files/0', '/admin/audit?page=-1', `/plans/${'x'.repeat(200)}`, '/sign-in?next=' + 'x'.repeat(3000)];
  for (const url of cases) {
    const res = await t.app.inject(url);
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} → ${res.statusCode}`);
  }
  const bad = await t.app.inject('/api/v1/plans/kr-2018-2020/commitments/' + 'x'.repeat(50));
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /problem\+json/);
});

test('the OpenAPI document describes every /api/v1 route and nothing else', async () => {
  const res = await t.app.inject('/api/v1/openapi.json');
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.match(doc.openapi, /^3\./);
  for (const p of ['/api/v1/plans', '/api/v1/plans/{slug}', '/api/v1/plans/{slug}/commitments/{code}', '/api/v1/organizations']) assert.ok(doc.paths[p], p);
  assert.ok(Object.keys(doc.paths).every((p) => p.startsWith('/api/v1/')));
});

test('CSV downloads of commitments and milestones', async () => {
  const c = await t.app.inject('/plans/kr-2018-2020/commitments.csv');
  assert.equal(c.statusCode, 200);
  assert.match(c.headers['content-type'] as string, /text\/csv/);
  const lines = c.body.replace(/^\uFEFF/, '').trim().split('\n');
  assert.match(lines[0]!, /^plan,code,title,lead_organization/);
  assert.equal(lines.length, 14);
  const m = await t.app.inject('/plans/kr-2018-2020/milestones.csv');
  assert.equal(m.statusCode, 200);
  assert.ok(m.body.includes('First half of 2019'));
});

test('pages answer in Korean by default and in English on request, with hreflang alternates', async () => {
  const ko = await t.app.inject('/plans/kr-2018-2020');
  assert.equal(ko.statusCode, 200);
  assert.match(ko.body, /<html lang="ko"/);
  assert.match(ko.body, /이행 현황 한눈에 보기/);
  assert.match(ko.body, /hreflang="en"/);
  const en = await t.app.inject('/plans/kr-2018-2020?lang=en');
  assert.match(en.body, /<html lang="en"/);
  assert.match(en.body, /Completion at a glance/);
  const cookie = (en.cookies as { name: string; value: string }[]).find((x) => x.name === 'lang');
  assert.equal(cookie?.value, 'en');
  const again = await t.app.inject({ url: '/', headers: { cookie: 'lang=en' } });
  assert.match(again.body, /<html lang="en"/);
});

test('the plan page filters by organization, level and OGP value', async () => {
  const limited = await t.app.inject('/plans/kr-2018-2020?lang=en&level=limited');
  assert.match(limited.body, /Showing 1 commitment</);
  const mois = await t.app.inject('/plans/kr-2018-2020?lang=en&organization=mois');
  assert.match(mois.body, /Showing 5 commitments</);
  const none = await t.app.inject('/plans/kr-2018-2020?lang=en&organization=nobody');
  assert.match(none.body, /No commitment matches/);
});

test('commitment, organization and home pages render', async () => {
  for (const url of ['/', '/plans', '/plans/kr-2018-2020/commitments/12', '/organizations', '/organizations/mfds', '/sign-in']) {
    const res = await t.app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(res.headers['content-type'] as string, /text\/html/);
  }
  const c12 = await t.app.inject('/plans/kr-2018-2020/commitments/12?lang=en');
  assert.match(c12.body, /Almost completed/);
  assert.match(c12.body, /<time datetime="2018-07">2018. 7.<\/time>/);
});

test('health and metrics', async () => {
  const h = await t.app.inject('/healthz');
  assert.equal(h.statusCode, 200);
  assert.equal(h.json().status, 'ok');
  await t.app.inject('/plans');
  const m = await t.app.inject('/metrics');
  assert.equal(m.statusCode, 200);
  assert.match(m.body, /madang_http_request_duration_seconds_bucket/);
});

test('security headers are set on every page', async () => {
  const res = await t.app.inject('/');
  assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.headers['x-frame-options'] || /frame-ancestors 'none'/.test(res.headers['content-security-policy'] as string));
});
