// All SQL of searchable tables. Filters are equality on the declared filterable columns, each
// stored in an indexed slot (f1..f4) beside the row's JSON, so that a filtered page is an index range.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OdTablesTable } from './open-data.table.ts';
import type { CheckedRow, ColumnDef, FilterSlot } from './table-schema.ts';

export type TableRow = Selectable<OdTablesTable>;
const BATCH = 500;

export function columnsOf(t: TableRow): ColumnDef[] {
  return JSON.parse(t.columns_json) as ColumnDef[];
}

export async function listTables(db: Kysely<Database>, datasetId: number): Promise<TableRow[]> {
  return db.selectFrom('od_tables').selectAll().where('dataset_id', '=', datasetId).orderBy('id').execute();
}

export async function findTable(db: Kysely<Database>, datasetId: number, slug: string): Promise<TableRow | undefined> {
  return db.selectFrom('od_tables').selectAll().where('dataset_id', '=', datasetId).where('slug', '=', slug).executeTakeFirst();
}

export async function tableSlugTaken(db: Kysely<Database>, datasetId: number, slug: string): Promise<boolean> {
  return (await findTable(db, datasetId, slug)) !== undefined;
}

export async function insertTable(db: Kysely<Database>, t: { dataset_id: number; slug: string; title: string; columns: ColumnDef[]; row_count: number; created_by: number | null; created_at: string }): Promise<number> {
  const r = await db
    .insertInto('od_tables')
    .values({ dataset_id: t.dataset_id, slug: t.slug, title: t.title, columns_json: JSON.stringify(t.columns), row_count: t.row_count, created_by: t.created_by, created_at: t.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertRows(db: Kysely<Database>, tableId: number, rows: CheckedRow[], firstRowNo = 1): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r, j) => ({ table_id: tableId, row_no: firstRowNo + i + j, data: JSON.stringify(r.cells), ...r.filters }));
    await db.insertInto('od_table_rows').values(values).execute();
  }
}

/**
 * Refreshes the planner's statistics of the rows table after an upload. Without them SQLite picks
 * one filter index blindly and, with two filters, may walk the less selective one (measured: 200 ms
 * instead of under 1 ms on a million rows); PostgreSQL's autovacuum would get there later.
 */
export async function refreshRowStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze od_table_rows`.execute(db);
}

export interface RowQuery {
  filters: Partial<Record<FilterSlot, string>>;
  sort: { slot: FilterSlot | 'row_no'; numeric: boolean; desc: boolean };
  limit: number;
  offset: number;
}

function filtered(db: Kysely<Database>, tableId: number, q: RowQuery) {
  let query = db.selectFrom('od_table_rows').where('table_id', '=', tableId);
  for (const [slot, value] of Object.entries(q.filters) as [FilterSlot, string][]) query = query.where(slot, '=', value);
  return query;
}

export async function queryRows(db: Kysely<Database>, tableId: number, q: RowQuery): Promise<{ row_no: number; cells: string[] }[]> {
  let query = filtered(db, tableId, q).select(['row_no', 'data']);
  const dir = q.sort.desc ? 'desc' : 'asc';
  if (q.sort.slot === 'row_no') query = query.orderBy('row_no', dir);
  else {
    // Numbers are stored as canonical text; cast to sort them as numbers. Empty cells sort first.
    const key = q.sort.numeric ? sql`cast(nullif(${sql.ref(q.sort.slot)}, '') as double precision)` : sql.ref(q.sort.slot);
    query = query.orderBy(key, dir).orderBy('row_no', 'asc');
  }
  const rows = await query.limit(q.limit).offset(q.offset).execute();
  return rows.map((r) => ({ row_no: r.row_no, cells: JSON.parse(r.data) as string[] }));
}

export async function countRows(db: Kysely<Database>, tableId: number, q: RowQuery): Promise<number> {
  const r = await filtered(db, tableId, q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findRow(db: Kysely<Database>, tableId: number, rowNo: number) {
  return db.selectFrom('od_table_rows').select(['row_no', 'data']).where('table_id', '=', tableId).where('row_no', '=', rowNo).executeTakeFirst();
}

/** Every row in order, in pages, for the download. */
export async function* allRows(db: Kysely<Database>, tableId: number, pageSize = 5000): AsyncGenerator<string[]> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('od_table_rows').select(['row_no', 'data']).where('table_id', '=', tableId).where('row_no', '>', after).orderBy('row_no').limit(pageSize).execute();
    if (rows.length === 0) return;
    for (const r of rows) yield JSON.parse(r.data) as string[];
    after = rows[rows.length - 1]!.row_no;
  }
}
