// The search on SQLite. FTS5 finds the matches (the trigram index for words of three characters or
// more, the grams for two-character words, the filters as facet tokens in the same match); the
// ranking is computed here, on the records, not by FTS5's bm25(): bm25() first counts every record of
// every phrase of the query (each word, each facet) to weigh them, which on a million records costs
// more than the target of a whole search whenever one word or filter is common.
//
// The candidates are the newest matches (the highest rowids: the index is filled oldest record first,
// and a changed record is indexed again at the end), at most RANK_CANDIDATES, with the newest
// TITLE_CANDIDATES matches in a title so that a title match is never lost behind a common word. When
// a search has fewer matches than that, every match is ranked. Each candidate is scored by BM25 over its
// title (counted ten times) and body, from how often each word occurs in it, its length, and how many
// records hold the word (counted up to DF_CAP), and comes after those whose title holds the whole query,
// then every word of it.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { facetQuery, fts5Quote } from './search-text.ts';
import { HIT_COLUMNS, RANK_CANDIDATES, TITLE_CANDIDATES, titleTier, type SearchFilter, type SearchHit } from './search.repository.ts';

type DB = Kysely<Database>;

/** How many records a word is counted in at most, for its weight. */
export const DF_CAP = 1000;
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 10;

/** `lower()` folds ASCII only; the query words are lowercased already. */
const occurrences = (column: RawBuilder<unknown>, word: string) => sql`((length(lower(${column})) - length(replace(lower(${column}), ${word}, ''))) / length(${word}))`;

interface Plan {
  /** The FTS5 table the words are matched in. */
  table: 'search_fts' | 'search_grams';
  match: string;
  /** The same match in titles only (trigram words only). */
  titleMatch: string | null;
  /** Two-character words next to longer ones: matched in the grams, each record checked. */
  gramMatch: string | null;
  /** Filters that need a look at the records (a date range that is not whole years). */
  conditions: RawBuilder<unknown>[];
}

function plan(f: SearchFilter, conditions: RawBuilder<unknown>[]): Plan {
  const sub = f.terms.filter((t) => t.mode === 'substring').map((t) => fts5Quote(t.text));
  const gram = f.terms.filter((t) => t.mode === 'gram').map((t) => fts5Quote(t.text));
  const facets = facetQuery(f);
  const and = (words: string) => (facets.match ? `${words} AND ${facets.match}` : words);
  return {
    table: sub.length ? 'search_fts' : 'search_grams',
    match: and(sub.length ? `{title body} : (${sub.join(' ')})` : `{grams} : (${gram.join(' ')})`),
    titleMatch: sub.length ? and(`{title} : (${sub.join(' ')})`) : null,
    gramMatch: sub.length && gram.length ? `{grams} : (${gram.join(' ')})` : null,
    conditions: facets.exact ? [] : conditions,
  };
}

/** The ids of matches newest first, checked against the grams and the record where the plan says so, at most `limit`. */
function newest(p: Plan, match: string, limit: number) {
  const table = sql.table(p.table);
  const checks: RawBuilder<unknown>[] = [...p.conditions];
  // `+m.id` keeps SQLite from handing the list to FTS5 as rowid lookups, each one running the match again.
  if (p.gramMatch) checks.push(sql`+m.id in (select id from grams)`);
  const join = p.conditions.length ? sql` join search_documents d on d.id = m.id` : sql``;
  const where = checks.length ? sql` where ${sql.join(checks, sql` and `)}` : sql``;
  return sql`select m.id from (select rowid as id from ${table} where ${table} match ${match} order by rowid desc) m${join}${where} limit ${limit}`;
}

/** How many records hold each word (up to DF_CAP), and how many records there are (the highest id). */
async function weights(db: DB, f: SearchFilter): Promise<number[]> {
  const n = Number((await sql<{ n: number | null }>`select max(id) as n from search_documents`.execute(db)).rows[0]?.n ?? 0);
  const idf = [];
  for (const t of f.terms) {
    const table = sql.table(t.mode === 'substring' ? 'search_fts' : 'search_grams');
    const match = t.mode === 'substring' ? `{title body} : ${fts5Quote(t.text)}` : `{grams} : ${fts5Quote(t.text)}`;
    const df = Number((await sql<{ n: number }>`select count(*) as n from (select 1 from ${table} where ${table} match ${match} limit ${DF_CAP})`.execute(db)).rows[0]?.n ?? 0);
    idf.push(Math.log((n - df + 0.5) / (df + 0.5) + 1));
  }
  return idf;
}

