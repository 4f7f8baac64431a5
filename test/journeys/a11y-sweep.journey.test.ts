// Accessibility sweep in a real Chromium: every public page kind of the demo, in Korean and in English,
// passes axe-core (WCAG 2.0/2.1 A and AA and best practices); the first keyboard stop is the skip link and
// every stop of the first few shows a visible focus outline; the citizen's forms pass axe too; text in the
// page's other language (English seed text in a Korean page, Korean in an English one) carries its lang.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { createVoteTask } from '../../src/modules/petitions/commands/votes.ts';
import { ACCOUNTS } from '../support/app.ts';
import { journey } from '../support/journey.ts';
import { unmarkedForeignText } from '../support/lang-check.ts';
import { openPetition } from '../support/petitions.ts';

const PLAN = '/plans/kr-2018-2020';
let petition = 0;
let vote = 0;

const j = journey({
  prepare: async (server) => {
    petition = await openPetition(server.db.db, { threshold: 2000, title: 'Inspect imported kimchi for lead' });
    const db = server.db.db;
    const channel = await db.selectFrom('channels').select('id').where('key', '=', 'mois-innovation-vote').executeTakeFirstOrThrow();
    const admin = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', ACCOUNTS.admin.email).executeTakeFirstOrThrow();
    const actor = { ...admin, role: 'admin' as const, organization_id: null, organization_name: null };
    const r = await createVoteTask(db, { actor, channelId: channel.id, title: 'Open all ministry budgets as data', description: 'A task for the vote.', threshold: 100, closesAt: null, now: new Date() });
    vote = r.ok ? (r.id ?? 0) : 0;
    // The demo's call for proposals closed long ago; the citizen's proposal form needs an open one.
    await db.updateTable('proposal_calls').set({ opens_on: '2026-01-01', closes_on: '2099-12-31' }).where('slug', '=', 'kr-2018-2020-co-creation').execute();
  },
});
const { skip, visited } = j;

/** One path of each public page kind; `optional` ones are skipped where the server answers 404 (not built yet). */
function publicPages(): { path: string; optional?: boolean }[] {
  return [
    { path: '/' },
    { path: '/plans' },
    { path: PLAN },
    { path: `${PLAN}/commitments/2` },
    { path: `${PLAN}/commitments/2/repository` },
    { path: `${PLAN}/irm` },
    { path: `${PLAN}/report` },
    { path: `${PLAN}/reports` },
    { path: `${PLAN}/repository` },
    { path: `${PLAN}/compliance` },
    { path: '/organizations' },
    { path: '/organizations/mois' },
    { path: '/organizations/mois/proposals' },
    { path: '/petitions' },
    { path: `/petitions/${petition}` },
    { path: '/votes' },
    { path: `/votes/${vote}` },
    { path: '/calls' },
    { path: '/calls/kr-2018-2020-co-creation' },
    { path: '/proposals' },
    { path: '/proposals/1' },
    { path: '/proposals/statistics' },
    { path: '/bodies' },
    { path: '/bodies/ogf-korea' },
    { path: '/bodies/ogf-korea/meetings/1' },
    { path: '/agreements' },
    { path: '/open-data' },
    { path: '/open-data/datasets/harmful-substances-in-foods' },
    { path: '/open-data/datasets/harmful-substances-in-foods/reports' },
    { path: '/open-data/requests' },
    { path: '/open-data/rounds' },
    { path: '/open-data/rounds/core-data-round-2' },
    { path: '/open-data/evaluation' },
    { path: '/surveys' },
    { path: '/surveys/1' },
    { path: '/surveys/1/results' },
    { path: '/policy-registry' },
    { path: '/sign-in' },
    { path: '/inbox/access' },
    { path: '/search', optional: true },
    { path: '/search?q=%EA%B4%91%ED%99%94', optional: true },
  ];
}

/** The forms a signed-in citizen fills in. */
const CITIZEN_FORMS = ['/petitions/new', '/calls/kr-2018-2020-co-creation/proposals/new', '/open-data/datasets/harmful-substances-in-foods/reports/new', '/surveys/1'];

function withLang(path: string, lang: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** Tabs through the first stops of the page: the skip link comes first, and every stop shows its focus. */
async function checkKeyboard(page: Page, stops = 6) {
  const seen: { text: string; visible: boolean }[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { text: '(body)', visible: false };
        const s = getComputedStyle(el);
        const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
        const shadowed = s.boxShadow !== 'none';
        const r = el.getBoundingClientRect();
        return { text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40), visible: (outlined || shadowed) && r.width > 0 && r.height > 0 };
      }),
    );
  }
  assert.match(seen[0]!.text, /본문 바로가기|Skip to main content/, `${page.url()}: the first stop is the skip link`);
  for (const s of seen) assert.ok(s.visible, `${page.url()}: focus on "${s.text}" is not visible`);
}

for (const lang of ['ko', 'en'] as const) {
  test(`every public page kind passes axe-core and the keyboard check (${lang})`, { skip }, async () => {
    const context = await j.browser().newContext();
    const page = await context.newPage();
    for (const { path, optional } of publicPages()) {
      const res = await page.goto(j.server().url + withLang(path, lang), { waitUntil: 'load' });
      if (optional && res?.status() === 404) continue;
      assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${path}: <html lang>`);
      assert.deepEqual(await unmarkedForeignText(page), [], `${path} (${lang}): text in the other language without its lang`);
      await j.check(page);
      await checkKeyboard(page);
    }
    await context.close();
  });
}

test('the error page passes axe-core in both languages', { skip }, async () => {
  const page = await j.browser().newPage();
  for (const lang of ['ko', 'en']) {
    const res = await page.goto(`${j.server().url}/plans/no-such-plan?lang=${lang}`);
    assert.equal(res?.status(), 404);
    await j.check(page);
  }
  await page.close();
});

test("a citizen's forms pass axe-core, empty and with their errors shown, in both languages", { skip }, async () => {
  const { context, page } = await j.signedIn('citizen');
  for (const lang of ['ko', 'en']) {
    for (const path of CITIZEN_FORMS) {
      await j.visit(page, withLang(path, lang));
      await checkKeyboard(page, 3);
      const submit = page.locator('main form button[type=submit]').last();
      if (path !== '/surveys/1' && (await submit.count()) > 0) {
        await submit.click();
        await page.waitForLoadState('load');
        await j.check(page);
      }
    }
  }
  await context.close();
});

test('English seed text inside a Korean page is marked lang="en"', { skip }, async () => {
  const page = await j.browser().newPage();
  await j.visit(page, `${PLAN}/commitments/2?lang=ko`);
  const h1 = page.locator('main h1');
  assert.match((await h1.textContent()) ?? '', /Performance Venues/);
  assert.equal(await h1.evaluate((el) => el.closest('[lang]')?.getAttribute('lang')), 'en');
  await j.visit(page, `${PLAN}?lang=ko`);
  const cell = page.getByRole('link', { name: /Expansion of a Management System/ });
  assert.equal(await cell.evaluate((el) => el.closest('[lang]')?.getAttribute('lang')), 'en');
  await j.visit(page, `${PLAN}/commitments/2?lang=en`);
  assert.equal(await page.locator('main h1').evaluate((el) => el.closest('[lang]')?.getAttribute('lang')), 'en');
  await page.close();
});

test('axe-core found no violation on any page of the sweep', { skip }, () => {
  assert.ok(visited.length >= 80, `pages checked: ${visited.length}`);
});
