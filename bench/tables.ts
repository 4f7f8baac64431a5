// Searchable tables at scale: a generated 1,000,000-row table loaded into SQLite (a temporary file,
// WAL, as served), then quick-search queries through the repository and through the HTTP API,
// against a baseline measured in the same run: the same filtered page read by a raw prepared
// statement on the same file (no Kysely, no JSON parsing, no count).
//   npm run bench:tables          (BENCH_ROWS, BENCH_RUNS to change the size and the repetitions)
// Prints the load time and, for each query, the median latency of BENCH_RUNS runs and its ratio to the baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.ts';
import { importAll } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/create-db.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/platform/clock.ts';
import { countRows, insertRows, insertTable, queryRows, refreshRowStatistics, type RowQuery } from '../src/modules/open-data/tables.repository.ts';
import { parseDeclaredSchema, type CheckedRow } from '../src/modules/open-data/table-schema.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const dir = mkdtempSync(join(tmpdir(), 'madang-bench-tables-'));
const file = join(dir, 'bench.db');

try {
  const handle = createDb(`sqlite:${file}`);
  await migrateToLatest(handle);
  await importAll(handle, systemClock);
  const dataset = await handle.db.selectFrom('od_datasets').select('id').where('slug', '=', 'harmful-substances-in-foods').executeTakeFirstOrThrow();
  const schema = parseDeclaredSchema('food:text:filter\nsubstance:text:filter\nyear:integer:filter\namount:number:filter\nnote:text');
  if (!schema.ok) throw new Error('schema');

  // Generated values (not data): 500 foods, 19 substances, 11 years, amounts 0–9.999.
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const loadStart = performance.now();
  const tableId = await insertTable(handle.db, { dataset_id: dataset.id, slug: 'bench', title: 'Bench', columns: schema.columns, row_count: ROWS, created_by: null, created_at: new Date().toISOString() });
  const CHUNK = 50_000;
  for (let start = 0; start < ROWS; start += CHUNK) {
    const rows: CheckedRow[] = [];
    for (let i = start; i < Math.min(ROWS, start + CHUNK); i++) {
      const food = `food-${Math.floor(rand() * 500)}`;
      const substance = `substance-${Math.floor(rand() * 19)}`;
      const year = String(2010 + Math.floor(rand() * 11));
      const amount = String(Math.round(rand() * 10000) / 1000);
      rows.push({ cells: [food, substance, year, amount, `sample ${i}`], filters: { f1: food, f2: substance, f3: year, f4: amount } });
    }
    await handle.db.transaction().execute((trx) => insertRows(trx, tableId, rows, start + 1));
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const analyzeStart = performance.now();
  await refreshRowStatistics(handle.db); // as the upload command does after its transaction
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000;

  const raw = new SQLite(file, { readonly: true });
  const rawStmt = raw.prepare('SELECT row_no, data FROM od_table_rows WHERE table_id = ? AND f1 = ? AND f2 = ? ORDER BY row_no LIMIT 50');

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  async function time(fn: (i: number) => unknown): Promise<number> {
    await fn(0);
    const ms: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const t0 = performance.now();
      await fn(i);
      ms.push(performance.now() - t0);
    }
    return median(ms);
  }
  const food = (i: number) => `food-${(i * 37) % 500}`;
  const substance = (i: number) => `substance-${i % 19}`;
  const q = (filters: RowQuery['filters'], sort: RowQuery['sort'] = { slot: 'row_no', numeric: true, desc: false }, offset = 0): RowQuery => ({ filters, sort, limit: 50, offset });

  const baseline = await time((i) => rawStmt.all(tableId, food(i), substance(i)));
  const results: [string, number][] = [['baseline: raw prepared statement, food+substance page', baseline]];
  results.push(['first page, no filter', await time(() => queryRows(handle.db, tableId, q({})))]);
  results.push(['count, no filter', await time(() => countRows(handle.db, tableId, q({})))]);
  results.push(['page, filter food', await time((i) => queryRows(handle.db, tableId, q({ f1: food(i) })))]);
  results.push(['page + count, filter food+substance', await time((i) => Promise.all([queryRows(handle.db, tableId, q({ f1: food(i), f2: substance(i) })), countRows(handle.db, tableId, q({ f1: food(i), f2: substance(i) }))]))]);
  results.push(['page, filter year, sorted by amount desc', await time((i) => queryRows(handle.db, tableId, q({ f3: String(2010 + (i % 11)) }, { slot: 'f4', numeric: true, desc: true })))]);
  results.push(['page 200 (offset 9,950), filter substance', await time((i) => queryRows(handle.db, tableId, q({ f2: substance(i) }, undefined, 9950)))]);

  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }, { rateLimitPerMinute: 1_000_000 }), handle });
  results.push([
    'HTTP API: rows + total, filter food+substance',
    await time(async (i) => {
      const res = await app.inject(`/api/v1/datasets/harmful-substances-in-foods/tables/bench/rows?f_food=${food(i)}&f_substance=${substance(i)}`);
      if (res.statusCode !== 200) throw new Error(`API answered ${res.statusCode}`);
    }),
  ]);
  results.push([
    'HTTP page: quick search, filter food+year',
    await time(async (i) => {
      const res = await app.inject(`/open-data/datasets/harmful-substances-in-foods/tables/bench?f_food=${food(i)}&f_year=2015`);
      if (res.statusCode !== 200) throw new Error(`page answered ${res.statusCode}`);
    }),
  ]);

  console.log(`${ROWS.toLocaleString('en')} rows loaded into SQLite (file, WAL) in ${loadSeconds.toFixed(1)} s, statistics refreshed in ${analyzeSeconds.toFixed(1)} s; median of ${RUNS} runs per query, 50 rows a page`);
  for (const [name, ms] of results) console.log(`${name.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms   ${(ms / baseline).toFixed(1).padStart(7)} × baseline`);
  raw.close();
  await app.close();
  await handle.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
