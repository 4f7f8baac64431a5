// Petitions over HTTP: the public API, the e-mail signing flow, the lifecycle and who may act.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { openPetition } from '../../../test/support/petitions.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
  // The test's citizen account sits on the ministry's committee.
  const committee = await t.db.db.selectFrom('committees').select('id').where('key', '=', 'mfds-petition-committee').executeTakeFirstOrThrow();
  const citizen = await t.db.db.selectFrom('users').select('id').where('email', '=', 'citizen@test.local').executeTakeFirstOrThrow();
  await t.db.db.insertInto('committee_members').values({ committee_id: committee.id, user_id: citizen.id, sub_committee_id: null, kind: 'external', created_at: new Date().toISOString() }).execute();
});
after(async () => t.close());

const linkFromOutbox = async (to: string) => {
  const mail = await t.db.db.selectFrom('outbox_mails').select('body_text').where('to_address', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return new URL(mail.body_text.match(/https?:\/\/\S+/)![0]!);
};

test('the API lists the ten published inspections with their channel and no invented counts', async () => {
  const res = await t.app.inject('/api/v1/petitions?state=results');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['cache-control'] as string, /public/);
  const { petitions } = res.json();
  assert.equal(petitions.length, 10);
  for (const p of petitions) {
    assert.equal(p.state, 'results_published');
    assert.equal(p.channel.key, 'mfds-safety-inspection');
    assert.equal(p.signature_count, null);
    assert.equal(p.signature_count_note, 'not given in the source');
  }
  const diapers = petitions.find((p: { title: string }) => p.title === "children's diapers");
  const detail = (await t.app.inject(`/api/v1/petitions/${diapers.id}`)).json();
  assert.match(detail.result.measures[0].description, /VOCs/);
  assert.equal(detail.result.measures[0].date_label, 'December 2018');
});

test('count endpoint: exact, cacheable, 404 for unknown or hidden petitions, 400 for a malformed id', async () => {
  const id = await openPetition(t.db.db, { threshold: 5 });
  const res = await t.app.inject(`/api/v1/petitions/${id}/count`);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { id, count: 0, threshold: 5, threshold_reached_at: null, state: 'open' });
  assert.match(res.headers['cache-control'] as string, /max-age=1/);
  const again = await t.app.inject({ url: `/api/v1/petitions/${id}/count`, headers: { 'if-none-match': res.headers.etag as string } });
  assert.equal(again.statusCode, 304);
  assert.equal((await t.app.inject('/api/v1/petitions/999999/count')).statusCode, 404);
  assert.equal((await t.app.inject('/api/v1/petitions/abc/count')).statusCode, 400);
});

