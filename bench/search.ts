// Search at scale: BENCH_RECORDS (default 1,000,000) generated records loaded straight into the
// search index of a temporary database (SQLite file; and a temporary PostgreSQL database when
// BENCH_PG_URL is set), then a mix of queries through the same code the page and the API run
// (runSearch: parse, search, count up to 1,000, typo correction, highlight), each class timed.
//   npm run bench:search                      (BENCH_RECORDS, BENCH_QUERIES per class)
//   BENCH_PG_URL=postgres://user:pass@127.0.0.1/db npm run bench:search   (BENCH_SQLITE=0: PostgreSQL only)
//   BENCH_KEEP=1 keeps the SQLite file; BENCH_SQLITE_FILE=that/bench.db measures it again without loading.
// Baselines measured in the same run on the same database: a primary-key read of one record
// through the same Kysely handle (the floor of any query on this stack), and the naive way without
// the index, a LIKE scan (no ranking, first 20 rows) over the first 100,000 records only, since
// over a million it takes seconds. On SQLite the CPU time of each search is printed too: on a shared,
// loaded machine the wall-clock figures mostly measure waiting for a core.
// The words are generated (pseudo-words and syllables), not data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { mulberry32 } from './prng.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db } from '../src/db/create-db.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { runSearch, type SearchParams } from '../src/modules/search/search.load.ts';
import { buildGrams, facetTokens, filingDate, vocabularyWords } from '../src/modules/search/search-text.ts';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 30);
const CHUNK = 20_000;

// The same draws at every run.
const rand = mulberry32(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
/** A Zipf-like draw: low ranks far more often than high ones. */
const zipf = <T>(xs: readonly T[]) => xs[Math.floor(xs.length * rand() * rand())]!;

const CONSONANTS = 'bcdfghklmnprstvz';
const VOWELS = 'aeiou';
function enWord(): string {
  let w = '';
  const syllables = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < syllables; i++) w += pick([...CONSONANTS]) + pick([...VOWELS]) + (rand() < 0.3 ? pick([...CONSONANTS]) : '');
  return w;
}
const SYLLABLES = [...'가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히개내대래매배새애재채광화문정보공개투명성시민참여행정안전부국민권익위원회청원제안공공데이터회의록법률예산계획평가'];
function koWord(): string {
  let w = '';
  const n = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  return w;
}
function vocabulary(make: () => string, n: number, first: string[]): string[] {
  const out = new Set(first);
  while (out.size < n) out.add(make());
  return [...out];
}
const EN = vocabulary(enWord, 3000, ['open', 'data', 'government', 'transparency', 'participation', 'petition', 'proposal', 'commitment', 'milestone', 'budget']);
const KO = vocabulary(koWord, 4000, ['정보', '공개', '광화문', '시민참여', '투명성', '행정안전부', '청원', '제안', '회의록']);

const KINDS = ['commitment', 'milestone', 'petition', 'proposal', 'dataset', 'meeting', 'document', 'body', 'irm_recommendation'];
const ORGS = ['mois', 'mfds', 'acrc', 'mcst', 'cha', 'kcs', 'moe', 'fsc', 'mofa', 'mohw'];
const STATES = ['open', 'closed', 'submitted', 'adopted', 'completed', 'limited', null];

function record(i: number) {
  const ko = rand() < 0.5;
  const words = (n: number) => Array.from({ length: n }, () => (ko ? (rand() < 0.9 ? zipf(KO) : zipf(EN)) : zipf(EN))).join(' ');
  const title = words(3 + Math.floor(rand() * 5));
  const body = `${words(12 + Math.floor(rand() * 18))}.`;
  const kind = pick(KINDS);
  // Dates rise with the record's number, 2015 to 2026, as the index is filled oldest first (writeDocuments).
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor((i / RECORDS) * 12 * 365) * 86_400_000);
  const date = filingDate(day.toISOString().slice(0, 10));
  const organization = pick(ORGS);
  const state = pick(STATES);
  const facets = facetTokens({ kind, organization, state, date });
  return { entity_type: `bench_${kind}`, entity_id: String(i), kind, url: `/bench/${i}`, title, body, organization, state, date, plan: null, lang: ko ? 'ko' : 'en', grams: buildGrams(`${title} ${body}`), facets, indexed_at: '2026-01-01T00:00:00.000Z' };
}
type Row = ReturnType<typeof record>;
const COLUMNS = ['entity_type', 'entity_id', 'kind', 'url', 'title', 'body', 'organization', 'state', 'date', 'plan', 'lang', 'grams', 'facets', 'indexed_at'] as const;

