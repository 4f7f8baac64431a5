import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COUNT_CACHE_MS, CountCache } from './count-cache.ts';

const body = (count: number, state = 'open') => ({ id: 7, count, threshold: 10, threshold_reached_at: null, state });

test('a count is served for the window, then read again', () => {
  const cache = new CountCache();
  cache.set(body(3), 1000);
  assert.equal(cache.get(7, 1000 + COUNT_CACHE_MS)?.body.count, 3);
  assert.equal(cache.get(7, 1001 + COUNT_CACHE_MS), undefined);
});

test('an older count finishing late never replaces a newer one', () => {
  const cache = new CountCache();
  cache.set(body(150), 1000);
  assert.equal(cache.set(body(100), 1001).body.count, 150);
  assert.equal(cache.get(7, 1001)?.body.count, 150);
  assert.equal(cache.set(body(151, 'threshold_reached'), 1002).body.state, 'threshold_reached');
  assert.equal(cache.get(7, 1002)?.etag, '"7-151-threshold_reached"');
});

test('once its window has passed, an entry is replaced by whatever the database says', () => {
  const cache = new CountCache();
  cache.set(body(150), 1000);
  assert.equal(cache.set(body(100), 2000).body.count, 100);
});
