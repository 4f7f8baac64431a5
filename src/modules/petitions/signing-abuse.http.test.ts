// Abuse of the signing API: each attempt gets a clear 4xx and writes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sign } from '@fastify/cookie';
import { identityCookieValue } from '../../platform/identity/identity.ts';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { identities, openPetition } from '../../../test/support/petitions.ts';

let t: TestContext;
before(async () => {
  t = await testApp({ accounts: false, config: { cookieSecret: 'abuse-test-secret-abuse-test-secret-0001', signRateLimitPerMinute: 8, signRateLimitPerIdentity: 3 } });
});
after(async () => t.close());

const token = (identityId: number) => `Identity ${sign(identityCookieValue(identityId, new Date(t.clock.now().getTime() + 86_400_000)), t.config.cookieSecret!)}`;
const signApi = (petition: number | string, headers: Record<string, string> = {}, payload?: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/petitions/${petition}/signatures`, headers: { 'x-forwarded-for': '198.51.100.7', ...headers }, ...(payload === undefined ? {} : { payload }) });
const rows = async (petition: number) => (await t.db.db.selectFrom('signatures').select('id').where('petition_id', '=', petition).execute()).length;
const stored = async (petition: number) => Number((await t.db.db.selectFrom('petitions').select('signature_count').where('id', '=', petition).executeTakeFirstOrThrow()).signature_count);

test('a verified identity signs once through the API; the second attempt is a 409 counted nowhere', async () => {
  const petition = await openPetition(t.db.db, { threshold: 10 });
  const [me] = await identities(t.db.db, 1, 'api-once');
  const first = await signApi(petition, { authorization: token(me!), 'x-forwarded-for': '198.51.100.1' });
  assert.equal(first.statusCode, 201);
  assert.deepEqual(first.json(), { count: 1, threshold_reached: false });
  const again = await signApi(petition, { authorization: token(me!), 'x-forwarded-for': '198.51.100.1' });
  assert.equal(again.statusCode, 409);
  assert.match(again.headers['content-type'] as string, /problem\+json/);
  assert.match(again.json().detail, /signs once/);
  assert.equal(await rows(petition), 1);
  assert.equal(await stored(petition), 1);
});

test('closed, hidden, unknown and malformed petitions: 409, then 404 for those the public cannot see, 400, nothing written', async () => {
  const [me] = await identities(t.db.db, 1, 'api-closed');
  const auth = { authorization: token(me!), 'x-forwarded-for': '198.51.100.2' };
  const closed = await openPetition(t.db.db, { threshold: 10, closesAt: '2020-01-01T00:00:00.000Z' });
  assert.equal((await signApi(closed, auth)).statusCode, 409);
  const hidden = await openPetition(t.db.db, { threshold: 10 });
  await t.db.db.updateTable('petitions').set({ state: 'pending_moderation' }).where('id', '=', hidden).execute();
  assert.equal((await signApi(hidden, auth)).statusCode, 404);
  assert.equal((await signApi(999_999, auth)).statusCode, 404);
  assert.equal((await signApi('not-a-number', auth)).statusCode, 400);
  assert.equal((await signApi('99999999999999999999', auth)).statusCode, 400);
  assert.equal((await rows(closed)) + (await rows(hidden)), 0);
  assert.equal((await t.db.db.selectFrom('signatures').select('id').where('identity_id', '=', me!).execute()).length, 0);
});

test('an oversized body is refused with 413 before anything is read into the database', async () => {
  const petition = await openPetition(t.db.db, { threshold: 10 });
  const [me] = await identities(t.db.db, 1, 'api-big');
  const res = await signApi(petition, { authorization: token(me!), 'x-forwarded-for': '198.51.100.3', 'content-type': 'application/json' }, JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }));
  assert.equal(res.statusCode, 413);
  assert.equal(await rows(petition), 0);
});

test('one identity trying again and again is held to its limit a minute: 429, and only the first counts', async () => {
  const petition = await openPetition(t.db.db, { threshold: 100 });
  const [me] = await identities(t.db.db, 1, 'api-identity-limit');
  const statuses = [];
  for (let i = 0; i < 5; i += 1) statuses.push((await signApi(petition, { authorization: token(me!), 'x-forwarded-for': `198.51.100.${20 + i}` })).statusCode);
  assert.deepEqual(statuses, [201, 409, 409, 429, 429]);
  assert.equal(await rows(petition), 1);
});

test('one address signing for many identities is held to its limit a minute: 429 past it, nothing written', async () => {
  const petition = await openPetition(t.db.db, { threshold: 100 });
  const people = await identities(t.db.db, 10, 'api-address-limit');
  const statuses = [];
  for (const id of people) statuses.push((await signApi(petition, { authorization: token(id), 'x-forwarded-for': '203.0.113.9' })).statusCode);
  assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201, 201, 201, 429, 429]);
  assert.equal(await rows(petition), 8);
  assert.equal(await stored(petition), 8);
});
