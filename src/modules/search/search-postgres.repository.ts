// The search on PostgreSQL, ranked like the SQLite path (search-sqlite.repository.ts): the GIN indexes
// find the matches (the tsvector for two-character words, pg_trgm for longer parts of words), and only
// candidates are ranked, not every match: the newest RANK_CANDIDATES matches and, when there are more,
// the newest TITLE_CANDIDATES whose title holds every word, so that a title match is never lost behind a
// common word. Records whose title holds the whole query come first, then those whose title holds every
// word (titleTier), then by ts_rank plus the query's word_similarity to the title; a page past the
// ranked candidates goes on through the other matches, newest first. A search with fewer matches than
// the candidates ranks all of them.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { HIT_COLUMNS, RANK_CANDIDATES, TITLE_CANDIDATES, titleTier, type SearchFilter, type SearchHit } from './search.repository.ts';

type DB = Kysely<Database>;

function termConditions(f: SearchFilter): RawBuilder<unknown>[] {
  return f.terms.map((t) =>
    t.mode === 'gram' ? sql`d.tsv @@ plainto_tsquery('simple', ${t.text})` : sql`lower(d.title || ' ' || d.body) like ${`%${t.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  );
}

/**
 * The ids of matches newest first (the highest ids: the index is written oldest record first), at most
 * `limit`. `d.id + 0` keeps the planner from walking the primary key backwards and testing each record
 * until enough match (every record, for a rare word): the GIN index finds the matches, then the newest are kept.
 */
function newest(where: RawBuilder<unknown>[], limit: number) {
  return sql`select d.id from search_documents d where ${sql.join(where, sql` and `)} order by d.id + 0 desc limit ${limit}`;
}

export async function postgresSearch(db: DB, f: SearchFilter, conditions: RawBuilder<unknown>[]): Promise<{ hits: SearchHit[]; total: number }> {
  const where = [...conditions, ...termConditions(f)];
  // The newest matches, read once: they are counted (up to countCap) and are the first candidates.
  const found = await sql<{ id: number | string }>`${newest(where, Math.max(f.countCap + 1, RANK_CANDIDATES))}`.execute(db);
  const ids = found.rows.map((r) => Number(r.id));
  const total = Math.min(ids.length, f.countCap + 1);
  if (total === 0 || (total <= f.countCap && f.offset >= total)) return { hits: [], total };
  const more = ids.length > RANK_CANDIDATES;
  const ranked = [sql`select unnest(${ids.slice(0, RANK_CANDIDATES)}::bigint[]) as id, 1 as ranked`];
  const inTitle = f.terms.map((t) => sql`strpos(lower(d.title), ${t.text}) > 0`);
  if (more) ranked.push(sql`select id, 1 as ranked from (${newest([...where, ...inTitle], TITLE_CANDIDATES)}) t`);
  if (more && f.offset + f.limit > RANK_CANDIDATES) ranked.push(sql`select id, 0 as ranked from (${newest(where, f.offset + f.limit + TITLE_CANDIDATES)}) n`);
  const candidates = sql`select id, max(ranked) as ranked from (${sql.join(ranked, sql` union all `)}) u group by id`;
  const any = sql.join(f.terms.map((t) => sql`plainto_tsquery('simple', ${t.text})`), sql` || `);
  const phrase = f.terms.map((t) => t.text).join(' ');
  const scored = sql`select ${HIT_COLUMNS}, d.id, c.ranked, ${titleTier(f, 'postgres')} as tier, ts_rank(d.tsv, ${any}) + word_similarity(${phrase}, lower(d.title)) as score
    from (${candidates}) c join search_documents d on d.id = c.id`;
  const rows = await sql<Omit<SearchHit, 'rank'> & { score: number | string }>`select * from (${scored}) s
    order by ranked desc, case when ranked = 1 then tier end desc, case when ranked = 1 then score end desc, id desc limit ${f.limit} offset ${f.offset}`.execute(db);
  const hits = rows.rows.map((r) => ({ kind: r.kind, entity_type: r.entity_type, entity_id: r.entity_id, url: r.url, title: r.title, body: r.body, organization: r.organization, state: r.state, date: r.date, plan: r.plan, lang: r.lang, rank: -Number(r.score) }));
  return { hits, total };
}
