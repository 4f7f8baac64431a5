// The audit follower: the gap rules alone, then on SQLite and (with TEST_DATABASE_URL) PostgreSQL
// with events written out of id order, as transactions committing late write them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { advanceState, followAudit, type AuditFollowerOptions, type FollowedEvent } from './audit-follower.ts';
import { loadFollower, saveFollower } from './audit-follower.repository.ts';

const limits = { expiryMs: 60_000, maxGaps: 5 };
const t0 = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

test('ids skipped between read ids become gaps; a gap that appears is dropped, one missing past the expiry is given up', () => {
  const a = advanceState({ lastId: 3, gaps: [] }, [], [4, 7, 8], t0, limits);
  assert.deepEqual(a, { state: { lastId: 8, gaps: [{ id: 5, since: t0.toISOString() }, { id: 6, since: t0.toISOString() }] }, givenUp: 0 });
  const b = advanceState(a.state, [6], [9], later(1000), limits);
  assert.deepEqual(b.state, { lastId: 9, gaps: [{ id: 5, since: t0.toISOString() }] });
  const c = advanceState(b.state, [], [], later(60_000), limits);
  assert.deepEqual(c, { state: { lastId: 9, gaps: [] }, givenUp: 1 });
});

test('nothing read leaves the cursor; a long run of missing ids keeps only the highest, up to the cap', () => {
  assert.deepEqual(advanceState({ lastId: 3, gaps: [] }, [], [], t0, limits), { state: { lastId: 3, gaps: [] }, givenUp: 0 });
  const r = advanceState({ lastId: 0, gaps: [] }, [], [100], t0, limits);
  assert.deepEqual(
    r.state.gaps.map((g) => g.id),
    [95, 96, 97, 98, 99],
  );
  assert.equal(r.givenUp, 94);
  assert.equal(r.state.lastId, 100);
});

let db: TestDb;
before(async () => {
  db = await freshDb();
});
after(async () => db.destroy());

const insertAt = (id: number) =>
  db.db
    .insertInto('audit_events')
    .values({ id, occurred_at: t0.toISOString(), actor_id: null, actor_label: 'system', action: 'test.event', entity_type: 'test', entity_id: String(id), entity_label: null, public: 1, before_json: null, after_json: null, request_id: null })
    .execute();

const opts: AuditFollowerOptions = { name: 'test', batch: 2, ...limits };

test('every event is handed over once, in id order, those appearing below the cursor included', async () => {
  const handled: number[][] = [];
  const follow = (at: Date, handle = async (es: FollowedEvent[]) => void handled.push(es.map((e) => e.id))) => followAudit(db.db, at, opts, handle);
  for (const id of [1001, 1002, 1004, 1005, 1007]) await insertAt(id);
  const first = await follow(t0);
  assert.deepEqual(handled, [[1001, 1002], [1004, 1005], [1007]]);
  // Ids 1-1000 were never written: the cap (5) keeps the highest; then 1003 and 1006 push out 996 and 997.
  assert.deepEqual(first, { events: 5, late: 0, gaps: 5, givenUp: 997, saved: true });
  assert.deepEqual(
    JSON.parse((await loadFollower(db.db, 'test', t0)).gaps_json).map((g: { id: number }) => g.id),
    [998, 999, 1000, 1003, 1006],
  );
  // 1003 and 1006 appear (their transactions committed); a failing handler saves nothing.
  await insertAt(1003);
  await insertAt(1006);
  await insertAt(1008);
  await assert.rejects(
    follow(later(1000), async () => {
      throw new Error('down');
    }),
  );
  handled.length = 0;
  const second = await follow(later(2000));
  assert.deepEqual(handled, [[1003, 1006], [1008]]);
  assert.equal(second.late, 2);
  assert.deepEqual(await follow(later(3000)), { events: 0, late: 0, gaps: 3, givenUp: 0, saved: true });
  assert.deepEqual(handled, [[1003, 1006], [1008]]);
  // The ids below 1001 never appear: given up after the expiry.
  assert.deepEqual(await follow(later(61_000)), { events: 0, late: 0, gaps: 0, givenUp: 3, saved: true });
  assert.equal((await loadFollower(db.db, 'test', t0)).gaps_json, '[]');
});

test('a state read before another process saved is not saved over it', async () => {
  const row = await loadFollower(db.db, 'race', t0);
  assert.equal(await saveFollower(db.db, 'race', row.version, { lastId: 5, gapsJson: '[]' }, t0), true);
  assert.equal(await saveFollower(db.db, 'race', row.version, { lastId: 9, gapsJson: '[]' }, t0), false);
  assert.equal((await loadFollower(db.db, 'race', t0)).last_id, 5);
});
