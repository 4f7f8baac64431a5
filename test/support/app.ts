// Builds the real application on a fresh database, with the demo plan loaded and one account per role.
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { importAll } from '../../src/bootstrap.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createAccount } from '../../src/platform/auth/accounts.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { App } from '../../src/platform/module.ts';
import { freshDb, type TestDb } from './db.ts';

export const PASSWORD = 'correct horse battery staple';

export const ACCOUNTS = {
  admin: { email: 'admin@test.local', role: 'admin', organizationKey: null },
  officerMois: { email: 'officer.mois@test.local', role: 'officer', organizationKey: 'mois' },
  officerMfds: { email: 'officer.mfds@test.local', role: 'officer', organizationKey: 'mfds' },
  forum: { email: 'forum@test.local', role: 'forum_member', organizationKey: null },
  citizen: { email: 'citizen@test.local', role: 'citizen', organizationKey: null },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export interface TestContext {
  app: App;
  db: TestDb;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export async function testApp(options: { seed?: boolean; accounts?: boolean; config?: Partial<Config> } = {}): Promise<TestContext> {
  const db = await freshDb();
  const clock = fixedClock('2026-11-20T03:00:00.000Z');
  const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: db.url, baseUrl: 'http://localhost:3000', signInRateLimitPerMinute: 10_000, rateLimitPerMinute: 100_000, ...options.config });
  if (options.seed !== false) await importAll(db, clock);
  if (options.accounts !== false && options.seed !== false) {
    for (const [name, a] of Object.entries(ACCOUNTS)) {
      const r = await createAccount(db.db, { email: a.email, name: `Test ${name}`, role: a.role, organizationKey: a.organizationKey, password: PASSWORD }, clock.now());
      if (!r.ok) throw new Error(r.error);
    }
  }
  const app = await buildApp({ config, handle: db, clock });
  return {
    app,
    db,
    config,
    clock,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

/** Cookies a response sets, as a Cookie header value merged over the previous ones. */
export function mergeCookies(previous: string, res: LightMyRequestResponse): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => [c.slice(0, c.indexOf('=')), c]));
  for (const c of res.cookies as { name: string; value: string }[]) jar.set(c.name, `${c.name}=${c.value}`);
  return [...jar.values()].join('; ');
}

export function csrfFrom(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m) throw new Error('no CSRF token in the page');
  return m[1]!;
}

/** A browser-like session: cookies kept between requests, the CSRF token read from a page. */
export class Session {
  cookies = '';
  constructor(private readonly app: App) {}

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookies, ...headers } });
    this.cookies = mergeCookies(this.cookies, res);
    return res;
  }

  async csrf(url = '/sign-in'): Promise<string> {
    return csrfFrom((await this.get(url)).body);
  }

  async postForm(url: string, form: Record<string, string>) {
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookies, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
    this.cookies = mergeCookies(this.cookies, res);
    return res;
  }

  async postMultipart(url: string, parts: { name: string; value?: string; filename?: string; contentType?: string; data?: Buffer }[]) {
    const boundary = `----madang${Math.random().toString(16).slice(2)}`;
    const chunks: Buffer[] = [];
    for (const p of parts) {
      let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
      if (p.filename !== undefined) head += `; filename="${p.filename}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}`;
      chunks.push(Buffer.from(`${head}\r\n\r\n`), p.data ?? Buffer.from(p.value ?? ''), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookies, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(chunks),
    });
    this.cookies = mergeCookies(this.cookies, res);
    return res;
  }

  /** Reads pages in one language from now on, as a visitor who chose it (the `lang` cookie). */
  useLocale(locale: 'ko' | 'en') {
    this.cookies = [...this.cookies.split('; ').filter((c) => c && !c.startsWith('lang=')), `lang=${locale}`].join('; ');
    return this;
  }

  async signIn(account: AccountName) {
    const token = await this.csrf('/sign-in');
    const res = await this.postForm('/sign-in', { email: ACCOUNTS[account].email, password: PASSWORD, _csrf: token, next: '/' });
    if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
    return this;
  }
}

/** A session signed in as one of the test accounts, or a visitor's (null). */
export async function sessionAs(app: App, who: AccountName | null): Promise<Session> {
  const s = new Session(app);
  if (who) await s.signIn(who);
  return s;
}
