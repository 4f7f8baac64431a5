// All SQL of data requests and their supports.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OdDataRequestsTable } from './open-data.table.ts';

export type DataRequestRow = Selectable<OdDataRequestsTable> & {
  organization_key: string | null;
  organization_name: string | null;
  parent_organization_id: number | null;
  dataset_slug: string | null;
  dataset_title: string | null;
};

function base(db: Kysely<Database>) {
  return db
    .selectFrom('od_data_requests')
    .leftJoin('organizations', 'organizations.id', 'od_data_requests.organization_id')
    .leftJoin('od_datasets', 'od_datasets.id', 'od_data_requests.dataset_id')
    .selectAll('od_data_requests')
    .select(['organizations.key as organization_key', 'organizations.name as organization_name', 'organizations.parent_id as parent_organization_id', 'od_datasets.slug as dataset_slug', 'od_datasets.title as dataset_title']);
}

export async function listDataRequests(db: Kysely<Database>): Promise<DataRequestRow[]> {
  return base(db).orderBy('od_data_requests.support_count', 'desc').orderBy('od_data_requests.id', 'desc').limit(500).execute();
}

export async function findDataRequest(db: Kysely<Database>, id: number): Promise<DataRequestRow | undefined> {
  return base(db).where('od_data_requests.id', '=', id).executeTakeFirst();
}

export async function insertDataRequest(db: Kysely<Database>, r: { organization_id: number | null; requester_id: number; title: string; body: string; submitted_at: string }): Promise<number> {
  const row = await db.insertInto('od_data_requests').values({ ...r, state: 'submitted', support_count: 0, decision: null, answer: null, planned_date: null, dataset_id: null, answered_at: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a support unless this person already gave one; true when added. */
export async function insertSupport(db: Kysely<Database>, requestId: number, userId: number, at: string): Promise<boolean> {
  const r = await db.insertInto('od_data_request_supports').values({ request_id: requestId, user_id: userId, created_at: at }).onConflict((oc) => oc.columns(['request_id', 'user_id']).doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await db.updateTable('od_data_requests').set((eb) => ({ support_count: eb('support_count', '+', 1) })).where('id', '=', requestId).execute();
  return true;
}

export async function hasSupported(db: Kysely<Database>, requestId: number, userId: number): Promise<boolean> {
  return (await db.selectFrom('od_data_request_supports').select('user_id').where('request_id', '=', requestId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function updateDataRequest(db: Kysely<Database>, id: number, set: Updateable<OdDataRequestsTable>): Promise<void> {
  await db.updateTable('od_data_requests').set(set).where('id', '=', id).execute();
}

/** Requests the organization asked has not answered yet (no deadline is recorded for them). */
export async function listUnansweredDataRequests(db: Kysely<Database>): Promise<DataRequestRow[]> {
  return base(db).where('od_data_requests.state', '=', 'submitted').orderBy('od_data_requests.submitted_at').orderBy('od_data_requests.id').execute();
}
