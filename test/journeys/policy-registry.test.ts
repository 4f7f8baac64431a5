// Persona journey in a real Chromium with axe-core on every page visited: an officer of the Ministry
// of the Interior and Safety registers a policy task; a citizen finds it in the registry and applies
// to have it designated for real-name disclosure; the officer designates it with a reason; the
// registry then shows the officials up to the final approver, and never the applicant.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS, PASSWORD, type AccountName } from '../support/app.ts';
import { axeViolations, describeViolations, hasChromium, launch } from '../support/browser.ts';
import { startServer } from '../support/server.ts';

const skip = hasChromium ? false : 'Chromium is not installed at /usr/bin/chromium (apt-get install chromium)';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const visited: string[] = [];

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
  visited.push(page.url());
  assert.deepEqual(violations, [], describeViolations(page.url(), violations));
}

async function visit(page: Page, path: string) {
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
  await checkAccessible(page);
}

async function signedIn(who: AccountName): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, '/sign-in?lang=en');
  await page.fill('#email', ACCOUNTS[who].email);
  await page.fill('#password', PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(server.url + '/');
  return { context, page };
}

const TITLE = 'Disclosure of the real-name policy tasks on open.go.kr';

test('an officer registers a task, a citizen applies for its disclosure, the officer designates it, the registry shows it', { skip }, async () => {
  const officer = await signedIn('officerMois');
  const o = officer.page;
  await visit(o, '/policy-registry');
  await o.getByRole('link', { name: 'Register a policy task' }).click();
  await o.waitForURL(/tasks\/new$/);
  await checkAccessible(o);
  // A malformed officials list first: the error names the line, nothing is registered.
  await o.fill('#title', TITLE);
  await o.fill('#overview', 'A journey task: the list of designated tasks is published by government office.');
  await o.fill('#year', '2018');
  await o.fill('#timeline', "'18.5.1. | Linking the portal with the offices' webpages\n'18.5.31. | Disclosure on the portal");
  await o.fill('#officials', 'Deputy Director');
  await o.getByRole('button', { name: 'Register', exact: true }).click();
  await o.waitForSelector('.error-summary');
  await checkAccessible(o);
  assert.ok(await o.getByRole('link', { name: /Line 1: write the role/ }).isVisible());
  await o.fill('#officials', 'Working level | Deputy Director | Information Disclosure Policy Division\nFinal approval | Director General | Ministry of the Interior and Safety');
  await o.getByRole('button', { name: 'Register', exact: true }).click();
  await o.waitForURL(/tasks\/\d+\?notice=task_registered/);
  await checkAccessible(o);
  const taskUrl = new URL(o.url()).pathname;

  const citizen = await signedIn('citizen');
  const c = citizen.page;
  await visit(c, '/policy-registry');
  await c.fill('#q', 'open.go.kr');
  await c.selectOption('#year', '2018');
  await c.getByRole('button', { name: 'Search' }).click();
  await c.waitForURL(/q=open\.go\.kr/);
  await checkAccessible(c);
  await c.getByRole('link', { name: TITLE }).click();
  await c.waitForURL(new RegExp(`${taskUrl}$`));
  await checkAccessible(c);
  assert.ok(await c.getByText('The officials’ names are disclosed once the task is designated').isVisible());
  await c.fill('#reason', 'I want to know who approved this task.');
  await c.getByRole('button', { name: 'Apply', exact: true }).click();
  await c.waitForURL(/notice=application_sent/);
  await checkAccessible(c);

  await visit(o, taskUrl);
  await o.locator('.handle-form select').first().selectOption('designate');
  await o.locator('.handle-form textarea').first().fill('Of public interest; designated for real-name disclosure.');
  await o.getByRole('button', { name: 'Record the decision' }).click();
  await o.waitForURL(/notice=application_decided/);
  await checkAccessible(o);

  await c.reload();
  await checkAccessible(c);
  assert.ok(await c.getByRole('cell', { name: 'Director General' }).isVisible());
  assert.ok(await c.getByText('Of public interest; designated for real-name disclosure.').isVisible());
  assert.equal(await c.getByText('I want to know who approved this task.').count(), 0, 'the applicant’s reason is not public');
  await visit(c, '/policy-registry?status=designated');
  assert.ok(await c.getByText('Final approval: Director General').isVisible());
  await visit(c, '/policy-registry?lang=ko');
  await visit(c, `${taskUrl}?lang=ko`);
  await officer.context.close();
  await citizen.context.close();
});

test('axe-core found no violation on any page of the journey', { skip }, () => {
  assert.ok(visited.length >= 12, `pages checked: ${visited.length}`);
});
