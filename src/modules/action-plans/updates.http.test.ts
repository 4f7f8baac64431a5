// Officer work over HTTP: who may post, what bad input gets, and that refused requests write nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp({ config: { uploadMaxBytes: 4096 } });
});
after(async () => t.close());

const URL3 = '/plans/kr-2018-2020/commitments/3/updates'; // led by the Ministry of the Interior and Safety

async function counts() {
  const n = async (table: 'progress_updates' | 'evidence' | 'files' | 'level_changes') =>
    Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  // Signing in is audited too; what must not appear is a change to the plan.
  const audit = Number(
    (await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n,
  );
  return { updates: await n('progress_updates'), evidence: await n('evidence'), files: await n('files'), changes: await n('level_changes'), audit };
}

async function levelOf(code: string) {
  return (await t.db.db.selectFrom('commitments').select('level').where('code', '=', code).executeTakeFirstOrThrow()).level;
}

async function session(who: AccountName | null) {
  // These tests read the English texts of the pages (the site opens in Korean).
  const s = new Session(t.app).useLocale('en');
  if (who) await s.signIn(who);
  return s;
}

async function post(s: Session, url: string, fields: Record<string, string>, files: { filename: string; contentType: string; data: Buffer }[] = []) {
  const token = await s.csrf('/sign-in');
  return s.postMultipart(url, [
    { name: '_csrf', value: token },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...files.map((f) => ({ name: 'files', ...f })),
  ]);
}

test('the authorization matrix: only the lead organization’s officers and admins may post', async () => {
  const expected: [AccountName | null, number][] = [
    [null, 401],
    ['citizen', 403],
    ['forum', 403],
    ['officerMfds', 403],
    ['officerMois', 303],
    ['admin', 303],
  ];
  for (const [who, status] of expected) {
    const before = await counts();
    const s = await session(who);
    const res = await post(s, URL3, { body: `Progress reported by ${who ?? 'a visitor'}` });
    assert.equal(res.statusCode, status, `${who ?? 'visitor'}`);
    const after = await counts();
    if (status === 303) assert.equal(after.updates, before.updates + 1);
    else assert.deepEqual(after, before, `${who ?? 'visitor'} wrote nothing`);
  }
});

test('the form itself is refused to those who may not post', async () => {
  const form = '/plans/kr-2018-2020/commitments/3/updates/new';
  assert.equal((await (await session(null)).get(form)).statusCode, 303, 'a visitor is sent to sign in');
  assert.equal((await (await session('officerMfds')).get(form)).statusCode, 403);
  assert.equal((await (await session('officerMois')).get(form)).statusCode, 200);
});

test('a missing CSRF token is refused and writes nothing', async () => {
  const s = await session('officerMois');
  const before = await counts();
  const res = await s.postMultipart(URL3, [{ name: 'body', value: 'no token' }]);
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /CSRF/);
  assert.deepEqual(await counts(), before);
});

test('an officer posts an update with evidence and a level change; the public page, API and audit trail show it', async () => {
  const s = await session('admin');
  const pdf = Buffer.from('%PDF-1.4\n% evidence\n');
  const res = await post(s, '/plans/kr-2018-2020/commitments/2/updates', {
    body: 'The integrated database now covers 130 venues.',
    occurred_on: '2026-11-01',
    commitment_level: 'substantial',
    links: 'https://example.org/venues-report',
  }, [{ filename: 'venues.pdf', contentType: 'application/pdf', data: pdf }]);
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, /\/plans\/kr-2018-2020\/commitments\/2\?notice=posted#update-\d+/);
  assert.equal(await levelOf('2'), 'substantial');

  const api = (await t.app.inject('/api/v1/plans/kr-2018-2020')).json();
  assert.deepEqual(api.summary, { not_started: 0, limited: 0, substantial: 5, completed: 8, total: 13 });
  const detail = (await t.app.inject('/api/v1/plans/kr-2018-2020/commitments/2')).json();
  const [update] = detail.progress_updates;
  assert.equal(update.body, 'The integrated database now covers 130 venues.');
  assert.equal(update.occurred_on, '2026-11-01');
  assert.deepEqual(update.level_changes.map((c: { level_from: string; level_to: string }) => [c.level_from, c.level_to]), [['limited', 'substantial']]);
  const file = update.evidence.find((e: { kind: string }) => e.kind === 'file');
  const download = await t.app.inject(file.url.replace('http://localhost:3000', ''));
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.ok(download.rawPayload.equals(pdf));

  const page = await t.app.inject('/plans/kr-2018-2020/commitments/2?lang=en');
  assert.match(page.body, /130 venues/);
  assert.match(page.body, /Limited → Substantial/);

  const audit = await t.db.db.selectFrom('audit_events').selectAll().where('action', '=', 'commitment.level_changed').execute();
  assert.equal(audit.length, 1);
  assert.equal(JSON.parse(audit[0]!.before_json!).level, 'limited');
  assert.equal(JSON.parse(audit[0]!.after_json!).level, 'substantial');
  assert.match(audit[0]!.actor_label, /admin@test.local/);
});

