// Signing: one signature per verified identity per petition, the count kept exact in the same
// transaction, and the threshold crossing stamped once — which opens the committee review once —
// however many people sign at the same moment and however many processes share the database.
//
// Why it is exact: signature rows are inserted under a UNIQUE (petition, identity) constraint,
// then the counter is incremented by the number of rows actually inserted, by an UPDATE that
// re-checks the petition is signable. On PostgreSQL that UPDATE takes the petition's row lock, so
// concurrent transactions queue on it and each sees the count the previous one committed; on
// SQLite writers are serialised by the database. The stamp is an UPDATE … WHERE
// threshold_reached_at IS NULL, so only one transaction can win it.
//
// Signatures arriving together for the same petition are written as one batch (SignatureBatcher):
// one transaction, one multi-row INSERT, one counter UPDATE. Nobody is told "signed" before the
// transaction that holds their row has committed.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { HIDDEN, SIGNABLE } from '../petition-state.ts';

export type SignRefusal = 'unknown_petition' | 'not_open' | 'window_closed' | 'already_signed';
export type SignResult = { ok: true; count: number; thresholdReached: boolean } | { ok: false; reason: SignRefusal };

/** A petition's count as a committed batch left it: what the count endpoint shows. */
export interface CountSnapshot {
  id: number;
  count: number;
  threshold: number | null;
  threshold_reached_at: string | null;
  state: string;
}

interface BatchOutcome {
  results: SignResult[];
  /** The petition after the batch, when it counted anything. */
  snapshot: CountSnapshot | null;
}

class Rollback extends Error {
  constructor(readonly reason: 'unknown_petition' | 'not_open' | 'window_closed') {
    super(reason);
  }
}

/** Signs for several identities at once; returns one result per identity, in order. */
export async function signBatch(db: Kysely<Database>, petitionId: number, identityIds: readonly number[], now: Date): Promise<SignResult[]> {
  return (await writeBatch(db, petitionId, identityIds, now)).results;
}

async function writeBatch(db: Kysely<Database>, petitionId: number, identityIds: readonly number[], now: Date): Promise<BatchOutcome> {
  const refuse = (reason: SignRefusal): BatchOutcome => ({ results: identityIds.map(() => ({ ok: false as const, reason })), snapshot: null });
  const at = now.toISOString();
  const unique = [...new Set(identityIds)];
  try {
    return await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('signatures')
        .values(unique.map((identity_id) => ({ petition_id: petitionId, identity_id, created_at: at })))
        .onConflict((oc) => oc.columns(['petition_id', 'identity_id']).doNothing())
        .returning('identity_id')
        .execute();
      const fresh = new Set(inserted.map((r) => r.identity_id));
      if (fresh.size === 0) return refuse('already_signed');
      const counted = await trx
        .updateTable('petitions')
        .set({ signature_count: sql`signature_count + ${fresh.size}`, updated_at: at })
        .where('id', '=', petitionId)
        .where('state', 'in', [...SIGNABLE])
        .where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', at)]))
        .returning(['signature_count', 'threshold', 'threshold_reached_at', 'title', 'state'])
        .executeTakeFirst();
      if (!counted) {
        const p = await trx.selectFrom('petitions').select(['state']).where('id', '=', petitionId).executeTakeFirst();
        throw new Rollback(!p || HIDDEN.has(p.state) ? 'unknown_petition' : (SIGNABLE as readonly string[]).includes(p.state) ? 'window_closed' : 'not_open');
      }
      const count = Number(counted.signature_count);
      const before = count - fresh.size;
      const snapshot: CountSnapshot = { id: petitionId, count, threshold: counted.threshold, threshold_reached_at: counted.threshold_reached_at, state: counted.state };
      let stampedBy: number | null = null;
      if (counted.threshold !== null && counted.threshold_reached_at === null && count >= counted.threshold) {
        const stamped = await trx
          .updateTable('petitions')
          .set({ threshold_reached_at: at, state: 'threshold_reached', updated_at: at })
          .where('id', '=', petitionId)
          .where('threshold_reached_at', 'is', null)
          .where('state', '=', 'open')
          .executeTakeFirst();
        if (Number(stamped.numUpdatedRows) === 1) {
          Object.assign(snapshot, { threshold_reached_at: at, state: 'threshold_reached' });
          // The signer whose signature made the count reach the threshold.
          stampedBy = unique.filter((id) => fresh.has(id))[Math.max(0, counted.threshold - before - 1)] ?? null;
          await openReview(trx, petitionId, counted.title, count, counted.threshold, now);
        }
      }
      const seen = new Set<number>();
      const results = identityIds.map((id): SignResult => {
        if (!fresh.has(id) || seen.has(id)) return { ok: false, reason: 'already_signed' };
        seen.add(id);
        return { ok: true, count, thresholdReached: id === stampedBy };
      });
      return { results, snapshot };
    });
  } catch (e) {
    if (e instanceof Rollback) return refuse(e.reason);
    if (isForeignKeyViolation(e)) return refuse('unknown_petition');
    throw e;
  }
}

