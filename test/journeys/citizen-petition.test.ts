// A citizen confirms their e-mail, signs a new petition and watches it cross a (lowered) threshold
// into review; a committee member records the decision; an officer publishes the result.
// Chromium, with axe-core on every page visited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ACCOUNTS, PASSWORD, type AccountName } from '../support/app.ts';
import { axeViolations, describeViolations, hasChromium, launch } from '../support/browser.ts';
import { startServer } from '../support/server.ts';

const skip = hasChromium ? false : 'Chromium is not installed at /usr/bin/chromium (apt-get install chromium)';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let checked = 0;

before(async () => {
  if (skip) return;
  server = await startServer();
  await server.db.db.updateTable('channels').set({ threshold: 1 }).where('key', '=', 'mfds-safety-inspection').execute();
  const committee = await server.db.db.selectFrom('committees').select('id').where('key', '=', 'mfds-petition-committee').executeTakeFirstOrThrow();
  const member = await server.db.db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.forum.email).executeTakeFirstOrThrow();
  await server.db.db.insertInto('committee_members').values({ committee_id: committee.id, user_id: member.id, sub_committee_id: null, kind: 'external', created_at: new Date().toISOString() }).execute();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function accessible(page: Page) {
  const v = await axeViolations(page);
  checked += 1;
  assert.deepEqual(v, [], describeViolations(page.url(), v));
}

async function signedIn(who: AccountName): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in?lang=en`);
  await page.fill('#email', ACCOUNTS[who].email);
  await page.fill('#password', PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/`);
  return { context, page };
}

test('from a new petition to its published result', { skip }, async () => {
  // A forum member starts a petition.
  const author = await signedIn('forum');
  await author.page.goto(`${server.url}/petitions/new`);
  await accessible(author.page);
  await author.page.fill('#title', 'Inspect school-lunch kimchi');
  await author.page.fill('#body', 'Parents report spoiled kimchi in three schools.');
  await author.page.getByRole('button', { name: 'Submit for moderation' }).click();
  await author.page.waitForURL(/notice=submitted/);
  await accessible(author.page);
  const petitionUrl = author.page.url().split('?')[0]!;

  // The ministry's officer publishes it for signatures.
  const officer = await signedIn('officerMfds');
  await officer.page.goto(`${server.url}/petitions/queue`);
  await accessible(officer.page);
  await officer.page.getByRole('link', { name: 'Inspect school-lunch kimchi' }).click();
  await officer.page.getByRole('button', { name: 'Publish for signatures' }).click();
  await officer.page.waitForURL(/notice=moved/);
  await accessible(officer.page);

  // A citizen signs with an e-mail address and confirms it from the outbox.
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  await citizen.goto(`${server.url}/petitions?lang=en`);
  await accessible(citizen);
  await citizen.getByRole('link', { name: 'Inspect school-lunch kimchi' }).click();
  await accessible(citizen);
  await citizen.fill('#email', 'parent@example.org');
  await citizen.getByRole('button', { name: 'Sign', exact: true }).click();
  await citizen.waitForURL(/notice=check_mail/);
  assert.ok(await citizen.getByText('We have sent you an e-mail').isVisible());
  await citizen.goto(`${server.url}/outbox`);
  await accessible(citizen);
  // The link carries the configured BASE_URL; this test server listens on another port.
  const href = (await citizen.locator('.mail', { hasText: 'parent@example.org' }).first().getByRole('link').getAttribute('href'))!;
  const link = new URL(href);
  await citizen.goto(`${server.url}${link.pathname}${link.search}`);
  await accessible(citizen);
  await citizen.getByRole('button', { name: 'Confirm' }).click();
  await citizen.waitForURL(/notice=signed/);
  await accessible(citizen);
  assert.ok(await citizen.getByText('your signature has been counted').isVisible());
  assert.ok(await citizen.locator('.petition-state').getByText('Threshold reached, awaiting the committee').isVisible());

  // The committee takes it up and decides.
  await author.page.goto(petitionUrl);
  await author.page.getByRole('button', { name: 'Take up for review' }).click();
  await author.page.waitForURL(/notice=moved/);
  await accessible(author.page);
  await author.page.selectOption('#sub_committee', { label: 'foods' });
  await author.page.fill('#reason', 'Reports from three schools justify an inspection.');
  await author.page.getByRole('button', { name: 'Record the decision' }).click();
  await author.page.waitForURL(/notice=moved/);
  await accessible(author.page);

  // The officer publishes the result.
  await officer.page.goto(petitionUrl);
  await officer.page.fill('#tested', '30 samples from the three schools’ suppliers');
  await officer.page.fill('#findings', 'All samples within the standards.');
  await officer.page.fill('#measures', 'Guidance on storage sent to school kitchens');
  await officer.page.getByRole('button', { name: 'Publish the result' }).click();
  await officer.page.waitForURL(/notice=moved/);
  await accessible(officer.page);

  await citizen.goto(petitionUrl);
  await accessible(citizen);
  assert.ok(await citizen.getByText('Results published').first().isVisible());
  assert.ok(await citizen.getByText('All samples within the standards.').isVisible());
  assert.ok(await citizen.getByText('Reports from three schools justify an inspection.').isVisible());
  assert.equal(await citizen.getByText('parent@example.org').count(), 0, 'the signer never appears');
  assert.ok(checked >= 13, `pages checked: ${checked}`);
  await Promise.all([author.context.close(), officer.context.close(), citizenContext.close()]);
});
