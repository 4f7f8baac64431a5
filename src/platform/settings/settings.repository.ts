import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function getSetting(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: Kysely<Database>, key: string, value: string, now: Date): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString() }))
    .execute();
}

/**
 * The cookie-signing secret when none is configured: made once and kept in the database, so
 * that every process on the same database signs alike and sign-ins survive a restart.
 */
export async function ensureCookieSecret(db: Kysely<Database>, now: Date): Promise<string> {
  const existing = await getSetting(db, 'cookie_secret');
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  await db
    .insertInto('settings')
    .values({ key: 'cookie_secret', value: secret, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getSetting(db, 'cookie_secret'))!;
}
