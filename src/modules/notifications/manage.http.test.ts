// Finding and managing what one follows: the inbox in the header with its unread count, the page a
// signed link in every notification mail opens (no sign-in), and the inbox's door for a visitor
// with none on this device (a link mailed to the address they follow with).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { identities, openPetition } from '../../../test/support/petitions.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getSetting } from '../../platform/settings/settings.repository.ts';
import { addFollow, ensureRecipient, findRecipientById } from './notifications.repository.ts';
import { runNotificationJobs } from './notify-worker.ts';
import { UnsubscribeTokens } from './unsubscribe-token.ts';

let t: TestContext;
let tokens: UnsubscribeTokens;
before(async () => {
  t = await testApp();
  tokens = new UnsubscribeTokens((await getSetting(t.db.db, 'cookie_secret'))!, t.config.manageLinkTtlDays * 86_400_000);
});
after(async () => t.close());

const jobs = () => runNotificationJobs(t.db.db, t.clock.now(), { baseUrl: t.config.baseUrl, tokens, gapExpiryMs: 3_600_000 });
const mailsTo = (to: string) => t.db.db.selectFrom('outbox_mails').selectAll().where('to_address', '=', to).orderBy('id').execute();
const linkIn = (text: string, path: string) => new URL(text.match(new RegExp(`https?://\\S+${path}\\S*`))![0]!);
const local = (u: URL) => `${u.pathname}${u.search}`;
const auditOf = (action: string) => t.db.db.selectFrom('audit_events').select(['actor_label', 'entity_id']).where('action', '=', action).execute();

/** A petition closing, recorded as the platform does, so the worker notifies its followers. */
async function closePetition(id: number) {
  await t.db.db.transaction().execute((trx) => recordAudit(trx, { actor: null, systemActor: 'system', action: 'petition.closed', entityType: 'petition', entityId: id, public: true, after: { state: 'closed' }, at: t.clock.now() }));
  await jobs();
}

/** An e-mail follower of a new petition, without an account, in the given language. */
async function emailFollower(prefix: string, locale: 'ko' | 'en') {
  const id = await openPetition(t.db.db, { threshold: null, title: `${prefix} petition` });
  const [identityId] = await identities(t.db.db, 1, prefix);
  const r = await ensureRecipient(t.db.db, { identityId: identityId! }, locale, t.clock.now());
  await addFollow(t.db.db, r, { type: 'petition', id }, t.clock.now(), null);
  return { petitionId: id, recipientId: r, email: `${prefix}0@example.org` };
}

test('the header shows the inbox with its unread count to whoever has one, and to nobody else', async () => {
  const anonymous = await t.app.inject('/petitions');
  assert.doesNotMatch(anonymous.body, /href="\/inbox"/);
  const s = await new Session(t.app).signIn('citizen');
  const id = await openPetition(t.db.db, { threshold: null, title: 'Header petition' });
  const empty = await s.get('/petitions');
  assert.match(empty.body, /<a href="\/inbox" class="inbox-link"><span>알림함<\/span><\/a>/);
  await s.postForm('/follows', { _csrf: await s.csrf(`/petitions/${id}`), kind: 'petition', id: String(id) });
  await closePetition(id);
  const one = await s.get('/petitions?lang=en');
  assert.match(one.body, /<a href="\/inbox" class="inbox-link"><span>Inbox<\/span> <span class="krds-badge bg-light-information" aria-hidden="true">1<\/span><span class="sr-only"> \(1 unread\)<\/span><\/a>/);
  await s.postForm('/inbox/read', { _csrf: await s.csrf('/inbox') });
  assert.doesNotMatch((await s.get('/petitions')).body, /krds-badge bg-light-information" aria-hidden="true"/);
  // The API answers without reading the inbox; a confirmed e-mail that follows nothing has none.
  assert.equal((await s.get('/api/v1/petitions')).statusCode, 200);
});

test('every notification mail links to what the person follows, in their language; the page needs no sign-in and manages follows and mail', async () => {
  const f = await emailFollower('manage', 'en');
  await closePetition(f.petitionId);
  const [mail] = await mailsTo(f.email);
  const manage = linkIn(mail!.body_text, '/follows/manage');
  assert.equal(manage.searchParams.get('lang'), 'en');
  assert.match(mail!.body_text, /^Your inbox: http:\/\/localhost:3000\/inbox\?lang=en$/m);
  const s = new Session(t.app);
  const page = await s.get(local(manage));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /What manage0@example\.org follows/);
  assert.match(page.body, /manage petition/);
  assert.match(page.body, new RegExp(`href="/unsubscribe\\?r=${f.recipientId}&t=`));
  const q = `r=${f.recipientId}&t=${encodeURIComponent(manage.searchParams.get('t')!)}`;
  const token = await s.csrf(local(manage));

  // How often: CSRF, then a value not offered (400, nothing written), then saved.
  assert.equal((await s.postForm(`/follows/manage/settings?${q}`, { frequency: 'weekly', locale: 'en' })).statusCode, 403);
  const bad = await s.postForm(`/follows/manage/settings?${q}`, { _csrf: token, frequency: 'hourly', locale: 'en' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choose one of the options listed/);
  assert.equal((await findRecipientById(t.db.db, f.recipientId))!.frequency, 'immediate');
  const saved = await s.postForm(`/follows/manage/settings?${q}`, { _csrf: token, frequency: 'weekly', locale: 'ko' });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `/follows/manage?${q}&notice=notify_settings_saved`);
  assert.deepEqual({ ...(await findRecipientById(t.db.db, f.recipientId)) }, { ...(await findRecipientById(t.db.db, f.recipientId))!, frequency: 'weekly', locale: 'ko' });

  // Unfollow: a kind that cannot be followed 400, an unknown record 404, then done and audited.
  assert.equal((await s.postForm(`/follows/manage/remove?${q}`, { _csrf: token, kind: 'milestone', id: '1' })).statusCode, 400);
  assert.equal((await s.postForm(`/follows/manage/remove?${q}`, { _csrf: token, kind: 'petition', id: '999999' })).statusCode, 404);
  const removed = await s.postForm(`/follows/manage/remove?${q}`, { _csrf: token, kind: 'petition', id: String(f.petitionId) });
  assert.equal(removed.headers.location, `/follows/manage?${q}&notice=unfollowed`);
  const after = await s.get(removed.headers.location as string);
  assert.match(after.body, /You follow nothing yet/);
  assert.deepEqual(await auditOf('follow.removed'), [{ actor_label: 'notification mail link', entity_id: String(f.petitionId) }]);

  // A forged token 400, somebody else's id with this token 400, a person who is gone 404.
  assert.equal((await t.app.inject(`/follows/manage?r=${f.recipientId}&t=forged`)).statusCode, 400);
  assert.equal((await t.app.inject(`/follows/manage?r=${f.recipientId + 1}&t=${tokens.manageToken(f.recipientId, t.clock.now())}`)).statusCode, 400);
  assert.equal((await t.app.inject(`/follows/manage?r=99999&t=${tokens.manageToken(99999, t.clock.now())}`)).statusCode, 404);
  assert.equal((await t.app.inject('/follows/manage?r=abc&t=x')).statusCode, 400);
});

