// The seed abbreviates months in commitment 1 and 6 ("Oct. 11, 2018", "Sept. 2018", "Jan. 2019").
// The label is kept as written; this only finds the value parseDateLabel does not read.
import { parseDateLabel, sortKey, type DateLabel } from '../action-plans/date-label.ts';

const ABBR: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', jun: 'June', jul: 'July',
  aug: 'August', sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December',
};

export function parseSeedDate(raw: string | null): DateLabel {
  const first = parseDateLabel(raw);
  if (first.precision !== 'unrecognized' || raw === null) return first;
  const expanded = raw.trim().replace(/^([A-Za-z]{3,4})\.\s*/, (m, a: string) => (ABBR[a.toLowerCase()] ? `${ABBR[a.toLowerCase()]} ` : m));
  const second = parseDateLabel(expanded);
  return { ...second, label: raw.trim() };
}

/** The eight date columns of a dated row, from two labels. */
export function datedColumns(start: string | null, end: string | null) {
  const s = parseSeedDate(start);
  const e = parseSeedDate(end);
  return {
    start_label: s.label, start_precision: s.precision, start_value: s.value, start_sort: sortKey(s, 'start'),
    end_label: e.label, end_precision: e.precision, end_value: e.value, end_sort: sortKey(e, 'end'),
  };
}
