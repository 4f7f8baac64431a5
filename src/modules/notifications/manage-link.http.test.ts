// The link to what a person follows, in every notification mail, is a secret: its pages are not
// indexed, send no referrer and repeat the token in no <link>; it expires after MANAGE_LINK_TTL_DAYS
// with a page (410, in the person's language) that says how to get a new one, while the same mail's
// one-click unsubscribe keeps working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { identities, openPetition } from '../../../test/support/petitions.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getSetting } from '../../platform/settings/settings.repository.ts';
import { addFollow, ensureRecipient, findRecipientById } from './notifications.repository.ts';
import { runNotificationJobs } from './notify-worker.ts';
import { UnsubscribeTokens } from './unsubscribe-token.ts';

const DAY = 86_400_000;
let t: TestContext;
let tokens: UnsubscribeTokens;
before(async () => {
  t = await testApp({ config: { manageLinkTtlDays: 30 } });
  tokens = new UnsubscribeTokens((await getSetting(t.db.db, 'cookie_secret'))!, 30 * DAY);
});
after(async () => t.close());

const local = (u: URL) => `${u.pathname}${u.search}`;
const linkIn = (text: string, path: string) => new URL(text.match(new RegExp(`https?://\\S+${path}\\S*`))![0]!);

/** An e-mail follower of a new petition that has just closed, and the links of the mail that told them. */
async function mailedFollower(prefix: string, locale: 'ko' | 'en') {
  const petitionId = await openPetition(t.db.db, { threshold: null, title: `${prefix} petition` });
  const [identityId] = await identities(t.db.db, 1, prefix);
  const recipientId = await ensureRecipient(t.db.db, { identityId: identityId! }, locale, t.clock.now());
  await addFollow(t.db.db, recipientId, { type: 'petition', id: petitionId }, t.clock.now(), null);
  await t.db.db.transaction().execute((trx) => recordAudit(trx, { actor: null, systemActor: 'system', action: 'petition.closed', entityType: 'petition', entityId: petitionId, public: true, after: { state: 'closed' }, at: t.clock.now() }));
  await runNotificationJobs(t.db.db, t.clock.now(), { baseUrl: t.config.baseUrl, tokens, gapExpiryMs: 3_600_000 });
  const mail = await t.db.db.selectFrom('outbox_mails').selectAll().where('to_address', '=', `${prefix}0@example.org`).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { recipientId, manage: linkIn(mail.body_text, '/follows/manage'), unsubscribe: linkIn(mail.body_text, '/unsubscribe') };
}

