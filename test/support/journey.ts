// What every persona journey needs: the real application on a loopback port, Debian's Chromium,
// axe-core on each page visited, and signing in as one of the test accounts. `journey()` registers
// the before/after hooks of the file that calls it at its top level.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Config } from '../../src/config.ts';
import { ACCOUNTS, PASSWORD, type AccountName } from './app.ts';
import { axeViolations, describeViolations, hasChromium, launch } from './browser.ts';
import { startServer } from './server.ts';

export type JourneyServer = Awaited<ReturnType<typeof startServer>>;

export interface Journey {
  /** A reason to skip the journey's tests where Chromium is missing, else false. */
  skip: string | false;
  server(): JourneyServer;
  browser(): Browser;
  /** Every page axe-core has checked, by URL, in order. */
  visited: string[];
  /** Runs axe-core on the page as it is now and fails on any violation. */
  check(page: Page): Promise<void>;
  /** Opens a path of the server, expects a status under 400, and checks the page. */
  visit(page: Page, path: string): Promise<void>;
  /** Signs in on this page through the sign-in form (in English). */
  signIn(page: Page, who: AccountName): Promise<void>;
  /** A fresh browser context (its own cookies) signed in as one account. */
  signedIn(who: AccountName): Promise<{ context: BrowserContext; page: Page }>;
}

export function journey(options: { prepare?: (server: JourneyServer) => Promise<void>; config?: Partial<Config> } = {}): Journey {
  const skip = hasChromium ? false : 'Chromium is not installed at /usr/bin/chromium (apt-get install chromium)';
  let server: JourneyServer | undefined;
  let browser: Browser | undefined;
  const visited: string[] = [];

  before(async () => {
    if (skip) return;
    server = await startServer(options.config);
    await options.prepare?.(server);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const j: Journey = {
    skip,
    visited,
    server: () => server ?? assert.fail('the journey server is not running'),
    browser: () => browser ?? assert.fail('the journey browser is not running'),
    async check(page) {
      const violations = await axeViolations(page);
      visited.push(page.url());
      assert.deepEqual(violations, [], describeViolations(page.url(), violations));
    },
    async visit(page, path) {
      const res = await page.goto(j.server().url + path, { waitUntil: 'load' });
      assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
      await j.check(page);
    },
    async signIn(page, who) {
      await j.visit(page, '/sign-in?lang=en');
      await page.fill('#email', ACCOUNTS[who].email);
      await page.fill('#password', PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(j.server().url + '/');
    },
    async signedIn(who) {
      const context = await j.browser().newContext();
      const page = await context.newPage();
      await j.signIn(page, who);
      return { context, page };
    },
  };
  return j;
}
