// A fresh, migrated database for each test file: SQLite in memory by default, or a new
// PostgreSQL database when TEST_DATABASE_URL points at a server (dropped again afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';
export const dialectUnderTest = TEST_DATABASE_URL.startsWith('postgres') ? 'postgres' : 'sqlite';

export interface TestDb extends Db {
  url: string;
  destroy(): Promise<void>;
}

export async function freshDb(): Promise<TestDb> {
  if (dialectUnderTest === 'sqlite') {
    const handle = createDb('sqlite::memory:');
    await migrateToLatest(handle);
    return { ...handle, url: 'sqlite::memory:', destroy: () => handle.close() };
  }
  const name = `madang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString(), { poolSize: 5 });
  await migrateToLatest(handle);
  return {
    ...handle,
    url: url.toString(),
    destroy: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
