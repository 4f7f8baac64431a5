// Jobs: close petitions whose window ended below the threshold, anonymise signers a set time after
// a petition ends (the counts stay), and reconcile every stored count with its signature rows.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { countDrift } from '../petitions.repository.ts';
import { transitionPetition } from './transition.ts';

export async function closeExpired(db: Kysely<Database>, now: Date): Promise<number> {
  const due = await db.selectFrom('petitions').select(['id', 'title', 'state']).where('state', '=', 'open').where('closes_at', '<=', now.toISOString()).execute();
  let closed = 0;
  for (const p of due) {
    const r = await db.transaction().execute((trx) => transitionPetition(trx, p, 'closed', { actor: null, systemActor: 'system' }, now));
    if (r.ok) closed += 1;
  }
  return closed;
}

/** Removes the link between signatures and identities of petitions that ended `days` ago or more. */
export async function anonymiseEnded(db: Kysely<Database>, now: Date, days: number): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const ended = await db
    .selectFrom('petitions')
    .select('id')
    .where('anonymised_at', 'is', null)
    .where((eb) => eb.or([eb('closed_at', '<=', before), eb('rejected_at', '<=', before), eb('results_published_at', '<=', before)]))
    .execute();
  for (const p of ended) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('signatures').set({ identity_id: null }).where('petition_id', '=', p.id).execute();
      await trx.updateTable('petitions').set({ anonymised_at: now.toISOString() }).where('id', '=', p.id).execute();
    });
  }
  return ended.length;
}

export interface Reconciliation {
  checked_at: string;
  drift: { id: number; count: number; rows: number }[];
}

/** Compares every stored count with its rows. Reports; does not repair (a drift is a bug to look at). */
export async function reconcileCounts(db: Kysely<Database>, now: Date): Promise<Reconciliation> {
  return { checked_at: now.toISOString(), drift: await countDrift(db) };
}
