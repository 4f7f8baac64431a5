// SQL of the search index, on both engines (the search itself: search-sqlite.repository.ts and search-postgres.repository.ts). SQLite: FTS5 (trigram over title and body, unicode61
// over the grams) kept in step with search_documents by triggers. PostgreSQL: a generated tsvector
// ('simple') and pg_trgm GIN indexes. See migrations/0011-search.ts.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { SEARCH_REBUILD_KEY, type SearchDocument } from '../../platform/search-source.ts';
import { getSetting, setSetting } from '../../platform/settings/settings.repository.ts';
import { postgresSearch } from './search-postgres.repository.ts';
import { sqliteSearch } from './search-sqlite.repository.ts';
import { buildGrams, facetTokens, filingDate, fts5Quote, trigrams, vocabularyWords, type QueryTerm } from './search-text.ts';

type DB = Kysely<Database>;

/** The most matches ranked, on both engines; past it, the newest. */
export const RANK_CANDIDATES = 500;
/** The newest matches in a title, ranked besides those. */
export const TITLE_CANDIDATES = 100;
/** The format the index was built in (indexFormat in search-index.ts). */
const FORMAT_KEY = 'search.index_format';
const CHUNK = 200;

/** Removes the index's documents of these entities (every one of the type when ids is null), then writes docs. Call inside a transaction. */
export async function replaceDocuments(trx: DB, entityType: string, ids: readonly string[] | null, docs: readonly SearchDocument[], now: Date): Promise<void> {
  await removeDocuments(trx, entityType, ids);
  await writeDocuments(trx, docs, now);
}

/** Removes the index's documents of these entities, every one of the type when ids is null. */
export async function removeDocuments(trx: DB, entityType: string, ids: readonly string[] | null): Promise<void> {
  if (ids === null) await trx.deleteFrom('search_documents').where('entity_type', '=', entityType).execute();
  else for (let i = 0; i < ids.length; i += CHUNK) await trx.deleteFrom('search_documents').where('entity_type', '=', entityType).where('entity_id', 'in', ids.slice(i, i + CHUNK)).execute();
}

/**
 * Writes documents, oldest first (by their filing date; undated first), so that the newest records have
 * the highest ids: on SQLite the search ranks the newest matches of a very common word.
 */
export async function writeDocuments(trx: DB, docs: readonly SearchDocument[], now: Date): Promise<void> {
  const rows = docs.map((d) => ({
    entity_type: d.entityType,
    entity_id: d.entityId,
    kind: d.kind,
    url: d.url,
    title: d.title,
    body: d.body,
    organization: d.organization,
    state: d.state,
    date: filingDate(d.date),
    plan: d.plan,
    lang: d.lang,
    grams: buildGrams(`${d.title} ${d.body}`),
    facets: facetTokens({ kind: d.kind, organization: d.organization, state: d.state, date: filingDate(d.date) }),
    indexed_at: now.toISOString(),
  }));
  rows.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('search_documents').values(rows.slice(i, i + CHUNK)).execute();
  const words = [...new Set(docs.flatMap((d) => vocabularyWords(`${d.title} ${d.body}`)))];
  for (let i = 0; i < words.length; i += CHUNK) {
    await trx.insertInto('search_terms').values(words.slice(i, i + CHUNK).map((term) => ({ term }))).onConflict((oc) => oc.column('term').doNothing()).execute();
  }
}

export async function readIndexFormat(db: DB): Promise<string | null> {
  return getSetting(db, FORMAT_KEY);
}

export async function writeIndexFormat(trx: DB, format: string, now: Date): Promise<void> {
  await setSetting(trx, FORMAT_KEY, format, now);
}

/** The pending rebuild request (its value), if any: see requestSearchRebuild in src/platform/search-source.ts. */
export async function readRebuildRequest(db: DB): Promise<string | null> {
  return getSetting(db, SEARCH_REBUILD_KEY);
}

/** Clears the request a rebuild answered; one made since (another value) stays. */
export async function clearRebuildRequest(trx: DB, value: string): Promise<void> {
  await trx.deleteFrom('settings').where('key', '=', SEARCH_REBUILD_KEY).where('value', '=', value).execute();
}

export async function indexIsEmpty(db: DB): Promise<boolean> {
  return (await db.selectFrom('search_documents').select('id').limit(1).executeTakeFirst()) === undefined;
}

export interface SearchFilter {
  terms: QueryTerm[];
  kind?: string;
  organization?: string;
  state?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  /** Counting stops here: "more than N". */
  countCap: number;
}

export interface SearchHit {
  kind: string;
  entity_type: string;
  entity_id: string;
  url: string;
  title: string;
  body: string;
  organization: string | null;
  state: string | null;
  date: string | null;
  plan: string | null;
  lang: string;
  rank: number;
}

function filterConditions(f: SearchFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.kind) out.push(sql`d.kind = ${f.kind}`);
  if (f.organization) out.push(sql`d.organization = ${f.organization}`);
  if (f.state) out.push(sql`d.state = ${f.state}`);
  if (f.from) out.push(sql`d.date >= ${f.from}`);
  if (f.to) out.push(sql`d.date <= ${f.to}`);
  return out;
}

/** The columns of a hit, read from search_documents as `d`. */
export const HIT_COLUMNS = sql`d.kind, d.entity_type, d.entity_id, d.url, d.title, d.body, d.organization, d.state, d.date, d.plan, d.lang`;

/** 3 when the title holds the whole query, 2 when it holds every word of it, else 1 (`d` is search_documents). */
export function titleTier(f: SearchFilter, dialect: DialectName) {
  const pos = sql.raw(dialect === 'sqlite' ? 'instr' : 'strpos');
  const phrase = f.terms.map((t) => t.text).join(' ');
  const all = sql.join(f.terms.map((t) => sql`${pos}(lower(d.title), ${t.text}) > 0`), sql` and `);
  return sql`(case when ${pos}(lower(d.title), ${phrase}) > 0 then 3 when ${all} then 2 else 1 end)`;
}

/** The page of hits, best first (lower rank is better on both engines), and how many there are, up to countCap. */
export async function searchDocuments(db: DB, dialect: DialectName, f: SearchFilter): Promise<{ hits: SearchHit[]; total: number }> {
  if (f.terms.length === 0) return { hits: [], total: 0 };
  return dialect === 'sqlite' ? sqliteSearch(db, f, filterConditions(f)) : postgresSearch(db, f, filterConditions(f));
}

/** Vocabulary words that share trigrams with a word, best first: candidates for a correction. */
export async function similarTerms(db: DB, dialect: DialectName, word: string, limit = 30): Promise<string[]> {
  if (dialect === 'postgres') {
    const r = await sql<{ term: string }>`select term from search_terms where term % ${word} order by similarity(term, ${word}) desc, term limit ${limit}`.execute(db);
    return r.rows.map((x) => x.term);
  }
  const grams = trigrams(word);
  if (grams.length === 0) return [];
  const r = await sql<{ term: string }>`select term from search_terms_fts where search_terms_fts match ${grams.map(fts5Quote).join(' OR ')} order by rank limit ${limit}`.execute(db);
  return r.rows.map((x) => x.term);
}

export async function termExists(db: DB, word: string): Promise<boolean> {
  return (await db.selectFrom('search_terms').select('term').where('term', '=', word).executeTakeFirst()) !== undefined;
}
