// Persona journeys in a real Chromium, with axe-core on every page visited:
// a visitor reads the plan and a commitment in both languages; an officer signs in by keyboard,
// posts an update with evidence, and the public page and the plan summary show it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS, PASSWORD } from '../support/app.ts';
import { journey } from '../support/journey.ts';

const j = journey();
const { skip, visited } = j;

test('a visitor reads the plan and a commitment in Korean and in English', { skip }, async () => {
  const page = await j.browser().newPage();
  await j.visit(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  await page.locator('main a[href="/plans/kr-2018-2020"]').first().click();
  await page.waitForURL(/\/plans\/kr-2018-2020$/);
  await j.check(page);
  assert.match((await page.locator('.result-count').textContent()) ?? '', /13/);

  await page.selectOption('#level', 'limited');
  await page.getByRole('button', { name: '적용' }).click();
  await page.waitForURL(/level=limited/);
  await j.check(page);
  assert.equal(await page.locator('.commitments-table tbody tr').count(), 1);

  await page.getByRole('link', { name: /Expansion of a Management System/ }).click();
  await page.waitForURL(/commitments\/2$/);
  await j.check(page);
  assert.match((await page.locator('h1').textContent()) ?? '', /Performance Venues/);

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  await j.check(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByRole('heading', { name: 'Milestones' }).isVisible());
  await j.visit(page, '/plans/kr-2018-2020/commitments/12');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language choice is remembered');
  await j.visit(page, '/organizations');
  await j.visit(page, '/organizations/mois');
  await page.close();
});

test('the keyboard reaches the content first and focus is visible', { skip }, async () => {
  const page = await j.browser().newPage();
  await page.goto(j.server().url + '/plans/kr-2018-2020');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
  assert.equal(focused.text, '본문 바로가기');
  assert.notEqual(focused.outline, 'none');
  await page.keyboard.press('Enter');
  assert.match(page.url(), /#main$/);
  await page.close();
});

test('an officer signs in, posts an update with evidence, and the public pages show it', { skip }, async () => {
  const page = await j.browser().newPage();
  await j.visit(page, '/sign-in?lang=en');
  await page.locator('#email').focus();
  await page.keyboard.type(ACCOUNTS.officerMois.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(j.server().url + '/');
  await j.check(page);
  assert.ok(await page.getByText('Signed in as Test officerMois').isVisible());

  await j.visit(page, '/plans/kr-2018-2020/commitments/3');
  await page.getByRole('link', { name: 'Post a progress update' }).click();
  await page.waitForURL(/updates\/new$/);
  await j.check(page);

  // Submitting empty shows the errors in place, accessibly.
  await page.getByRole('button', { name: 'Publish the update' }).click();
  await page.waitForSelector('.error-summary');
  await j.check(page);

  await page.fill('#body', 'The 2021 operational guidance was circulated to every central government office.');
  await page.selectOption('#commitment_level', 'substantial');
  await page.fill('#links', 'https://www.open.go.kr/');
  await page.setInputFiles('#files', { name: 'guidance.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% guidance\n') });
  await page.getByRole('button', { name: 'Publish the update' }).click();
  await page.waitForURL(/commitments\/3\?notice=posted/);
  await j.check(page);
  assert.ok(await page.getByText('The progress update has been published.').isVisible());
  assert.ok(await page.getByText('The 2021 operational guidance was circulated').isVisible());
  assert.ok(await page.getByRole('link', { name: 'guidance.pdf' }).isVisible());
  assert.ok(await page.getByText('Completed → Substantial').first().isVisible());

  await j.visit(page, '/plans/kr-2018-2020');
  const completedRow = page.locator('.summary-table tbody tr', { hasText: 'Completed' });
  assert.match((await completedRow.locator('td').first().textContent()) ?? '', /^7$/);
  await page.close();
});

test('axe-core found no violation on any page of the journeys', { skip }, () => {
  assert.ok(visited.length >= 12, `pages checked: ${visited.length}`);
});
