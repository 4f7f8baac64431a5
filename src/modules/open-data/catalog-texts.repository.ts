// All SQL of the catalog's texts in other languages than a record's own (od_dataset_texts, od_resource_texts).
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OdDatasetTextsTable, OdResourceTextsTable } from './open-data.table.ts';

export type DatasetTextRow = Selectable<OdDatasetTextsTable>;
export type ResourceTextRow = Selectable<OdResourceTextsTable>;
export type TranslatableField = 'title' | 'description' | 'keywords';

/** The texts of these data sets in every language they are translated into. */
export async function listDatasetTexts(db: Kysely<Database>, datasetIds: readonly number[]): Promise<DatasetTextRow[]> {
  if (datasetIds.length === 0) return [];
  return db.selectFrom('od_dataset_texts').selectAll().where('dataset_id', 'in', datasetIds).orderBy('dataset_id').orderBy('lang').execute();
}

/** The titles of these resources in every language they are translated into. */
export async function listResourceTexts(db: Kysely<Database>, resourceIds: readonly number[]): Promise<ResourceTextRow[]> {
  if (resourceIds.length === 0) return [];
  return db.selectFrom('od_resource_texts').selectAll().where('resource_id', 'in', resourceIds).orderBy('resource_id').orderBy('lang').execute();
}

/** Writes a data set's texts in one language (a row of nulls is deleted: nothing is translated). */
export async function putDatasetText(db: Kysely<Database>, row: DatasetTextRow): Promise<void> {
  if (row.title === null && row.description === null && row.keywords === null) {
    await db.deleteFrom('od_dataset_texts').where('dataset_id', '=', row.dataset_id).where('lang', '=', row.lang).execute();
    return;
  }
  const { title, description, keywords } = row;
  await db
    .insertInto('od_dataset_texts')
    .values(row)
    .onConflict((oc) => oc.columns(['dataset_id', 'lang']).doUpdateSet({ title, description, keywords }))
    .execute();
}

/** Writes a resource's title in one language, or deletes it (null). */
export async function putResourceText(db: Kysely<Database>, resourceId: number, lang: string, title: string | null): Promise<void> {
  if (title === null) {
    await db.deleteFrom('od_resource_texts').where('resource_id', '=', resourceId).where('lang', '=', lang).execute();
    return;
  }
  await db
    .insertInto('od_resource_texts')
    .values({ resource_id: resourceId, lang, title })
    .onConflict((oc) => oc.columns(['resource_id', 'lang']).doUpdateSet({ title }))
    .execute();
}

/** Drops the translations of these fields of a data set, in every language: its own text was rewritten. */
export async function dropDatasetTexts(db: Kysely<Database>, datasetId: number, fields: readonly TranslatableField[]): Promise<void> {
  if (fields.length === 0) return;
  await db
    .updateTable('od_dataset_texts')
    .set(Object.fromEntries(fields.map((f) => [f, null])))
    .where('dataset_id', '=', datasetId)
    .execute();
  await db.deleteFrom('od_dataset_texts').where('dataset_id', '=', datasetId).where('title', 'is', null).where('description', 'is', null).where('keywords', 'is', null).execute();
}

/** A data set as a page in this language shows it: its texts replaced by their translation where one exists. */
export async function translateDataset<D extends { id: number; title: string; description: string | null; keywords: string }>(db: Kysely<Database>, d: D, lang: string): Promise<D> {
  const x = await db.selectFrom('od_dataset_texts').selectAll().where('dataset_id', '=', d.id).where('lang', '=', lang).executeTakeFirst();
  return x ? { ...d, title: x.title ?? d.title, description: x.description ?? d.description, keywords: x.keywords ?? d.keywords } : d;
}
