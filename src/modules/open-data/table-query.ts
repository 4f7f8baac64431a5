// Turns a quick-search query string (f_<column>, sort, order, page, per_page) into a row query.
import { fieldError, type FieldError } from '../../platform/http/errors.ts';
import type { RowQuery } from './tables.repository.ts';
import { normalizeCell, type ColumnDef } from './table-schema.ts';
import type { TableSearch } from './views/table-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

export const DEFAULT_PER_PAGE = 50;

export function parseRowQuery(columns: ColumnDef[], q: Record<string, unknown>): { ok: true; query: RowQuery; search: TableSearch } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filters: RowQuery['filters'] = {};
  const shown: Record<string, string> = {};
  for (const [key, raw] of Object.entries(q)) {
    if (!key.startsWith('f_') || typeof raw !== 'string') continue;
    const name = key.slice(2);
    const col = columns.find((c) => c.name === name);
    if (!col || !col.slot) {
      errors.push(fieldError(key, 'open_data.errors.not_filterable', { name, columns: columns.filter((c) => c.filterable).map((c) => c.name).join(', ') || msg('open_data.errors.none') }));
      continue;
    }
    if (raw.trim() === '') continue;
    shown[name] = raw;
    const n = normalizeCell(col.type, raw);
    if (!n.ok) errors.push(fieldError(key, 'open_data.errors.filter_cell', { name, problem: n.text }));
    else filters[col.slot] = n.value;
  }
  const sortName = typeof q.sort === 'string' ? q.sort : '';
  let sort: RowQuery['sort'] = { slot: 'row_no', numeric: true, desc: q.order === 'desc' };
  if (sortName) {
    const col = columns.find((c) => c.name === sortName);
    if (!col || !col.slot) errors.push(fieldError('sort', 'open_data.errors.not_sortable', { name: sortName }));
    else sort = { slot: col.slot, numeric: col.type === 'integer' || col.type === 'number', desc: q.order === 'desc' };
  }
  const page = typeof q.page === 'number' ? q.page : 1;
  const perPage = typeof q.per_page === 'number' ? q.per_page : DEFAULT_PER_PAGE;
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    query: { filters, sort, limit: perPage, offset: (page - 1) * perPage },
    search: { filters: shown, sort: sortName, order: q.order === 'desc' ? 'desc' : 'asc', page, perPage },
  };
}
