// The OGP import page over HTTP: who may, a refused file listed by row and column with nothing written,
// a good file imported whole, through the same multipart form a person uses.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNTS, PASSWORD, sessionAs, type Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';
import { createAccount } from '../../platform/auth/accounts.ts';

let seeded: TestContext;
let empty: TestContext;
let csv = '';
before(async () => {
  seeded = await testApp();
  empty = await testApp({ seed: false });
  // An empty database has no organizations: only the administrator's account.
  await createAccount(empty.db.db, { email: ACCOUNTS.admin.email, name: 'Test admin', role: 'admin', organizationKey: null, password: PASSWORD }, empty.clock.now());
  csv = (await seeded.app.inject({ url: '/plans/kr-2018-2020/ogp-commitments.csv' })).body;
});
after(async () => {
  await seeded.close();
  await empty.close();
});

async function counts(t: TestContext) {
  const n = async (table: 'action_plans' | 'commitments' | 'audit_events') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { plans: await n('action_plans'), commitments: await n('commitments'), audit: await n('audit_events') };
}

async function upload(s: Session, text: string | Buffer, fields: Record<string, string> = {}, filename = 'kr.csv') {
  const csrf = await s.csrf('/sign-in');
  return s.postMultipart('/plans/import-ogp', [
    { name: '_csrf', value: csrf },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', filename, contentType: 'text/csv', data: Buffer.isBuffer(text) ? text : Buffer.from(text) },
  ]);
}

// These tests read the English texts of the pages (the site opens in Korean).
const session = async (t: TestContext, who: AccountName | null) => (await sessionAs(t.app, who)).useLocale('en');

test('only the OGP point of contact imports; refused requests write nothing', async () => {
  const anonymous = await empty.app.inject('/plans/import-ogp');
  assert.equal(anonymous.statusCode, 303, 'a page asks a visitor to sign in');
  assert.match(String(anonymous.headers.location), /^\/sign-in\?next=/);
  for (const [who, status] of [[null, 401], ['citizen', 403], ['officerMois', 403], ['forum', 403]] as const) {
    const s = await session(seeded, who);
    if (who) assert.equal((await s.get('/plans/import-ogp')).statusCode, 403);
    const before = await counts(seeded);
    assert.equal((await upload(s, csv, { slug: 'kr-copy' })).statusCode, status, String(who));
    assert.deepEqual(await counts(seeded), before);
  }
  const admin = await session(seeded, 'admin');
  assert.match((await admin.get('/plans?lang=en')).body, /href="\/plans\/import-ogp"/, 'the plans page offers the import to an administrator');
  assert.doesNotMatch((await seeded.app.inject('/plans?lang=en')).body, /import-ogp/);
  const form = await admin.get('/plans/import-ogp?lang=en');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);
});

test('a refused file: every error by row and column on the page, a 400, and nothing written', async () => {
  const admin = await session(seeded, 'admin');
  const lines = csv.split('\n');
  const broken = lines.map((l, i) => (i === 2 ? l.replace(/,2018,4,/, ',2O18,4,') : l)).join('\n');
  const cases: [string | Buffer, Record<string, string>, RegExp][] = [
    [broken, { slug: 'kr-broken' }, /<td>3<\/td><td>Year Of Submission<\/td><td>[^<]*four digits/],
    [csv, {}, /A plan (&#34;|")kr-2018-2020(&#34;|") already exists: nothing was imported/],
    [Buffer.from([0xff, 0xfe, 0x00, 0x41]), {}, /is not UTF-8 text/],
    ['', {}, /Choose the CSV file to import/],
    [csv, { country: 'Korea', period_end: '20x2', slug: 'Bad Slug' }, /two or three letters[\s\S]*four digits[\s\S]*single hyphens/],
  ];
  for (const [text, fields, message] of cases) {
    const before = await counts(seeded);
    const res = await upload(admin, text, fields);
    assert.equal(res.statusCode, 400, String(message));
    assert.match(res.body, message);
    assert.deepEqual(await counts(seeded), before);
  }
});

test('a good file is imported whole and the plan page opens', async () => {
  const admin = await session(empty, 'admin');
  const res = await upload(admin, csv, { slug: 'kr-imported', period_end: '2020' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  assert.equal(res.headers.location, '/plans/kr-imported?notice=imported');
  const plan = (await empty.app.inject('/api/v1/plans/kr-imported')).json();
  assert.equal(plan.commitments.length, 13);
  const audit = await empty.db.db.selectFrom('audit_events').select(['actor_label', 'action']).where('action', '=', 'plan.ogp_imported').executeTakeFirstOrThrow();
  assert.match(audit.actor_label, /admin@test\.local/, 'the person who imported is recorded');
  // One audit event for the plan: the import asks the search index for a rebuild, and the next search has its commitments.
  const title = String(plan.commitments[0].title);
  const found = (await empty.app.inject(`/api/v1/search?q=${encodeURIComponent(title)}&kind=commitment`)).json();
  assert.ok(found.results.some((r: { url: string }) => r.url.includes('/plans/kr-imported/commitments/')), title);
});
