// Persona journey in a real Chromium with axe-core on every page visited: an officer of the Ministry
// of the Interior and Safety registers a policy task; a citizen finds it in the registry and applies
// to have it designated for real-name disclosure; the officer designates it with a reason; the
// registry then shows the officials up to the final approver, and never the applicant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journey } from '../support/journey.ts';

const j = journey();
const { skip, visited } = j;

const TITLE = 'Disclosure of the real-name policy tasks on open.go.kr';

test('an officer registers a task, a citizen applies for its disclosure, the officer designates it, the registry shows it', { skip }, async () => {
  const officer = await j.signedIn('officerMois');
  const o = officer.page;
  await j.visit(o, '/policy-registry');
  await o.getByRole('link', { name: 'Register a policy task' }).click();
  await o.waitForURL(/tasks\/new$/);
  await j.check(o);
  // A malformed officials list first: the error names the line, nothing is registered.
  await o.fill('#title', TITLE);
  await o.fill('#overview', 'A journey task: the list of designated tasks is published by government office.');
  await o.fill('#year', '2018');
  await o.fill('#timeline', "'18.5.1. | Linking the portal with the offices' webpages\n'18.5.31. | Disclosure on the portal");
  await o.fill('#officials', 'Deputy Director');
  await o.getByRole('button', { name: 'Register', exact: true }).click();
  await o.waitForSelector('.error-summary');
  await j.check(o);
  assert.ok(await o.getByRole('link', { name: /Line 1: write the role/ }).isVisible());
  await o.fill('#officials', 'Working level | Deputy Director | Information Disclosure Policy Division\nFinal approval | Director General | Ministry of the Interior and Safety');
  await o.getByRole('button', { name: 'Register', exact: true }).click();
  await o.waitForURL(/tasks\/\d+\?notice=task_registered/);
  await j.check(o);
  const taskUrl = new URL(o.url()).pathname;

  const citizen = await j.signedIn('citizen');
  const c = citizen.page;
  await j.visit(c, '/policy-registry');
  await c.fill('#q', 'open.go.kr');
  await c.selectOption('#year', '2018');
  await c.getByRole('button', { name: 'Search' }).click();
  await c.waitForURL(/q=open\.go\.kr/);
  await j.check(c);
  await c.getByRole('link', { name: TITLE }).click();
  await c.waitForURL(new RegExp(`${taskUrl}$`));
  await j.check(c);
  assert.ok(await c.getByText('The officials’ names are disclosed once the task is designated').isVisible());
  await c.fill('#reason', 'I want to know who approved this task.');
  await c.getByRole('button', { name: 'Apply', exact: true }).click();
  await c.waitForURL(/notice=application_sent/);
  await j.check(c);

  await j.visit(o, taskUrl);
  await o.locator('.handle-form select').first().selectOption('designate');
  await o.locator('.handle-form textarea').first().fill('Of public interest; designated for real-name disclosure.');
  await o.getByRole('button', { name: 'Record the decision' }).click();
  await o.waitForURL(/notice=application_decided/);
  await j.check(o);

  await c.reload();
  await j.check(c);
  assert.ok(await c.getByRole('cell', { name: 'Director General' }).isVisible());
  assert.ok(await c.getByText('Of public interest; designated for real-name disclosure.').isVisible());
  assert.equal(await c.getByText('I want to know who approved this task.').count(), 0, 'the applicant’s reason is not public');
  await j.visit(c, '/policy-registry?status=designated');
  assert.ok(await c.getByText('Final approval: Director General').isVisible());
  await j.visit(c, '/policy-registry?lang=ko');
  await j.visit(c, `${taskUrl}?lang=ko`);
  await officer.context.close();
  await citizen.context.close();
});

test('axe-core found no violation on any page of the journey', { skip }, () => {
  assert.ok(visited.length >= 12, `pages checked: ${visited.length}`);
});
