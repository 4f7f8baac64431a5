// Throughput of the plan pages and API against a bare node:http baseline measured in the same run.
//   npm run bench            (loopback only; each round is bounded in requests and time)
// Prints requests per second (median of ROUNDS rounds) and the ratio to the baseline.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app.ts';
import { importAll } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/create-db.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/platform/clock.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MAX_MS = 30_000;

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

async function round(port: number, path: string): Promise<number> {
  let next = 0;
  let failures = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < REQUESTS && performance.now() - start < MAX_MS) {
      next += 1;
      if ((await get(port, path)) !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failures) throw new Error(`${failures} requests to ${path} failed`);
  return next / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(port: number, path: string) {
  await round(port, path); // warm-up
  const rates: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) rates.push(await round(port, path));
  return median(rates);
}

const handle = createDb('sqlite::memory:');
await migrateToLatest(handle);
await importAll(handle, systemClock);
const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }, { rateLimitPerMinute: 1_000_000 }), handle });
await app.listen({ host: '127.0.0.1', port: 0 });
const appPort = (app.server.address() as AddressInfo).port;

// The baseline answers the same JSON document, prepared once, from bare node:http.
const planJson = (await app.inject('/api/v1/plans/kr-2018-2020')).body;
const bare = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(planJson);
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const barePort = (bare.address() as AddressInfo).port;

const baseline = await measure(barePort, '/');
const rows: [string, number][] = [['bare node:http, same JSON (baseline)', baseline]];
for (const path of ['/api/v1/plans/kr-2018-2020', '/plans/kr-2018-2020', '/plans/kr-2018-2020/commitments/12', '/healthz']) {
  rows.push([`GET ${path}`, await measure(appPort, path)]);
}
console.log(`${REQUESTS} requests a round, ${CONCURRENCY} concurrent, median of ${ROUNDS} rounds, SQLite in memory, loopback`);
for (const [name, rate] of rows) console.log(`${name.padEnd(48)} ${rate.toFixed(0).padStart(7)} req/s   ${(rate / baseline).toFixed(3)} × baseline`);

agent.destroy();
bare.close();
await app.close();
await handle.close();
