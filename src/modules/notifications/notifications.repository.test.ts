// The audit log → notifications fan-out on SQLite and, with TEST_DATABASE_URL, on PostgreSQL:
// exactly once per person per event even when two workers run at the same time, and an event
// committed late (PostgreSQL) still notified once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { dialectUnderTest } from '../../../test/support/db.ts';
import { identities, openPetition } from '../../../test/support/petitions.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { signBatch } from '../petitions/commands/sign-petition.ts';
import { sendDigests } from './commands/digests.ts';
import { FOLLOWER, fanOut } from './commands/fan-out.ts';
import { runNotificationJobs } from './notify-worker.ts';
import { addFollow, ensureRecipient, entityFacts, findSubject, listInbox, markRead, countUnread, updateRecipient } from './notifications.repository.ts';
import { UnsubscribeTokens } from './unsubscribe-token.ts';

let t: TestContext;
const tokens = new UnsubscribeTokens('s'.repeat(32), 60 * 86_400_000);
const opts = { baseUrl: 'http://localhost:3000', tokens, gapExpiryMs: 3_600_000 };
before(async () => {
  t = await testApp();
});
after(async () => t.close());

const follower = () => t.db.db.selectFrom('audit_followers').select(['last_id', 'gaps_json']).where('name', '=', FOLLOWER).executeTakeFirstOrThrow();
const outboxTo = (to: string) => t.db.db.selectFrom('outbox_mails').selectAll().where('to_address', '=', to).orderBy('id').execute();

