// Exactness of signing on the database under test: one signature per identity, one threshold stamp.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importAll } from '../../bootstrap.ts';
import { fixedClock } from '../../platform/clock.ts';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { identities, openPetition } from '../../../test/support/petitions.ts';
import { signPetition } from './commands/sign-petition.ts';
import { anonymiseEnded, closeExpired, reconcileCounts } from './commands/maintenance.ts';

let db: TestDb;
const now = new Date('2026-11-20T00:00:00Z');
before(async () => {
  db = await freshDb();
  await importAll(db, fixedClock(now));
});
after(async () => db.destroy());

const count = async (petitionId: number) => {
  const p = await db.db.selectFrom('petitions').select(['signature_count', 'threshold_reached_at', 'state']).where('id', '=', petitionId).executeTakeFirstOrThrow();
  const rows = Number((await db.db.selectFrom('signatures').select((eb) => eb.fn.countAll().as('n')).where('petition_id', '=', petitionId).executeTakeFirstOrThrow()).n);
  return { stored: Number(p.signature_count), rows, stamped: p.threshold_reached_at, state: p.state };
};

test('200 concurrent attempts by one identity give one signature', async () => {
  const petition = await openPetition(db.db, { threshold: 1000 });
  const [me] = await identities(db.db, 1, 'same');
  const results = await Promise.all(Array.from({ length: 200 }, () => signPetition(db.db, petition, me!, now)));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'already_signed'));
  assert.deepEqual(await count(petition), { stored: 1, rows: 1, stamped: null, state: 'open' });
});

test('200 concurrent signatures across the threshold give one threshold event and one review', async () => {
  const petition = await openPetition(db.db, { threshold: 150 });
  const people = await identities(db.db, 200, 'surge');
  const results = await Promise.all(people.map((id) => signPetition(db.db, petition, id, now)));
  assert.ok(results.every((r) => r.ok));
  assert.equal(results.filter((r) => r.ok && r.thresholdReached).length, 1);
  const c = await count(petition);
  assert.equal(c.stored, 200);
  assert.equal(c.rows, 200);
  assert.equal(c.state, 'threshold_reached');
  assert.ok(c.stamped);
  const reviews = await db.db.selectFrom('petition_reviews').selectAll().where('petition_id', '=', petition).execute();
  assert.equal(reviews.length, 1);
  const events = await db.db.selectFrom('audit_events').selectAll().where('action', '=', 'petition.threshold_reached').where('entity_id', '=', String(petition)).execute();
  assert.equal(events.length, 1);
  assert.deepEqual((await reconcileCounts(db.db, now)).drift, []);
});

test('closed, unknown and not-yet-open petitions take no signature and count nothing', async () => {
  const [who] = await identities(db.db, 1, 'refused');
  const expired = await openPetition(db.db, { threshold: 10, closesAt: '2020-01-01T00:00:00.000Z' });
  assert.deepEqual(await signPetition(db.db, expired, who!, now), { ok: false, reason: 'window_closed' });
  assert.deepEqual(await count(expired), { stored: 0, rows: 0, stamped: null, state: 'open' });
  assert.deepEqual(await signPetition(db.db, 999_999, who!, now), { ok: false, reason: 'unknown_petition' });
  const seeded = await db.db.selectFrom('petitions').select('id').where('key', '=', 'mfds-inspection-01').executeTakeFirstOrThrow();
  assert.deepEqual(await signPetition(db.db, seeded.id, who!, now), { ok: false, reason: 'not_open' });
  assert.equal((await db.db.selectFrom('signatures').select('id').where('identity_id', '=', who!).execute()).length, 0);
});

test('expired petitions close below the threshold, and signers are anonymised later with the count kept', async () => {
  const petition = await openPetition(db.db, { threshold: 100, closesAt: '2026-11-25T00:00:00.000Z' });
  for (const id of await identities(db.db, 3, 'late')) assert.ok((await signPetition(db.db, petition, id, now)).ok);
  assert.ok((await closeExpired(db.db, new Date('2026-11-26T00:00:00Z'))) >= 1);
  assert.equal((await count(petition)).state, 'closed');
  assert.equal(await anonymiseEnded(db.db, new Date('2026-11-27T00:00:00Z'), 30), 0, 'not before the delay');
  assert.ok((await anonymiseEnded(db.db, new Date('2027-01-10T00:00:00Z'), 30)) >= 1);
  const rows = await db.db.selectFrom('signatures').select('identity_id').where('petition_id', '=', petition).execute();
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.identity_id === null));
  assert.equal((await count(petition)).stored, 3);
});

test('the seed: the channel with its 2,000 threshold, the committee and the ten inspections', async () => {
  const channel = await db.db.selectFrom('channels').selectAll().where('key', '=', 'mfds-safety-inspection').executeTakeFirstOrThrow();
  assert.equal(channel.threshold, 2000);
  const committee = await db.db.selectFrom('committees').selectAll().where('id', '=', channel.committee_id!).executeTakeFirstOrThrow();
  assert.deepEqual([committee.members_total, committee.members_external, committee.members_internal], [100, 95, 5]);
  assert.equal((await db.db.selectFrom('sub_committees').select('id').where('committee_id', '=', committee.id).execute()).length, 10);
  const inspections = await db.db.selectFrom('petitions').select(['title', 'state', 'signature_count_note']).where('key', 'like', 'mfds-inspection-%').orderBy('ordinal').execute();
  assert.equal(inspections.length, 10);
  assert.equal(inspections[0]!.title, 'wet wipes');
  assert.equal(inspections[9]!.title, 'barley grass');
  assert.ok(inspections.every((p) => p.state === 'results_published' && p.signature_count_note === 'not given in the source'));
});

test('the batcher: a surge of 500 signers and 100 repeats crosses the threshold once, counts each person once', async () => {
  const { SignatureBatcher } = await import('./commands/sign-petition.ts');
  const petition = await openPetition(db.db, { threshold: 300 });
  const people = await identities(db.db, 500, 'batch');
  const snapshots: { count: number; state: string; threshold_reached_at: string | null }[] = [];
  const batcher = new SignatureBatcher(db.db, () => now, 64, (s) => snapshots.push(s));
  const attempts = [...people, ...people.slice(0, 100)];
  const results = await Promise.all(attempts.map((id) => batcher.sign(petition, id)));
  // Every committed batch reported its count, in order, and the last is the petition as stored.
  assert.ok(snapshots.length >= 500 / 64);
  assert.ok(snapshots.every((s, i) => i === 0 || s.count > snapshots[i - 1]!.count));
  assert.deepEqual(snapshots.at(-1), { id: petition, count: 500, threshold: 300, threshold_reached_at: now.toISOString(), state: 'threshold_reached' });
  assert.equal(snapshots.filter((s) => s.count >= 300)[0]!.state, 'threshold_reached');
  assert.equal(results.filter((r) => r.ok).length, 500);
  assert.equal(results.filter((r) => !r.ok && r.reason === 'already_signed').length, 100);
  assert.equal(results.filter((r) => r.ok && r.thresholdReached).length, 1);
  const c = await count(petition);
  assert.equal(c.stored, 500);
  assert.equal(c.rows, 500);
  assert.equal(c.state, 'threshold_reached');
  assert.equal((await db.db.selectFrom('petition_reviews').select('id').where('petition_id', '=', petition).execute()).length, 1);
  const refused = await Promise.all([batcher.sign(999_999, people[0]!), batcher.sign(999_999, people[1]!)]);
  assert.ok(refused.every((r) => !r.ok && r.reason === 'unknown_petition'));
});
