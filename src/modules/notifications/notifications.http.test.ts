// Follow and notify over HTTP: the follow button's contract, the e-mail follow without an account,
// the inbox and its settings, and the one-click unsubscribe link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { identities, openPetition } from '../../../test/support/petitions.ts';
import { getSetting } from '../../platform/settings/settings.repository.ts';
import { signBatch } from '../petitions/commands/sign-petition.ts';
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
const lastMailTo = async (to: string) => t.db.db.selectFrom('outbox_mails').selectAll().where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
const linkIn = (text: string, path: string) => new URL(text.match(new RegExp(`https?://\\S+${path}\\S*`))![0]!);

test('follow needs a CSRF token; an unknown kind is 400 and an unknown subject 404; nothing is written', async () => {
  const s = await new Session(t.app).useLocale('en').signIn('citizen');
  const id = await openPetition(t.db.db, { threshold: 10 });
  const noToken = await s.postForm('/follows', { kind: 'petition', id: String(id) });
  assert.equal(noToken.statusCode, 403);
  assert.match(noToken.body, /CSRF/);
  const token = await s.csrf(`/petitions/${id}`);
  const unknownKind = await s.postForm('/follows', { _csrf: token, kind: 'milestone', id: String(id) });
  assert.equal(unknownKind.statusCode, 400);
  assert.match(unknownKind.body, /cannot be followed/);
  assert.equal((await s.postForm('/follows', { _csrf: token, kind: 'petition', id: '999999' })).statusCode, 404);
  assert.equal((await s.postForm('/follows', { _csrf: token, kind: 'petition', id: 'abc' })).statusCode, 400);
  assert.equal((await t.app.inject('/follows/new?kind=nothing&id=1')).statusCode, 400);
  assert.equal((await t.db.db.selectFrom('follows').select('id').execute()).length, 0);
});

test('a signed-in person follows and unfollows from the page; every followable kind has the button', async () => {
  const s = await new Session(t.app).signIn('forum');
  const id = await openPetition(t.db.db, { threshold: 10, title: 'Button petition' });
  const page = await s.get(`/petitions/${id}`);
  assert.match(page.body, /action="\/follows"/);
  const follow = await s.postForm('/follows', { _csrf: await s.csrf(`/petitions/${id}`), kind: 'petition', id: String(id) });
  assert.equal(follow.statusCode, 303);
  assert.equal(follow.headers.location, `/petitions/${id}?notice=following`);
  const following = await s.get(follow.headers.location as string);
  assert.match(following.body, /action="\/follows\/remove"/);
  assert.match(following.body, /팔로우 중/);
  const unfollow = await s.postForm('/follows/remove', { _csrf: await s.csrf(`/petitions/${id}`), kind: 'petition', id: String(id) });
  assert.equal(unfollow.headers.location, `/petitions/${id}?notice=unfollowed`);
  assert.match((await s.get(`/petitions/${id}`)).body, /action="\/follows"/);
  const db = t.db.db;
  const c = await db.selectFrom('commitments').innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id').select(['commitments.code', 'action_plans.slug']).executeTakeFirstOrThrow();
  const d = await db.selectFrom('od_datasets').select('slug').executeTakeFirstOrThrow();
  const o = await db.selectFrom('organizations').select('key').executeTakeFirstOrThrow();
  const b = await db.selectFrom('bodies').select('key').executeTakeFirstOrThrow();
  const p = await db.selectFrom('proposals').select('id').where('hidden_at', 'is', null).executeTakeFirstOrThrow();
  for (const [url, kind] of [
    [`/plans/${c.slug}/commitments/${c.code}`, 'commitment'],
    [`/open-data/datasets/${d.slug}`, 'dataset'],
    [`/organizations/${o.key}`, 'organization'],
    [`/bodies/${b.key}`, 'body'],
    [`/proposals/${p.id}`, 'proposal'],
  ]) {
    const res = await s.get(url!);
    assert.equal(res.statusCode, 200, url);
    assert.match(res.body, new RegExp(`name="kind" value="${kind}"`), url);
  }
});

