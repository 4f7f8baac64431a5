// An officer uploads a CSV with a declared schema. Validated whole first; then the table, its rows,
// its catalog resource and the audit event are written in one transaction, or nothing is.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import type { DatasetRow } from '../catalog.repository.ts';
import { insertRows, insertTable, refreshRowStatistics, tableSlugTaken } from '../tables.repository.ts';
import { checkCsv, parseDeclaredSchema, type CheckedRow, type ColumnDef } from '../table-schema.ts';

export interface TableUploadInput {
  title: string;
  slug: string;
  columns: string;
  file: { filename: string; data: Buffer } | null;
}

export interface ValidTable {
  title: string;
  slug: string;
  columns: ColumnDef[];
  rows: CheckedRow[];
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

export async function validateTableUpload(
  db: Kysely<Database>,
  dataset: DatasetRow,
  input: TableUploadInput,
  maxRows: number,
): Promise<{ ok: true; value: ValidTable } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (title === '') errors.push(fieldError('title', 'open_data.errors.table_title'));
  else if (title.length > 200) errors.push(fieldError('title', 'error.field.max_chars', { max: 200 }));
  const slug = input.slug.trim();
  if (!SLUG.test(slug)) errors.push(fieldError('slug', 'open_data.errors.table_slug'));
  else if (slug === 'new') errors.push(fieldError('slug', 'open_data.errors.slug_new'));
  else if (await tableSlugTaken(db, dataset.id, slug)) errors.push(fieldError('slug', 'open_data.errors.table_taken', { slug }));
  const schema = parseDeclaredSchema(input.columns);
  if (!schema.ok) errors.push(...schema.errors);
  if (!input.file || input.file.data.length === 0) errors.push(fieldError('file', 'open_data.errors.csv_file'));
  if (errors.length || !schema.ok || !input.file) return { ok: false, errors };
  const checked = checkCsv(input.file.data, schema.columns, maxRows);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  return { ok: true, value: { title, slug, columns: schema.columns, rows: checked.rows } };
}

export async function uploadTable(
  db: Kysely<Database>,
  args: { actor: Actor; dataset: DatasetRow; table: ValidTable; now: Date; requestId: string },
): Promise<{ ok: true; tableId: number }> {
  const { actor, dataset, table, now } = args;
  const at = now.toISOString();
  const tableId = await db.transaction().execute(async (trx) => {
    const id = await insertTable(trx, { dataset_id: dataset.id, slug: table.slug, title: table.title, columns: table.columns, row_count: table.rows.length, created_by: actor.id, created_at: at });
    await insertRows(trx, id, table.rows);
    await trx
      .insertInto('od_resources')
      .values({ dataset_id: dataset.id, key: `table-${table.slug}`, kind: 'table', title: table.title, format: 'CSV', media_type: 'text/csv', url: null, file_id: null, table_id: id, download_count: 0, created_at: at })
      .execute();
    await trx.updateTable('od_datasets').set({ modified: at.slice(0, 10), updated_at: at }).where('id', '=', dataset.id).execute();
    await recordAudit(trx, {
      actor,
      action: 'table.uploaded',
      entityType: 'dataset',
      entityId: dataset.id,
      entityLabel: dataset.slug,
      public: true,
      after: { table: table.slug, title: table.title, rows: table.rows.length, columns: table.columns.map((c) => `${c.name}:${c.type}${c.filterable ? ':filter' : ''}`) },
      at: now,
      requestId: args.requestId,
    });
    return id;
  });
  await refreshRowStatistics(db);
  return { ok: true, tableId };
}