async function openReview(trx: Kysely<Database>, petitionId: number, title: string, count: number, threshold: number, now: Date) {
  const channel = await trx
    .selectFrom('petitions')
    .innerJoin('channels', 'channels.id', 'petitions.channel_id')
    .select('channels.committee_id')
    .where('petitions.id', '=', petitionId)
    .executeTakeFirstOrThrow();
  await trx.insertInto('petition_reviews').values({ petition_id: petitionId, committee_id: channel.committee_id, created_at: now.toISOString() }).execute();
  await recordAudit(trx, {
    actor: null,
    systemActor: 'system',
    action: 'petition.threshold_reached',
    entityType: 'petition',
    entityId: petitionId,
    entityLabel: title,
    public: true,
    before: { state: 'open' },
    after: { state: 'threshold_reached', signature_count: count, threshold },
    at: now,
  });
}

export async function signPetition(db: Kysely<Database>, petitionId: number, identityId: number, now: Date): Promise<SignResult> {
  return (await signBatch(db, petitionId, [identityId], now))[0]!;
}

function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23503' || err?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY constraint failed/.test(err?.message ?? '');
}

/**
 * Gathers the signatures that arrive for a petition together (in one turn of the event loop, or
 * while a batch is being written) and writes them as one batch. Under a surge this turns thousands
 * of small transactions into a few large ones; one signer alone waits one turn of the loop. After
 * each committed batch it tells `onCommitted` the petition's new count, in the same turn of the event
 * loop as it settles the batch's answers (so before any of them is sent).
 */
export class SignatureBatcher {
  private queues = new Map<number, { identityId: number; resolve: (r: SignResult) => void; reject: (e: unknown) => void }[]>();
  private busy = new Set<number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly maxBatch = 500,
    private readonly onCommitted: (snapshot: CountSnapshot) => void = () => {},
  ) {}

  sign(petitionId: number, identityId: number): Promise<SignResult> {
    return new Promise((resolve, reject) => {
      const q = this.queues.get(petitionId);
      if (q) q.push({ identityId, resolve, reject });
      else this.queues.set(petitionId, [{ identityId, resolve, reject }]);
      if (!this.busy.has(petitionId)) {
        // Written after the event loop has read every request that is already waiting, not now:
        // a handler runs to its end before the next request is read, so writing at once would make
        // every batch a batch of one.
        this.busy.add(petitionId);
        setImmediate(() => void this.flush(petitionId));
      }
    });
  }

  private async flush(petitionId: number): Promise<void> {
    try {
      for (;;) {
        const q = this.queues.get(petitionId);
        if (!q || q.length === 0) break;
        const batch = q.splice(0, this.maxBatch);
        try {
          const { results, snapshot } = await writeBatch(this.db, petitionId, batch.map((b) => b.identityId), this.now());
          batch.forEach((b, i) => b.resolve(results[i]!));
          // After the answers are settled: the batch has committed whatever a listener does.
          if (snapshot) this.onCommitted(snapshot);
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.queues.delete(petitionId);
      this.busy.delete(petitionId);
    }
  }
}