test('a citizen confirms an e-mail address, signs once, and a second attempt counts nowhere', async () => {
  const id = await openPetition(t.db.db, { threshold: 100, title: 'Inspect instant noodles' });
  const s = new Session(t.app);
  const token = await s.csrf(`/petitions/${id}`);
  const bad = await s.postForm(`/petitions/${id}/sign`, { _csrf: token, email: 'not an address' });
  assert.equal(bad.statusCode, 400);
  assert.equal((await t.app.inject(`/api/v1/petitions/${id}/count`)).json().count, 0);

  const asked = await s.postForm(`/petitions/${id}/sign`, { _csrf: token, email: 'Reader@Example.org' });
  assert.equal(asked.statusCode, 303);
  assert.match(asked.headers.location as string, /notice=check_mail/);
  assert.equal((await t.db.db.selectFrom('signatures').select('id').where('petition_id', '=', id).execute()).length, 0, 'nothing counts before confirmation');

  const link = await linkFromOutbox('reader@example.org');
  const page = await s.get(link.pathname + link.search);
  assert.equal(page.statusCode, 200);
  // The confirmation address holds a secret: not indexed, no referrer, no <link> or sign-in link repeating it.
  const secret = link.searchParams.get('token')!;
  assert.equal(page.headers['x-robots-tag'], 'noindex');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  assert.match(page.body, /<meta name="robots" content="noindex"\/?>/);
  for (const l of page.body.match(/<link[^>]*>|<a [^>]*href="\/sign-in[^"]*"/g) ?? []) assert.ok(!l.includes(secret), l);
  const confirmed = await s.postForm('/identity/confirm', { _csrf: token, token: link.searchParams.get('token')! });
  assert.equal(confirmed.statusCode, 303);
  assert.match(confirmed.headers.location as string, new RegExp(`/petitions/${id}\\?notice=signed`));
  const reused = await s.postForm('/identity/confirm', { _csrf: token, token: link.searchParams.get('token')! });
  assert.equal(reused.statusCode, 400, 'a confirmation link works once');

  const twice = await s.postForm(`/petitions/${id}/sign`, { _csrf: token });
  assert.match(twice.headers.location as string, /notice=already_signed/);
  const shown = await s.get(`/petitions/${id}?notice=already_signed&lang=en`);
  assert.match(shown.body, /You have already signed this petition/);
  assert.doesNotMatch(shown.body, /reader@example\.org/i, 'the signer never appears on the page');
  assert.equal((await t.app.inject(`/api/v1/petitions/${id}/count`)).json().count, 1);
});

test('signing needs a CSRF token and a public, open petition', async () => {
  const id = await openPetition(t.db.db, { threshold: 10 });
  const s = new Session(t.app);
  const token = await s.csrf('/sign-in');
  assert.equal((await s.postForm(`/petitions/${id}/sign`, { email: 'x@example.org' })).statusCode, 403);
  assert.equal((await s.postForm('/petitions/999999/sign', { _csrf: token, email: 'x@example.org' })).statusCode, 404);
  const api = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${id}/signatures` });
  assert.equal(api.statusCode, 401);
  const forged = await t.app.inject({ method: 'POST', url: `/api/v1/petitions/${id}/signatures`, headers: { authorization: 'Identity 1.9999999999.forged' } });
  assert.equal(forged.statusCode, 401);
  assert.equal((await t.db.db.selectFrom('outbox_mails').select('id').where('to_address', '=', 'x@example.org').execute()).length, 0);
});

test('the lifecycle: submitted, moderated, crossing the threshold, reviewed, result published; each step by those allowed', async () => {
  const author = await new Session(t.app).signIn('forum');
  const token = await author.csrf('/petitions/new');
  const channel = await t.db.db.selectFrom('channels').select('id').where('key', '=', 'mfds-safety-inspection').executeTakeFirstOrThrow();
  const created = await author.postForm('/petitions', { _csrf: token, channel: String(channel.id), title: 'Inspect lunch-box kimchi', body: 'Several reports of spoilage.' });
  assert.equal(created.statusCode, 303);
  const id = Number((created.headers.location as string).match(/petitions\/(\d+)/)![1]);
  assert.equal((await t.app.inject(`/petitions/${id}`)).statusCode, 404, 'hidden from the public while waiting for moderation');
  assert.equal((await t.app.inject(`/api/v1/petitions/${id}`)).statusCode, 404);

  const other = await new Session(t.app).signIn('officerMois');
  assert.equal((await other.postForm(`/petitions/${id}/moderate`, { _csrf: await other.csrf('/'), decision: 'open' })).statusCode, 403);
  const officer = await new Session(t.app).signIn('officerMfds');
  const otoken = await officer.csrf('/');
  assert.equal((await officer.postForm(`/petitions/${id}/moderate`, { _csrf: otoken, decision: 'rejected', reason: '' })).statusCode, 400, 'a rejection needs a reason');
  assert.equal((await officer.postForm(`/petitions/${id}/moderate`, { _csrf: otoken, decision: 'open' })).statusCode, 303);
  const opened = (await t.app.inject(`/api/v1/petitions/${id}`)).json();
  assert.equal(opened.state, 'open');
  assert.equal(opened.threshold, 2000);

  // Lower the threshold of this petition (as a test fixture) and cross it.
  await t.db.db.updateTable('petitions').set({ threshold: 2 }).where('id', '=', id).execute();
  for (const email of ['a@example.org', 'b@example.org']) {
    const s = new Session(t.app);
    const tk = await s.csrf(`/petitions/${id}`);
    await s.postForm(`/petitions/${id}/sign`, { _csrf: tk, email });
    const link = await linkFromOutbox(email);
    await s.postForm('/identity/confirm', { _csrf: tk, token: link.searchParams.get('token')! });
  }
  const crossed = (await t.app.inject(`/api/v1/petitions/${id}/count`)).json();
  assert.equal(crossed.count, 2);
  assert.equal(crossed.state, 'threshold_reached');
  assert.ok(crossed.threshold_reached_at);

  const member = await new Session(t.app).signIn('citizen');
  const mtoken = await member.csrf('/');
  assert.equal((await officer.postForm(`/petitions/${id}/review/start`, { _csrf: otoken })).statusCode, 403, 'the ministry does not review its own petitions');
  assert.equal((await member.postForm(`/petitions/${id}/review/start`, { _csrf: mtoken })).statusCode, 303);
  const sub = await t.db.db.selectFrom('sub_committees').select(['id', 'name']).where('key', '=', 'mfds-petition-committee-foods').executeTakeFirstOrThrow();
  assert.equal((await member.postForm(`/petitions/${id}/review`, { _csrf: mtoken, decision: 'accepted', reason: '', sub_committee: String(sub.id) })).statusCode, 400);
  assert.equal((await member.postForm(`/petitions/${id}/review`, { _csrf: mtoken, decision: 'accepted', reason: 'Spoilage reports from three regions.', sub_committee: String(sub.id) })).statusCode, 303);

  const pdf = Buffer.from('%PDF-1.4\n% results\n');
  const published = await officer.postMultipart(`/petitions/${id}/result`, [
    { name: '_csrf', value: otoken },
    { name: 'action_title', value: 'Kimchi in lunch boxes' },
    { name: 'actual_start', value: '2026-11-10' },
    { name: 'tested', value: '40 samples from 12 sellers' },
    { name: 'findings', value: 'Two samples above the limit for coliform bacteria.' },
    { name: 'measures', value: 'Recall of two lots\nInspection of the two producers' },
    { name: 'files', filename: 'results.pdf', contentType: 'application/pdf', data: pdf },
  ]);
  assert.equal(published.statusCode, 303);
  const done = (await t.app.inject(`/api/v1/petitions/${id}`)).json();
  assert.equal(done.state, 'results_published');
  assert.equal(done.review.decision, 'accepted');
  assert.equal(done.review.sub_committee, sub.name);
  assert.deepEqual(done.result.measures.map((m: { description: string }) => m.description), ['Recall of two lots', 'Inspection of the two producers']);
  assert.equal(done.result.attachments.length, 1);
  const actions = (await t.db.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'petition').where('entity_id', '=', String(id)).orderBy('id').execute()).map((a) => a.action);
  assert.deepEqual(actions, ['petition.draft', 'petition.pending_moderation', 'petition.open', 'petition.threshold_reached', 'petition.under_review', 'petition.accepted', 'petition.results_published']);
});

test('pages: lists by state, a published inspection, the work queue, the outbox', async () => {
  for (const url of ['/petitions', '/petitions?state=results', '/petitions?state=in_review', '/petitions?state=closed', '/outbox']) {
    assert.equal((await t.app.inject(url)).statusCode, 200, url);
  }
  const seeded = await t.db.db.selectFrom('petitions').select('id').where('key', '=', 'mfds-inspection-10').executeTakeFirstOrThrow();
  const page = await t.app.inject(`/petitions/${seeded.id}?lang=en`);
  assert.match(page.body, /barley grass/);
  assert.match(page.body, /Number of signatures not given in the source/);
  assert.equal((await t.app.inject('/petitions/queue')).statusCode, 303);
  const officer = await new Session(t.app).signIn('officerMfds');
  assert.equal((await officer.get('/petitions/queue')).statusCode, 200);
  assert.equal((await t.app.inject('/petitions/new')).statusCode, 303);
});
