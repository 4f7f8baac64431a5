// All SQL of data error reports and of the evaluation of the organizations that answer them.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OdErrorReportsTable } from './open-data.table.ts';

export type ErrorReportRow = Selectable<OdErrorReportsTable> & {
  dataset_slug: string;
  dataset_title: string;
  table_slug: string | null;
  organization_name: string | null;
  parent_organization_id: number | null;
};

function base(db: Kysely<Database>) {
  return db
    .selectFrom('od_error_reports')
    .innerJoin('od_datasets', 'od_datasets.id', 'od_error_reports.dataset_id')
    .leftJoin('od_tables', 'od_tables.id', 'od_error_reports.table_id')
    .leftJoin('organizations', 'organizations.id', 'od_error_reports.organization_id')
    .selectAll('od_error_reports')
    .select(['od_datasets.slug as dataset_slug', 'od_datasets.title as dataset_title', 'od_tables.slug as table_slug', 'organizations.name as organization_name', 'organizations.parent_id as parent_organization_id']);
}

export async function insertErrorReport(db: Kysely<Database>, r: Omit<Selectable<OdErrorReportsTable>, 'id'>): Promise<number> {
  const row = await db.insertInto('od_error_reports').values(r).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findErrorReport(db: Kysely<Database>, id: number): Promise<ErrorReportRow | undefined> {
  return base(db).where('od_error_reports.id', '=', id).executeTakeFirst();
}

export async function listErrorReportsOfDataset(db: Kysely<Database>, datasetId: number): Promise<ErrorReportRow[]> {
  return base(db).where('od_error_reports.dataset_id', '=', datasetId).orderBy('od_error_reports.received_at', 'desc').orderBy('od_error_reports.id', 'desc').limit(500).execute();
}

/** Moves a report from one state to another only if it is still in the expected state; false if someone else moved it first. */
export async function updateErrorReportState(db: Kysely<Database>, id: number, fromState: string, set: Updateable<OdErrorReportsTable>): Promise<boolean> {
  const r = await db.updateTable('od_error_reports').set(set).where('id', '=', id).where('state', '=', fromState).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every report with what the evaluation needs; aggregated in code so that both databases agree on time arithmetic. */
export async function listReportsForEvaluation(db: Kysely<Database>) {
  return db
    .selectFrom('od_error_reports')
    .leftJoin('organizations', 'organizations.id', 'od_error_reports.organization_id')
    .select([
      'od_error_reports.organization_id',
      'organizations.key as organization_key',
      'organizations.name as organization_name',
      'od_error_reports.state',
      'od_error_reports.received_at',
      'od_error_reports.due_at',
      'od_error_reports.accepted_at',
      'od_error_reports.resolved_at',
      'od_error_reports.declined_at',
    ])
    .execute();
}

/** Reports still awaiting their organization's answer, with their deadline (the home page's "answers due"). */
export async function listOpenErrorReports(db: Kysely<Database>) {
  return base(db).where('od_error_reports.state', 'in', ['received', 'accepted']).orderBy('od_error_reports.due_at').orderBy('od_error_reports.id').execute();
}
