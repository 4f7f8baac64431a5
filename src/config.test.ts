import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults serve the demo on SQLite at port 3000', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, 'sqlite:./data/madang.db');
  assert.equal(c.defaultLocale, 'ko');
  assert.equal(c.cookieSecure, false);
  assert.equal(c.createDemoAccounts, true);
});

test('bad values stop the boot with a message naming the key', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ DEFAULT_LOCALE: 'fr' }), /DEFAULT_LOCALE/);
  assert.throws(() => loadConfig({ COOKIE_SECRET: 'short' }), /COOKIE_SECRET/);
  assert.throws(() => loadConfig({ LOAD_DEMO_DATA: 'maybe' }), ConfigError);
});

test('production needs a cookie secret and refuses demo accounts', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /COOKIE_SECRET/);
  const secret = 'x'.repeat(40);
  assert.throws(() => loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: secret, DEMO_ACCOUNTS: 'true' }), /DEMO_ACCOUNTS/);
  const c = loadConfig({ NODE_ENV: 'production', COOKIE_SECRET: secret });
  assert.equal(c.createDemoAccounts, false);
  assert.equal(c.cookieSecure, true);
});
