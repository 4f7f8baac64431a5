// Demand rounds: loading the seed's rounds, and the organization's selection of priority data among the data requests.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { findDataRequest } from '../data-requests.repository.ts';
import { insertRoundIfMissing, upsertEntry, type RoundRow } from '../demand-rounds.repository.ts';
import type { SeedDemandRound } from '../seed-files.ts';

/** Idempotent: a round already present is left as it is. */
export async function importDemandRounds(db: Kysely<Database>, seed: SeedDemandRound[], now: Date): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let created = 0;
    for (const r of seed) {
      const org = await trx.selectFrom('organizations').select('id').where('key', '=', r.organization).executeTakeFirst();
      const inserted = await insertRoundIfMissing(trx, {
        slug: r.slug,
        organization_id: org?.id ?? null,
        title: r.title,
        description: r.description,
        period_start: r.period_start,
        period_end: r.period_end,
        figures_json: JSON.stringify(r.figures),
        source: r.source,
        source_notes: JSON.stringify(r.source_notes),
        created_at: at,
      });
      if (inserted) {
        created++;
        await recordAudit(trx, { actor: null, systemActor: 'import', action: 'demand_round.imported', entityType: 'demand_round', entityId: r.slug, entityLabel: r.title, public: true, at: now });
      }
    }
    return created;
  });
}

export interface EntryInput {
  request: string;
  selected: string;
  note: string;
}

export async function validateEntry(db: Kysely<Database>, input: EntryInput): Promise<{ ok: true; value: { request_id: number; selected: boolean; note: string | null } } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const id = /^\d{1,9}$/.test(input.request.trim()) ? Number(input.request.trim()) : null;
  const request = id === null ? undefined : await findDataRequest(db, id);
  if (!request) errors.push(fieldError('request', 'open_data.errors.round_request'));
  if (input.selected !== 'yes' && input.selected !== 'no') errors.push(fieldError('selected', 'open_data.errors.selected'));
  const note = input.note.trim();
  if (note.length > 2000) errors.push(fieldError('note', 'error.field.max_chars', { max: 2000 }));
  if (input.selected === 'no' && note === '') errors.push(fieldError('note', 'open_data.errors.not_selected_reason'));
  return errors.length ? { ok: false, errors } : { ok: true, value: { request_id: id!, selected: input.selected === 'yes', note: note || null } };
}

export async function decideEntry(db: Kysely<Database>, args: { actor: Actor; round: RoundRow; value: { request_id: number; selected: boolean; note: string | null }; now: Date; requestId: string }): Promise<void> {
  const { round, value, now } = args;
  await db.transaction().execute(async (trx) => {
    const before = await upsertEntry(trx, { round_id: round.id, request_id: value.request_id, selected: value.selected ? 1 : 0, note: value.note, decided_at: now.toISOString() });
    await recordAudit(trx, { actor: args.actor, action: 'demand_round.entry_decided', entityType: 'demand_round', entityId: round.slug, entityLabel: round.title, public: true, before, after: value, at: now, requestId: args.requestId });
  });
}
