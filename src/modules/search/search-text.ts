// The pure rules of search: how a query is read, which grams a text is indexed under, how a typo is
// corrected and which parts of a result are highlighted. No database here; both engines use these.

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

export const isHangul = (ch: string): boolean => HANGUL.test(ch);

/** Splits a word into its runs of Hangul and of other characters ("OGP를" → ["OGP", "를"]). */
function scriptRuns(word: string): { text: string; hangul: boolean }[] {
  const runs: { text: string; hangul: boolean }[] = [];
  for (const ch of word) {
    const hangul = isHangul(ch);
    const last = runs[runs.length - 1];
    if (last && last.hangul === hangul) last.text += ch;
    else runs.push({ text: ch, hangul });
  }
  return runs;
}

/**
 * The grams a text is indexed under besides its trigrams: every pair of adjacent Hangul syllables
 * ("광화문" → "광화 화문") and every two-character word of other characters ("AI", "5G", also "AI" in
 * "AI와"), lowercased,
 * each once. A trigram index cannot match a query of two characters; these can, exactly.
 */
export function buildGrams(text: string): string {
  const out = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    for (const run of scriptRuns(word)) {
      const chars = [...run.text];
      if (run.hangul) for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
      else if (chars.length === 2) out.add(run.text);
    }
  }
  return [...out].join(' ');
}

/**
 * The day a record is filed under for the date filter: its own day, or the first day of its month,
 * half-year or year when the source gives no finer date (2019-H2 → 2019-07-01); null when unreadable.
 */
export function filingDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-H([12]))?/.exec(value);
  if (!m) return null;
  if (m[4]) return `${m[1]}-${m[4] === '1' ? '01' : '07'}-01`;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** The filters a record can be narrowed by. */
export interface Facets {
  kind: string;
  organization: string | null;
  state: string | null;
  /** The filing date (YYYY-MM-DD), whose year is filtered by. */
  date: string | null;
}

/** A record's filter values by facet, in a fixed order; the year is the filing date's. */
type FacetValues = { kind?: string; organization?: string; state?: string; year?: string };
const FACETS = ['kind', 'organization', 'state', 'year'] as const;
const FACET_PREFIX = 0xe000;
const FACET_FIRST = 0xe100;
const FACET_SPAN = 0xf8ff - FACET_FIRST + 1;

/**
 * A combination of filter values as one token of three characters of Unicode's private use area: a
 * prefix naming which facets it combines, then two characters from the FNV-1a hash of their values (37
 * million values). Three characters are exactly one trigram, so in the trigram index the token's list of
 * records is exactly the records with those values, and the unicode61 tokenizer keeps private-use
 * characters as a word. Text never holds these characters, so a query word cannot match a token. Two
 * combinations share a token about once in 37 million; the index trusts the token (only a date range that
 * is not whole years is checked again on the records).
 */
