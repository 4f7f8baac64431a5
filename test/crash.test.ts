// Crash test, on the database under test: kill -9 the server in the middle of a signing surge,
// restart it, and show that every acknowledged signature is there and every count equals its rows.
// Then two server processes sign on one PostgreSQL database across the threshold: one stamp.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sign } from '@fastify/cookie';
import { importAll } from '../src/bootstrap.ts';
import { createDb } from '../src/db/create-db.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { reconcileCounts } from '../src/modules/petitions/commands/maintenance.ts';
import { systemClock } from '../src/platform/clock.ts';
import { identityCookieValue } from '../src/platform/identity/identity.ts';
import { dialectUnderTest, freshDb, type TestDb } from './support/db.ts';
import { identities, openPetition } from './support/petitions.ts';
import { freePort, startServe, TEST_COOKIE_SECRET } from './support/process.ts';

let dir = '';
let pgDb: TestDb | null = null;
let url = '';

before(async () => {
  if (dialectUnderTest === 'postgres') {
    pgDb = await freshDb();
    url = pgDb.url;
    await pgDb.close();
  } else {
    dir = mkdtempSync(join(tmpdir(), 'madang-crash-'));
    url = `sqlite:${join(dir, 'crash.db')}`;
  }
  const h = createDb(url);
  await migrateToLatest(h);
  await importAll(h, systemClock);
  await h.close();
});
after(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (pgDb) await pgDb.destroy().catch(() => {});
});

const token = (id: number) => `Identity ${sign(identityCookieValue(id, new Date(Date.now() + 86_400_000)), TEST_COOKIE_SECRET)}`;

async function setup(n: number, threshold: number, prefix: string) {
  const h = createDb(url);
  const petition = await openPetition(h.db, { threshold, title: `Crash ${prefix}` });
  const ids = await identities(h.db, n, prefix);
  await h.close();
  return { petition, ids };
}

async function surge(baseUrls: string[], petition: number, ids: number[], concurrency: number, onAck: (id: number) => void) {
  let next = 0;
  const worker = async (w: number) => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const base = baseUrls[w % baseUrls.length]!;
      try {
        const r = await fetch(`${base}/api/v1/petitions/${petition}/signatures`, { method: 'POST', headers: { authorization: token(id) } });
        if (r.status === 201) onAck(id);
        else await r.arrayBuffer();
      } catch {
        // The server died under us: this signature was never acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
}

async function state(petition: number) {
  const h = createDb(url);
  try {
    const p = await h.db.selectFrom('petitions').select(['signature_count', 'threshold_reached_at']).where('id', '=', petition).executeTakeFirstOrThrow();
    const rows = await h.db.selectFrom('signatures').select('identity_id').where('petition_id', '=', petition).execute();
    const reviews = await h.db.selectFrom('petition_reviews').select('id').where('petition_id', '=', petition).execute();
    const drift = await reconcileCounts(h.db, new Date());
    return { count: Number(p.signature_count), rows: new Set(rows.map((r) => r.identity_id)), reviews: reviews.length, drift: drift.drift };
  } finally {
    await h.close();
  }
}

test('kill -9 in the middle of a surge loses no acknowledged signature and no count', async () => {
  const { petition, ids } = await setup(2000, 100_000, 'crash');
  const port = freePort();
  const server = await startServe(url, port);
  const acked: number[] = [];
  let killed = false;
  const running = surge([server.url], petition, ids, 16, (id) => {
    acked.push(id);
    if (acked.length >= 300 && !killed) {
      killed = true;
      server.child.kill('SIGKILL');
    }
  });
  await running;
  assert.ok(killed, 'the server was killed during the surge');
  const restarted = await startServe(url, port);
  try {
    const s = await state(petition);
    for (const id of acked) assert.ok(s.rows.has(id), `acknowledged signature of identity ${id} is there`);
    assert.equal(s.count, s.rows.size, 'the count equals its rows');
    assert.deepEqual(s.drift, []);
    const shown = await (await fetch(`${restarted.url}/api/v1/petitions/${petition}/count`)).json();
    assert.equal(shown.count, s.rows.size);
    console.log(`crash test (${dialectUnderTest}): ${acked.length} acknowledged before kill -9, ${s.rows.size} rows after restart, count ${s.count}`);
  } finally {
    await restarted.stop();
  }
});

test('two server processes on one database: 400 signatures across the threshold give one stamp', { skip: dialectUnderTest === 'postgres' ? false : 'several app processes share one database on PostgreSQL' }, async () => {
  const { petition, ids } = await setup(400, 250, 'two');
  const a = await startServe(url, freePort());
  const b = await startServe(url, freePort());
  try {
    const acked: number[] = [];
    await surge([a.url, b.url], petition, ids, 32, (id) => acked.push(id));
    const s = await state(petition);
    assert.equal(acked.length, 400);
    assert.equal(s.count, 400);
    assert.equal(s.rows.size, 400);
    assert.equal(s.reviews, 1, 'one committee review');
    const h = createDb(url);
    const events = await h.db.selectFrom('audit_events').select('id').where('action', '=', 'petition.threshold_reached').where('entity_id', '=', String(petition)).execute();
    await h.close();
    assert.equal(events.length, 1, 'one threshold event');
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});