test('a petition crossing its threshold notifies each follower exactly once, however many workers run', async () => {
  const db = t.db.db;
  const now = t.clock.now();
  const petitionId = await openPetition(db, { threshold: 3, title: 'Inspect Gwanghwamun tteokbokki' });
  const channelOrg = (await db.selectFrom('petitions').innerJoin('channels', 'channels.id', 'petitions.channel_id').select('channels.organization_id').where('petitions.id', '=', petitionId).executeTakeFirstOrThrow()).organization_id;
  const citizen = await db.selectFrom('users').select('id').where('email', '=', 'citizen@test.local').executeTakeFirstOrThrow();
  const [idA, idB, idC] = await identities(db, 3, 'follower');
  // An account following the petition, an e-mail following the petition and its organization
  // (one notification, about the petition), a daily-digest e-mail, and an unconfirmed follow.
  const account = await ensureRecipient(db, { userId: citizen.id }, 'en', now);
  await addFollow(db, account, { type: 'petition', id: petitionId }, now, null);
  const both = await ensureRecipient(db, { identityId: idA! }, 'ko', now);
  await addFollow(db, both, { type: 'organization', id: channelOrg }, now, null);
  await addFollow(db, both, { type: 'petition', id: petitionId }, now, null);
  const daily = await ensureRecipient(db, { identityId: idB! }, 'en', now);
  await updateRecipient(db, daily, { frequency: 'daily', locale: 'en' }, now);
  await addFollow(db, daily, { type: 'petition', id: petitionId }, now, null);
  const pending = await ensureRecipient(db, { identityId: idC! }, 'en', now);
  await addFollow(db, pending, { type: 'petition', id: petitionId }, now, { nonceHash: 'x' });

  const signers = await identities(db, 3, 'signer-threshold');
  const results = await signBatch(db, petitionId, signers, now);
  assert.ok(results.some((r) => r.ok && r.thresholdReached));

  const runs = await Promise.all([fanOut(db, now, opts), fanOut(db, now, opts)]);
  const again = await fanOut(db, now, opts);
  assert.equal(runs[0].notifications + runs[1].notifications + again.notifications, 3);
  assert.equal(runs[0].mails + runs[1].mails + again.mails, 2);

  const rows = await db.selectFrom('notifications').selectAll().where('message', '=', 'threshold_reached').orderBy('recipient_id').execute();
  assert.deepEqual(
    rows.map((r) => [r.recipient_id, r.subject_type, r.mail_state]),
    [
      [account, 'petition', 'sent'],
      [both, 'petition', 'sent'],
      [daily, 'petition', 'pending'],
    ],
  );
  assert.match(rows[0]!.detail!, /3 signatures of 3/);
  assert.match(rows[1]!.detail!, /서명 3명/);
  const mail = (await outboxTo('follower0@example.org'))[0]!;
  assert.match(mail.subject, /Inspect Gwanghwamun tteokbokki/);
  assert.match(mail.body_text, new RegExp(`/petitions/${petitionId}`));
  assert.deepEqual(JSON.parse(mail.headers_json!), { 'List-Unsubscribe': `<${tokens.url(opts.baseUrl, both)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  assert.equal((await outboxTo('citizen@test.local')).length, 1);
  assert.equal((await outboxTo('follower2@example.org')).length, 0);
  assert.ok((await follower()).last_id > 0);

  // The daily digest: not before a day has passed, then once, whatever the number of runs.
  assert.equal(await sendDigests(db, now, opts), 0);
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const digests = await Promise.all([sendDigests(db, tomorrow, opts), sendDigests(db, tomorrow, opts)]);
  assert.equal(digests[0] + digests[1], 1);
  const digest = await outboxTo('follower1@example.org');
  assert.equal(digest.length, 1);
  assert.match(digest[0]!.subject, /daily digest: 1 update$/);
  assert.equal(await sendDigests(db, new Date(tomorrow.getTime() + 86_400_000), opts), 0);

  // The inbox: unread until marked.
  assert.equal(await countUnread(db, account), 1);
  assert.equal((await listInbox(db, account, 10))[0]!.message, 'threshold_reached');
  assert.equal(await markRead(db, account, null, now), 1);
  assert.equal(await countUnread(db, account), 0);
});

test('progress on a commitment and a milestone reaches followers of the commitment and of its organization, not the one who posted it', async () => {
  const db = t.db.db;
  const now = t.clock.now();
  const c = await db.selectFrom('commitments').innerJoin('milestones', 'milestones.commitment_id', 'commitments.id').select(['commitments.id', 'commitments.lead_organization_id', 'milestones.id as milestone_id']).orderBy('commitments.id').executeTakeFirstOrThrow();
  assert.deepEqual(await entityFacts(db, 'milestone', String(c.milestone_id)), { commitmentIds: [c.id], organizationIds: [c.lead_organization_id] });
  const s = await findSubject(db, 'commitment', c.id);
  assert.match(s!.link, /^\/plans\/kr-2018-2020\/commitments\//);
  const officer = await db.selectFrom('users').select('id').where('email', '=', 'officer.mois@test.local').executeTakeFirstOrThrow();
  const [idOrg, idC] = await identities(db, 2, 'commitment-follower');
  const byOrg = await ensureRecipient(db, { identityId: idOrg! }, 'en', now);
  await addFollow(db, byOrg, { type: 'organization', id: c.lead_organization_id }, now, null);
  const byCommitment = await ensureRecipient(db, { identityId: idC! }, 'en', now);
  await addFollow(db, byCommitment, { type: 'commitment', id: c.id }, now, null);
  const self = await ensureRecipient(db, { userId: officer.id }, 'en', now);
  await addFollow(db, self, { type: 'commitment', id: c.id }, now, null);
  const actor = { id: officer.id, name: 'Officer', email: 'officer.mois@test.local', role: 'officer' as const, organization_id: null, organization_name: null };
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, { actor, action: 'milestone.level_changed', entityType: 'milestone', entityId: c.milestone_id, entityLabel: 'M1', public: true, after: { level: 'completed' }, at: now });
    await recordAudit(trx, { actor, action: 'proposal.supported', entityType: 'proposal', entityId: 1, public: false, at: now });
  });
  await fanOut(db, now, opts);
  const rows = await db.selectFrom('notifications').select(['recipient_id', 'subject_type', 'detail']).where('message', '=', 'milestone_level_changed').orderBy('recipient_id').execute();
  assert.deepEqual(
    rows.map((r) => [r.recipient_id, r.subject_type, r.detail]),
    [
      [byOrg, 'organization', 'M1 · Completed'],
      [byCommitment, 'commitment', 'M1 · Completed'],
    ],
  );
});

test('a digest chosen later comes a period after choosing it, not at once; news waiting for it is mailed once', async () => {
  const db = t.db.db;
  const t0 = t.clock.now();
  const petitionId = await openPetition(db, { threshold: null, title: 'Digest petition' });
  const [idF] = await identities(db, 1, 'digest-later');
  const r = await ensureRecipient(db, { identityId: idF! }, 'en', t0);
  await addFollow(db, r, { type: 'petition', id: petitionId }, t0, null);
  // A month of mail at once, then the person chooses a weekly digest; news comes the same hour.
  const chosen = new Date(t0.getTime() + 30 * 86_400_000);
  await updateRecipient(db, r, { frequency: 'weekly', locale: 'en' }, chosen);
  await db.transaction().execute((trx) => recordAudit(trx, { actor: null, systemActor: 'system', action: 'petition.closed', entityType: 'petition', entityId: petitionId, public: true, at: chosen }));
  await fanOut(db, chosen, opts);
  assert.equal(await sendDigests(db, new Date(chosen.getTime() + 3_600_000), opts), 0);
  assert.equal(await sendDigests(db, new Date(chosen.getTime() + 6 * 86_400_000), opts), 0);
  assert.equal(await sendDigests(db, new Date(chosen.getTime() + 7 * 86_400_000), opts), 1);
  const mails = await outboxTo('digest-later0@example.org');
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.subject, /weekly digest: 1 update$/);
  assert.match(mails[0]!.body_text, /Digest petition/);
  // Saving the same choice again does not move the period.
  await updateRecipient(db, r, { frequency: 'weekly', locale: 'ko' }, new Date(chosen.getTime() + 8 * 86_400_000));
  const row = await db.selectFrom('notify_recipients').select('last_digest_at').where('id', '=', r).executeTakeFirstOrThrow();
  assert.equal(row.last_digest_at, new Date(chosen.getTime() + 7 * 86_400_000).toISOString());
});

test('switching from a digest to mail at once mails the waiting news in one digest at the next pass; switching to no mail drops it', async () => {
  const db = t.db.db;
  const t0 = t.clock.now();
  const close = async (petitionId: number, at: Date) => {
    await db.transaction().execute((trx) => recordAudit(trx, { actor: null, systemActor: 'system', action: 'petition.closed', entityType: 'petition', entityId: petitionId, public: true, at }));
    return runNotificationJobs(db, at, opts);
  };
  const pending = (r: number) => db.selectFrom('notifications').select('mail_state').where('recipient_id', '=', r).orderBy('id').execute();
  const [a, b] = [await openPetition(db, { threshold: null, title: 'Waiting petition A' }), await openPetition(db, { threshold: null, title: 'Waiting petition B' })];
  const [idSwitch, idOff] = await identities(db, 2, 'switcher');
  const rSwitch = await ensureRecipient(db, { identityId: idSwitch! }, 'en', t0);
  const rOff = await ensureRecipient(db, { identityId: idOff! }, 'en', t0);
  for (const r of [rSwitch, rOff]) {
    for (const p of [a, b]) await addFollow(db, r, { type: 'petition', id: p }, t0, null);
    await updateRecipient(db, r, { frequency: 'weekly', locale: 'en' }, t0);
  }
  // Two pieces of news wait for the weekly digest; no mail yet.
  await close(a, new Date(t0.getTime() + 60_000));
  await close(b, new Date(t0.getTime() + 120_000));
  assert.deepEqual(await pending(rSwitch), [{ mail_state: 'pending' }, { mail_state: 'pending' }]);
  assert.equal((await outboxTo('switcher0@example.org')).length, 0);

  // A day later one person switches to mail at once, the other to no mail.
  const switched = new Date(t0.getTime() + 86_400_000);
  await updateRecipient(db, rSwitch, { frequency: 'immediate', locale: 'en' }, switched);
  await updateRecipient(db, rOff, { frequency: 'off', locale: 'en' }, switched);
  assert.deepEqual(await pending(rSwitch), [{ mail_state: 'pending' }, { mail_state: 'pending' }], 'the waiting news is kept for the next pass');
  assert.deepEqual(await pending(rOff), [{ mail_state: 'none' }, { mail_state: 'none' }]);

  // The next pass of the worker mails it in one digest, once, however many passes or workers run.
  const passes = await Promise.all([runNotificationJobs(db, switched, opts), runNotificationJobs(db, switched, opts)]);
  assert.equal(passes[0].digests + passes[1].digests, 1);
  assert.equal((await runNotificationJobs(db, new Date(switched.getTime() + 10_000), opts)).digests, 0);
  const mails = await outboxTo('switcher0@example.org');
  assert.equal(mails.length, 1);
  assert.equal(mails[0]!.subject, '[Madang] The news that waited for your digest: 2 updates');
  assert.match(mails[0]!.body_text, /^You now get mail at once; here is the news of what you follow that waited for your digest \(2\):$/m);
  assert.ok(mails[0]!.body_text.indexOf('Waiting petition A') < mails[0]!.body_text.indexOf('Waiting petition B'));
  assert.deepEqual(await pending(rSwitch), [{ mail_state: 'sent' }, { mail_state: 'sent' }]);
  assert.equal((await outboxTo('switcher1@example.org')).length, 0);

  // From then on, each change comes at once in its own mail, and no digest follows.
  const later = await openPetition(db, { threshold: null, title: 'Waiting petition C' });
  await addFollow(db, rSwitch, { type: 'petition', id: later }, switched, null);
  const next = await close(later, new Date(switched.getTime() + 60_000));
  assert.equal(next.digests, 0);
  const after = await outboxTo('switcher0@example.org');
  assert.equal(after.length, 2);
  assert.match(after[1]!.subject, /Waiting petition C/);
});

test('the scan pages through every batch, and the cursor passes everything read', async () => {
  const db = t.db.db;
  const now = t.clock.now();
  const petitionId = await openPetition(db, { threshold: null, title: 'Paged petition' });
  const [idF] = await identities(db, 1, 'paged-follower');
  const r = await ensureRecipient(db, { identityId: idF! }, 'en', now);
  await addFollow(db, r, { type: 'petition', id: petitionId }, now, null);
  await fanOut(db, now, opts);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 5; i++) await recordAudit(trx, { actor: null, action: 'proposal.supported', entityType: 'proposal', entityId: 1, public: false, at: now });
    await recordAudit(trx, { actor: null, systemActor: 'system', action: 'petition.closed', entityType: 'petition', entityId: petitionId, entityLabel: 'Paged petition', public: true, after: { state: 'closed' }, at: now });
  });
  const mine = async () => (await db.selectFrom('notifications').select('message').where('recipient_id', '=', r).execute()).map((n) => n.message);
  // (The channel's organization has a follower too, from the first test.)
  const run = await fanOut(db, now, { ...opts, batch: 2 });
  assert.equal(run.events, 6);
  assert.equal(run.notifications, 2);
  assert.deepEqual(await mine(), ['petition_closed']);
  const last = await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
  assert.deepEqual(await follower(), { last_id: Number(last.id), gaps_json: '[]' });
  // Nothing is read again, nor written twice.
  assert.deepEqual(await fanOut(db, now, opts), { events: 0, late: 0, notifications: 0, mails: 0 });
  assert.deepEqual(await mine(), ['petition_closed']);
});

// Two connections on PostgreSQL: an event whose transaction commits long after a later event was
// processed (well past any settle window) is still notified, once. SQLite has one writer: no gap.
test('an event committed late on PostgreSQL is notified exactly once; a rolled-back id is given up after the expiry', { skip: dialectUnderTest !== 'postgres' && 'PostgreSQL only: SQLite commits in id order' }, async () => {
  const db = t.db.db;
  const now = t.clock.now();
  const petitionId = await openPetition(db, { threshold: null, title: 'Late commit petition' });
  const [idF] = await identities(db, 1, 'late-follower');
  const r = await ensureRecipient(db, { identityId: idF! }, 'en', now);
  await addFollow(db, r, { type: 'petition', id: petitionId }, now, null);
  await fanOut(db, now, opts);
  const mine = async () => (await db.selectFrom('notifications').select(['message', 'audit_event_id']).where('recipient_id', '=', r).orderBy('id').execute()).map((n) => n.message);
  const insertEvent = (c: pg.Client, action: string) =>
    c.query<{ id: number }>(`INSERT INTO audit_events (occurred_at, actor_label, action, entity_type, entity_id, entity_label, public) VALUES ($1, 'system', $2, 'petition', $3, 'Late commit petition', 1) RETURNING id`, [now.toISOString(), action, String(petitionId)]);
  const other = new pg.Client({ connectionString: t.db.url });
  await other.connect();
  try {
    await other.query('BEGIN');
    const lateId = (await insertEvent(other, 'petition.closed')).rows[0]!.id;
    // A later event commits first and is processed; the open transaction's id is a gap.
    await db.transaction().execute((trx) => recordAudit(trx, { actor: null, systemActor: 'system', action: 'petition.under_review', entityType: 'petition', entityId: petitionId, public: true, at: now }));
    const first = await fanOut(db, now, opts);
    assert.equal(first.late, 0);
    assert.deepEqual(await mine(), ['under_review']);
    assert.deepEqual(JSON.parse((await follower()).gaps_json).map((g: { id: number }) => g.id), [lateId]);
    // Ten minutes later (far past the old 10 s settle window) it is still uncommitted, and still looked for.
    const tenMinutes = new Date(now.getTime() + 600_000);
    assert.equal((await fanOut(db, tenMinutes, opts)).late, 0);
    await other.query('COMMIT');
    const afterCommit = await fanOut(db, new Date(now.getTime() + 660_000), opts);
    assert.equal(afterCommit.late, 1);
    assert.equal(afterCommit.notifications, 2, 'the follower of the petition and the follower of its organization (first test)');
    assert.deepEqual(await mine(), ['under_review', 'petition_closed']);
    assert.equal((await follower()).gaps_json, '[]');
    // Run again, and in two workers at once: nothing is written twice.
    await Promise.all([fanOut(db, new Date(now.getTime() + 700_000), opts), fanOut(db, new Date(now.getTime() + 700_000), opts)]);
    assert.deepEqual(await mine(), ['under_review', 'petition_closed']);
    const mails = await outboxTo('late-follower0@example.org');
    assert.equal(mails.length, 2);

    // An id whose transaction rolls back never appears: looked for until the expiry, then given up.
    await other.query('BEGIN');
    const rolledBack = (await insertEvent(other, 'petition.accepted')).rows[0]!.id;
    await other.query('ROLLBACK');
    await db.transaction().execute((trx) => recordAudit(trx, { actor: null, systemActor: 'system', action: 'petition.results_published', entityType: 'petition', entityId: petitionId, public: true, at: now }));
    const at = new Date(now.getTime() + 800_000);
    await fanOut(db, at, opts);
    assert.deepEqual(JSON.parse((await follower()).gaps_json).map((g: { id: number }) => g.id), [rolledBack]);
    await fanOut(db, new Date(at.getTime() + opts.gapExpiryMs), opts);
    assert.equal((await follower()).gaps_json, '[]');
    assert.deepEqual(await mine(), ['under_review', 'petition_closed', 'results_published']);
  } finally {
    await other.end();
  }
});
