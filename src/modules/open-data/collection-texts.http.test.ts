// The platform's own collections in the catalog speak the page's language: their Korean texts beside the
// English record, in the pages, the API and DCAT; found by a Korean search; an officer's rewrite drops the
// translation of what was rewritten, and an older database is brought up to date at the next start.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publicCollections } from '../../modules.ts';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { planNames } from '../action-plans/collections.ts';
import { publishCollections } from './commands/publish-collections.ts';
import { isSitePath, isWebAddress } from './dataset-input.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

const PETITIONS = '/open-data/datasets/madang-petitions';
const h1 = (html: string) => html.match(/<h1[^>]*>([^<]*)<\/h1>/)![0];

test('a Korean page shows the collections in Korean, an English page in English; the record stays English', async () => {
  const ko = await t.app.inject(PETITIONS);
  assert.equal(ko.statusCode, 200);
  assert.equal(h1(ko.body), '<h1>청원과 그 결과</h1>', 'no lang="en" on a Korean title');
  assert.match(ko.body, /서명한 사람은 나오지 않고 수만 나옵니다/);
  assert.match(ko.body, />청원: 서명 진행 중 \(JSON API\)</, 'the resources too');
  assert.match(ko.body, /<title>청원과 그 결과/);
  assert.match(ko.body, /<dd>기록이 바뀔 때마다 수시로<\/dd>/, 'the update frequency the platform writes');
  const en = await t.app.inject(`${PETITIONS}?lang=en`);
  assert.equal(h1(en.body), '<h1>Petitions and their results</h1>');
  assert.match(en.body, />Petitions: open \(JSON API\)</);

  const reports = await t.app.inject(`${PETITIONS}/reports`);
  assert.match(reports.body, /<h1>[^<]*청원과 그 결과<\/h1>/, 'the pages under a data set name it in the page’s language too');
  assert.doesNotMatch(reports.body, /Petitions and their results/);

  const catalog = await t.app.inject('/open-data');
  assert.match(catalog.body, /<a href="\/open-data\/datasets\/kr-2018-2020-commitments">제4차 실행계획\(2018–2020\) 과제<\/a>/);
  assert.doesNotMatch(catalog.body, /Petitions and their results/);
  const platformTitles = [...catalog.body.matchAll(/<a href="\/open-data\/datasets\/madang-[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
  assert.equal(platformTitles.length, 11);
  assert.deepEqual(platformTitles, [...platformTitles].sort(new Intl.Collator('ko').compare), 'in the order of the titles the page shows');
  assert.match((await t.app.inject('/open-data?lang=en')).body, />4th Action Plan 2018-2020: commitments</);
});

test('the API gives the record in English with its translations; DCAT tags each text with its language', async () => {
  const api = (await t.app.inject('/api/v1/datasets/madang-votes')).json();
  assert.equal(api.title, 'Yes/no votes on government-innovation tasks');
  assert.deepEqual(api.keywords, ['votes', 'government innovation']);
  assert.deepEqual(api.translations.ko, { title: '정부혁신 과제 찬반 투표', description: api.translations.ko.description, keywords: ['투표', '정부혁신'] });
  assert.match(api.translations.ko.description, /^찬반 투표에 부친 과제/);
  assert.deepEqual(api.resources[0].translations, { ko: { title: '투표 (JSON API)' } });
  const seed = (await t.app.inject('/api/v1/datasets/cultural-heritage-3d-data')).json();
  assert.deepEqual(seed.translations, {}, "the seed's data sets are as the source writes them");

  const dcat = (await t.app.inject('/api/v1/catalog.jsonld')).json();
  const votes = dcat['dcat:dataset'].find((d: { 'dct:identifier': string }) => d['dct:identifier'] === 'madang-votes');
  assert.deepEqual(votes['dct:title'], [
    { '@value': 'Yes/no votes on government-innovation tasks', '@language': 'en' },
    { '@value': '정부혁신 과제 찬반 투표', '@language': 'ko' },
  ]);
  assert.deepEqual(votes['dcat:keyword'].filter((k: { '@language': string }) => k['@language'] === 'ko').map((k: { '@value': string }) => k['@value']), ['투표', '정부혁신']);
  assert.deepEqual(votes['dcat:distribution'][0]['dct:title'][1], { '@value': '투표 (JSON API)', '@language': 'ko' });
});

test("the catalog's search finds a collection by its Korean words", async () => {
  const found = await t.app.inject(`/open-data?q=${encodeURIComponent('찬반 투표')}`);
  assert.match(found.body, /href="\/open-data\/datasets\/madang-votes"/);
  assert.doesNotMatch(found.body, /href="\/open-data\/datasets\/madang-petitions"/);
  const keyword = (await t.app.inject(`/api/v1/datasets?q=${encodeURIComponent('정부혁신')}`)).json();
  assert.deepEqual(keyword.datasets.map((d: { slug: string }) => d.slug), ['madang-votes']);
});

test("a plan's Korean name is its number and years, unless its title is Korean already", () => {
  assert.deepEqual(planNames({ title: '4th Action Plan 2018-2020', number: 4, period_start: '2018-09-01', period_end: '2020-08-31' }), { en: '4th Action Plan 2018-2020', ko: '제4차 실행계획(2018–2020)' });
  assert.equal(planNames({ title: '제5차 열린정부 국가실행계획', number: 5, period_start: '2020-09-01', period_end: '2022-12-31' }).ko, '제5차 열린정부 국가실행계획');
});

test("an administrator's rewrite of a collection's title drops its translation, and publishing again does not bring it back", async () => {
  const api = (await t.app.inject('/api/v1/datasets/madang-surveys')).json();
  const admin = new Session(t.app).useLocale('en');
  await admin.signIn('admin');
  const fields = { title: 'Surveys and their results', description: api.description, theme: api.theme, keywords: api.keywords.join(', '), licence: '', temporal_coverage: '', spatial_coverage: '', update_frequency: api.update_frequency, issued: '', modified: '', contact_point: '', landing_page: '/surveys' };
  const saved = await admin.postForm('/open-data/datasets/madang-surveys', { _csrf: await admin.csrf('/sign-in'), ...fields });
  assert.equal(saved.statusCode, 303);
  const after = (await t.app.inject('/api/v1/datasets/madang-surveys')).json();
  assert.equal(after.translations.ko.title, null, 'the title is the administrator’s alone');
  assert.match(after.translations.ko.description, /^패널, 협의체, 기관의 설문/, 'the description they left as it was keeps its translation');
  assert.deepEqual(after.translations.ko.keywords, ['설문', '패널', '수요조사']);
  assert.equal(h1((await t.app.inject('/open-data/datasets/madang-surveys')).body), '<h1 lang="en">Surveys and their results</h1>');

  const again = await publishCollections(t.db.db, await publicCollections(t.db.db), t.clock.now());
  assert.deepEqual(again, { datasets_created: 0, resources_created: 0, texts_updated: 0 });
  assert.equal((await t.app.inject('/api/v1/datasets/madang-surveys')).json().translations.ko.title, null);
});

test('a catalog published before its collections were translated gets their Korean texts at the next start, audited', async () => {
  await t.db.db.deleteFrom('od_dataset_texts').execute();
  await t.db.db.deleteFrom('od_resource_texts').execute();
  const collections = await publicCollections(t.db.db);
  const result = await publishCollections(t.db.db, collections, t.clock.now());
  assert.equal(result.texts_updated, collections.length);
  assert.equal((await t.app.inject('/api/v1/datasets/madang-petitions')).json().translations.ko.title, '청원과 그 결과');
  const audited = await t.db.db.selectFrom('audit_events').select('entity_label').where('action', '=', 'dataset.collection_texts_updated').execute();
  assert.equal(audited.length, collections.length);
  assert.deepEqual((await publishCollections(t.db.db, collections, t.clock.now())).texts_updated, 0, 'nothing twice');
});

test("a data set's landing page is a web address or a path on this site, as the platform's collections give theirs", () => {
  for (const ok of ['/surveys', '/plans/kr-2018-2020/irm', 'https://www.open.go.kr/']) assert.ok(isWebAddress(ok) || isSitePath(ok), ok);
  for (const bad of ['//evil.example/', '/\\evil.example', '/with space', 'javascript:alert(1)', 'surveys']) assert.ok(!isWebAddress(bad) && !isSitePath(bad), bad);
});
