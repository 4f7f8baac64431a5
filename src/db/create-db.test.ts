import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { TEST_DATABASE_URL, dialectUnderTest, freshDb } from '../../test/support/db.ts';
import { createDb, withStatementCache } from './create-db.ts';

test('the SQLite handle hands back the statement it prepared for the same SQL', () => {
  const raw = new SQLite(':memory:');
  const db = withStatementCache(raw);
  db.prepare('CREATE TABLE t (a INTEGER)').run();
  const first = db.prepare('SELECT a FROM t');
  assert.equal(db.prepare('SELECT a FROM t'), first);
  assert.notEqual(db.prepare('SELECT a + 1 FROM t'), first);
  db.close();
});

test('a statement still iterating is not handed out again: a fresh one runs beside it', () => {
  const db = withStatementCache(new SQLite(':memory:'));
  db.prepare('CREATE TABLE t (a INTEGER)').run();
  for (const a of [1, 2, 3]) db.prepare('INSERT INTO t (a) VALUES (?)').run(a);
  const outer = db.prepare('SELECT a FROM t ORDER BY a');
  const seen: number[] = [];
  for (const row of outer.iterate() as Iterable<{ a: number }>) {
    const inner = db.prepare('SELECT a FROM t ORDER BY a');
    assert.notEqual(inner, outer);
    seen.push(row.a, (inner.all() as { a: number }[]).length);
  }
  assert.deepEqual(seen, [1, 3, 2, 3, 3, 3]);
  db.close();
});

test('past its size the cache drops the statement used least recently', () => {
  const db = withStatementCache(new SQLite(':memory:'), 2);
  const one = db.prepare('SELECT 1');
  const two = db.prepare('SELECT 2');
  assert.equal(db.prepare('SELECT 1'), one); // 1 is now the most recent
  db.prepare('SELECT 3'); // drops 2
  assert.equal(db.prepare('SELECT 1'), one);
  assert.notEqual(db.prepare('SELECT 2'), two);
  db.close();
});

test('a kept statement sees a schema change made after it was prepared', () => {
  const db = withStatementCache(new SQLite(':memory:'));
  db.prepare('CREATE TABLE t (a INTEGER)').run();
  db.prepare('INSERT INTO t (a) VALUES (1)').run();
  assert.deepEqual(db.prepare('SELECT * FROM t').all(), [{ a: 1 }]);
  db.prepare('ALTER TABLE t ADD COLUMN b TEXT DEFAULT \'x\'').run();
  assert.deepEqual(db.prepare('SELECT * FROM t').all(), [{ a: 1, b: 'x' }]);
  db.close();
});

const pgOnly = { skip: dialectUnderTest === 'postgres' ? false : 'PostgreSQL only: a pool of connections a server can end' };

async function onServer<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

const backendsOn = (admin: pg.Client, database: string) =>
  admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [database]).then((r) => Number(r.rows[0]!.n));

test('a connection the server ends while idle is reported, not a crash, and the next query opens a new one', pgOnly, async () => {
  const scratch = await freshDb();
  const lost: Error[] = [];
  let told: () => void = () => {};
  const reported = new Promise<void>((resolve) => (told = resolve));
  const h = createDb(scratch.url, { onConnectionLost: (err) => { lost.push(err); told(); } });
  try {
    const first = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(h.db);
    const pid = first.rows[0]!.pid;
    await onServer((admin) => admin.query('SELECT pg_terminate_backend($1)', [pid]));
    await reported;
    assert.equal(lost.length, 1);
    assert.match(lost[0]!.message, /terminating connection due to administrator command|Connection terminated unexpectedly/);
    const next = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(h.db);
    assert.notEqual(next.rows[0]!.pid, pid, 'a new connection');
  } finally {
    await h.close();
    await scratch.destroy();
  }
});

test("close() returns once the server has let every connection go, so the database can be dropped at once", pgOnly, async () => {
  const scratch = await freshDb();
  const database = new URL(scratch.url).pathname.slice(1);
  await scratch.close(); // the migrated database's own connections: only h's are counted
  const h = createDb(scratch.url, { poolSize: 4 });
  await onServer(async (admin) => {
    try {
      // Four queries at once open four connections; they then sit idle in the pool.
      await Promise.all([1, 2, 3, 4].map(() => sql`SELECT pg_sleep(0.05)`.execute(h.db)));
      assert.equal(await backendsOn(admin, database), 4);
    } finally {
      await h.close();
    }
    // Asked at once, on a connection already open: pg's pool.end() alone resolves before this is 0.
    assert.equal(await backendsOn(admin, database), 0);
  });
  await scratch.destroy();
});
