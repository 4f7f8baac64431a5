import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/**
 * A cell that a spreadsheet would run as a formula (=, +, @, tab, carriage return at the start)
 * gets a leading apostrophe. "-" is left alone: the data has bullets and negative numbers.
 */
export function neutralizeFormula(value: unknown): unknown {
  return typeof value === 'string' && /^[=+@\t\r]/.test(value) ? `'${value}` : value;
}

/** Rows as UTF-8 CSV text with a byte-order mark, so that spreadsheet programs read Korean right. */
export function csvText(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const safe = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutralizeFormula(v)])));
  return '\uFEFF' + stringify(safe, { header: true, columns: [...columns] });
}

/** Sends rows as a UTF-8 CSV download. */
export function sendCsv(reply: FastifyReply, filename: string, columns: readonly string[], rows: Record<string, unknown>[]) {
  const body = csvText(columns, rows);
  return reply
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-cache')
    .type('text/csv; charset=utf-8')
    .send(body);
}
