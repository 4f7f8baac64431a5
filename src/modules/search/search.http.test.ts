// Search over HTTP, on SQLite and (with TEST_DATABASE_URL) PostgreSQL: the page and the API, 400 on
// bad filters (problem+json for the API, the form with its errors for the page), markup in a query
// or a record escaped, and a record written through a form found by the next search.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { followerBehind } from '../../platform/audit/audit-follower.ts';
import { SEARCH_FOLLOWER } from './search-index.ts';
import { replaceDocuments } from './search.repository.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

test('the page: an empty form, then ranked results with the matches marked, in Korean and English', async () => {
  const empty = await t.app.inject('/search?lang=en');
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /Type one or more words to search/);
  const res = await t.app.inject('/search?q=open+data&lang=en');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<mark>(Open|open)<\/mark>/);
  assert.match(res.body, /href="\/plans\/kr-2018-2020\/commitments\/8"/);
  const ko = await t.app.inject('/search?q=%EA%B0%9C%EC%A0%95&lang=ko');
  assert.equal(ko.statusCode, 200);
  assert.match(ko.body, /결과 1건/);
  assert.match(ko.body, /<mark>개정<\/mark>/, 'a two-character part of 공개정보, marked');
  const none = await t.app.inject('/search?q=zzqqxx&lang=en');
  assert.match(none.body, /Nothing matches “zzqqxx”/);
  assert.match((await t.app.inject('/?lang=en')).body, /<form method="get" action="\/search" class="header-search" role="search"/, 'every page has the search form');
});

test('the API: 200 with results, filters and pages; 400 problem+json on bad parameters; in OpenAPI', async () => {
  const res = await t.app.inject('/api/v1/search?q=open+data&kind=commitment&per_page=2');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.per_page, 2);
  assert.equal(body.results.length, 2);
  assert.ok(body.total >= 2);
  assert.ok(body.results.every((r: { kind: string; url: string }) => r.kind === 'commitment' && r.url.startsWith('http://localhost:3000/plans/')));
  const typo = (await t.app.inject('/api/v1/search?q=transparancy')).json();
  assert.equal(typo.corrected, 'transparency');
  assert.ok(typo.total > 0);
  for (const url of ['/api/v1/search', '/api/v1/search?q=', '/api/v1/search?q=x&kind=secret', '/api/v1/search?q=x&from=2019-1-1', '/api/v1/search?q=x&from=2019-02-30', '/api/v1/search?q=x&from=2020-01-02&to=2020-01-01', '/api/v1/search?q=x&page=0', '/api/v1/search?q=x&per_page=500', '/api/v1/search?q=x&state=DROP%20TABLE']) {
    const r = await t.app.inject(url);
    assert.equal(r.statusCode, 400, url);
    assert.match(r.headers['content-type'] as string, /application\/problem\+json/, url);
  }
  assert.ok((await t.app.inject('/api/v1/openapi.json')).json().paths['/api/v1/search'], 'OpenAPI documents /api/v1/search');
});

test('the page answers a bad filter with the form and its errors, 400', async () => {
  const res = await t.app.inject('/search?q=data&from=2020-13-01&lang=en');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /value="data"/, 'the words are kept');
  const range = await t.app.inject('/search?q=data&from=2020-02-01&to=2020-01-01&lang=en');
  assert.equal(range.statusCode, 400);
  assert.match(range.body, /The end of the range is before its start/);
  const korean = await t.app.inject('/search?q=data&from=2020-02-01&to=2020-01-01&lang=ko');
  assert.equal(korean.statusCode, 400);
  assert.match(korean.body, /기간의 끝이 시작보다 앞섭니다/, 'in the language of the page');
  const api = await t.app.inject('/api/v1/search?q=data&from=2020-02-30');
  assert.equal(api.statusCode, 400);
  assert.equal(api.json().errors[0].message, 'Give a real day as YYYY-MM-DD.', 'the API stays English');
});

test('markup in a query or in a record is escaped', async () => {
  const attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
  const res = await t.app.inject(`/search?q=${encodeURIComponent(attack)}&lang=en`);
  assert.equal(res.statusCode, 200);
  // Attribute values keep "<" (harmless there) and escape the quote; outside them no tag survives.
  const outsideAttributes = (html: string) => html.replace(/="[^"]*"/g, '=""');
  assert.doesNotMatch(outsideAttributes(res.body), /<script>alert|<img src=x/);
  assert.match(res.body, /Nothing matches “&lt;script>alert\(1\)&lt;\/script>&#34;>&lt;img/);
  assert.match(res.body, /value="&lt;script>alert\(1\)&lt;\/script>&#34;>|value="<script>alert\(1\)<\/script>&#34;>/, 'the quote cannot close the attribute');
  await t.db.db.transaction().execute((trx) =>
    replaceDocuments(trx, 'xss_test', null, [{ kind: 'proposal', entityType: 'xss_test', entityId: '1', url: '/x', title: 'Wombatique <img src=x onerror=alert(3)>', body: '<script>alert(4)</script> wombatique', organization: null, state: null, date: null, plan: null, lang: 'en' }], t.clock.now()),
  );
  const hit = await t.app.inject('/search?q=wombatique&lang=en');
  assert.match(hit.body, /<mark>Wombatique<\/mark>/);
  assert.doesNotMatch(outsideAttributes(hit.body), /<img src=x|<script>alert\(4/);
  assert.match(hit.body, /&lt;img src=x onerror=alert\(3\)>/);
});

test('a data set created through the form is found right after, without a rebuild', async () => {
  const s = await new Session(t.app).signIn('officerMois');
  const token = await s.csrf('/sign-in');
  const created = await s.postForm('/open-data/datasets', { _csrf: token, slug: 'numbat-registry', organization: 'mois', title: 'Numbatregistry of 광화문 visitors', description: 'A test data set.', theme: 'government', keywords: 'numbat', licence: 'KOGL Type 1', temporal_coverage: '', spatial_coverage: '', update_frequency: '', issued: '2020-01-15', modified: '', contact_point: '', landing_page: '' });
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  // The write's response starts the catch-up: the follower reaches the write's audit event before any search.
  for (let i = 0; i < 50 && (await followerBehind(t.db.db, SEARCH_FOLLOWER)); i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await followerBehind(t.db.db, SEARCH_FOLLOWER), false);
  const r = (await t.app.inject('/api/v1/search?q=%ED%99%94%EB%AC%B8&kind=dataset')).json();
  assert.deepEqual(r.results.map((x: { url: string }) => x.url), ['http://localhost:3000/open-data/datasets/numbat-registry']);
});
