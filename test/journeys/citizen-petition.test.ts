// A citizen confirms their e-mail, signs a new petition and watches it cross a (lowered) threshold
// into review; a committee member records the decision; an officer publishes the result.
// Chromium, with axe-core on every page visited.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNTS } from '../support/app.ts';
import { journey } from '../support/journey.ts';

const j = journey({
  prepare: async (server) => {
    await server.db.db.updateTable('channels').set({ threshold: 1 }).where('key', '=', 'mfds-safety-inspection').execute();
    const committee = await server.db.db.selectFrom('committees').select('id').where('key', '=', 'mfds-petition-committee').executeTakeFirstOrThrow();
    const member = await server.db.db.selectFrom('users').select('id').where('email', '=', ACCOUNTS.forum.email).executeTakeFirstOrThrow();
    await server.db.db.insertInto('committee_members').values({ committee_id: committee.id, user_id: member.id, sub_committee_id: null, kind: 'external', created_at: new Date().toISOString() }).execute();
  },
});
const { skip } = j;

test('from a new petition to its published result', { skip }, async () => {
  // A forum member starts a petition.
  const author = await j.signedIn('forum');
  await author.page.goto(`${j.server().url}/petitions/new`);
  await j.check(author.page);
  await author.page.fill('#title', 'Inspect school-lunch kimchi');
  await author.page.fill('#body', 'Parents report spoiled kimchi in three schools.');
  await author.page.getByRole('button', { name: 'Submit for moderation' }).click();
  await author.page.waitForURL(/notice=submitted/);
  await j.check(author.page);
  const petitionUrl = author.page.url().split('?')[0]!;

  // The ministry's officer publishes it for signatures.
  const officer = await j.signedIn('officerMfds');
  await officer.page.goto(`${j.server().url}/petitions/queue`);
  await j.check(officer.page);
  await officer.page.getByRole('link', { name: 'Inspect school-lunch kimchi' }).click();
  await officer.page.getByRole('button', { name: 'Publish for signatures' }).click();
  await officer.page.waitForURL(/notice=moved/);
  await j.check(officer.page);

  // A citizen signs with an e-mail address and confirms it from the outbox.
  const citizenContext = await j.browser().newContext();
  const citizen = await citizenContext.newPage();
  await citizen.goto(`${j.server().url}/petitions?lang=en`);
  await j.check(citizen);
  await citizen.getByRole('link', { name: 'Inspect school-lunch kimchi' }).click();
  await j.check(citizen);
  await citizen.fill('#email', 'parent@example.org');
  await citizen.getByRole('button', { name: 'Sign', exact: true }).click();
  await citizen.waitForURL(/notice=check_mail/);
  assert.ok(await citizen.getByText('We have sent you an e-mail').isVisible());
  await citizen.goto(`${j.server().url}/outbox`);
  await j.check(citizen);
  // The link carries the configured BASE_URL; this test server listens on another port.
  const href = (await citizen.locator('.mail', { hasText: 'parent@example.org' }).first().getByRole('link').getAttribute('href'))!;
  const link = new URL(href);
  await citizen.goto(`${j.server().url}${link.pathname}${link.search}`);
  await j.check(citizen);
  await citizen.getByRole('button', { name: 'Confirm' }).click();
  await citizen.waitForURL(/notice=signed/);
  await j.check(citizen);
  assert.ok(await citizen.getByText('your signature has been counted').isVisible());
  assert.ok(await citizen.locator('.petition-state').getByText('Threshold reached, awaiting the committee').isVisible());

  // The committee takes it up and decides.
  await author.page.goto(petitionUrl);
  await author.page.getByRole('button', { name: 'Take up for review' }).click();
  await author.page.waitForURL(/notice=moved/);
  await j.check(author.page);
  // The decision's choices use KRDS's form-check markup (KRDS hides bare radio buttons): a label click checks one.
  const rejected = author.page.getByLabel('Rejected', { exact: true });
  await author.page.locator('label[for="decision-rejected"]').click();
  assert.ok(await rejected.isChecked());
  await author.page.locator('label[for="decision-accepted"]').click();
  assert.ok(await author.page.getByLabel('Accepted', { exact: true }).isChecked());
  await author.page.selectOption('#sub_committee', { label: 'foods' });
  await author.page.fill('#reason', 'Reports from three schools justify an inspection.');
  await author.page.getByRole('button', { name: 'Record the decision' }).click();
  await author.page.waitForURL(/notice=moved/);
  await j.check(author.page);

  // The officer publishes the result.
  await officer.page.goto(petitionUrl);
  await officer.page.fill('#tested', '30 samples from the three schools’ suppliers');
  await officer.page.fill('#findings', 'All samples within the standards.');
  await officer.page.fill('#measures', 'Guidance on storage sent to school kitchens');
  await officer.page.getByRole('button', { name: 'Publish the result' }).click();
  await officer.page.waitForURL(/notice=moved/);
  await j.check(officer.page);

  await citizen.goto(petitionUrl);
  await j.check(citizen);
  assert.ok(await citizen.getByText('Results published').first().isVisible());
  assert.ok(await citizen.getByText('All samples within the standards.').isVisible());
  assert.ok(await citizen.getByText('Reports from three schools justify an inspection.').isVisible());
  assert.equal(await citizen.getByText('parent@example.org').count(), 0, 'the signer never appears');
  assert.ok(j.visited.length >= 13, `pages checked: ${j.visited.length}`);
  await Promise.all([author.context.close(), officer.context.close(), citizenContext.close()]);
});