/** SQLite: triggers off while loading, then each FTS5 index rebuilt in one pass and the triggers put back. */
function loadSqlite(file: string) {
  const d = new SQLite(file);
  const triggers = d.prepare("select sql from sqlite_master where type = 'trigger' and tbl_name = 'search_documents'").all() as { sql: string }[];
  for (const t of d.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'search_documents'").all() as { name: string }[]) d.exec(`drop trigger ${t.name}`);
  const insert = d.prepare(`insert into search_documents (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
  const load = d.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(...COLUMNS.map((c) => r[c]));
  });
  for (let start = 0; start < RECORDS; start += CHUNK) load(Array.from({ length: Math.min(CHUNK, RECORDS - start) }, (_, k) => record(start + k + 1)));
  const indexStart = performance.now();
  d.exec("insert into search_fts(search_fts) values ('rebuild'); insert into search_grams(search_grams) values ('rebuild');");
  for (const t of triggers) d.exec(t.sql);
  const terms = d.prepare('insert or ignore into search_terms (term) values (?)');
  d.transaction(() => {
    for (const w of vocabularyWords(EN.join(' '))) terms.run(w);
  })();
  d.exec('analyze');
  d.close();
  return (performance.now() - indexStart) / 1000;
}

/** PostgreSQL: the GIN indexes dropped while loading (rows in batches through unnest), then built again. */
async function loadPostgres(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const idx = (await c.query("select indexname, indexdef from pg_indexes where tablename in ('search_documents', 'search_terms') and indexdef like '%gin%'")).rows as { indexname: string; indexdef: string }[];
  for (const i of idx) await c.query(`drop index ${i.indexname}`);
  const PG_CHUNK = 5_000;
  for (let start = 0; start < RECORDS; start += PG_CHUNK) {
    const rows = Array.from({ length: Math.min(PG_CHUNK, RECORDS - start) }, (_, k) => record(start + k + 1));
    await c.query(`insert into search_documents (${COLUMNS.join(', ')}) select * from unnest(${COLUMNS.map((_, n) => `$${n + 1}::text[]`).join(', ')})`, COLUMNS.map((col) => rows.map((r) => r[col])));
  }
  const indexStart = performance.now();
  await c.query('insert into search_terms (term) select unnest($1::text[]) on conflict do nothing', [vocabularyWords(EN.join(' '))]);
  for (const i of idx) await c.query(i.indexdef);
  await c.query('analyze search_documents');
  await c.query('analyze search_terms');
  await c.end();
  return (performance.now() - indexStart) / 1000;
}

function queries(): Record<string, SearchParams[]> {
  const n = Array.from({ length: QUERIES });
  const mid = <T>(xs: readonly T[]) => xs[50 + Math.floor(rand() * (xs.length - 50))]!;
  const long = () => {
    let w = mid(KO);
    while ([...w].length < 3) w = mid(KO);
    return w;
  };
  const typo = () => {
    let w = mid(EN);
    while (w.length < 6) w = mid(EN);
    const at = 1 + Math.floor(rand() * (w.length - 2));
    return w.slice(0, at) + (w[at] === 'q' ? 'x' : 'q') + w.slice(at + 1);
  };
  return {
    'Korean, 2 characters (inside a word)': n.map(() => ({ q: [...long()].slice(1, 3).join('') })),
    'Korean, 3+ characters': n.map(() => ({ q: long() })),
    'English word': n.map(() => ({ q: mid(EN) })),
    'English word + kind + organization + dates': n.map(() => ({ q: EN[Math.floor(rand() * 300)]!, kind: pick(KINDS), organization: pick(ORGS), from: '2019-01-01', to: '2021-12-31' })),
    'typo (corrected)': n.map(() => ({ q: typo() })),
  };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function measure(name: string, url: string, load: () => Promise<number>) {
  const handle: Db = createDb(url);
  await migrateToLatest(handle);
  const loadStart = performance.now();
  const indexSeconds = await load();
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const out: Record<string, unknown>[] = [];
  const row = (label: string, times: number[], extra: Record<string, unknown> = {}) => {
    const r = { engine: name, query: label, p50_ms: +percentile(times, 0.5).toFixed(2), p95_ms: +percentile(times, 0.95).toFixed(2), ...extra };
    out.push(r);
    console.log(`${name.padEnd(10)} ${label.padEnd(46)} p50 ${String(r.p50_ms).padStart(8)} ms   p95 ${String(r.p95_ms).padStart(8)} ms   ${Object.entries(extra).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  };
  console.log(`${name}: ${RECORDS.toLocaleString('en')} records loaded in ${loadSeconds.toFixed(1)} s (of which indexes ${indexSeconds.toFixed(1)} s)`);

  const pk: number[] = [];
  for (let i = 0; i < 200; i++) {
    const id = 1 + Math.floor(rand() * RECORDS);
    const t0 = performance.now();
    await handle.db.selectFrom('search_documents').selectAll().where('id', '=', id).executeTakeFirst();
    pk.push(performance.now() - t0);
  }
  row('baseline: primary-key read of one record', pk);

  const like: number[] = [];
  const likeWords = queries()['Korean, 2 characters (inside a word)']!.slice(0, 5);
  const subset = Math.min(RECORDS, 100_000);
  for (const w of likeWords) {
    const t0 = performance.now();
    await sql`select id from search_documents where id <= ${subset} and (title like ${`%${w.q}%`} or body like ${`%${w.q}%`}) limit 20`.execute(handle.db);
    like.push(performance.now() - t0);
  }
  row(`baseline: LIKE scan of ${subset.toLocaleString('en')} records, no ranking`, like);

  for (const [label, qs] of Object.entries(queries())) {
    await runSearch(handle, qs[0]!); // warm
    const times: number[] = [];
    const cpu: number[] = [];
    const totals: number[] = [];
    let corrected = 0;
    for (const q of qs) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const r = await runSearch(handle, q);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      totals.push(r.total);
      if (r.corrected) corrected++;
    }
    // On SQLite the query runs in this process: its CPU time is what it would take on an idle machine.
    const cpuFigures = name === 'sqlite' ? { cpu_p50_ms: +percentile(cpu, 0.5).toFixed(2), cpu_p95_ms: +percentile(cpu, 0.95).toFixed(2) } : {};
    row(label, times, { ...cpuFigures, 'median matches': percentile(totals, 0.5), ...(label.startsWith('typo') ? { corrected: `${corrected}/${qs.length}` } : {}) });
  }
  await handle.close();
  return { engine: name, records: RECORDS, load_seconds: +loadSeconds.toFixed(1), results: out };
}

const dir = mkdtempSync(join(tmpdir(), 'madang-bench-search-'));
const summary = [];
try {
  const file = join(dir, 'bench.db');
  const reuse = process.env.BENCH_SQLITE_FILE;
  if (reuse) {
    // A file kept by BENCH_KEEP from a run with the same BENCH_RECORDS: measured again without loading;
    // the records are drawn (not written) so that the queries are the same as that run's.
    for (let i = 1; i <= RECORDS; i++) record(i);
    summary.push(await measure('sqlite', `sqlite:${reuse}`, async () => 0));
  } else if (process.env.BENCH_SQLITE !== '0') summary.push(await measure('sqlite', `sqlite:${file}`, async () => loadSqlite(file)));
  if (process.env.BENCH_PG_URL) {
    const base = process.env.BENCH_PG_URL;
    const name = `madang_bench_search_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    try {
      summary.push(await measure('postgres', u.toString(), () => loadPostgres(u.toString())));
    } finally {
      // measure() has closed its handle, whose close() waits until the server has let every connection go.
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(summary));
