// An OGP point of contact transcribes an IRM assessment in a real Chromium, with axe-core on every page:
// the commitment page shows "not assessed in the source", the form refuses a missing commitment code in
// place, and once saved the commitment page shows the fields and the computed starred result.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS, PASSWORD } from '../support/app.ts';
import { axeViolations, describeViolations, hasChromium, launch } from '../support/browser.ts';
import { startServer } from '../support/server.ts';

const skip = hasChromium ? false : 'Chromium is not installed at /usr/bin/chromium (apt-get install chromium)';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function checkAccessible(page: Page) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(page.url(), violations));
}

async function visit(page: Page, path: string) {
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
  await checkAccessible(page);
}

test('staff record an IRM assessment and the commitment page shows it beside the self-assessment', { skip }, async () => {
  const page = await browser.newPage();
  await visit(page, '/plans/kr-2018-2020/commitments/7?lang=en');
  assert.ok(await page.getByText('IRM commitment KR0043').isVisible());
  assert.ok(await page.getByText(/Not assessed in the source/).isVisible());
  await visit(page, '/plans/kr-2018-2020/irm');

  await visit(page, '/sign-in');
  await page.fill('#email', ACCOUNTS.admin.email);
  await page.fill('#password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(server.url + '/');

  await visit(page, '/plans/kr-2018-2020/commitments/7');
  await page.getByRole('link', { name: /Record or correct the assessment/ }).click();
  await page.waitForURL(/\/irm\/KR0043\/edit$/);
  await checkAccessible(page);

  await page.fill('#commitments', '');
  await page.selectOption('#report', 'transitional_results_report');
  await page.selectOption('#specificity', 'high');
  await page.getByRole('button', { name: 'Save the assessment' }).click();
  await page.waitForSelector('.error-summary');
  await checkAccessible(page);
  assert.ok(await page.getByText(/Give at least one/).first().isVisible());

  await page.fill('#commitments', '7');
  await page.selectOption('#relevance_access_to_information', 'yes');
  await page.selectOption('#potential_impact', 'transformative');
  await page.selectOption('#completion', 'complete');
  await page.fill('#source', 'Journey test transcription');
  await page.getByRole('button', { name: 'Save the assessment' }).click();
  await page.waitForURL(/\/plans\/kr-2018-2020\/irm\?notice=irm_saved/);
  await checkAccessible(page);
  assert.ok(await page.getByText('The assessment was saved.').isVisible());

  await visit(page, '/plans/kr-2018-2020/commitments/7');
  const starred = page.locator('tr.irm-rule', { hasText: 'Starred (Computed)' }).filter({ hasNotText: 'Potentially' });
  assert.equal((await starred.locator('td').textContent())?.trim(), 'Yes');
  await page.close();
});
