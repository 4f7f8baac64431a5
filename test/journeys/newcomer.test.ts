// Issue 7's journey: a newcomer lands on the home page, finds a petition by searching in Korean for a
// part of a word ("화문" inside "광화문"), follows it with their e-mail (no account), confirms by the
// mailed link, and receives the mail when the petition crosses its threshold. axe-core checks every page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rebuildSearchIndex } from '../../src/modules/search/search-index.ts';
import { searchSources } from '../../src/modules.ts';
import { signBatch } from '../../src/modules/petitions/commands/sign-petition.ts';
import { journey } from '../support/journey.ts';
import { identities, openPetition } from '../support/petitions.ts';

const TITLE = '광화문 광장 보행자 안전 점검 청원';
const EMAIL = 'newcomer@example.org';
let petitionId = 0;

const j = journey({
  // The notification worker runs every second, as it would every few seconds in production.
  config: { notifyIntervalSeconds: 1 },
  prepare: async (server) => {
    petitionId = await openPetition(server.db.db, { threshold: 2, title: TITLE });
    await rebuildSearchIndex(server.db, searchSources(), server.clock.now());
  },
});
const { skip, visited } = j;

async function mailTo(subject: RegExp, timeoutMs = 20_000) {
  const db = j.server().db.db;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = await db.selectFrom('outbox_mails').selectAll().where('to_address', '=', EMAIL).orderBy('id', 'desc').execute();
    const mail = mails.find((m) => subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > until) assert.fail(`no mail to ${EMAIL} matching ${subject}; got: ${mails.map((m) => m.subject).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a newcomer searches in Korean for part of a word, follows a petition by e-mail and is mailed when it crosses its threshold', { skip }, async () => {
  const page = await j.browser().newPage();
  await j.visit(page, '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');

  // "화문" is two syllables inside "광화문": below a trigram, found through the Hangul pairs.
  await page.fill('#site-search', '화문');
  await page.locator('form.header-search button[type=submit]').click();
  await page.waitForURL(/\/search\?/);
  await j.check(page);
  const result = page.locator('main').getByRole('link', { name: TITLE });
  assert.ok(await result.first().isVisible(), 'the petition is among the results');
  await result.first().click();
  await page.waitForURL(new RegExp(`/petitions/${petitionId}$`));
  await j.check(page);

  // Follow without an account: leave an e-mail, then confirm by the mailed link.
  await page.locator('form[action="/follows"] button[type=submit]').click();
  await page.waitForURL(/\/follows\/new\?/);
  await j.check(page);
  await page.fill('#email', EMAIL);
  await page.locator('form[action="/follows/email"] button[type=submit]').click();
  await page.waitForURL(new RegExp(`/petitions/${petitionId}\\?notice=follow_check_mail`));
  await j.check(page);
  const confirmMail = await mailTo(/팔로우 확인/);
  const link = new URL(confirmMail.body_text.match(/https?:\/\/\S+\/identity\/confirm\S*/)![0]);
  await j.visit(page, `${link.pathname}${link.search}`);
  await page.locator('main form[action="/identity/confirm"] button[type=submit]').click();
  await page.waitForURL(new RegExp(`/petitions/${petitionId}\\?notice=following`));
  await j.check(page);
  assert.ok(await page.locator('form[action="/follows/remove"]').isVisible(), 'the page shows the petition as followed');

  // Two people sign; the second signature crosses the threshold; the worker mails the follower.
  const db = j.server().db.db;
  await signBatch(db, petitionId, await identities(db, 2, 'crowd'), new Date());
  const mail = await mailTo(/기준 서명 수에 도달/);
  assert.match(mail.subject, new RegExp(TITLE));
  const headers = JSON.parse(mail.headers_json ?? '{}') as Record<string, string>;
  assert.match(headers['List-Unsubscribe'] ?? '', /\/unsubscribe\?/, 'one-click unsubscribe');

  // The demo's mailbox shows it too.
  await j.visit(page, '/outbox');
  assert.ok(await page.getByText(mail.subject).first().isVisible());
  await page.close();
});

test('axe-core found no violation on any page of the journey', { skip }, () => {
  assert.ok(visited.length >= 8, `pages checked: ${visited.length}`);
});
