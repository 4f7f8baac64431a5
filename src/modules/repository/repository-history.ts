// What the OGP repository holds, as data, and how often it was updated: the 2022 standards ask for a
// repository "updated at least twice a year" with evidence on process and on implementation (rule 2.2).

export const STREAMS = ['process', 'implementation'] as const;
export type Stream = (typeof STREAMS)[number];

/** Kinds of document staff publish, each counted for the process or for implementation. Progress updates count for implementation. */
export const DOCUMENT_KINDS = {
  action_plan: 'process',
  co_creation: 'process',
  forum_minutes: 'process',
  consultation_summary: 'process',
  progress_report: 'implementation',
  self_assessment: 'implementation',
  irm_report: 'implementation',
  evidence: 'implementation',
} as const satisfies Record<string, Stream>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const KINDS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

export function isDocumentKind(v: unknown): v is DocumentKind {
  return typeof v === 'string' && Object.hasOwn(DOCUMENT_KINDS, v);
}

export interface DatedUpdate {
  /** When the item was added to the repository (ISO 8601). */
  published_at: string;
  stream: Stream;
}

export interface HalfYear {
  /** "2019-H1" */
  half: string;
  /** First and last day of the half-year (YYYY-MM-DD). */
  start: string;
  end: string;
  process: number;
  implementation: number;
  total: number;
}

/** The half-year of an instant, on the Seoul calendar (UTC+9, no daylight saving), where the plans are run. */
export function halfYearOf(iso: string): string {
  const seoul = new Date(new Date(iso).getTime() + 9 * 3600_000);
  return `${seoul.getUTCFullYear()}-H${seoul.getUTCMonth() < 6 ? 1 : 2}`;
}

function halfOfDay(day: string): string {
  return `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

function nextHalf(half: string): string {
  const year = Number(half.slice(0, 4));
  return half.endsWith('H1') ? `${year}-H2` : `${year + 1}-H1`;
}

function bounds(half: string): { start: string; end: string } {
  const year = half.slice(0, 4);
  return half.endsWith('H1') ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
}

/**
 * The repository's updates counted per half-year and per stream, every half-year of the span
 * listed, empty ones included, so that a gap shows as a zero rather than as a missing row. The span
 * is `range` (days, inclusive) when given, items outside it left out; otherwise from the first
 * update to the last. No update and no range: no half-year.
 */
export function updatesPerHalfYear(items: readonly DatedUpdate[], range?: { from: string; to: string }): HalfYear[] {
  const halves = items.map((i) => ({ half: halfYearOf(i.published_at), stream: i.stream }));
  let first: string | undefined;
  let last: string | undefined;
  if (range) {
    first = halfOfDay(range.from);
    last = halfOfDay(range.to);
  } else {
    const sorted = halves.map((h) => h.half).sort();
    first = sorted[0];
    last = sorted[sorted.length - 1];
  }
  if (!first || !last || first > last) return [];
  const out = new Map<string, HalfYear>();
  for (let h = first; h <= last; h = nextHalf(h)) out.set(h, { half: h, ...bounds(h), process: 0, implementation: 0, total: 0 });
  for (const { half, stream } of halves) {
    const row = out.get(half);
    if (!row) continue;
    row[stream] += 1;
    row.total += 1;
  }
  return [...out.values()];
}
