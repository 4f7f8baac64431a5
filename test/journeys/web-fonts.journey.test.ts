// KRDS's fonts never delay a first visit (src/platform/http/web-fonts.ts): a newcomer's first page is drawn
// in the system's fonts and asks for no font before it has loaded; the fonts then arrive in the background,
// and the next page is drawn in Pretendard GOV from its first paint, out of the cache, without a layout shift.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { WEB_FONTS } from '../../src/platform/http/web-fonts.ts';
import { journey } from '../support/journey.ts';

const j = journey();

/** The fonts this page asked for, when (ms after navigation start) and whether they came over the network. */
function fontRequests(page: Page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fonts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /\/fonts\/.+\.woff2?$/.test(r.name));
    return { loadEventStart: nav.loadEventStart, fonts: fonts.map((f) => ({ name: f.name, startTime: f.startTime, transferSize: f.transferSize })) };
  });
}

/** The sum of the page's layout shifts so far. */
function layoutShift(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) sum += (e as unknown as { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 200);
      }),
  );
}

const bodyFont = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontFamily);

test("a first visit paints in the system's fonts and fetches KRDS's after load; the next page paints in them from the cache", { skip: j.skip }, async () => {
  const context = await j.browser().newContext();
  const page = await context.newPage();
  await j.visit(page, '/');
  assert.equal(await page.getAttribute('html', 'class'), null);
  assert.doesNotMatch(await bodyFont(page), /Pretendard/);

  // The script sets its cookie once the three weights are in the browser.
  const deadline = Date.now() + 15_000;
  while (!(await context.cookies()).some((c) => c.name === WEB_FONTS.cookie) && Date.now() < deadline) await page.waitForTimeout(100);
  const cookie = (await context.cookies()).find((c) => c.name === WEB_FONTS.cookie);
  assert.equal(cookie?.value, WEB_FONTS.version, 'the cookie names the fonts held');
  const first = await fontRequests(page);
  assert.deepEqual(first.fonts.map((f) => new URL(f.name).pathname).sort(), [...WEB_FONTS.files].sort());
  for (const f of first.fonts) assert.ok(f.startTime >= first.loadEventStart, `${f.name} was asked for at ${f.startTime} ms, before the load event at ${first.loadEventStart} ms`);
  // Fetched into the cache, not used: the page keeps the fonts it was painted in.
  assert.doesNotMatch(await bodyFont(page), /Pretendard/);
  assert.equal(await layoutShift(page), 0);

  await j.visit(page, '/plans/kr-2018-2020');
  assert.equal(await page.getAttribute('html', 'class'), WEB_FONTS.htmlClass);
  assert.match(await bodyFont(page), /^"Pretendard GOV"/);
  assert.equal(await page.locator('script[src*="fonts.js"]').count(), 0);
  await page.evaluate(() => document.fonts.ready);
  const used = await page.evaluate(() => {
    const loaded: string[] = [];
    document.fonts.forEach((f) => void (f.status === 'loaded' && loaded.push(f.weight)));
    return loaded;
  });
  assert.ok(used.length > 0, 'the page drew its text in Pretendard GOV');
  const second = await fontRequests(page);
  assert.ok(second.fonts.length > 0, 'the page asked for the fonts');
  for (const f of second.fonts) assert.equal(f.transferSize, 0, `${f.name} came from the cache`);
  assert.equal(await layoutShift(page), 0);
  await context.close();
});

test("a browser that asks to save data is not sent KRDS's fonts", { skip: j.skip }, async () => {
  const context = await j.browser().newContext();
  const page = await context.newPage();
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }));
  await j.visit(page, '/');
  await page.waitForTimeout(1000);
  assert.deepEqual((await fontRequests(page)).fonts, []);
  assert.equal((await context.cookies()).filter((c) => c.name === WEB_FONTS.cookie).length, 0);
  await context.close();
});