test('without an account: follow by e-mail, confirm by link, get the threshold mail, unsubscribe in one click without signing in', async () => {
  const db = t.db.db;
  const id = await openPetition(db, { threshold: 2, title: '광화문 광장 청원' });
  const s = new Session(t.app);
  const ask = await s.postForm('/follows', { _csrf: await s.csrf(`/petitions/${id}`), kind: 'petition', id: String(id) });
  assert.equal(ask.headers.location, `/follows/new?kind=petition&id=${id}`);
  const form = await s.get(ask.headers.location as string);
  assert.equal(form.statusCode, 200);
  const token = await s.csrf(ask.headers.location as string);
  assert.equal((await s.postForm('/follows/email', { _csrf: token, kind: 'petition', id: String(id), email: 'not an address' })).statusCode, 400);
  const sent = await s.postForm('/follows/email', { _csrf: token, kind: 'petition', id: String(id), email: 'Newcomer@Example.org' });
  assert.equal(sent.headers.location, `/petitions/${id}?notice=follow_check_mail`);
  assert.match((await s.get(sent.headers.location as string)).body, /이메일을 보냈습니다/);

  // Unconfirmed, the follow notifies nobody; a wrong nonce confirms nothing.
  const confirmLink = linkIn((await lastMailTo('newcomer@example.org')).body_text, '/identity/confirm');
  await s.get(`${confirmLink.pathname}${confirmLink.search}`);
  const confirmed = await s.postForm('/identity/confirm', { _csrf: await s.csrf(`${confirmLink.pathname}${confirmLink.search}`), token: confirmLink.searchParams.get('token')! });
  assert.equal(confirmed.statusCode, 303);
  assert.match(confirmed.headers.location as string, /^\/follows\/confirmed\?n=/);
  assert.equal((await s.get('/follows/confirmed?n=wrong')).statusCode, 404);
  const done = await s.get(confirmed.headers.location as string);
  assert.equal(done.headers.location, `/petitions/${id}?notice=following`);
  assert.match((await s.get(`/petitions/${id}`)).body, /action="\/follows\/remove"/);

  await signBatch(db, id, await identities(db, 2, 'crowd'), t.clock.now());
  await jobs();
  const mail = await lastMailTo('newcomer@example.org');
  assert.match(mail.subject, /광화문 광장 청원/);
  assert.match(mail.subject, /기준 서명 수에 도달/);
  const headers = JSON.parse(mail.headers_json!);
  assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
  const unsub = linkIn(mail.body_text, '/unsubscribe');
  assert.equal(headers['List-Unsubscribe'], `<${unsub.href}>`);

  // The inbox of the confirmed e-mail (no account).
  const inbox = await s.get('/inbox');
  assert.equal(inbox.statusCode, 200);
  assert.match(inbox.body, /광화문 광장 청원/);

  // One click, as a mail client does it: a POST with no cookie and no CSRF token.
  const path = `${unsub.pathname}${unsub.search}`;
  const page = await t.app.inject({ method: 'GET', url: path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /newcomer@example\.org/);
  const oneClick = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
  assert.equal(oneClick.statusCode, 200);
  // The page says the inbox keeps the news and leads back to the settings (through /inbox/access without an inbox here).
  assert.match(oneClick.body, /받은편지함에 계속 쌓입니다.*<a href="\/inbox\/settings">설정에서 메일 다시 받기<\/a>/s);
  const r = await db.selectFrom('notify_recipients').innerJoin('identities', 'identities.id', 'notify_recipients.identity_id').select('notify_recipients.frequency').where('identities.value', '=', 'newcomer@example.org').executeTakeFirstOrThrow();
  assert.equal(r.frequency, 'off');
  const recipientId = Number(unsub.searchParams.get('r'));
  assert.equal((await t.app.inject({ method: 'GET', url: `/unsubscribe?r=${recipientId}&t=forged` })).statusCode, 400);
  assert.equal((await t.app.inject({ method: 'POST', url: `/unsubscribe?r=${recipientId + 1}&t=${unsub.searchParams.get('t')}` })).statusCode, 400);
  assert.equal((await t.app.inject({ method: 'POST', url: `/unsubscribe?r=99999&t=${tokens.token(99999)}` })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: '/unsubscribe?r=x&t=y' })).statusCode, 400);
});

test('the inbox and its settings need an account or a confirmed e-mail; settings are validated; mark read works', async () => {
  // A page view is sent to sign in; a form post is refused.
  const anonymous = await t.app.inject('/inbox');
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, '/inbox/access');
  const visitor = new Session(t.app);
  assert.equal((await visitor.postForm('/inbox/settings', { _csrf: await visitor.csrf('/sign-in'), frequency: 'off', locale: 'ko' })).statusCode, 401);
  const s = await new Session(t.app).signIn('officerMfds');
  assert.match((await s.get('/inbox')).body, /아직 알림이 없습니다/);
  const token = await s.csrf('/inbox/settings');
  assert.equal((await s.postForm('/inbox/settings', { _csrf: token, frequency: 'hourly', locale: 'en' })).statusCode, 400);
  const saved = await s.postForm('/inbox/settings', { _csrf: token, frequency: 'weekly', locale: 'en' });
  assert.equal(saved.headers.location, '/inbox/settings?notice=notify_settings_saved');
  const settings = await s.get('/inbox/settings');
  assert.match(settings.body, /id="frequency-weekly" name="frequency" value="weekly" checked/);
  // Each language is named in itself, and marked so.
  assert.match(settings.body, /<option value="ko"[^>]* lang="ko">한국어<\/option>/);
  assert.match(settings.body, /<option value="en"[^>]* lang="en">English<\/option>/);
  // The page says what switching does to the news waiting for a digest.
  assert.match(settings.body, /<fieldset id="frequency" aria-describedby="frequency-hint">.*요약을 기다리던 소식을 곧바로 메일 한 통으로 보내고/s);
  assert.match((await s.get('/inbox/settings?lang=en')).body, /the news waiting for your digest comes at once in one mail, then each change in its own\. Choosing no mail drops the waiting mail/);
  assert.equal((await s.postForm('/inbox/read', {})).statusCode, 403);
  assert.equal((await s.postForm('/inbox/read', { _csrf: token })).statusCode, 303);
});
