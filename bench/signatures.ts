// Signing surge on loopback: `npm run bench:signatures` (SQLite; add BENCH_PG_URL=postgres://… for
// PostgreSQL too). Each engine: a fresh database with the seed and N verified identities, the real
// server (`madang serve`, production settings) in a child process, then
//   1. a surge of N signatures by distinct identities on one petition (autocannon, keep-alive),
//      with a reader polling the count endpoint during it;
//   2. the count endpoint on its own;
//   3. the ceilings: bare node:http doing the same INSERT with a raw prepared statement, and the
//      same server answering a count it holds in memory.
// It checks that the count equals the rows and every acknowledged signature, then prints figures;
// the last line is one JSON object. Requests are bounded in number and time and target 127.0.0.1.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@fastify/cookie';
import autocannon from 'autocannon';
import pg from 'pg';
import { importAll } from '../src/bootstrap.ts';
import { createDb } from '../src/db/create-db.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/platform/clock.ts';
import { identityCookieValue } from '../src/platform/identity/identity.ts';
import { identities, openPetition } from '../test/support/petitions.ts';

const N = Number(process.env.BENCH_SIGNATURES ?? 30_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECRET = 'bench-secret-bench-secret-bench-secret-42';
const root = new URL('..', import.meta.url).pathname;

function start(script: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, { cwd: root, env: { ...process.env, ...env }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('message', () => resolve(child));
  });
}

async function waitHealthy(port: number) {
  for (let i = 0; i < 300; i += 1) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

async function prepare(url: string) {
  const handle = createDb(url);
  await migrateToLatest(handle);
  await importAll(handle, systemClock);
  const petition = await openPetition(handle.db, { threshold: Math.floor(N / 2), title: 'Benchmark petition' });
  const ids = await identities(handle.db, N, 'bench');
  const ceilingPetition = await openPetition(handle.db, { threshold: null, title: 'Ceiling petition' });
  const ceilingIds = await identities(handle.db, N, 'ceiling');
  await handle.close();
  const expires = new Date(Date.now() + 86_400_000);
  const tokens = ids.map((id) => `Identity ${sign(identityCookieValue(id, expires), SECRET)}`);
  return { petition, tokens, ceilingPetition, ceilingIds };
}

async function engine(name: string, url: string) {
  const prepared = await prepare(url);
  const port = 41000 + Math.floor(Math.random() * 10000);
  const server = fork(join(root, 'bin/madang.js'), ['serve'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', COOKIE_SECRET: SECRET, COOKIE_SECURE: 'false', LOG_LEVEL: 'silent', LOAD_DEMO_DATA: 'false', RATE_LIMIT_PER_MINUTE: '1000000', SIGN_RATE_LIMIT_PER_MINUTE: '100000000', SIGN_RATE_LIMIT_PER_IDENTITY: '1000' },
    execArgv: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await waitHealthy(port);
    let next = 0;
    const countPath = `/api/v1/petitions/${prepared.petition}/count`;
    let finishReaders: (r: autocannon.Result) => void = () => {};
    const readersResult = new Promise<autocannon.Result>((resolve) => (finishReaders = resolve));
    const readers = autocannon({ url: `http://127.0.0.1:${port}${countPath}`, connections: 2, duration: 120 }, (_err, r) => finishReaders(r));
    const cpuBeforeSurge = cpuMs(server.pid);
    const surge = await run({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      amount: N,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/petitions/${prepared.petition}/signatures`,
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: prepared.tokens[next++ % N]! } }),
        },
      ],
    });
    readers.stop();
    const during = await readersResult;
    const cpuAfterSurge = cpuMs(server.pid);
    const alone = await run({ url: `http://127.0.0.1:${port}${countPath}`, connections: CONNECTIONS, duration: 5 });
    const cpuAfterCount = cpuMs(server.pid);
    await new Promise((r) => setTimeout(r, 300)); // past the count cache window
    const final = await (await fetch(`http://127.0.0.1:${port}${countPath}`)).json();
    const acknowledged = surge['2xx'];

    // The ceiling, on the same database file or server.
    const cport = port + 1;
    const ceiling = await start(join(root, 'bench/ceiling-server.ts'), [String(cport), url], {});
    let cnext = 0;
    const ceil = await run({
      url: `http://127.0.0.1:${cport}`,
      connections: CONNECTIONS,
      amount: N,
      requests: [{ method: 'POST', path: `/sign/${prepared.ceilingPetition}`, setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Id ${prepared.ceilingIds[cnext++ % N]}` } }) }],
    });
    const countCeiling = await run({ url: `http://127.0.0.1:${cport}/count`, connections: CONNECTIONS, duration: 5 });
    ceiling.kill();

    const rows = await countRows(url, prepared.petition);
    return {
      engine: name,
      signatures: N,
      acknowledged,
      non_2xx: surge.non2xx,
      count: final.count,
      rows,
      signatures_per_s: Math.round(acknowledged / (surge.duration || 1)),
      p50_ms: surge.latency.p50,
      p99_ms: surge.latency.p99,
      count_p99_ms: during.latency.p99,
      count_reads_per_s: Math.round(alone.requests.average),
      ceiling_per_s: Math.round(ceil['2xx'] / (ceil.duration || 1)),
      count_ceiling_per_s: Math.round(countCeiling.requests.average),
      // Server CPU per answered request: what the figures above would be on a machine of their own.
      server_cpu_us_per_request_surge: perRequest(cpuAfterSurge, cpuBeforeSurge, surge.requests.total + during.requests.total),
      server_cpu_us_per_count_read: perRequest(cpuAfterCount, cpuAfterSurge, alone.requests.total),
    };
  } finally {
    server.kill('SIGTERM');
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc; null where there is no /proc. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return null;
  }
}

function perRequest(end: number | null, start: number | null, requests: number): number | null {
  return end === null || start === null || requests === 0 ? null : Math.round(((end - start) * 1000) / requests);
}

async function countRows(url: string, petition: number): Promise<number> {
  const handle = createDb(url);
  const r = await handle.db.selectFrom('signatures').select((eb) => eb.fn.countAll().as('n')).where('petition_id', '=', petition).executeTakeFirstOrThrow();
  await handle.close();
  return Number(r.n);
}

async function pgDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `madang_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'madang-bench-'));
const results = [];
try {
  results.push(await engine('sqlite', `sqlite:${join(dir, 'bench.db')}`));
  if (process.env.BENCH_PG_URL) {
    const pgdb = await pgDatabase(process.env.BENCH_PG_URL);
    try {
      results.push(await engine('postgres', pgdb.url));
    } finally {
      await pgdb.drop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const r of results) {
  const ratio = (r.signatures_per_s / r.ceiling_per_s).toFixed(2);
  console.log(`${r.engine}: ${r.signatures_per_s} signatures/s (p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms), ${ratio} of the ceiling ${r.ceiling_per_s}/s; count p99 during the surge ${r.count_p99_ms} ms; count alone ${r.count_reads_per_s} reads/s (bare node:http from memory: ${r.count_ceiling_per_s}/s); server CPU ${r.server_cpu_us_per_request_surge} µs a request in the surge, ${r.server_cpu_us_per_count_read} µs a count read; exact: count ${r.count} = rows ${r.rows} = acknowledged ${r.acknowledged}`);
}
const main = results[0]!;
console.log(JSON.stringify({ ...main, by_engine: results }));
