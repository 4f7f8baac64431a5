import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Statements kept prepared, by SQL text: enough for every query the application writes. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be run again and again, and
 * SQLite re-prepares one by itself when the schema changes under it. So the SQLite handle Kysely
 * sees keeps the statements it prepared, by SQL text, oldest dropped first past the cache size.
 * A statement still iterating (a streamed query) is busy: a fresh one is prepared beside it.
 */
export function withStatementCache(database: SQLite.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string): SQLite.Statement {
      const cached = cache.get(text);
      if (cached && !cached.busy) {
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = database.prepare(text);
      if (!cached) {
        cache.set(text, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}

/** Opens the database named by a DATABASE_URL: `sqlite:PATH`, `sqlite::memory:` or `postgres://…`. */
export interface DbOptions {
  /** PostgreSQL: the most connections the pool opens (10). */
  poolSize?: number;
  /** PostgreSQL: told of a connection lost while it sat idle in the pool (by default a line on stderr). */
  onConnectionLost?: (err: Error) => void;
}

export function createDb(url: string, options: DbOptions = {}): Db {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const database = new SQLite(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return postgresDb(url, options);
  throw new Error(`Unsupported DATABASE_URL: ${url}`);
}

const reportLostConnection = (err: Error) => {
  process.stderr.write(`madang: a database connection was lost (${err.message}); the next query opens a new one\n`);
};

/**
 * A pool of PostgreSQL connections. The server may end an idle connection (a restart, an
 * administrator, a dropped database): the pool then emits 'error', which without a listener would
 * crash the process; it is reported instead and the next query opens a new connection. close()
 * resolves once every connection's socket is closed: pg's pool.end() resolves when it has asked
 * them to close, while the server may still count them.
 */
function postgresDb(url: string, options: DbOptions): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  const open = new Set<pg.PoolClient>();
  let closing = false;
  let allClosed: (() => void) | null = null;
  pool.on('connect', (client) => open.add(client));
  pool.on('remove', (client) => {
    open.delete(client);
    if (open.size === 0) allClosed?.();
  });
  pool.on('error', (err) => {
    if (!closing) (options.onConnectionLost ?? reportLostConnection)(err);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      closing = true;
      const closed = open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (allClosed = resolve));
      await db.destroy();
      await closed;
    },
  };
}
