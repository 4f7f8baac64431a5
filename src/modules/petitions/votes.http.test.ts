// Votes over HTTP: an officer opens a vote, a citizen confirms an e-mail and votes, the task passes,
// the committee records its decision; who may do what; the API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

test('open a vote, vote once with a confirmed e-mail, pass, review and decide', async () => {
  const channel = await t.db.db.selectFrom('channels').select('id').where('key', '=', 'mois-innovation-vote').executeTakeFirstOrThrow();
  const citizenAccount = await new Session(t.app).signIn('citizen');
  const denied = await citizenAccount.postForm('/votes', { _csrf: await citizenAccount.csrf('/'), channel: String(channel.id), title: 'x', description: 'y' });
  assert.equal(denied.statusCode, 403);

  const officer = await new Session(t.app).signIn('officerMois');
  const otoken = await officer.csrf('/');
  const bad = await officer.postForm('/votes', { _csrf: otoken, channel: String(channel.id), title: 'Open budgets', description: 'Publish budgets as data.', threshold: '0' });
  assert.equal(bad.statusCode, 400);
  const created = await officer.postForm('/votes', { _csrf: otoken, channel: String(channel.id), title: 'Open budgets', description: 'Publish every ministry budget as data.', threshold: '1', closes_on: '2026-12-31' });
  assert.equal(created.statusCode, 303);
  const id = Number((created.headers.location as string).split('/').pop());

  const voter = new Session(t.app);
  const vtoken = await voter.csrf('/sign-in');
  assert.equal((await voter.postForm(`/votes/${id}/ballot`, { _csrf: vtoken, choice: 'yes' })).statusCode, 401, 'an unconfirmed visitor cannot vote');
  assert.equal((await voter.postForm(`/votes/${id}/identity`, { _csrf: vtoken, email: 'voter@example.org' })).statusCode, 303);
  const mail = await t.db.db.selectFrom('outbox_mails').select('body_text').where('to_address', '=', 'voter@example.org').executeTakeFirstOrThrow();
  const link = new URL(mail.body_text.match(/https?:\/\/\S+/)![0]!);
  const confirmed = await voter.postForm('/identity/confirm', { _csrf: vtoken, token: link.searchParams.get('token')! });
  assert.equal(confirmed.headers.location, `/votes/${id}`);
  assert.match((await voter.postForm(`/votes/${id}/ballot`, { _csrf: vtoken, choice: 'yes' })).headers.location as string, /notice=voted/);
  assert.match((await voter.postForm(`/votes/${id}/ballot`, { _csrf: vtoken, choice: 'no' })).headers.location as string, /notice=already_voted/);

  const api = (await t.app.inject(`/api/v1/votes/${id}`)).json();
  assert.deepEqual([api.state, api.yes_count, api.no_count], ['passed', 1, 0]);

  const forum = await new Session(t.app).signIn('forum');
  assert.equal((await forum.postForm(`/votes/${id}/move`, { _csrf: await forum.csrf('/'), to: 'under_review' })).statusCode, 403);
  const admin = await new Session(t.app).signIn('admin');
  const atoken = await admin.csrf('/');
  assert.equal((await admin.postForm(`/votes/${id}/move`, { _csrf: atoken, to: 'decided', decision: 'x', reason: 'y' })).statusCode, 400);
  assert.equal((await admin.postForm(`/votes/${id}/move`, { _csrf: atoken, to: 'under_review' })).statusCode, 303);
  assert.equal((await admin.postForm(`/votes/${id}/move`, { _csrf: atoken, to: 'decided', decision: 'Adopted', reason: 'Clear support.', meeting: 'Strategy meeting', strategy: 'Implement in 2027' })).statusCode, 303);
  const page = await t.app.inject(`/votes/${id}?lang=en`);
  assert.match(page.body, /Implement in 2027/);
  assert.equal((await t.app.inject('/votes')).statusCode, 200);
  assert.equal((await t.app.inject('/votes/999999')).statusCode, 404);
});
