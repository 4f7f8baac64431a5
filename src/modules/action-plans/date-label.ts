// Dates in OGP reports are not always days: "2018. 9.", "First half of 2019", "Continued".
// A date keeps the label as the source wrote it, with the precision the label carries and a
// value no more precise than that. A day the source does not give is never invented.
import { fieldError, type FieldError } from '../../platform/http/errors.ts';
import { english, msg, type MessageKey, type Msg } from '../../platform/i18n/message.ts';

export type DatePrecision =
  | 'day'
  | 'month'
  | 'half'
  | 'year'
  | 'ongoing'
  | 'throughout'
  | 'year_end'
  | 'none'
  | 'unrecognized';

export interface DateLabel {
  label: string | null;
  precision: DatePrecision | null;
  /** ISO-like value at the label's precision: 2018-09-01, 2018-09, 2019-H1, 2018; null when open. */
  value: string | null;
}

export class ImpossibleDateError extends Error {
  override name = 'ImpossibleDateError';
  constructor(readonly text: Msg) {
    super(english(text));
  }

  /** The error for the form field that held the date, in any language. */
  field(field: string, label?: MessageKey): FieldError {
    return label ? fieldError(field, 'error.field.labelled', { label: msg(label), problem: this.text }) : fieldError(field, this.text.key, this.text.params);
  }
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(label: string, y: number, m: number, d: number): DateLabel {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new ImpossibleDateError(msg('error.field.not_real_day', { value: label }));
  }
  return { label, precision: 'day', value: `${y}-${pad(m)}-${pad(d)}` };
}

function month(label: string, y: number, m: number): DateLabel {
  if (m < 1 || m > 12) throw new ImpossibleDateError(msg('error.field.not_real_month', { value: label }));
  return { label, precision: 'month', value: `${y}-${pad(m)}` };
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** Reads a date label as OGP reports write it. Throws ImpossibleDateError for a date that cannot exist. */
export function parseDateLabel(raw: string | null | undefined): DateLabel {
  if (raw === null || raw === undefined || raw.trim() === '') return { label: null, precision: null, value: null };
  const label = raw.trim();
  const lower = label.toLowerCase();
  let m: RegExpMatchArray | null;

  // 2018. 9. 1.  2018.9.13  '18.11.27.  2018-09-01
  if ((m = label.match(/^'?(\d{4}|\d{2})\s*[.-]\s*(\d{1,2})\s*[.-]\s*(\d{1,2})\s*\.?$/))) {
    return day(label, fullYear(m[1]!), Number(m[2]), Number(m[3]));
  }
  // 2018. 9.  2018.8  '19.4.  2018-09
  if ((m = label.match(/^'?(\d{4}|\d{2})\s*[.-]\s*(\d{1,2})\s*\.?$/))) {
    return month(label, fullYear(m[1]!), Number(m[2]));
  }
  if ((m = label.match(/^(\d{4})\.?$/))) return { label, precision: 'year', value: m[1]! };
  // September 1, 2018  September 1. 2018
  if ((m = lower.match(/^([a-z]+)\s+(\d{1,2})[.,]?\s+(\d{4})$/)) && MONTHS.includes(m[1]!)) {
    return day(label, Number(m[3]), MONTHS.indexOf(m[1]!) + 1, Number(m[2]));
  }
  // June 2019
  if ((m = lower.match(/^([a-z]+)\.?,?\s+(\d{4})$/)) && MONTHS.includes(m[1]!)) {
    return month(label, Number(m[2]), MONTHS.indexOf(m[1]!) + 1);
  }
  if ((m = lower.match(/^(first|second) half of (\d{4})$/))) {
    return { label, precision: 'half', value: `${m[2]}-H${m[1] === 'first' ? 1 : 2}` };
  }
  if (lower === 'continued' || lower === 'ongoing') return { label, precision: 'ongoing', value: null };
  if (lower === 'throughout the period') return { label, precision: 'throughout', value: null };
  if (lower === 'by end of the year') return { label, precision: 'year_end', value: null };
  if (/^[-–—]$/.test(label)) return { label, precision: 'none', value: null };
  return { label, precision: 'unrecognized', value: null };
}

/**
 * A sortable day for ordering and for checks against today: the first day the label can mean
 * when it starts something, the last when it ends something. Null when the label names no time.
 */
export function sortKey(date: DateLabel, role: 'start' | 'end'): string | null {
  const v = date.value;
  if (v === null) return null;
  if (date.precision === 'day') return v;
  if (date.precision === 'month') {
    const [y, mo] = v.split('-').map(Number) as [number, number];
    return role === 'start' ? `${v}-01` : `${v}-${pad(daysInMonth(y, mo))}`;
  }
  if (date.precision === 'half') {
    const [y, h] = [v.slice(0, 4), v.slice(6)];
    if (h === '1') return role === 'start' ? `${y}-01-01` : `${y}-06-30`;
    return role === 'start' ? `${y}-07-01` : `${y}-12-31`;
  }
  if (date.precision === 'year') return role === 'start' ? `${v}-01-01` : `${v}-12-31`;
  return null;
}

/** Reads a calendar day typed in a form (YYYY-MM-DD); throws ImpossibleDateError when it cannot exist. */
export function parseIsoDay(input: string): string {
  const m = input.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) throw new ImpossibleDateError(msg('error.field.not_iso_day', { value: input }));
  return day(input, Number(m[1]), Number(m[2]), Number(m[3])).value!;
}
