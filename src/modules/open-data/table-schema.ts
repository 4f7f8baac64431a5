// Pure rules of searchable tables: the declared schema, cell validation and the CSV check.
// A CSV is accepted whole or not at all; every error names the row and the column.
import { parse } from 'csv-parse/sync';
import { fieldError, type FieldError } from '../../platform/http/errors.ts';
import { msg, type Msg } from '../../platform/i18n/message.ts';

export const COLUMN_TYPES = ['text', 'integer', 'number', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export const FILTER_SLOTS = ['f1', 'f2', 'f3', 'f4'] as const;
export type FilterSlot = (typeof FILTER_SLOTS)[number];
export const MAX_COLUMNS = 40;
/** How many row errors are listed before the rest are only counted. */
export const MAX_LISTED_ERRORS = 50;

export interface ColumnDef {
  name: string;
  type: ColumnType;
  filterable: boolean;
  /** Where the filter value is stored; null when the column is not filterable. */
  slot: FilterSlot | null;
}

const NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Reads the schema as declared in the form, one column a line: `name:type` or `name:type:filter`.
 * Returns the columns or the errors, each on the `columns` field.
 */
export function parseDeclaredSchema(text: string): { ok: true; columns: ColumnDef[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const columns: ColumnDef[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: false, errors: [fieldError('columns', 'open_data.errors.no_columns')] };
  if (lines.length > MAX_COLUMNS) errors.push(fieldError('columns', 'open_data.errors.max_columns', { max: MAX_COLUMNS }));
  let slots = 0;
  lines.slice(0, MAX_COLUMNS).forEach((line, i) => {
    const [name = '', type = '', flag, ...rest] = line.split(':').map((p) => p.trim());
    const where = msg('open_data.errors.column_line', { n: i + 1, line: line.slice(0, 60) });
    if (!NAME.test(name)) errors.push(fieldError('columns', 'open_data.errors.column_name', { where }));
    else if (columns.some((c) => c.name === name)) errors.push(fieldError('columns', 'open_data.errors.column_twice', { where, name }));
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) errors.push(fieldError('columns', 'open_data.errors.column_type', { where, types: COLUMN_TYPES.join(', ') }));
    if ((flag !== undefined && flag !== 'filter') || rest.length > 0) errors.push(fieldError('columns', 'open_data.errors.column_flag', { where }));
    const filterable = flag === 'filter';
    if (filterable && slots >= FILTER_SLOTS.length) errors.push(fieldError('columns', 'open_data.errors.max_filterable', { where, max: FILTER_SLOTS.length }));
    columns.push({ name, type: type as ColumnType, filterable, slot: filterable && slots < FILTER_SLOTS.length ? FILTER_SLOTS[slots++]! : null });
  });
  return errors.length ? { ok: false, errors } : { ok: true, columns };
}

/** The cell as stored: numbers and dates in a canonical form, so that filters and sorting agree. */
export function normalizeCell(type: ColumnType, raw: string): { ok: true; value: string } | { ok: false; text: Msg } {
  const v = raw.trim();
  if (v === '') return { ok: true, value: '' };
  switch (type) {
    case 'text':
      return v.length > 2000 ? { ok: false, text: msg('open_data.errors.cell_long') } : { ok: true, value: v };
    case 'integer':
      return /^-?\d{1,15}$/.test(v) ? { ok: true, value: String(Number(v)) } : { ok: false, text: msg('open_data.errors.cell_integer', { value: v.slice(0, 40) }) };
    case 'number': {
      const n = Number(v.replace(/,/g, ''));
      return /^-?[\d,]*\.?\d+(e-?\d+)?$/i.test(v) && Number.isFinite(n) ? { ok: true, value: String(n) } : { ok: false, text: msg('open_data.errors.cell_number', { value: v.slice(0, 40) }) };
    }
    case 'date': {
      const m = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
      if (!m) return { ok: false, text: msg('open_data.errors.cell_date', { value: v.slice(0, 40) }) };
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? { ok: true, value: v } : { ok: false, text: msg('open_data.errors.cell_day', { value: v }) };
    }
  }
}

export interface CheckedRow {
  cells: string[];
  filters: Record<FilterSlot, string | null>;
}

export type CsvCheck = { ok: true; rows: CheckedRow[] } | { ok: false; errors: FieldError[] };

/** Validates a whole CSV against the declared columns: header first, then every cell of every row. */
export function checkCsv(data: Buffer, columns: ColumnDef[], maxRows: number): CsvCheck {
  let records: string[][];
  try {
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    if (text.includes('\uFFFD')) return { ok: false, errors: [fieldError('file', 'open_data.errors.not_utf8')] };
    records = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    return { ok: false, errors: [err.lines ? fieldError('file', 'open_data.errors.not_csv_near', { line: err.lines, problem: String(err.message ?? '').slice(0, 200) }) : fieldError('file', 'open_data.errors.not_csv', { problem: String(err.message ?? '').slice(0, 200) })] };
  }
  if (records.length === 0) return { ok: false, errors: [fieldError('file', 'open_data.errors.csv_empty')] };
  const header = records[0]!.map((h) => h.trim());
  const expected = columns.map((c) => c.name);
  if (header.join('\u0000') !== expected.join('\u0000')) {
    return { ok: false, errors: [fieldError('file', 'open_data.errors.header', { expected: expected.join(', '), found: header.join(', ').slice(0, 300) })] };
  }
  const body = records.slice(1);
  if (body.length === 0) return { ok: false, errors: [fieldError('file', 'open_data.errors.no_rows')] };
  if (body.length > maxRows) return { ok: false, errors: [fieldError('file', 'open_data.errors.too_many_rows', { count: body.length, max: maxRows })] };
  const errors: FieldError[] = [];
  let errorCount = 0;
  const rows: CheckedRow[] = [];
  body.forEach((record, i) => {
    const rowNo = i + 2; // as a spreadsheet numbers it, the header being row 1
    if (record.length !== columns.length) {
      errorCount++;
      if (errors.length < MAX_LISTED_ERRORS) errors.push(fieldError('file', 'open_data.errors.row_cells', { row: rowNo, cells: record.length, columns: columns.length }));
      return;
    }
    const cells: string[] = [];
    const filters: Record<FilterSlot, string | null> = { f1: null, f2: null, f3: null, f4: null };
    columns.forEach((c, j) => {
      const r = normalizeCell(c.type, record[j]!);
      if (!r.ok) {
        errorCount++;
        if (errors.length < MAX_LISTED_ERRORS) errors.push(fieldError('file', 'open_data.errors.row_cell', { row: rowNo, column: c.name, problem: r.text }));
        cells.push('');
        return;
      }
      cells.push(r.value);
      if (c.slot) filters[c.slot] = r.value;
    });
    rows.push({ cells, filters });
  });
  if (errorCount > errors.length) errors.push(fieldError('file', 'open_data.errors.more_errors', { count: errorCount - errors.length }));
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
