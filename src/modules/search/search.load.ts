// Runs a search: catches the index up, reads the query, searches, corrects a typo when nothing was
// found, and marks the matches in each result.
import type { Db } from '../../db/create-db.ts';
import { badRequest, fieldError } from '../../platform/http/errors.ts';
import { msg } from '../../platform/i18n/message.ts';
import { searchDocuments, similarTerms, termExists, type SearchHit } from './search.repository.ts';
import { bestCorrection, correctable, highlight, parseQuery, type QueryTerm, type Segment } from './search-text.ts';

export const DEFAULT_PER_PAGE = 20;
/** Results are counted up to this number; past it the page says "more than". */
export const COUNT_CAP = 1000;

export interface SearchParams {
  q?: string;
  kind?: string;
  organization?: string;
  state?: string;
  from?: string;
  to?: string;
  page?: number;
  per_page?: number;
}

export interface SearchResult extends Omit<SearchHit, 'rank' | 'body'> {
  titleSegments: Segment[];
  snippet: Segment[];
}

export interface SearchOutcome {
  query: string;
  corrected: string | null;
  ignored: string[];
  total: number;
  more: boolean;
  page: number;
  perPage: number;
  results: SearchResult[];
}

function validDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks what a schema cannot: real days, and a range that does not end before it starts. */
export function checkRange(p: SearchParams) {
  const errors = [];
  if (p.from && !validDay(p.from)) errors.push(fieldError('from', 'search.errors.not_a_day'));
  if (p.to && !validDay(p.to)) errors.push(fieldError('to', 'search.errors.not_a_day'));
  if (errors.length === 0 && p.from && p.to && p.from > p.to) errors.push(fieldError('to', 'search.errors.range_reversed'));
  if (errors.length) throw badRequest(msg('search.errors.bad_range'), errors);
}

/** Replaces each word that is in no indexed text by the closest vocabulary word, if one is close enough. */
async function correct(handle: Db, terms: QueryTerm[]): Promise<QueryTerm[] | null> {
  let changed = false;
  const out: QueryTerm[] = [];
  for (const t of terms) {
    if (t.mode === 'substring' && correctable(t.text) && !(await termExists(handle.db, t.text))) {
      const best = bestCorrection(t.text, await similarTerms(handle.db, handle.dialect, t.text));
      if (best) {
        out.push({ text: best, mode: 'substring' });
        changed = true;
        continue;
      }
    }
    out.push(t);
  }
  return changed ? out : null;
}

export async function runSearch(handle: Db, p: SearchParams): Promise<SearchOutcome> {
  checkRange(p);
  const query = (p.q ?? '').trim();
  const parsed = parseQuery(query);
  const page = p.page ?? 1;
  const perPage = p.per_page ?? DEFAULT_PER_PAGE;
  const filter = { kind: p.kind || undefined, organization: p.organization || undefined, state: p.state || undefined, from: p.from || undefined, to: p.to || undefined, limit: perPage, offset: (page - 1) * perPage, countCap: COUNT_CAP };
  let terms = parsed.terms;
  let found = await searchDocuments(handle.db, handle.dialect, { ...filter, terms });
  let corrected: string | null = null;
  if (found.total === 0 && terms.length > 0) {
    const fixed = await correct(handle, terms);
    if (fixed) {
      const again = await searchDocuments(handle.db, handle.dialect, { ...filter, terms: fixed });
      if (again.total > 0) {
        terms = fixed;
        found = again;
        corrected = fixed.map((t) => t.text).join(' ');
      }
    }
  }
  const words = terms.map((t) => t.text);
  const results = found.hits.map(({ rank: _rank, body, ...h }) => ({ ...h, titleSegments: highlight(h.title, words, 400), snippet: highlight(body, words) }));
  return { query, corrected, ignored: parsed.ignored, total: Math.min(found.total, COUNT_CAP), more: found.total > COUNT_CAP, page, perPage, results };
}
