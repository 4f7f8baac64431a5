// The per-address limit (RATE_LIMIT_PER_MINUTE): past it a visitor gets 429 with Retry-After, and a page
// or a problem in their language that says when to try again, like every other error; the page keeps its styles.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp({ config: { rateLimitPerMinute: 3 } });
});
after(async () => t.close());

test('past the limit: 429 with Retry-After, a Korean page in Korean, an English one in English, the API a problem', async () => {
  for (let i = 0; i < 3; i++) assert.equal((await t.app.inject('/plans')).statusCode, 200);
  const ko = await t.app.inject('/plans');
  assert.equal(ko.statusCode, 429);
  const seconds = Number(ko.headers['retry-after']);
  assert.ok(seconds >= 1 && seconds <= 60, `Retry-After ${ko.headers['retry-after']}`);
  assert.match(ko.headers['content-type'] as string, /text\/html/);
  assert.match(ko.body, new RegExp(`이 주소에서 요청이 너무 많습니다. ${seconds}초 뒤에 다시 시도하세요.`));
  assert.match(ko.body, /<h1>요청이 너무 많습니다<\/h1>/);
  assert.doesNotMatch(ko.body, /Rate limit exceeded/);

  const en = await t.app.inject('/plans?lang=en');
  assert.equal(en.statusCode, 429);
  assert.match(en.body, /Too many requests from your address. Try again in \d+ seconds./);

  const api = await t.app.inject('/api/v1/plans');
  assert.equal(api.statusCode, 429);
  const problem = api.json();
  assert.equal(problem.status, 429);
  assert.equal(problem.title, 'Too Many Requests');
  assert.match(problem.detail, /^Too many requests from your address. Try again in \d+ seconds.$/);

  assert.equal((await t.app.inject('/healthz')).statusCode, 200, 'the health check is never limited');
  // The 429 page keeps its look: the stylesheets and scripts it links are not counted.
  const assets = [...ko.body.matchAll(/(?:href|src)="(\/(?:krds|static)\/[^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  assert.ok(assets.some((a) => a.endsWith('.css') || a.includes('.css?')), 'the page links its stylesheets');
  for (const a of assets) assert.equal((await t.app.inject(a)).statusCode, 200, a);
});
