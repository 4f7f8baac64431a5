// Signing: one signature per verified identity per petition, the count kept exact in the same
// transaction, and the threshold crossing stamped once — which opens the committee review once —
// however many people sign at the same moment and however many processes share the database.
//
// Why it is exact: the signature row is inserted under a UNIQUE (petition, identity) constraint,
// then the counter is incremented by an UPDATE that re-checks the petition is signable. On
// PostgreSQL that UPDATE takes the petition's row lock, so concurrent signers queue on it and each
// sees the count the previous one committed; on SQLite writers are serialised by the database.
// The stamp is an UPDATE … WHERE threshold_reached_at IS NULL, so only one transaction can win it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { SIGNABLE } from '../petition-state.ts';

export type SignResult =
  | { ok: true; count: number; thresholdReached: boolean }
  | { ok: false; reason: 'unknown_petition' | 'not_open' | 'window_closed' | 'already_signed' };

class Rollback extends Error {
  constructor(readonly reason: 'unknown_petition' | 'not_open' | 'window_closed') {
    super(reason);
  }
}

export async function signPetition(db: Kysely<Database>, petitionId: number, identityId: number, now: Date): Promise<SignResult> {
  const at = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('signatures')
        .values({ petition_id: petitionId, identity_id: identityId, created_at: at })
        .onConflict((oc) => oc.columns(['petition_id', 'identity_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        // Either signed already, or the petition does not exist (the foreign key would have thrown).
        return { ok: false as const, reason: 'already_signed' as const };
      }
      const counted = await trx
        .updateTable('petitions')
        .set({ signature_count: sql`signature_count + 1`, updated_at: at })
        .where('id', '=', petitionId)
        .where('state', 'in', [...SIGNABLE])
        .where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', at)]))
        .returning(['signature_count', 'threshold', 'threshold_reached_at', 'title'])
        .executeTakeFirst();
      if (!counted) {
        const p = await trx.selectFrom('petitions').select(['state', 'closes_at']).where('id', '=', petitionId).executeTakeFirst();
        throw new Rollback(!p ? 'unknown_petition' : (SIGNABLE as readonly string[]).includes(p.state) ? 'window_closed' : 'not_open');
      }
      const count = Number(counted.signature_count);
      let thresholdReached = false;
      if (counted.threshold !== null && counted.threshold_reached_at === null && count >= counted.threshold) {
        const stamped = await trx
          .updateTable('petitions')
          .set({ threshold_reached_at: at, state: 'threshold_reached', updated_at: at })
          .where('id', '=', petitionId)
          .where('threshold_reached_at', 'is', null)
          .where('state', '=', 'open')
          .executeTakeFirst();
        if (Number(stamped.numUpdatedRows) === 1) {
          thresholdReached = true;
          const channel = await trx
            .selectFrom('petitions')
            .innerJoin('channels', 'channels.id', 'petitions.channel_id')
            .select('channels.committee_id')
            .where('petitions.id', '=', petitionId)
            .executeTakeFirstOrThrow();
          await trx.insertInto('petition_reviews').values({ petition_id: petitionId, committee_id: channel.committee_id, created_at: at }).execute();
          await recordAudit(trx, {
            actor: null,
            systemActor: 'system',
            action: 'petition.threshold_reached',
            entityType: 'petition',
            entityId: petitionId,
            entityLabel: counted.title,
            public: true,
            before: { state: 'open' },
            after: { state: 'threshold_reached', signature_count: count, threshold: counted.threshold },
            at: now,
          });
        }
      }
      return { ok: true as const, count, thresholdReached };
    });
  } catch (e) {
    if (e instanceof Rollback) return { ok: false, reason: e.reason };
    if (isForeignKeyViolation(e)) return { ok: false, reason: 'unknown_petition' };
    throw e;
  }
}

function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23503' || err?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY constraint failed/.test(err?.message ?? '');
}
