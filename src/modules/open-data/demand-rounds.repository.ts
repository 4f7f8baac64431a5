// All SQL of demand rounds and the data requests each round selected or passed over.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OdDemandRoundsTable } from './open-data.table.ts';

type DB = Kysely<Database>;

export type RoundRow = Selectable<OdDemandRoundsTable> & { organization_key: string | null; organization_name: string | null; parent_organization_id: number | null };

function rounds(db: DB) {
  return db
    .selectFrom('od_demand_rounds')
    .leftJoin('organizations', 'organizations.id', 'od_demand_rounds.organization_id')
    .selectAll('od_demand_rounds')
    .select(['organizations.key as organization_key', 'organizations.name as organization_name', 'organizations.parent_id as parent_organization_id']);
}

export async function listRounds(db: DB): Promise<RoundRow[]> {
  return rounds(db).orderBy('od_demand_rounds.id').execute();
}

export async function findRound(db: DB, slug: string): Promise<RoundRow | undefined> {
  return rounds(db).where('od_demand_rounds.slug', '=', slug).executeTakeFirst();
}

export async function insertRoundIfMissing(db: DB, r: Insertable<OdDemandRoundsTable>): Promise<boolean> {
  const res = await db.insertInto('od_demand_rounds').values(r).onConflict((oc) => oc.column('slug').doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The requests a round considered, with the data set each became once published. */
export async function listEntries(db: DB, roundIds: number[]) {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('od_demand_round_entries')
    .innerJoin('od_data_requests', 'od_data_requests.id', 'od_demand_round_entries.request_id')
    .leftJoin('od_datasets', 'od_datasets.id', 'od_data_requests.dataset_id')
    .select([
      'od_demand_round_entries.round_id',
      'od_demand_round_entries.request_id',
      'od_demand_round_entries.selected',
      'od_demand_round_entries.note',
      'od_demand_round_entries.decided_at',
      'od_data_requests.title',
      'od_data_requests.support_count',
      'od_data_requests.decision',
      'od_datasets.slug as dataset_slug',
      'od_datasets.title as dataset_title',
    ])
    .where('od_demand_round_entries.round_id', 'in', roundIds)
    .orderBy('od_demand_round_entries.selected', 'desc')
    .orderBy('od_data_requests.support_count', 'desc')
    .orderBy('od_demand_round_entries.request_id')
    .execute();
}
export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

/** Records a round's decision on a request; deciding again replaces the earlier decision. Returns the earlier one, if any. */
export async function upsertEntry(db: DB, e: { round_id: number; request_id: number; selected: number; note: string | null; decided_at: string }) {
  const before = await db.selectFrom('od_demand_round_entries').select(['selected', 'note']).where('round_id', '=', e.round_id).where('request_id', '=', e.request_id).executeTakeFirst();
  await db
    .insertInto('od_demand_round_entries')
    .values(e)
    .onConflict((oc) => oc.columns(['round_id', 'request_id']).doUpdateSet({ selected: e.selected, note: e.note, decided_at: e.decided_at }))
    .execute();
  return before ?? null;
}