/** How often each word occurs in a candidate's title and body, and its length: computed once a record. */
function counts(f: SearchFilter) {
  return sql.join(
    f.terms.flatMap((t, i) => [sql`${occurrences(sql`d.title`, t.text)} as t${sql.raw(String(i))}`, sql`${occurrences(sql`d.body`, t.text)} as b${sql.raw(String(i))}`]),
    sql`, `,
  );
}

/** BM25 of a record for the query from its counts, the title weighing TITLE_WEIGHT times the body. */
function score(f: SearchFilter, idf: number[]) {
  const norm = sql`(${K1} * (${1 - B} + ${B} * len / avg(len) over ()))`;
  return sql.join(
    f.terms.map((_, i) => {
      const tf = sql.raw(`(${TITLE_WEIGHT} * t${i} + b${i})`);
      return sql`${idf[i]!} * ${tf} * ${K1 + 1} / (${tf} + ${norm})`;
    }),
    sql` + `,
  );
}

export async function sqliteSearch(db: DB, f: SearchFilter, conditions: RawBuilder<unknown>[]): Promise<{ hits: SearchHit[]; total: number }> {
  const p = plan(f, conditions);
  const grams = p.gramMatch ? sql`grams as materialized (select rowid as id from search_grams where search_grams match ${p.gramMatch})` : null;
  const withGrams = (more: RawBuilder<unknown> | null) => (grams || more ? sql`with ${sql.join([grams, more].filter((x) => x !== null), sql`, `)} ` : sql``);
  // The newest matches, read once: they are counted (up to countCap) and are the first candidates.
  const found = await sql<{ id: number }>`${withGrams(null)}${newest(p, p.match, Math.max(f.countCap + 1, RANK_CANDIDATES))}`.execute(db);
  const ids = found.rows.map((r) => r.id);
  const total = Math.min(ids.length, f.countCap + 1);
  if (total === 0 || (total <= f.countCap && f.offset >= total)) return { hits: [], total };
  // One word weighs the same in every record: its weight only matters beside other words.
  const idf = f.terms.length > 1 ? await weights(db, f) : [1];
  // When there are more matches than candidates, the newest title matches join them, and a page past
  // them goes on through the other matches, newest first.
  const more = ids.length > RANK_CANDIDATES;
  const ranked = [sql`select value as id, 1 as ranked from json_each(${JSON.stringify(ids.slice(0, RANK_CANDIDATES))})`];
  if (more && p.titleMatch) ranked.push(sql`select id, 1 as ranked from (${newest(p, p.titleMatch, TITLE_CANDIDATES)})`);
  if (more && f.offset + f.limit > RANK_CANDIDATES) ranked.push(sql`select id, 0 as ranked from (${newest(p, p.match, f.offset + f.limit + TITLE_CANDIDATES)})`);
  const candidates = sql`select id, max(ranked) as ranked from (${sql.join(ranked, sql` union all `)}) group by id`;
  // Each candidate's counts are taken once (materialized), scored, and sorted as small rows; the
  // page's records are read once it is cut.
  const counted = sql`counted as materialized (select c.id, c.ranked, ${titleTier(f, 'sqlite')} as tier, length(d.title) + length(d.body) as len, ${counts(f)} from (${candidates}) c join search_documents d on d.id = c.id)`;
  const order = (t: string) => sql.raw(`order by ${t}ranked desc, case when ${t}ranked = 1 then ${t}tier end desc, case when ${t}ranked = 1 then ${t}score end desc, ${t}id desc`);
  const page = sql`select * from (select id, ranked, tier, ${score(f, idf)} as score from counted) ${order('')} limit ${f.limit} offset ${f.offset}`;
  const rows = await sql<Omit<SearchHit, 'rank'> & { score: number }>`${withGrams(counted)}select ${HIT_COLUMNS}, p.score from (${page}) p join search_documents d on d.id = p.id ${order('p.')}`.execute(db);
  const hits = rows.rows.map((r) => ({ kind: r.kind, entity_type: r.entity_type, entity_id: r.entity_id, url: r.url, title: r.title, body: r.body, organization: r.organization, state: r.state, date: r.date, plan: r.plan, lang: r.lang, rank: -Number(r.score) }));
  return { hits, total };
}