test('hostile and malformed input gets a 4xx with a clear message and writes nothing', async () => {
  const s = await session('officerMois');
  const cases: { fields: Record<string, string>; files?: { filename: string; contentType: string; data: Buffer }[]; status: number; message: RegExp }[] = [
    { fields: { body: '' }, status: 400, message: /cannot be empty/ },
    { fields: { body: 'x', commitment_level: 'done' }, status: 400, message: /is not a completion level/ },
    { fields: { body: 'x', occurred_on: '2019-02-30' }, status: 400, message: /not a real date/ },
    { fields: { body: 'x', occurred_on: '2999-01-01' }, status: 400, message: /cannot be in the future/ },
    { fields: { body: 'x', links: 'javascript:alert(1)' }, status: 400, message: /not a web address/ },
    { fields: { body: 'x', milestone_999999: 'completed' }, status: 400, message: /does not belong to this commitment/ },
    { fields: { body: 'x' }, files: [{ filename: 'big.pdf', contentType: 'application/pdf', data: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10_000)]) }], status: 413, message: /larger than this site accepts/ },
    { fields: { body: 'x' }, files: [{ filename: 'tool.exe', contentType: 'application/pdf', data: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]) }], status: 415, message: /not an accepted kind of file/ },
  ];
  for (const c of cases) {
    const before = await counts();
    const res = await post(s, URL3, c.fields, c.files);
    assert.equal(res.statusCode, c.status, JSON.stringify(c.fields));
    assert.match(res.body, c.message);
    assert.deepEqual(await counts(), before, `nothing written for ${JSON.stringify(c.fields)}`);
  }
});

test('a script in a text field is shown as text and never runs', async () => {
  const s = await session('officerMois');
  const res = await post(s, URL3, { body: '<script>alert("x")</script><img src=x onerror=alert(1)>' });
  assert.equal(res.statusCode, 303);
  const page = await t.app.inject('/plans/kr-2018-2020/commitments/3');
  assert.ok(!page.body.includes('<script>alert'));
  assert.ok(!page.body.includes('<img src=x'));
  // Kita escapes "<" (and quotes): no tag can open, so the text shows as written.
  assert.match(page.body, /&lt;script>alert\(&#34;x&#34;\)&lt;\/script>&lt;img src=x/);
});

test('sign-in: a wrong password is refused, sign-out ends the session', async () => {
  const s = new Session(t.app);
  const token = await s.csrf('/sign-in');
  const bad = await s.postForm('/sign-in', { email: 'officer.mois@test.local', password: 'wrong password!!', _csrf: token });
  assert.equal(bad.statusCode, 401);
  assert.match(bad.body, /맞지 않습니다/);
  await s.signIn('officerMois');
  const cookie = s.cookies.split('; ').find((c) => c.startsWith('madang_session='));
  assert.ok(cookie);
  const out = await s.postForm('/sign-out', { _csrf: await s.csrf('/') });
  assert.equal(out.statusCode, 303);
  const form = await s.get('/plans/kr-2018-2020/commitments/3/updates/new');
  assert.equal(form.statusCode, 303);
});

test('the session cookie is HttpOnly and SameSite; an open redirect after sign-in is refused', async () => {
  const s = new Session(t.app);
  const token = await s.csrf('/sign-in');
  const res = await s.postForm('/sign-in', { email: 'admin@test.local', password: 'correct horse battery staple', _csrf: token, next: '//evil.example/' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]).find((c) => c.startsWith('madang_session='))!;
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
});

test('the audit trail is for admins only', async () => {
  assert.equal((await (await session('admin')).get('/admin/audit')).statusCode, 200);
  assert.equal((await (await session('officerMois')).get('/admin/audit')).statusCode, 403);
  assert.equal((await (await session(null)).get('/admin/audit')).statusCode, 303);
});
