import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { withStatementCache } from './create-db.ts';

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
