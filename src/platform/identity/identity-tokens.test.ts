import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sign, unsign } from '@fastify/cookie';
import { identityCookieValue, IdentityTokens } from './identity.ts';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const now = new Date('2026-11-26T12:00:00Z');
const later = new Date('2026-11-27T12:00:00Z');

function counting() {
  const calls = { n: 0 };
  const tokens = new IdentityTokens((s) => {
    calls.n += 1;
    return unsign(s, SECRET);
  }, 2);
  return { tokens, calls };
}

test('a signed token gives its identity, and its signature is checked once', () => {
  const { tokens, calls } = counting();
  const token = sign(identityCookieValue(42, later), SECRET);
  assert.equal(tokens.identity(token, now), 42);
  assert.equal(tokens.identity(token, now), 42);
  assert.equal(calls.n, 1);
});

test('a forged or altered token gives nothing, every time it is tried', () => {
  const { tokens, calls } = counting();
  const forged = sign(identityCookieValue(42, later), 'another-secret-another-secret-another-secret');
  const altered = sign(identityCookieValue(42, later), SECRET).replace('42.', '43.');
  assert.equal(tokens.identity(forged, now), null);
  assert.equal(tokens.identity(forged, now), null);
  assert.equal(tokens.identity(altered, now), null);
  assert.equal(calls.n, 3);
});

test('a remembered token stops working when its right to sign ends', () => {
  const { tokens } = counting();
  const token = sign(identityCookieValue(7, later), SECRET);
  assert.equal(tokens.identity(token, now), 7);
  assert.equal(tokens.identity(token, new Date(later.getTime() + 1000)), null);
});

test('past the number kept, the oldest token is checked again', () => {
  const { tokens, calls } = counting();
  const [a, b, c] = [1, 2, 3].map((id) => sign(identityCookieValue(id, later), SECRET));
  for (const t of [a, b, c, b, c, a]) tokens.identity(t!, now);
  assert.equal(calls.n, 4); // a, b, c, then a again once it was forgotten
});
