// A bad form reads in the reader's language: Korean with ?lang=ko or the lang cookie, English with lang=en,
// in the error summary, beside the field and on the error page; the JSON API stays English unless asked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

async function session(who: AccountName | null) {
  const s = new Session(t.app);
  if (who) await s.signIn(who);
  return s;
}

/** The error summary's items, as the page shows them. */
function summary(html: string): string[] {
  const box = html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? '';
  return [...box.matchAll(/<a href="#[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]!.replaceAll('&#34;', '"'));
}

const dataRequest = async (s: Session, url: string, fields: Record<string, string>) => s.postForm(url, { _csrf: await s.csrf('/sign-in'), ...fields });

test('open data: a data request without a name or purpose, in Korean by ?lang=ko and in English by ?lang=en', async () => {
  const s = await session('citizen');
  const ko = await dataRequest(s, '/open-data/requests?lang=ko', { title: '', body: '', organization: 'nowhere' });
  assert.equal(ko.statusCode, 400);
  assert.match(ko.body, /<html lang="ko"/);
  assert.deepEqual(summary(ko.body), ['요청하는 데이터의 이름을 입력하세요.', '데이터를 어디에 쓸지, 어떤 내용이 담겨야 하는지 입력하세요.', '목록에서 기관을 고르세요.']);
  assert.doesNotMatch(ko.body, /Name the data you are asking for/);
  const en = await dataRequest(s, '/open-data/requests?lang=en', { title: 'x'.repeat(201), body: 'y' });
  assert.equal(en.statusCode, 400);
  assert.deepEqual(summary(en.body), ['At most 200 characters.']);
  // The language chosen is remembered: the next post, without ?lang, is in English too.
  const again = await dataRequest(s, '/open-data/requests', { title: '', body: 'y' });
  assert.deepEqual(summary(again.body), ['Name the data you are asking for.']);
});

test('action plans: a progress update with an empty text, an impossible date and a bad link, by the lang cookie', async () => {
  const post = async (s: Session) =>
    s.postMultipart('/plans/kr-2018-2020/commitments/3/updates', [
      { name: '_csrf', value: await s.csrf('/sign-in') },
      { name: 'body', value: '' },
      { name: 'occurred_on', value: '2019-02-30' },
      { name: 'links', value: 'javascript:alert(1)' },
    ]);
  const ko = await post((await session('officerMois')).useLocale('ko'));
  assert.equal(ko.statusCode, 400);
  assert.deepEqual(summary(ko.body), [
    '진행 상황을 입력하세요. 본문은 비워 둘 수 없습니다.',
    '"2019-02-30"은(는) 실제로 있는 날짜가 아닙니다.',
    '"javascript:alert(1)"은(는) 웹 주소가 아닙니다(http:// 또는 https://).',
  ]);
  assert.match(ko.body, /<p class="form-error" id="body-error">진행 상황을 입력하세요/);
  const en = await post((await session('officerMois')).useLocale('en'));
  assert.deepEqual(summary(en.body), [
    'Describe the progress: the text cannot be empty.',
    '"2019-02-30" is not a real date.',
    '"javascript:alert(1)" is not a web address (http:// or https://).',
  ]);
});

test('proposals: a call for proposals closing before it opens, with limits from the rules as numbers', async () => {
  const post = async (lang: 'ko' | 'en') => {
    const s = await session('admin');
    return s.postForm(`/calls?lang=${lang}`, {
      _csrf: await s.csrf('/calls/new'),
      title: 'A call',
      description: 'd'.repeat(10_001),
      plan: 'kr-2018-2020',
      opens_on: '2026-12-31',
      closes_on: '2026-11-01',
      categories: 'Open data',
      timeline: '',
      selection_criteria: '',
      response_days: '400',
    });
  };
  const ko = await post('ko');
  assert.equal(ko.statusCode, 400);
  assert.deepEqual(summary(ko.body), [
    '설명이 너무 깁니다. 10,000자 이내로 입력하세요.',
    '마감일이 시작일보다 앞설 수 없습니다.',
    '답변 기한(일)은 1부터 365까지의 정수로 입력하세요.',
    '선정 기준을 공모와 함께 공개하세요.',
  ]);
  const en = await post('en');
  assert.deepEqual(summary(en.body), [
    'The description is too long: at most 10,000 characters.',
    'The call cannot close before it opens.',
    'Days to answer must be a whole number from 1 to 365.',
    'Publish the selection criteria with the call.',
  ]);
});

test('petitions: a title past the schema limit shows the error page in the reader’s language', async () => {
  const post = async (lang: 'ko' | 'en') => {
    const s = (await session('citizen')).useLocale(lang);
    return s.postForm('/petitions', { _csrf: await s.csrf('/petitions/new'), channel: '1', title: 'x'.repeat(1001), body: 'b' });
  };
  const ko = await post('ko');
  assert.equal(ko.statusCode, 400);
  assert.match(ko.body, /입력한 내용이 올바르지 않습니다\. 아래 항목을 확인하세요\./);
  assert.match(ko.body, /title: 1,000자 이내로 입력하세요/);
  const en = await post('en');
  assert.match(en.body, /The body is not valid: title: must be at most 1,000 characters/);
  // The petition's own rule (the title's length) reads in Korean too, beside its field.
  const s = (await session('citizen')).useLocale('ko');
  const own = await s.postForm('/petitions', { _csrf: await s.csrf('/petitions/new'), channel: '1', title: '', body: 'b' });
  assert.equal(own.statusCode, 400);
  assert.match(own.body, /제목 항목을 입력하세요\./);
});

test('refusals read in Korean on pages: a citizen at the update form, a missing plan', async () => {
  const s = (await session('citizen')).useLocale('ko');
  const forbidden = await s.get('/plans/kr-2018-2020/commitments/3/updates/new');
  assert.equal(forbidden.statusCode, 403);
  assert.match(forbidden.body, /담당 공무원(과|이나) 관리자만 (과제를|진행 상황을) 갱신할 수 있습니다\./);
  assert.doesNotMatch(forbidden.body, /Only officers/);
  const missing = await s.get('/plans/no-such-plan');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /&#34;no-such-plan&#34; 실행계획이 없습니다\./);
  const english = await (await session('citizen')).get('/plans/no-such-plan?lang=en');
  assert.match(english.body, /There is no action plan &#34;no-such-plan&#34;\./);
});

test('the JSON API keeps English problem details and messages, with each error’s key as code; ?lang=ko asks for Korean', async () => {
  const missing = await t.app.inject({ url: '/api/v1/plans/no-such-plan', headers: { cookie: 'lang=ko' } });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
  assert.equal(missing.json().detail, 'There is no action plan "no-such-plan".');
  const bad = await t.app.inject({ url: '/api/v1/data-requests/abc', headers: { cookie: 'lang=ko', 'accept-language': 'ko' } });
  assert.equal(bad.statusCode, 400);
  const body = bad.json();
  assert.deepEqual(Object.keys(body).sort(), ['detail', 'errors', 'instance', 'status', 'title', 'type']);
  assert.deepEqual(body.errors, [{ field: 'id', message: 'must be a number', code: 'error.validation.number' }]);
  const asked = (await t.app.inject('/api/v1/data-requests/abc?lang=ko')).json();
  assert.deepEqual(asked.errors, [{ field: 'id', message: '숫자로 입력하세요', code: 'error.validation.number' }]);
});
