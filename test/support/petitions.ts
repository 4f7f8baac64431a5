// Factories for petition tests: an open petition on the seed's channel, and verified identities.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

export async function openPetition(db: Kysely<Database>, opts: { threshold: number | null; title?: string; closesAt?: string | null; channelKey?: string }) {
  const channel = await db.selectFrom('channels').select('id').where('key', '=', opts.channelKey ?? 'mfds-safety-inspection').executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const row = await db
    .insertInto('petitions')
    .values({ channel_id: channel.id, title: opts.title ?? 'Inspect imported kimchi', body: 'Please test it.', state: 'open', threshold: opts.threshold, created_at: at, open_at: at, closes_at: opts.closesAt === undefined ? '2099-01-01T00:00:00.000Z' : opts.closesAt, source: null, source_notes: '[]', updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Verified e-mail identities, inserted in bulk. */
export async function identities(db: Kysely<Database>, n: number, prefix = 'signer'): Promise<number[]> {
  const at = new Date().toISOString();
  const ids: number[] = [];
  const batch = 500;
  for (let i = 0; i < n; i += batch) {
    const values = Array.from({ length: Math.min(batch, n - i) }, (_, j) => ({ kind: 'email', value: `${prefix}${i + j}@example.org`, verified_at: at, created_at: at }));
    const rows = await db.insertInto('identities').values(values).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
