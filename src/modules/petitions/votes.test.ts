// Yes/no votes on the database under test: one ballot per identity, exact tallies, one pass stamp.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importAll } from '../../bootstrap.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { identities } from '../../../test/support/petitions.ts';
import { castBallot, createVoteTask, moveVoteTask } from './commands/votes.ts';
import { VOTE_STATES, VOTE_TRANSITIONS } from './vote-state.ts';

let db: TestDb;
const now = new Date('2026-11-20T00:00:00Z');
const admin: Actor = { id: 1, email: 'a@b.c', name: 'Admin', role: 'admin', organization_id: null, organization_name: null };
let channelId = 0;
before(async () => {
  db = await freshDb();
  await importAll(db, fixedClock(now));
  await db.db.insertInto('users').values({ email: 'a@b.c', name: 'Admin', password_hash: 'x', role: 'admin', organization_id: null, created_at: now.toISOString() }).execute();
  channelId = (await db.db.selectFrom('channels').select('id').where('key', '=', 'mois-innovation-vote').executeTakeFirstOrThrow()).id;
});
after(async () => db.destroy());

async function task(threshold: number | null) {
  const r = await createVoteTask(db.db, { actor: admin, channelId, title: 'Open all ministry budgets as data', description: 'A task for the vote.', threshold, closesAt: null, now });
  assert.ok(r.ok && r.id);
  return r.id!;
}

test('the state table joins known states only', () => {
  for (const t of VOTE_TRANSITIONS) assert.ok(VOTE_STATES.includes(t.from) && VOTE_STATES.includes(t.to));
});

test('200 concurrent ballots with 150 yes across a threshold of 100: exact tally, one pass', async () => {
  const id = await task(100);
  const people = await identities(db.db, 200, 'voter');
  const results = await Promise.all(people.map((p, i) => castBallot(db.db, id, p, i < 150 ? 'yes' : 'no', false, now)));
  assert.ok(results.every((r) => r.ok));
  assert.equal(results.filter((r) => r.ok && r.passed).length, 1);
  const t = await db.db.selectFrom('vote_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const rows = await db.db.selectFrom('ballots').select('choice').where('task_id', '=', id).execute();
  assert.deepEqual([Number(t.yes_count), Number(t.no_count)], [150, 50]);
  assert.equal(rows.filter((r) => r.choice === 'yes').length, 150);
  assert.equal(t.state, 'passed');
  assert.ok(t.threshold_reached_at);
});

test('one ballot per identity; changing one’s vote only where the channel allows it', async () => {
  const id = await task(null);
  const [me] = await identities(db.db, 1, 'changer');
  assert.deepEqual(await castBallot(db.db, id, me!, 'yes', false, now), { ok: true, yes: 1, no: 0, passed: false, changed: false });
  assert.deepEqual(await castBallot(db.db, id, me!, 'no', false, now), { ok: false, reason: 'already_voted' });
  assert.deepEqual(await castBallot(db.db, id, me!, 'no', true, now), { ok: true, yes: 0, no: 1, passed: false, changed: true });
  assert.deepEqual(await castBallot(db.db, 999_999, me!, 'yes', false, now), { ok: false, reason: 'unknown_task' });
});

test('a passed task goes to the committee and then to a recorded strategy-meeting decision', async () => {
  const id = await task(1);
  const [v] = await identities(db.db, 1, 'single');
  assert.ok((await castBallot(db.db, id, v!, 'yes', false, now)).ok);
  const load = async () => db.db.selectFrom('vote_tasks').select(['id', 'title', 'state']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal((await moveVoteTask(db.db, { actor: admin, task: await load(), to: 'decided', now })).ok, false, 'review comes first');
  assert.ok((await moveVoteTask(db.db, { actor: admin, task: await load(), to: 'under_review', now })).ok);
  assert.equal((await moveVoteTask(db.db, { actor: admin, task: await load(), to: 'decided', decision: 'adopted', reason: '', now })).ok, false);
  assert.ok((await moveVoteTask(db.db, { actor: admin, task: await load(), to: 'decided', decision: 'adopted', reason: 'Broad support.', meeting: 'Government innovation strategy meeting', strategy: 'To be implemented in 2027', now })).ok);
  const t = await db.db.selectFrom('vote_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(t.state, 'decided');
  assert.equal(t.strategy_decision, 'To be implemented in 2027');
});
