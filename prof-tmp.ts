import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { runSearch } from './src/modules/search/search.load.ts';
const times = new Map<string, number[]>();
const raw = new SQLite('/tmp/madang-bench-search-Dr2exH/bench.db', { readonly: true });
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }), log: (e) => { if (e.level === 'query') { const k = e.query.sql.slice(0, 70).replace(/\s+/g, ' '); (times.get(k) ?? times.set(k, []).get(k)!).push(e.queryDurationMillis); } } });
const h = { db, dialect: 'sqlite' as const } as any;
const minCpu = async (label: string, f: () => Promise<unknown>, n = 7) => { await f(); const xs: number[] = []; for (let i = 0; i < n; i++) { const c0 = process.cpuUsage(); await f(); const c = process.cpuUsage(c0); xs.push((c.user + c.system) / 1000); } xs.sort((a, b) => a - b); console.log(label.padEnd(40), 'min', xs[0]!.toFixed(2), 'median', xs[n >> 1]!.toFixed(2), 'ms cpu'); };
for (const q of (process.argv[2] ?? '정보,open,budget,opne').split(',')) { times.clear(); await minCpu(`runSearch ${q}`, () => runSearch(h, { q })); for (const [k, v] of times) console.log('   ', Math.min(...v).toFixed(2), k); }
