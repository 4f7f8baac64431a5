// Persona journey in a real Chromium with axe-core on every page visited: an officer of the Ministry
// of Food and Drug Safety uploads a CSV table of harmful substances; a citizen finds rows with the
// quick search and reports an error in one; the officer accepts and resolves it; the citizen sees the answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journey } from '../support/journey.ts';

const j = journey();
const { skip, visited } = j;
const DS = '/open-data/datasets/harmful-substances-in-foods';

const CSV = ['food,substance,year,amount', 'rice,cadmium,2019,0.02', 'rice,lead,2019,0.01', 'wheat,cadmium,2019,0.03', 'rice,cadmium,2020,0.04'].join('\n');

test('an officer uploads a table, a citizen quick-searches and reports an error, the owner resolves it', { skip }, async () => {
  const officer = await j.signedIn('officerMfds');
  const o = officer.page;
  await j.visit(o, '/open-data');
  await o.getByRole('link', { name: 'Amounts of harmful substances contained in foods' }).click();
  await o.waitForURL(/harmful-substances-in-foods$/);
  await j.check(o);
  await o.getByRole('link', { name: 'Upload a table (CSV)' }).click();
  await o.waitForURL(/tables\/new$/);
  await j.check(o);

  // A malformed file first: the errors are shown in place and nothing is published.
  await o.fill('#title', 'Harmful substances in foods by year');
  await o.fill('#slug', 'by-year');
  await o.fill('#columns', 'food:text:filter\nsubstance:text:filter\nyear:integer:filter\namount:number');
  await o.setInputFiles('#file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('food,substance,year,amount\nrice,cadmium,last year,0.02\n') });
  await o.getByRole('button', { name: 'Check and publish the table' }).click();
  await o.waitForSelector('.error-summary');
  await j.check(o);
  assert.ok(await o.getByText('Row 2, column "year": "last year" is not a whole number.').first().isVisible());

  await o.setInputFiles('#file', { name: 'harmful.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await o.getByRole('button', { name: 'Check and publish the table' }).click();
  await o.waitForURL(/tables\/by-year\?notice=table_published/);
  await j.check(o);
  assert.match((await o.locator('.result-count').textContent()) ?? '', /4 matching rows/);

  const citizen = await j.signedIn('citizen');
  const c = citizen.page;
  await j.visit(c, `${DS}/tables/by-year`);
  await c.fill('#f_food', 'rice');
  await c.fill('#f_substance', 'cadmium');
  await c.getByRole('button', { name: 'Search' }).click();
  await c.waitForURL(/f_food=rice/);
  await j.check(c);
  assert.match((await c.locator('.result-count').textContent()) ?? '', /2 matching rows/);
  assert.equal(await c.locator('.table-rows tbody tr').count(), 2);

  await c.getByRole('link', { name: 'Report row 4' }).click();
  await c.waitForURL(/reports\/new\?table=by-year&row=4/);
  await j.check(c);
  await c.fill('#body', 'The 2020 cadmium amount for rice is twice the figure in the published report.');
  await c.getByRole('button', { name: 'Send the report' }).click();
  await c.waitForURL(/reports\?notice=report_sent/);
  await j.check(c);
  assert.ok(await c.getByText('Your report has been received').isVisible());
  assert.ok(await c.locator('.error-report .state-badge', { hasText: 'Received' }).first().isVisible());

  await j.visit(o, `${DS}/reports`);
  await o.locator('.handle-form select').first().selectOption('accept');
  await o.getByRole('button', { name: 'Record the decision' }).first().click();
  await o.waitForURL(/notice=report_updated/);
  await j.check(o);
  await o.locator('.handle-form select').first().selectOption('resolve');
  await o.locator('.handle-form textarea').first().fill('Corrected: the 2020 value was entered in the wrong unit.');
  await o.getByRole('button', { name: 'Record the decision' }).first().click();
  await o.waitForURL(/notice=report_updated/);
  await j.check(o);

  await c.reload();
  await j.check(c);
  assert.ok(await c.locator('.error-report .state-badge', { hasText: 'Resolved' }).first().isVisible());
  assert.ok(await c.getByText('Corrected: the 2020 value was entered in the wrong unit.').isVisible());
  await j.visit(c, '/open-data/evaluation');
  assert.ok(await c.getByRole('rowheader', { name: 'Residues and Containments Standard Division' }).isVisible());
  // The citizen asks for data that is not published; the request page shows it with its support button.
  await j.visit(c, '/open-data/requests');
  await c.fill('#title', 'Harmful substances in home meal replacements');
  await c.fill('#body', 'The seed says home meal replacements will be inspected for the 19 types; I would like the results as a table.');
  await c.selectOption('#organization', 'mfds');
  await c.getByRole('button', { name: 'Send the request' }).click();
  await c.waitForURL(/requests\/\d+\?notice=request_sent/);
  await j.check(c);
  await c.getByRole('button', { name: 'Support this request' }).click();
  await c.waitForURL(/notice=support_added/);
  await j.check(c);
  assert.ok(await c.getByText('You support this request.').isVisible());
  await j.visit(c, '/open-data?lang=ko');
  await j.visit(c, `${DS}?lang=ko`);
  await officer.context.close();
  await citizen.context.close();
});

test('axe-core found no violation on any page of the journey', { skip }, () => {
  assert.ok(visited.length >= 15, `pages checked: ${visited.length}`);
});