/** The answer is marked private: headers, robots meta, and no <link> that repeats the token. */
function assertPrivate(res: { headers: Record<string, unknown>; body: string }, token: string, what: string) {
  assert.equal(res.headers['x-robots-tag'], 'noindex', what);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', what);
  assert.match(res.body, /<meta name="robots" content="noindex"\/?>/, what);
  assert.doesNotMatch(res.body, /rel="canonical"|hreflang="x-default"/, what);
  for (const l of res.body.match(/<link[^>]*>/g) ?? []) assert.ok(!l.includes(token) && !l.includes(encodeURIComponent(token)), `${what}: ${l}`);
  // The header's sign-in link does not carry the address (and its token) on to the sign-in page.
  for (const a of res.body.match(/<a [^>]*href="\/sign-in[^"]*"/g) ?? []) assert.ok(!a.includes(encodeURIComponent(token)), `${what}: ${a}`);
}

test('the pages a mail link opens are not indexed, send no referrer, and no <link> repeats the token', async () => {
  const f = await mailedFollower('private', 'en');
  const token = f.manage.searchParams.get('t')!;
  assert.match(token, /^\d+\.[\w-]+$/);
  const s = new Session(t.app);
  const page = await s.get(local(f.manage));
  assert.equal(page.statusCode, 200);
  assertPrivate(page, token, 'manage page');
  const q = `r=${f.recipientId}&t=${encodeURIComponent(token)}`;
  const csrf = await s.csrf(local(f.manage));
  const bad = await s.postForm(`/follows/manage/settings?${q}`, { _csrf: csrf, frequency: 'hourly', locale: 'en' });
  assert.equal(bad.statusCode, 400);
  assertPrivate(bad, token, 'settings error');
  // A kind that cannot be followed is said on the page itself, not on the site's error page.
  const kind = await s.postForm(`/follows/manage/remove?${q}`, { _csrf: csrf, kind: 'milestone', id: '1' });
  assert.equal(kind.statusCode, 400);
  assert.match(kind.body, /cannot be followed/);
  assertPrivate(kind, token, 'remove error');
  const unsubscribe = await t.app.inject(local(f.unsubscribe));
  assert.equal(unsubscribe.statusCode, 200);
  assertPrivate(unsubscribe, f.unsubscribe.searchParams.get('t')!, 'unsubscribe page');
  const forged = await t.app.inject(`/follows/manage?r=${f.recipientId}&t=1.forged`);
  assert.equal(forged.statusCode, 400);
  assertPrivate(forged, '1.forged', 'forged link');
  // Other pages keep their canonical and language links.
  const petitions = await t.app.inject('/petitions');
  assert.match(petitions.body, /rel="canonical"/);
  assert.doesNotMatch(petitions.body, /name="robots"/);
  assert.equal(petitions.headers['x-robots-tag'], undefined);
});

test('a mail link expires after MANAGE_LINK_TTL_DAYS with a 410 page in the person’s language that says how to get a new one; the mail’s unsubscribe keeps working', async () => {
  const ko = await mailedFollower('expiring', 'ko');
  const en = await mailedFollower('expiring-en', 'en');
  t.clock.advance(30 * DAY - 60_000);
  assert.equal((await t.app.inject(local(ko.manage))).statusCode, 200, 'still valid a minute before its end');
  t.clock.advance(60_000);

  const koPage = await t.app.inject(local(ko.manage));
  assert.equal(koPage.statusCode, 410);
  assertPrivate(koPage, ko.manage.searchParams.get('t')!, 'expired page');
  assert.match(koPage.body, /<html lang="ko">/);
  assert.match(koPage.body, /<h1>이 링크는 기한이 지났습니다<\/h1>/);
  assert.match(koPage.body, /메일을 보낸 뒤 30일 동안만/);
  assert.match(koPage.body, /href="\/inbox\/access\?lang=ko"/);
  assert.match(koPage.body, /href="\/sign-in\?next=%2Finbox%2Fsettings"/);
  assert.doesNotMatch(koPage.body, /expiring0@example\.org/);
  const enPage = await t.app.inject(local(en.manage));
  assert.equal(enPage.statusCode, 410);
  assert.match(enPage.body, /<html lang="en">/);
  assert.match(enPage.body, /<h1>This link has expired<\/h1>/);
  assert.match(enPage.body, /works for 30 days after the mail was sent/);
  assert.match(enPage.body, /href="\/inbox\/access\?lang=en"/);

  // Nothing changes through an expired link, CSRF token or not.
  const s = new Session(t.app);
  const q = ko.manage.search.replace(/&lang=\w+/, '');
  const post = await s.postForm(`/follows/manage/settings${q}`, { _csrf: await s.csrf('/inbox/access'), frequency: 'weekly', locale: 'en' });
  assert.equal(post.statusCode, 410);
  assert.equal((await findRecipientById(t.db.db, ko.recipientId))!.frequency, 'immediate');
  // A link from before links expired (it carried the unsubscribe token) is expired too, not forged.
  assert.equal((await t.app.inject(`/follows/manage?r=${ko.recipientId}&t=${tokens.token(ko.recipientId)}&lang=en`)).statusCode, 410);
  // A mail written now carries a fresh link.
  const fresh = new URL(tokens.manageUrl(t.config.baseUrl, ko.recipientId, 'ko', t.clock.now()));
  assert.equal((await t.app.inject(local(fresh))).statusCode, 200);

  // A year on, the same old mail's one-click unsubscribe still works.
  t.clock.advance(365 * DAY);
  assert.equal((await t.app.inject(local(ko.unsubscribe))).statusCode, 200);
  const oneClick = await t.app.inject({ method: 'POST', url: local(ko.unsubscribe), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
  assert.equal(oneClick.statusCode, 200);
  assert.equal(oneClick.headers['referrer-policy'], 'no-referrer');
  assert.equal((await findRecipientById(t.db.db, ko.recipientId))!.frequency, 'off');
});

test('a wrong link is 400 with a page in the reader’s language that says how to get a new one', async () => {
  const ko = await t.app.inject('/follows/manage?r=1&t=123.nope');
  assert.equal(ko.statusCode, 400);
  assert.match(ko.body, /<h1>이 링크는 쓸 수 없습니다<\/h1>/);
  assert.match(ko.body, /새 링크를 받는 방법/);
  const en = await t.app.inject('/unsubscribe?r=1&t=nope&lang=en');
  assert.equal(en.statusCode, 400);
  assert.match(en.body, /<h1>This link does not work<\/h1>/);
  assert.match(en.body, /Copy the whole link from the mail/);
});