export function facetToken(values: FacetValues): string {
  let mask = 0;
  let h = 0x811c9dc5;
  FACETS.forEach((facet, i) => {
    const v = values[facet];
    if (v === undefined) return;
    mask |= 1 << i;
    for (const ch of `${v}\u0000`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  });
  return String.fromCharCode(FACET_PREFIX + mask, FACET_FIRST + (h % FACET_SPAN), FACET_FIRST + (Math.floor(h / FACET_SPAN) % FACET_SPAN));
}

/**
 * The facet tokens of a record, space-separated (the `facets` column): one for every combination of its
 * values (kind, organization, state, year: at most 15), so that any set of filters is one token, whose
 * list of records is as short as the filters are narrow.
 */
export function facetTokens(f: Facets): string {
  const values: FacetValues = { kind: f.kind, organization: f.organization ?? undefined, state: f.state ?? undefined, year: f.date?.slice(0, 4) };
  const present = FACETS.filter((k) => values[k] !== undefined);
  const out: string[] = [];
  for (let subset = 1; subset < 1 << present.length; subset++) {
    const combo: FacetValues = {};
    present.forEach((k, i) => {
      if (subset & (1 << i)) combo[k] = values[k];
    });
    out.push(facetToken(combo));
  }
  return out.join(' ');
}

/** The most years a date range is narrowed by in the index; a longer range is checked on the records only. */
export const MAX_FACET_YEARS = 30;

export interface FacetQuery {
  /** An FTS5 expression over the `facets` column, or null when no filter is given. */
  match: string | null;
  /** Whether the expression is the whole filter (no date range, or one of whole years), so the records need no second look but for rare token collisions. */
  exact: boolean;
}

/** The FTS5 expression that narrows a match to the filters: their combination's token, a date range as any of its years'. */
export function facetQuery(f: { kind?: string; organization?: string; state?: string; from?: string; to?: string }): FacetQuery {
  const fixed: FacetValues = { kind: f.kind || undefined, organization: f.organization || undefined, state: f.state || undefined };
  let years: string[] = [];
  let exact = true;
  if (f.from || f.to) {
    const first = f.from ? Number(f.from.slice(0, 4)) : NaN;
    const last = f.to ? Number(f.to.slice(0, 4)) : NaN;
    if (Number.isInteger(first) && Number.isInteger(last) && last >= first && last - first < MAX_FACET_YEARS) {
      years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
      exact = f.from!.endsWith('-01-01') && f.to!.endsWith('-12-31');
    } else exact = false;
  }
  const tokens = years.length ? years.map((year) => fts5Quote(facetToken({ ...fixed, year }))) : FACETS.some((k) => fixed[k]) ? [fts5Quote(facetToken(fixed))] : [];
  if (tokens.length === 0) return { match: null, exact };
  return { match: `{facets} : ${tokens.length === 1 ? tokens[0] : `(${tokens.join(' OR ')})`}`, exact };
}

/** The language of a text: Korean when it has any Hangul, English otherwise (the seed's records are English). */
export function detectLang(text: string): 'ko' | 'en' {
  return HANGUL.test(text) ? 'ko' : 'en';
}

/**
 * How one query term is matched: `substring` (three characters or more) anywhere in the title or
 * body through the trigram index; `gram` (exactly two characters) as a Hangul bigram or a whole
 * two-character word through the grams.
 */
export interface QueryTerm {
  text: string;
  mode: 'substring' | 'gram';
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Terms left out: one character long (too short to match by an index), or past the limit. */
  ignored: string[];
}

export const MAX_QUERY_TERMS = 8;

/** Reads a query: words separated by spaces, each required (AND); punctuation at a word's edges is dropped. */
export function parseQuery(q: string, maxTerms = MAX_QUERY_TERMS): ParsedQuery {
  const terms: QueryTerm[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const raw of q.normalize('NFC').toLowerCase().split(/\s+/u)) {
    const text = raw.replace(EDGE_PUNCTUATION, '');
    if (!text || seen.has(text)) continue;
    seen.add(text);
    const length = [...text].length;
    if (length < 2 || terms.length >= maxTerms) ignored.push(text);
    else terms.push({ text, mode: length >= 3 ? 'substring' : 'gram' });
  }
  return { terms, ignored };
}

/** A term as an FTS5 string: any character is taken literally. */
export function fts5Quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** The trigrams of a word, each once (what the vocabulary is searched by for a correction). */
export function trigrams(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

/** Words worth keeping in the vocabulary for typo correction: four letters or more, not Hangul. */
export function vocabularyWords(text: string): string[] {
  const out = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const length = [...word].length;
    if (length >= 4 && length <= 40 && !HANGUL.test(word)) out.add(word);
  }
  return [...out];
}

/** Whether a term may be corrected: a word of four letters or more, not Hangul. */
export function correctable(term: string): boolean {
  return /^\p{L}{4,}$/u.test(term) && !HANGUL.test(term);
}

export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** Edits a correction may make: one for words up to seven letters, two from eight. */
export const maxEdits = (word: string): number => ([...word].length >= 8 ? 2 : 1);

/** The closest candidate within maxEdits (ties: the one found first, i.e. the engine's best match), or null. */
export function bestCorrection(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = maxEdits(word) + 1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = levenshtein(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * A passage of a text around the first place a term occurs, cut to about maxLength characters, as
 * segments with the terms marked (case-insensitive). The caller escapes every segment.
 */
export function highlight(text: string, terms: readonly string[], maxLength = 220): Segment[] {
  const lower = text.toLowerCase();
  const needles = [...new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const sameLength = lower.length === text.length;
  const first = sameLength ? Math.min(...needles.map((n) => lower.indexOf(n)).filter((i) => i >= 0)) : Infinity;
  let start = Number.isFinite(first) && first > maxLength / 3 ? first - Math.floor(maxLength / 3) : 0;
  const end = Math.min(text.length, start + maxLength);
  if (end - start < maxLength) start = Math.max(0, end - maxLength);
  const segments: Segment[] = [];
  const push = (s: string, hit: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += s;
    else segments.push({ text: s, hit });
  };
  if (start > 0) push('…', false);
  let i = start;
  while (i < end) {
    const n = sameLength ? needles.find((w) => lower.startsWith(w, i)) : undefined;
    if (n) {
      push(text.slice(i, i + n.length), true);
      i += n.length;
    } else {
      push(text[i]!, false);
      i += 1;
    }
  }
  if (end < text.length) push('…', false);
  return segments;
}
