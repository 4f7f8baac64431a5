// Recording meetings over HTTP: who may, bad input, the pages, the progress of a monitoring meeting.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

async function session(who: AccountName | null) {
  const s = new Session(t.app);
  if (who) await s.signIn(who);
  return s;
}

async function counts() {
  const n = async (table: 'meetings' | 'meeting_attendees' | 'meeting_progress') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n);
  const claimed = Number((await t.db.db.selectFrom('proposals').select((eb) => eb.fn.countAll().as('n')).where('meeting_id', 'is not', null).executeTakeFirstOrThrow()).n);
  return { meetings: await n('meetings'), attendees: await n('meeting_attendees'), progress: await n('meeting_progress'), audit, claimed };
}

const memberId = async (body: string) =>
  String((await t.db.db.selectFrom('body_members').innerJoin('bodies', 'bodies.id', 'body_members.body_id').select('body_members.id').where('bodies.key', '=', body).executeTakeFirstOrThrow()).id);
const unclaimedProposal = async () => String((await t.db.db.selectFrom('proposals').select('id').where('meeting_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id);
const commitmentId = async (code: string) => String((await t.db.db.selectFrom('commitments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);

const meeting = (extra: Record<string, string> = {}) => ({ kind: 'plenary', title: 'Plenary of the forum', date: '2026-11-18', place: 'Seoul', attendance: '12', minutes: 'The forum met.', decisions: 'Adopt the agenda.', ...extra });

test('a forum member records a meeting of the forum, with its attendees and the proposal it produced', async () => {
  const forum = await session('forum');
  const form = await forum.get('/bodies/ogf-korea/meetings/new?lang=en');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Record a meeting of Open Government Forum Korea/);
  const proposal = await unclaimedProposal();
  const before = await counts();
  const payload = new URLSearchParams({ _csrf: await forum.csrf('/bodies/ogf-korea/meetings/new'), ...meeting() });
  payload.append('attendees', await memberId('ogf-korea'));
  payload.append('proposals', proposal);
  const res = await t.app.inject({ method: 'POST', url: '/bodies/ogf-korea/meetings', headers: { cookie: forum.cookies, 'content-type': 'application/x-www-form-urlencoded' }, payload: payload.toString() });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const after = await counts();
  assert.deepEqual([after.meetings - before.meetings, after.attendees - before.attendees, after.claimed - before.claimed, after.audit - before.audit], [1, 1, 1, 1]);
  const page = await forum.get(`${res.headers.location}&lang=en`);
  assert.match(page.body, /The meeting has been recorded/);
  assert.match(page.body, /Citizens&#39;? ?Coalition for Better Government|Citizens' Coalition for Better Government/);
  assert.match(page.body, new RegExp(`/proposals/${proposal}`));
  assert.match(page.body, /12 people/);
  const body = await t.app.inject('/bodies/ogf-korea?lang=en');
  assert.match(body.body, /Plenary of the forum/);
  const api = (await t.app.inject('/api/v1/bodies/ogf-korea')).json();
  const m = api.meetings.find((x: { title: string }) => x.title === 'Plenary of the forum');
  assert.deepEqual([m.kind, m.start, m.place, m.attendance, m.decisions], ['plenary', '2026-11-18', 'Seoul', 12, 'Adopt the agenda.']);
  const audit = await t.db.db.selectFrom('audit_events').selectAll().where('action', '=', 'meeting.recorded').executeTakeFirstOrThrow();
  assert.match(audit.actor_label, /forum@test.local/);
});

test('the matrix: who may record a meeting of which body; refused requests write nothing', async () => {
  // ogf-korea is led by civil society (no organization); gicf is run by the Ministry of the Interior and Safety.
  const expect: Record<string, Record<string, number>> = {
    'ogf-korea': { visitor: 401, citizen: 403, forum: 303, officerMois: 403, officerMfds: 403, admin: 303 },
    gicf: { visitor: 401, citizen: 403, forum: 403, officerMois: 303, officerMfds: 403, admin: 303 },
  };
  for (const [key, byRole] of Object.entries(expect)) {
    for (const [who, status] of Object.entries(byRole)) {
      const s = await session(who === 'visitor' ? null : (who as AccountName));
      const before = await counts();
      const res = await s.postForm(`/bodies/${key}/meetings`, { _csrf: await s.csrf('/sign-in'), ...meeting({ title: `By ${who}` }) });
      assert.equal(res.statusCode, status, `${who} on ${key}: ${res.body.slice(0, 200)}`);
      if (status !== 303) assert.deepEqual(await counts(), before, `${who} on ${key} wrote nothing`);
      if (who !== 'visitor') assert.equal((await s.get(`/bodies/${key}/meetings/new`)).statusCode, status === 303 ? 200 : 403, `${who} form on ${key}`);
    }
  }
  assert.equal((await t.app.inject({ url: '/bodies/gicf/meetings/new', headers: { accept: 'application/json' } })).statusCode, 401);
  const citizenPage = await (await session('citizen')).get('/bodies/gicf?lang=en');
  assert.doesNotMatch(citizenPage.body, /Record a meeting/);
  const officerPage = await (await session('officerMois')).get('/bodies/gicf?lang=en');
  assert.match(officerPage.body, /Record a meeting/);
});

test('bad input gets a clear 400 in place and writes nothing', async () => {
  const admin = await session('admin');
  const otherMember = await memberId('ogf-youth-working-group');
  const cases: [Record<string, string>, RegExp][] = [
    [meeting({ kind: '', title: '', date: '' }), /Choose the kind of meeting[\s\S]*Give the meeting a title[\s\S]*Give the date/],
    [meeting({ kind: 'team' }), /Choose the kind of meeting/],
    [meeting({ date: '2026-02-30' }), /not a real date/],
    [meeting({ attendance: '-3' }), /whole number of people/],
    [meeting({ attendance: '' }), /Give the number of people who attended, or tick/],
    [meeting({ title: 'x'.repeat(201) }), /too long/],
    [{ ...meeting(), attendees: otherMember }, /Tick only members of this body/],
    [{ ...meeting(), proposals: '999999' }, /Tick only proposals from the list/],
    [{ ...meeting({ attendance: '0' }), attendees: await memberId('ogf-korea') }, /smaller than the number of members ticked/],
  ];
  for (const [form, message] of cases) {
    const before = await counts();
    const res = await admin.postForm('/bodies/ogf-korea/meetings?lang=en', { _csrf: await admin.csrf('/sign-in'), ...form });
    assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 100));
    assert.match(res.body, message);
    assert.match(res.body, /error-summary/);
    assert.deepEqual(await counts(), before);
  }
  const noCsrf = await admin.postForm('/bodies/ogf-korea/meetings', meeting());
  assert.equal(noCsrf.statusCode, 403);
});

test('a monitoring meeting records the progress each commitment organization presented', async () => {
  const officer = await session('officerMois');
  const res = await officer.postForm('/bodies/gicf/meetings', { _csrf: await officer.csrf('/sign-in'), ...meeting({ kind: 'monitoring', title: 'Quarterly monitoring, fourth quarter' }) });
  assert.equal(res.statusCode, 303);
  const url = (res.headers.location as string).split('?')[0]!;
  const page = await officer.get(`${url}?lang=en`);
  assert.match(page.body, /Record the progress an organization presented/);
  const before = await counts();
  const bad = await officer.postForm(`${url}/progress?lang=en`, { _csrf: await officer.csrf('/sign-in'), commitment: '999999', text: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Choose the commitment[\s\S]*Write what the organization presented/);
  assert.deepEqual(await counts(), before);
  const ok = await officer.postForm(`${url}/progress`, { _csrf: await officer.csrf('/sign-in'), commitment: await commitmentId('3'), text: 'Real-name disclosure extended to every ministry.' });
  assert.equal(ok.statusCode, 303);
  const row = await t.db.db.selectFrom('meeting_progress').innerJoin('organizations', 'organizations.id', 'meeting_progress.organization_id').select(['meeting_progress.body', 'organizations.key']).orderBy('meeting_progress.id', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual([row.body, row.key], ['Real-name disclosure extended to every ministry.', 'mois'], 'the organization is the commitment lead');
  const shown = await t.app.inject(`${url}?lang=en`);
  assert.match(shown.body, /3\. [^<]*: Real-name disclosure extended to every ministry\./);
  assert.doesNotMatch(shown.body, /Record the progress/, 'a visitor sees no form');
  // Forbidden for an officer of another organization; refused on a meeting that is not a monitoring one.
  const other = await session('officerMfds');
  const forbidden = await other.postForm(`${url}/progress`, { _csrf: await other.csrf('/sign-in'), commitment: await commitmentId('3'), text: 'x' });
  assert.equal(forbidden.statusCode, 403);
  const plenary = await officer.postForm('/bodies/gicf/meetings', { _csrf: await officer.csrf('/sign-in'), ...meeting() });
  const notMonitoring = await officer.postForm(`${(plenary.headers.location as string).split('?')[0]}/progress`, { _csrf: await officer.csrf('/sign-in'), commitment: await commitmentId('3'), text: 'x' });
  assert.equal(notMonitoring.statusCode, 409);
});

test('404 for an unknown body or meeting, and for a meeting asked under another body', async () => {
  const admin = await session('admin');
  const id = (await t.db.db.selectFrom('meetings').innerJoin('bodies', 'bodies.id', 'meetings.body_id').select('meetings.id').where('bodies.key', '=', 'gicf-1').executeTakeFirstOrThrow()).id;
  assert.equal((await t.app.inject(`/bodies/gicf-1/meetings/${id}`)).statusCode, 200);
  for (const url of ['/bodies/nope/meetings/new', `/bodies/ogf-korea/meetings/${id}`, '/bodies/gicf-1/meetings/999999']) assert.equal((await admin.get(url)).statusCode, 404, url);
  assert.equal((await admin.postForm('/bodies/nope/meetings', { _csrf: await admin.csrf('/sign-in'), ...meeting() })).statusCode, 404);
  assert.equal((await admin.get('/bodies/gicf-1/meetings/abc')).statusCode, 400);
});
