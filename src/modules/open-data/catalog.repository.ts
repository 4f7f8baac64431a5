// All SQL of the catalog: data sets, their resources and download counts.
import { type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import type { OdDatasetsTable, OdResourcesTable } from './open-data.table.ts';

export type DatasetRow = Selectable<OdDatasetsTable> & { organization_key: string | null; organization_name: string | null; parent_organization_id: number | null };
export type ResourceRow = Selectable<OdResourcesTable>;

export interface CatalogQuery {
  q: string;
  organization: string;
  theme: string;
  format: string;
}

function datasetsBase(db: Kysely<Database>) {
  return db
    .selectFrom('od_datasets')
    .leftJoin('organizations', 'organizations.id', 'od_datasets.organization_id')
    .selectAll('od_datasets')
    .select(['organizations.key as organization_key', 'organizations.name as organization_name', 'organizations.parent_id as parent_organization_id']);
}

/** Data sets matching the query; the text search looks at title, description and keywords, in every language the catalog holds them in. */
export async function searchDatasets(db: Kysely<Database>, q: CatalogQuery): Promise<DatasetRow[]> {
  let query = datasetsBase(db);
  if (q.organization) query = query.where('organizations.key', '=', q.organization);
  if (q.theme) query = query.where('od_datasets.theme', '=', q.theme);
  if (q.format) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('od_resources').select('od_resources.id').whereRef('od_resources.dataset_id', '=', 'od_datasets.id').where('od_resources.format', '=', q.format)),
    );
  }
  if (q.q.trim()) {
    query = query.where((eb) =>
      eb.or([
        containsText(eb, ['od_datasets.title', 'od_datasets.description', 'od_datasets.keywords'], q.q),
        eb.exists(eb.selectFrom('od_dataset_texts as x').select('x.dataset_id').whereRef('x.dataset_id', '=', 'od_datasets.id').where((xb) => containsText(xb, ['x.title', 'x.description', 'x.keywords'], q.q))),
      ]),
    );
  }
  return query.orderBy('od_datasets.origin').orderBy('od_datasets.title').execute();
}

export async function findDataset(db: Kysely<Database>, slug: string): Promise<DatasetRow | undefined> {
  return datasetsBase(db).where('od_datasets.slug', '=', slug).executeTakeFirst();
}

export async function findDatasetById(db: Kysely<Database>, id: number): Promise<DatasetRow | undefined> {
  return datasetsBase(db).where('od_datasets.id', '=', id).executeTakeFirst();
}

export async function listDatasetsById(db: Kysely<Database>, ids: readonly number[]): Promise<DatasetRow[]> {
  if (ids.length === 0) return [];
  return datasetsBase(db).where('od_datasets.id', 'in', ids).orderBy('od_datasets.id').execute();
}

export async function listResources(db: Kysely<Database>, datasetIds: number[]): Promise<ResourceRow[]> {
  if (datasetIds.length === 0) return [];
  return db.selectFrom('od_resources').selectAll().where('dataset_id', 'in', datasetIds).orderBy('dataset_id').orderBy('id').execute();
}

export async function findResource(db: Kysely<Database>, id: number): Promise<ResourceRow | undefined> {
  return db.selectFrom('od_resources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countDownload(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('od_resources').set((eb) => ({ download_count: eb('download_count', '+', 1) })).where('id', '=', id).execute();
}

/**
 * Inserts a data set unless one with its slug exists; an existing record is left as it is, so that an
 * import never overwrites what officers changed since (the rule of the plan import too).
 */
export async function insertDatasetIfMissing(db: Kysely<Database>, row: Insertable<OdDatasetsTable>): Promise<{ id: number; created: boolean }> {
  const existing = await db.selectFrom('od_datasets').select('id').where('slug', '=', row.slug).executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const r = await db.insertInto('od_datasets').values(row).returning('id').executeTakeFirstOrThrow();
  return { id: r.id, created: true };
}

/** Inserts a resource unless the data set already has one with its key. */
export async function insertResourceIfMissing(db: Kysely<Database>, row: Insertable<OdResourcesTable>): Promise<boolean> {
  const existing = await db.selectFrom('od_resources').select('id').where('dataset_id', '=', row.dataset_id).where('key', '=', row.key).executeTakeFirst();
  if (existing) return false;
  await db.insertInto('od_resources').values(row).execute();
  return true;
}

export async function facetValues(db: Kysely<Database>) {
  const themes = await db.selectFrom('od_datasets').select('theme').distinct().where('theme', 'is not', null).orderBy('theme').execute();
  const formats = await db.selectFrom('od_resources').select('format').distinct().orderBy('format').execute();
  const organizations = await db
    .selectFrom('od_datasets')
    .innerJoin('organizations', 'organizations.id', 'od_datasets.organization_id')
    .select(['organizations.key', 'organizations.name', 'organizations.source'])
    .distinct()
    .orderBy('organizations.name')
    .execute();
  return { themes: themes.map((t) => t.theme!), formats: formats.map((f) => f.format), organizations };
}

export async function updateDataset(db: Kysely<Database>, id: number, set: Updateable<OdDatasetsTable>): Promise<void> {
  await db.updateTable('od_datasets').set(set).where('id', '=', id).execute();
}

/** The stored file of a resource an officer uploaded. */
export async function findResourceFile(db: Kysely<Database>, fileId: number) {
  return db.selectFrom('files').select(['id', 'filename', 'content_type', 'data', 'sha256']).where('id', '=', fileId).executeTakeFirst();
}
