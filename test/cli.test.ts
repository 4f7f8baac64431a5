// The `madang` command, run as a user would, on a temporary SQLite file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'madang-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, NODE_ENV: 'development', LOG_LEVEL: 'silent' };
after(() => rmSync(dir, { recursive: true, force: true }));

function madang(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/madang.js', ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('migrate, then import twice: the second import changes nothing', () => {
  assert.match(madang(['migrate']).out, /Applied: 0001-platform, 0002-action-plans/);
  assert.match(madang(['migrate']).out, /up to date/);
  const first = madang(['import']);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /kr-2018-2020: created .*13 commitments/);
  const second = madang(['import']);
  assert.match(second.out, /kr-2018-2020: nothing new/);
});

test('user create and set-password read the password from standard input and check it', () => {
  const ok = madang(['user', 'create', '--email', 'officer@mfds.example', '--name', 'Officer', '--role', 'officer', '--organization', 'mfds', '--password-stdin'], 'a long enough password\n');
  assert.equal(ok.code, 0, ok.err);
  const dup = madang(['user', 'create', '--email', 'officer@mfds.example', '--name', 'Officer', '--role', 'officer', '--organization', 'mfds', '--password-stdin'], 'a long enough password\n');
  assert.equal(dup.code, 1);
  assert.match(dup.err, /exists already/);
  const noOrg = madang(['user', 'create', '--email', 'x@y.z', '--name', 'X', '--role', 'officer', '--password-stdin'], 'a long enough password\n');
  assert.match(noOrg.err, /belongs to one organization/);
  const short = madang(['user', 'set-password', '--email', 'officer@mfds.example', '--password-stdin'], 'short\n');
  assert.equal(short.code, 1);
  assert.match(short.err, /at least 12 characters/);
  assert.match(madang(['user', 'list']).out, /officer@mfds\.example\s+Ministry of Food and Drug Safety/);
});

test('a bad configuration stops with a message naming the key', () => {
  const r = spawnSync(process.execPath, ['bin/madang.js', 'migrate'], { env: { ...env, PORT: 'eighty' }, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /PORT must be a whole number/);
});

test('serve answers /healthz and stops gracefully on SIGTERM', async () => {
  const { spawn } = await import('node:child_process');
  const port = 20000 + Math.floor(Math.random() * 20000);
  // No demo accounts: hashing ten passwords with argon2 is slow on a loaded machine and not what is tested here.
  const child = spawn(process.execPath, ['bin/madang.js', 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1', DEMO_ACCOUNTS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    let healthy = false;
    for (let i = 0; i < 300 && !healthy; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    }
    assert.ok(healthy, `the server did not become healthy: ${output}`);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0, output);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
