// An OGP point of contact transcribes an IRM assessment in a real Chromium, with axe-core on every page:
// the commitment page shows "not assessed in the source", the form refuses a missing commitment code in
// place, and once saved the commitment page shows the fields and the computed starred result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, PASSWORD } from '../support/app.ts';
import { journey } from '../support/journey.ts';

const j = journey();
const { skip } = j;

test('staff record an IRM assessment and the commitment page shows it beside the self-assessment', { skip }, async () => {
  const page = await j.browser().newPage();
  await j.visit(page, '/plans/kr-2018-2020/commitments/7?lang=en');
  assert.ok(await page.getByText('IRM commitment KR0043').isVisible());
  assert.ok(await page.getByText(/Not assessed in the source/).isVisible());
  await j.visit(page, '/plans/kr-2018-2020/irm');

  await j.visit(page, '/sign-in');
  await page.fill('#email', ACCOUNTS.admin.email);
  await page.fill('#password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(j.server().url + '/');

  await j.visit(page, '/plans/kr-2018-2020/commitments/7');
  await page.getByRole('link', { name: /Record or correct the assessment/ }).click();
  await page.waitForURL(/\/irm\/KR0043\/edit$/);
  await j.check(page);

  await page.fill('#commitments', '');
  await page.selectOption('#report', 'transitional_results_report');
  await page.selectOption('#specificity', 'high');
  await page.getByRole('button', { name: 'Save the assessment' }).click();
  await page.waitForSelector('.error-summary');
  await j.check(page);
  assert.ok(await page.getByText(/Give at least one/).first().isVisible());

  await page.fill('#commitments', '7');
  await page.selectOption('#relevance_access_to_information', 'yes');
  await page.selectOption('#potential_impact', 'transformative');
  await page.selectOption('#completion', 'complete');
  await page.fill('#source', 'Journey test transcription');
  await page.getByRole('button', { name: 'Save the assessment' }).click();
  await page.waitForURL(/\/plans\/kr-2018-2020\/irm\?notice=irm_saved/);
  await j.check(page);
  assert.ok(await page.getByText('The assessment was saved.').isVisible());

  await j.visit(page, '/plans/kr-2018-2020/commitments/7');
  const starred = page.locator('tr.irm-rule', { hasText: 'Starred (Computed)' }).filter({ hasNotText: 'Potentially' });
  assert.equal((await starred.locator('td').textContent())?.trim(), 'Yes');
  await page.close();
});
