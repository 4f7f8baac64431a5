// A survey in a real Chromium, with axe-core on every page visited: an officer creates a survey for the
// forum their ministry runs, adds a question and opens it; a citizen answers it; the results page shows
// the answer as a chart with its table beside it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journey } from '../support/journey.ts';

const j = journey();
const { skip } = j;

test('an officer creates and opens a survey, a citizen answers it, the results show the answer', { skip }, async () => {
  const today = j.server().clock.now().toISOString().slice(0, 10);
  const officer = await j.browser().newPage();
  await j.signIn(officer, 'officerMois');
  await j.visit(officer, '/bodies');
  await officer.getByRole('main').getByRole('link', { name: 'Surveys' }).click();
  await officer.waitForURL(/\/surveys$/);
  await j.check(officer);
  await officer.getByRole('link', { name: 'Create a survey' }).click();
  await officer.waitForURL(/\/surveys\/new$/);
  await j.check(officer);
  await officer.getByRole('button', { name: 'Create the survey' }).click();
  await officer.waitForSelector('.error-summary');
  await j.check(officer);
  await officer.fill('#title', 'Which innovation task matters most?');
  await officer.selectOption('#owner', 'body:gicf');
  await officer.fill('#purpose', 'Ask the forum which task to take up first.');
  await officer.fill('#opens_on', today);
  await officer.getByRole('button', { name: 'Create the survey' }).click();
  await officer.waitForURL(/\/surveys\/\d+\?notice=survey_created/);
  await j.check(officer);
  const surveyPath = new URL(officer.url()).pathname;
  await officer.selectOption('#kind', 'single');
  await officer.fill('#prompt', 'Which task first?');
  await officer.fill('#options', 'Open data\nParticipation\nIntegrity');
  await officer.getByRole('button', { name: 'Add the question' }).click();
  await officer.waitForURL(/notice=question_added/);
  await j.check(officer);
  await officer.getByRole('button', { name: 'Open the survey for answers' }).click();
  await officer.waitForURL(/notice=survey_opened/);
  await j.check(officer);
  await officer.close();

  const citizen = await j.browser().newPage();
  await j.signIn(citizen, 'citizen');
  await j.visit(citizen, surveyPath);
  await citizen.getByRole('button', { name: 'Send my answers' }).click();
  await citizen.waitForSelector('.error-summary');
  await j.check(citizen);
  await citizen.locator('label', { hasText: /^Participation$/ }).click();
  assert.equal(await citizen.getByLabel('Participation').isChecked(), true);
  await citizen.getByRole('button', { name: 'Send my answers' }).click();
  await citizen.waitForURL(/\/results\?notice=survey_answered/);
  await j.check(citizen);
  const chart = citizen.locator('svg.survey-chart[role="img"]');
  assert.equal(await chart.count(), 1);
  assert.match((await chart.textContent()) ?? '', /Participation/);
  const row = citizen.locator('table.result-table tr', { hasText: 'Participation' });
  assert.deepEqual((await row.locator('td').allTextContents()).map((s) => s.trim()), ['1', '100.0%']);
  await j.visit(citizen, surveyPath);
  assert.match((await citizen.textContent('main')) ?? '', /You have answered this survey/);
  await citizen.close();
});
