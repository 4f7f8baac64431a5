// Loads data sets with their resources and tables, in the presenter's shape.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listDatasetTexts, listResourceTexts } from './catalog-texts.repository.ts';
import { listResources, searchDatasets, type CatalogQuery, type DatasetRow } from './catalog.repository.ts';
import { presentDataset, type DatasetShape } from './open-data.presenter.ts';
import { listTables } from './tables.repository.ts';

export async function loadDatasetShapes(db: Kysely<Database>, rows: DatasetRow[], base: string): Promise<DatasetShape[]> {
  const resources = await listResources(db, rows.map((d) => d.id));
  const texts = { datasets: await listDatasetTexts(db, rows.map((d) => d.id)), resources: await listResourceTexts(db, resources.map((r) => r.id)) };
  const out: DatasetShape[] = [];
  for (const d of rows) out.push(presentDataset(d, resources.filter((r) => r.dataset_id === d.id), await listTables(db, d.id), base, texts));
  return out;
}

export async function loadCatalog(db: Kysely<Database>, query: CatalogQuery, base: string): Promise<DatasetShape[]> {
  return loadDatasetShapes(db, await searchDatasets(db, query), base);
}

export function catalogQuery(q: { q?: string; organization?: string; theme?: string; format?: string }): CatalogQuery {
  return { q: q.q ?? '', organization: q.organization ?? '', theme: q.theme ?? '', format: q.format ?? '' };
}
