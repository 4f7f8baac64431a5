// A survey in a real Chromium, with axe-core on every page visited: an officer creates a survey for the
// forum their ministry runs, adds a question and opens it; a citizen answers it; the results page shows
// the answer as a chart with its table beside it.
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

async function check(page: Page) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(page.url(), violations));
}

async function visit(page: Page, path: string) {
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
  await check(page);
}

async function signIn(page: Page, who: keyof typeof ACCOUNTS) {
  await visit(page, '/sign-in?lang=en');
  await page.fill('#email', ACCOUNTS[who].email);
  await page.fill('#password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(server.url + '/');
}

test('an officer creates and opens a survey, a citizen answers it, the results show the answer', { skip }, async () => {
  const today = server.clock.now().toISOString().slice(0, 10);
  const officer = await browser.newPage();
  await signIn(officer, 'officerMois');
  await visit(officer, '/bodies');
  await officer.getByRole('main').getByRole('link', { name: 'Surveys' }).click();
  await officer.waitForURL(/\/surveys$/);
  await check(officer);
  await officer.getByRole('link', { name: 'Create a survey' }).click();
  await officer.waitForURL(/\/surveys\/new$/);
  await check(officer);
  await officer.getByRole('button', { name: 'Create the survey' }).click();
  await officer.waitForSelector('.error-summary');
  await check(officer);
  await officer.fill('#title', 'Which innovation task matters most?');
  await officer.selectOption('#owner', 'body:gicf');
  await officer.fill('#purpose', 'Ask the forum which task to take up first.');
  await officer.fill('#opens_on', today);
  await officer.getByRole('button', { name: 'Create the survey' }).click();
  await officer.waitForURL(/\/surveys\/\d+\?notice=survey_created/);
  await check(officer);
  const surveyPath = new URL(officer.url()).pathname;
  await officer.selectOption('#kind', 'single');
  await officer.fill('#prompt', 'Which task first?');
  await officer.fill('#options', 'Open data\nParticipation\nIntegrity');
  await officer.getByRole('button', { name: 'Add the question' }).click();
  await officer.waitForURL(/notice=question_added/);
  await check(officer);
  await officer.getByRole('button', { name: 'Open the survey for answers' }).click();
  await officer.waitForURL(/notice=survey_opened/);
  await check(officer);
  await officer.close();

  const citizen = await browser.newPage();
  await signIn(citizen, 'citizen');
  await visit(citizen, surveyPath);
  await citizen.getByRole('button', { name: 'Send my answers' }).click();
  await citizen.waitForSelector('.error-summary');
  await check(citizen);
  await citizen.locator('label', { hasText: /^Participation$/ }).click();
  assert.equal(await citizen.getByLabel('Participation').isChecked(), true);
  await citizen.getByRole('button', { name: 'Send my answers' }).click();
  await citizen.waitForURL(/\/results\?notice=survey_answered/);
  await check(citizen);
  const chart = citizen.locator('svg.survey-chart[role="img"]');
  assert.equal(await chart.count(), 1);
  assert.match((await chart.textContent()) ?? '', /Participation/);
  const row = citizen.locator('table.result-table tr', { hasText: 'Participation' });
  assert.deepEqual((await row.locator('td').allTextContents()).map((s) => s.trim()), ['1', '100.0%']);
  await visit(citizen, surveyPath);
  assert.match((await citizen.textContent('main')) ?? '', /You have answered this survey/);
  await citizen.close();
});