test('without an inbox on this device: /inbox leads to a door that mails a link to the address one follows with, and to nobody else', async () => {
  const f = await emailFollower('door', 'ko');
  const s = new Session(t.app);
  const inbox = await s.get('/inbox');
  assert.equal(inbox.statusCode, 303);
  assert.equal(inbox.headers.location, '/inbox/access');
  assert.equal((await s.get('/inbox/settings')).headers.location, '/inbox/access');
  const door = await s.get('/inbox/access');
  assert.equal(door.statusCode, 200);
  assert.match(door.body, /href="\/sign-in\?next=%2Finbox"/);
  assert.equal((await s.postForm('/inbox/access', { email: f.email })).statusCode, 403);
  const token = await s.csrf('/inbox/access');
  const bad = await s.postForm('/inbox/access', { _csrf: token, email: 'nobody' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /name@example\.org/);
  // An address that follows nothing, and an account's address, get the same answer and no mail.
  for (const email of ['stranger@example.org', 'citizen@test.local']) {
    const before = (await mailsTo(email)).length;
    const r = await s.postForm('/inbox/access', { _csrf: token, email });
    assert.equal(r.headers.location, '/inbox/access?notice=inbox_link_sent');
    assert.equal((await mailsTo(email)).length, before, email);
  }
  const sent = await s.postForm('/inbox/access', { _csrf: token, email: ' Door0@Example.org ' });
  assert.equal(sent.headers.location, '/inbox/access?notice=inbox_link_sent');
  assert.match((await s.get(sent.headers.location as string)).body, /알림함 링크를 보냈습니다/);
  const [mail] = await mailsTo(f.email);
  assert.equal(mail!.subject, '[마당] 내 알림함');
  const confirm = linkIn(mail!.body_text, '/identity/confirm');
  await s.get(local(confirm));
  const confirmed = await s.postForm('/identity/confirm', { _csrf: await s.csrf(local(confirm)), token: confirm.searchParams.get('token')! });
  assert.equal(confirmed.headers.location, '/inbox');
  const opened = await s.get('/inbox');
  assert.equal(opened.statusCode, 200);
  assert.match(opened.body, /<a href="\/inbox" class="inbox-link">/);
  assert.equal((await auditOf('notifications.inbox_link_sent')).length, 1);
});

test('the follow confirmation mail says where the inbox and the follows are, in the language of the page', async () => {
  const id = await openPetition(t.db.db, { threshold: null, title: 'Confirm petition' });
  const s = new Session(t.app);
  await s.get(`/follows/new?kind=petition&id=${id}&lang=en`);
  await s.postForm('/follows/email', { _csrf: await s.csrf(`/follows/new?kind=petition&id=${id}`), kind: 'petition', id: String(id), email: 'confirmer@example.org' });
  const [mail] = await mailsTo('confirmer@example.org');
  assert.match(mail!.body_text, /your inbox and what you follow are at http:\/\/localhost:3000\/inbox\/settings\?lang=en;/);
  // The confirmation page opens in the same language.
  assert.equal(new URL(mail!.body_text.match(/http\S+\/identity\/confirm\S+/)![0]).searchParams.get('lang'), 'en');
});
