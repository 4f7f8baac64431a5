// Real `madang serve` processes for crash and multi-process tests.
import { spawn, type ChildProcess } from 'node:child_process';

export const TEST_COOKIE_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServe(databaseUrl: string, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/madang.js', 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      COOKIE_SECRET: TEST_COOKIE_SECRET,
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'silent',
      LOAD_DEMO_DATA: 'false',
      RATE_LIMIT_PER_MINUTE: '1000000',
      SIGN_RATE_LIMIT_PER_MINUTE: '1000000',
      SIGN_RATE_LIMIT_PER_IDENTITY: '1000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${stderr}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) {
      return {
        url,
        child,
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill(signal);
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`serve did not become healthy: ${stderr}`);
}

export const freePort = () => 20000 + Math.floor(Math.random() * 30000);
