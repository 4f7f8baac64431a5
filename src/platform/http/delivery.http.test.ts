// How pages and assets travel: compressed where the client accepts it, versioned assets cached for a year,
// the language choice remembered in a cookie, robots.txt.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { krdsHref } from './assets.ts';
import { chooseEncoding } from './compression.ts';
import { KRDS_SUBSET_PATH, krdsSubset, krdsSubsetHref } from './krds-subset.ts';
import { WEB_FONTS } from './web-fonts.ts';

let ctx: TestContext;
before(async () => {
  ctx = await testApp({ accounts: false });
});
after(async () => ctx.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

test('the encoding is chosen from Accept-Encoding, Brotli first, q=0 refused', () => {
  assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
  assert.equal(chooseEncoding('gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.8'), 'gzip');
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding(undefined), null);
});

test('a page is compressed for a client that accepts it, and plain for one that does not', async () => {
  const plain = await get('/plans/kr-2018-2020');
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.match(String(plain.headers.vary), /Accept-Encoding/);
  const br = await get('/plans/kr-2018-2020', { 'accept-encoding': 'br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
  const gz = await get('/plans/kr-2018-2020', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gz.rawPayload.length < plain.rawPayload.length / 3, `${gz.rawPayload.length} bytes of ${plain.rawPayload.length}`);
  assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body);
});

test('the layout links versioned assets that are cached for a year and served compressed', async () => {
  const page = (await get('/')).body;
  const hrefs = [...page.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g)].map((m) => m[1]!);
  assert.deepEqual(hrefs.map((h) => h.split('?')[0]), ['/static/favicon.svg', KRDS_SUBSET_PATH, '/static/madang.css']);
  for (const href of hrefs) {
    assert.match(href, /\?v=[0-9a-f]{12}$/, href);
    const res = await get(href, { 'accept-encoding': 'gzip' });
    assert.equal(res.statusCode, 200, href);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', href);
  }
  const css = krdsSubsetHref();
  assert.ok(hrefs.includes(css));
  const first = await get(css, { 'accept-encoding': 'br' });
  const again = await get(css, { 'accept-encoding': 'br' });
  assert.equal(first.headers['content-encoding'], 'br');
  assert.match(String(first.headers['content-type']), /^text\/css/);
  assert.ok(first.rawPayload.length < 25_000, `${first.rawPayload.length} bytes`);
  assert.deepEqual(again.rawPayload, first.rawPayload);
  assert.equal(brotliDecompressSync(first.rawPayload).toString('utf8'), krdsSubset().css);
  assert.match(krdsSubset().css, /\.krds-btn/);
  // KRDS's own sheets stay at their versioned addresses, and the subset asked with another fingerprint is not kept for long.
  assert.equal((await get(krdsHref('css/component/component.css'))).headers['cache-control'], 'public, max-age=31536000, immutable');
  const stale = await get(`${KRDS_SUBSET_PATH}?v=000000000000`);
  assert.equal(stale.statusCode, 200);
  assert.notEqual(stale.headers['cache-control'], 'public, max-age=31536000, immutable');
});

test("madang.css names KRDS's fonts at the installed version's addresses, with no layout shift when they load", async () => {
  const css = readFileSync(new URL('../../../public/madang.css', import.meta.url), 'utf8');
  const urls = [...css.matchAll(/url\((\/krds\/[^)]+)\)/g)].map((m) => m[1]!);
  assert.ok(urls.length >= 3);
  for (const u of urls) {
    assert.ok(u.startsWith(krdsHref('')), `${u} is not under ${krdsHref('')}`);
    assert.equal((await get(u)).statusCode, 200, u);
  }
  assert.doesNotMatch(css, /font-display: swap/);
});

test("KRDS's icons addressed at img/img/ (a KRDS 1.1.0 slip) are found", async () => {
  const res = await get(krdsHref('img/img/component/icon/ico_angle.svg'));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<svg/);
});

test('a public/ file asked with a wrong fingerprint is served but not cached for long', async () => {
  const res = await get('/static/madang.css?v=000000000000');
  assert.equal(res.statusCode, 200);
  assert.notEqual(res.headers['cache-control'], 'public, max-age=31536000, immutable');
});

test('the ?lang= switch sets a cookie that later requests follow', async () => {
  const switched = await get('/plans?lang=en');
  assert.equal(switched.statusCode, 200);
  const cookie = (switched.cookies as { name: string; value: string }[]).find((c) => c.name === 'lang');
  assert.equal(cookie?.value, 'en');
  const later = await get('/organizations', { cookie: 'lang=en' });
  assert.match(later.body, /<html lang="en"/);
  assert.match(later.body, /hreflang="ko"/);
  assert.match((await get('/organizations')).body, /<html lang="ko"/);
});

test("a first visit asks for KRDS's fonts only in the background; a browser that holds them gets pages that use them", async () => {
  const first = (await get('/')).body;
  assert.match(first, /<html lang="ko">/);
  const script = /<script src="(\/static\/fonts\.js\?v=[0-9a-f]{12})" defer ([^>]*)><\/script>/.exec(first);
  assert.ok(script, 'the page loads fonts.js, deferred');
  assert.match(script[2]!, new RegExp(`data-cookie="${WEB_FONTS.cookie}"`));
  assert.match(script[2]!, new RegExp(`data-version="${WEB_FONTS.version.replace(/\./g, '\\.')}"`));
  // The files fetched ahead are the ones madang.css's @font-face rules name first.
  const css = readFileSync(new URL('../../../public/madang.css', import.meta.url), 'utf8');
  const firstSources = [...css.matchAll(/@font-face \{[^}]*src: url\(([^)]+)\)/g)].map((m) => m[1]!);
  assert.deepEqual(firstSources, [...WEB_FONTS.files]);
  assert.match(script[2]!, new RegExp(`data-files="${firstSources.join(' ').replace(/\./g, '\\.')}"`));
  const js = await get(script[1]!);
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /javascript/);
  assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
  const holding = (await get('/', { cookie: `${WEB_FONTS.cookie}=${WEB_FONTS.version}` })).body;
  assert.match(holding, /<html lang="ko" class="web-fonts">/);
  assert.doesNotMatch(holding, /fonts\.js/);
  // Fonts of another KRDS version are not the ones the page names: they are fetched again first.
  const stale = (await get('/', { cookie: `${WEB_FONTS.cookie}=0.0.1` })).body;
  assert.match(stale, /<html lang="ko">/);
  assert.match(stale, /fonts\.js/);
  // Only the marked page puts Pretendard GOV first; every other page starts with the system's fonts.
  assert.match(css, /:root \{[^}]*--krds-font-family-base: var\(--m-font-system\)/);
  assert.match(css, /:root\.web-fonts \{ --krds-font-family-base: "Pretendard GOV", var\(--m-font-system\); \}/);
  assert.doesNotMatch(css.replace(/@font-face \{[^}]*\}/g, '').replace(/:root\.web-fonts \{[^}]*\}/, ''), /Pretendard/);
});

test('robots.txt lets crawlers read the public pages and keeps them out of personal ones', async () => {
  const res = await get('/robots.txt');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/plain/);
  assert.match(res.body, /User-agent: \*/);
  assert.match(res.body, /Disallow: \/me\//);
});
