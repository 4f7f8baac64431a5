// The KRDS subset looks exactly like KRDS: on the scored pages and a form with its errors, at a desktop and a
// phone width, every element's box and the computed properties that draw it (and its ::before and ::after) with
// the served subset are compared, in Chromium, with the same page once KRDS's three whole stylesheets replace
// the subset. A rule the pages need that the subset dropped shows here as a difference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { KRDS_SHEETS, KRDS_SUBSET_PATH, KRDS_VERSION } from '../../src/platform/http/krds-subset.ts';
import { WEB_FONTS } from '../../src/platform/http/web-fonts.ts';
import { journey } from '../support/journey.ts';
import { openPetition } from '../support/petitions.ts';

const PLAN = '/plans/kr-2018-2020';
let petition = 0;
const j = journey({
  prepare: async (server) => {
    petition = await openPetition(server.db.db, { threshold: 2000, title: 'Inspect imported kimchi for lead' });
  },
});

const WIDTHS = [1280, 390];
/** What draws an element, besides its box (all ~360 computed properties take minutes on a loaded machine). */
const PROPERTIES = ['display', 'position', 'float', 'visibility', 'opacity', 'color', 'background-color', 'background-image', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-radius', 'outline', 'box-shadow', 'font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'text-align', 'text-decoration', 'text-transform', 'white-space', 'list-style', 'content', 'margin', 'padding', 'overflow', 'clip', 'z-index', 'cursor', 'vertical-align', 'transform'];

/** Every element's computed style, with its pseudo-elements', kept in the page (they are large) under a key. */
async function snapshot(page: Page, key: string) {
  await page.evaluate(
    ([key, properties]) => {
      const styles: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body, body *'))) {
        const r = el.getBoundingClientRect();
        for (const pseudo of [null, '::before', '::after']) {
          const s = getComputedStyle(el, pseudo);
          let v = pseudo ? '' : `box:${r.x},${r.y},${r.width},${r.height};`;
          for (const p of properties) v += `${p}:${s.getPropertyValue(p)};`;
          styles.push(v);
        }
      }
      (globalThis as unknown as Record<string, string[]>)[key] = styles;
    },
    [key, PROPERTIES] as const,
  );
}

/** The differences between two snapshots of the page: which element, which property, which values. */
function differences(page: Page, a: string, b: string): Promise<string[]> {
  return page.evaluate(
    ([a, b]) => {
      const g = globalThis as unknown as Record<string, string[]>;
      const [x, y] = [g[a]!, g[b]!];
      const els = Array.from(document.querySelectorAll('body, body *'));
      const out: string[] = [];
      if (x.length !== y.length) return [`${x.length} styles against ${y.length}`];
      for (let i = 0; i < x.length && out.length < 10; i++) {
        if (x[i] === y[i]) continue;
        const px = new Map(x[i]!.split(';').map((d) => [d.slice(0, d.indexOf(':')), d.slice(d.indexOf(':') + 1)] as const));
        const diff = y[i]!.split(';').filter((d) => px.get(d.slice(0, d.indexOf(':'))) !== d.slice(d.indexOf(':') + 1));
        const el = els[Math.floor(i / 3)]!;
        out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${['', '::before', '::after'][i % 3]}: ${diff.slice(0, 4).join('; ')}`);
      }
      return out;
    },
    [a, b] as const,
  );
}

/** Replaces the subset with KRDS's whole stylesheets, at the same place in the cascade. */
async function useWholeKrds(page: Page) {
  const hrefs = KRDS_SHEETS.map((s) => `/krds/${KRDS_VERSION}/${s.path}`);
  await page.evaluate(
    async ([subsetPath, hrefs]) => {
      const subset = document.querySelector(`link[href^="${subsetPath}"]`)!;
      await Promise.all(
        hrefs.map(
          (href) =>
            new Promise((resolve, reject) => {
              const link = document.createElement('link');
              link.rel = 'stylesheet';
              link.href = href;
              link.onload = resolve;
              link.onerror = reject;
              subset.before(link);
            }),
        ),
      );
      subset.remove();
    },
    [KRDS_SUBSET_PATH, hrefs] as const,
  );
}

/** The page as it is now looks the same at both widths with the subset as with the whole of KRDS. */
async function assertSameAsWholeKrds(page: Page) {
  assert.equal(await page.locator(`link[href^="${KRDS_SUBSET_PATH}"]`).count(), 1, `${page.url()} links the subset`);
  await page.evaluate(() => document.fonts.ready);
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 900 });
    await snapshot(page, `subset${w}`);
  }
  await useWholeKrds(page);
  for (const w of WIDTHS) {
    await page.setViewportSize({ width: w, height: 900 });
    await snapshot(page, `whole${w}`);
    assert.deepEqual(await differences(page, `subset${w}`, `whole${w}`), [], `${page.url()} at ${w} px`);
  }
}

test('the scored pages and other page kinds look the same with the KRDS subset as with the whole of KRDS, at 1280 and 390 px', { skip: j.skip }, async () => {
  const page = await j.browser().newPage();
  // Pages drawn in KRDS's fonts, as a returning visitor sees them (src/platform/http/web-fonts.ts); they load with
  // font-display: optional, so the cache is warmed first.
  await page.context().addCookies([{ name: WEB_FONTS.cookie, value: WEB_FONTS.version, url: j.server().url }]);
  await page.goto(`${j.server().url}/`, { waitUntil: 'load' });
  assert.equal(await page.getAttribute('html', 'class'), WEB_FONTS.htmlClass);
  await page.evaluate(() => document.fonts.ready);
  // The five pages Lighthouse scores, and pages with other KRDS parts (tabs, tables, badges, the error page).
  const paths = ['/', PLAN, `${PLAN}/commitments/2?lang=en`, `/petitions/${petition}`, '/search?q=%ED%99%94%EB%AC%B8', `${PLAN}/irm`, '/plans/no-such-plan'];
  for (const path of paths) {
    await page.goto(`${j.server().url}${path}`, { waitUntil: 'load' });
    await assertSameAsWholeKrds(page);
  }
  await page.close();
});

test("a citizen's form, empty and with its errors shown, looks the same with the subset", { skip: j.skip }, async () => {
  const { context, page } = await j.signedIn('citizen');
  await page.goto(`${j.server().url}/petitions/new`, { waitUntil: 'load' });
  await assertSameAsWholeKrds(page);
  await page.goto(`${j.server().url}/petitions/new`, { waitUntil: 'load' });
  await page.locator('main form button[type=submit]').last().click();
  await page.waitForLoadState('load');
  assert.ok((await page.locator('.is-error, .form-error').count()) > 0, 'the errors are shown');
  await assertSameAsWholeKrds(page);
  await context.close();
});
