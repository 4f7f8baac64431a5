// The co-creation records from the seed, loaded on the database under test, and their pages and API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importAll } from '../../bootstrap.ts';
import { testApp, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

test('the bodies, sizes and meetings the seed gives, and nothing else', async () => {
  const api = (await t.app.inject('/api/v1/bodies')).json();
  const keys = api.bodies.map((b: { key: string }) => b.key);
  for (const k of ['ogf-korea', 'ogf-youth-working-group', 'gicf', 'gicf-1', 'gicf-2', 'ppp-committee', 'ppp-committee-1', 'public-monitor-panel', 'open-communication-forum']) assert.ok(keys.includes(k), k);
  const youth = api.bodies.find((b: { key: string }) => b.key === 'ogf-youth-working-group');
  assert.equal(youth.parent, 'ogf-korea');
  assert.equal(youth.start, '2019-05');
  assert.equal((await t.app.inject('/api/v1/bodies/ogf-korea')).json().start, '2017-08');

  const size = (body: { composition: { role: string; count: number }[] }, role: string) => body.composition.find((c) => c.role === role)?.count;
  const meetings = (body: { meetings: { kind: string; occurrences: number | null }[] }, kind: string) => body.meetings.find((m) => m.kind === kind)?.occurrences;
  const t1 = (await t.app.inject('/api/v1/bodies/gicf-1')).json();
  const t2 = (await t.app.inject('/api/v1/bodies/gicf-2')).json();
  assert.deepEqual([size(t1, 'delegation'), size(t1, 'team'), size(t1, 'steering_committee')], [15, 5, 110]);
  assert.deepEqual([size(t2, 'delegation'), size(t2, 'team'), size(t2, 'steering_committee')], [16, 6, 150]);
  assert.deepEqual([meetings(t1, 'plenary'), meetings(t1, 'team'), meetings(t1, 'delegation')], [3, 11, 10]);
  assert.deepEqual([meetings(t2, 'plenary'), meetings(t2, 'team'), meetings(t2, 'delegation')], [1, 24, 10]);
  assert.equal(t1.start, '2018-10-11', 'the abbreviated month of the seed is read');
  assert.equal(t1.start_label, 'Oct. 11, 2018', 'and its label kept as written');

  const ppp = (await t.app.inject('/api/v1/bodies/ppp-committee')).json();
  assert.equal(ppp.composition.reduce((s: number, c: { count: number }) => s + c.count, 0), 474);
  assert.deepEqual(ppp.composition.map((c: { count: number }) => c.count), [196, 160, 102, 16]);
  const ppp1 = (await t.app.inject('/api/v1/bodies/ppp-committee-1')).json();
  assert.deepEqual(ppp1.meetings.map((m: { occurrences: number; occurrences_qualifier: string }) => [m.occurrences, m.occurrences_qualifier]), [[9, 'exact'], [8, 'exact'], [100, 'minimum']]);
  assert.equal([ppp1.start, ppp1.end].join(' '), '2018-03 2020-02');
  const panel = (await t.app.inject('/api/v1/bodies/public-monitor-panel')).json();
  assert.equal(size(panel, 'member'), 70);
  const ogf = (await t.app.inject('/api/v1/bodies/ogf-korea')).json();
  const kickoff = ogf.meetings.find((m: { title: string }) => /Kick-off/.test(m.title));
  assert.deepEqual([kickoff.attendance, kickoff.attendance_qualifier, kickoff.start], [200, 'approximate', null], 'nearly 200, and no invented date');
  const monitoring = ogf.meetings.find((m: { kind: string }) => m.kind === 'monitoring');
  assert.deepEqual([monitoring.start, monitoring.occurrences], ['2018-09', null], 'quarterly from September 2018; the seed does not count them');
});

test('the agreements with the signatory counts and dates the seed gives', async () => {
  const { agreements } = (await t.app.inject('/api/v1/agreements')).json();
  const row = (k: string) => agreements.find((a: { key: string }) => a.key === k);
  assert.equal(agreements.length, 6);
  assert.deepEqual([row('tsa-regional-governors').signatory_count, row('tsa-regional-governors').start], [17, '2019-01']);
  assert.deepEqual([row('tsa-national-defense').signatory_count, row('tsa-national-defense').start], [21, '2019-03']);
  assert.deepEqual([row('tsa-defense-industry').signatory_count, row('tsa-defense-industry').start], [29, '2019-06']);
  assert.deepEqual([row('tsa-public-business').signatory_count, row('tsa-public-business').start], [35, '2019-07']);
  assert.deepEqual([row('tsa-accounting').signatory_count, row('tsa-accounting').signatory_qualifier, row('tsa-accounting').start], [45, 'minimum', '2019-10']);
  assert.deepEqual([row('tsa-regional-detailed').signatory_count, row('tsa-regional-detailed').start, row('tsa-regional-detailed').end], [null, '2018-09', '2019-10']);
  assert.ok(agreements.every((a: { source: string }) => a.source.startsWith('§4 commitment 1')));
});

test('importing again changes nothing', async () => {
  const count = async () => {
    const out: Record<string, number> = {};
    for (const table of ['bodies', 'body_members', 'body_composition', 'meetings', 'agreements', 'proposal_calls', 'proposals', 'proposal_responses', 'participation_aggregates', 'organizations'] as const) {
      out[table] = Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    }
    return out;
  };
  const before = await count();
  await importAll(t.db, t.clock);
  assert.deepEqual(await count(), before);
});

test('pages and downloads answer; unknown keys are 404', async () => {
  for (const url of ['/bodies', '/bodies/ogf-korea', '/bodies/gicf-1?lang=en', '/bodies/ppp-committee', '/agreements', '/agreements?lang=en', '/agreements.csv', '/meetings.csv']) {
    assert.equal((await t.app.inject(url)).statusCode, 200, url);
  }
  const page = await t.app.inject('/bodies/ppp-committee?lang=en');
  assert.match(page.body, /474 organizations/);
  const kick = await t.app.inject('/bodies/ogf-korea?lang=en');
  assert.match(kick.body, /nearly 200 people/);
  assert.equal((await t.app.inject('/bodies/nope')).statusCode, 404);
  const api404 = await t.app.inject('/api/v1/bodies/nope');
  assert.equal(api404.statusCode, 404);
  assert.match(api404.headers['content-type'] as string, /problem\+json/);
});
