// IRM assessments over HTTP: the demo ids, the staff form's authorization matrix, bad input, and the
// computed rules on the page and in the API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importAll } from '../../bootstrap.ts';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

const FORM = '/plans/kr-2018-2020/irm/KR0036';
const STARRED = {
  report: 'transitional_results_report',
  title: 'Public-private anti-corruption system',
  commitments: '1',
  specificity: 'high',
  relevance_access_to_information: 'no',
  relevance_civic_participation: 'yes',
  relevance_public_accountability: '',
  relevance_technology: '',
  potential_impact: 'transformative',
  completion: 'complete',
  did_it_open_government: 'major',
  source: 'A test transcription, not the IRM',
  notes: '',
};

async function counts() {
  const n = async (table: 'irm_assessments' | 'irm_commitment_links' | 'irm_commitments') =>
    Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', 'like', 'irm.%').executeTakeFirstOrThrow()).n);
  return { assessments: await n('irm_assessments'), links: await n('irm_commitment_links'), units: await n('irm_commitments'), audit };
}

async function session(who: AccountName | null) {
  // These tests read the English texts of the pages (the site opens in Korean).
  const s = new Session(t.app).useLocale('en');
  if (who) await s.signIn(who);
  return s;
}

async function post(s: Session, url: string, form: Record<string, string>) {
  return s.postForm(url, { _csrf: await s.csrf('/sign-in'), ...form });
}

const apiIrm = async () => (await t.app.inject({ url: '/api/v1/plans/kr-2018-2020/irm' })).json();

test('the demo loads the IRM ids KR0036 to KR0048 in the order of the 13 commitments, with no invented field', async () => {
  const body = await apiIrm();
  assert.equal(body.irm_commitments.length, 13);
  const map = Object.fromEntries(body.irm_commitments.map((u: { irm_id: string; commitments: string[] }) => [u.irm_id, u.commitments.join(',')]));
  assert.equal(map.KR0036, '1');
  assert.equal(map.KR0040, '5-1');
  assert.equal(map.KR0041, '5-2');
  assert.equal(map.KR0048, '12');
  for (const u of body.irm_commitments) {
    assert.equal(u.assessed, false, u.irm_id);
    assert.deepEqual(u.assessments, [], u.irm_id);
  }
  const plan = (await t.app.inject({ url: '/api/v1/plans/kr-2018-2020' })).json();
  assert.equal(plan.commitments[0].irm[0].irm_id, 'KR0036');
  assert.equal(plan.commitments[5].irm[0].irm_id, 'KR0041');
  const detail = (await t.app.inject({ url: '/api/v1/plans/kr-2018-2020/commitments/12' })).json();
  assert.equal(detail.irm[0].irm_id, 'KR0048');
  const page = await t.app.inject({ url: '/plans/kr-2018-2020/commitments/1?lang=en' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /IRM commitment KR0036/);
  assert.match(page.body, /Not assessed in the source/);
  assert.match(page.body, /Government&#39;s self-assessment|Government's self-assessment/);
});

test('importing again changes nothing', async () => {
  const before = await counts();
  const r = await importAll(t.db, t.clock);
  assert.equal(r.find((x) => x.plan === 'kr-2018-2020 (IRM)')?.created.irm_commitments, 0);
  assert.deepEqual(await counts(), before);
});

test('unknown plan or IRM id: 404', async () => {
  assert.equal((await t.app.inject({ url: '/api/v1/plans/nope/irm' })).statusCode, 404);
  assert.equal((await t.app.inject({ url: '/plans/nope/irm' })).statusCode, 404);
  const admin = await session('admin');
  assert.equal((await admin.get('/plans/kr-2018-2020/irm/KR9999/edit')).statusCode, 404);
  assert.equal((await post(admin, '/plans/kr-2018-2020/irm/KR9999', STARRED)).statusCode, 404);
});

test('the authorization matrix: only administrators record assessments; refused requests write nothing', async () => {
  const expected: [AccountName | null, number][] = [
    [null, 401],
    ['citizen', 403],
    ['forum', 403],
    ['officerMois', 403],
    ['admin', 303],
  ];
  for (const [who, status] of expected) {
    const s = await session(who);
    // A visitor asking for the form is sent to sign in; a POST gets the 401 itself.
    assert.equal((await s.get(`${FORM}/edit`)).statusCode, status === 303 ? 200 : status === 401 ? 303 : status, `form ${who}`);
    const before = await counts();
    const res = await post(s, FORM, STARRED);
    assert.equal(res.statusCode, status, `${who ?? 'visitor'}`);
    const after = await counts();
    if (status === 303) assert.equal(after.audit, before.audit + 1);
    else assert.deepEqual(after, before, `${who ?? 'visitor'} wrote nothing`);
  }
});

test('the rules are computed from the recorded fields, on the page and in the API', async () => {
  const body = await apiIrm();
  const u = body.irm_commitments.find((x: { irm_id: string }) => x.irm_id === 'KR0036');
  assert.equal(u.assessed, true);
  assert.equal(u.title, 'Public-private anti-corruption system');
  assert.deepEqual(u.assessments[0].rules, { potentially_starred: 'yes', starred: 'yes', promising: 'not_enough_data' });
  assert.equal(u.assessments[0].relevance_public_accountability, null);
  const page = await t.app.inject({ url: '/plans/kr-2018-2020/commitments/1?lang=en' });
  assert.match(page.body, /Transitional Results Report/);
  assert.match(page.body, /Starred \(Computed\)<\/th><td>Yes/);

  // Correcting completion to limited: the same row is updated, and starred follows.
  const admin = await session('admin');
  assert.equal((await post(admin, FORM, { ...STARRED, completion: 'limited' })).statusCode, 303);
  const again = (await apiIrm()).irm_commitments.find((x: { irm_id: string }) => x.irm_id === 'KR0036');
  assert.equal(again.assessments.length, 1);
  assert.equal(again.assessments[0].rules.starred, 'no');
  const audit = await t.db.db.selectFrom('audit_events').select(['action', 'before_json']).where('action', '=', 'irm.assessment_updated').executeTakeFirstOrThrow();
  assert.match(audit.before_json ?? '', /"completion":"complete"/);
});

test('bad input: 400 with the error in place, nothing written', async () => {
  const admin = await session('admin');
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...STARRED, specificity: 'enormous' }, /is not a value of this field/],
    [{ ...STARRED, report: 'blog_post' }, /Choose the IRM report/],
    [{ ...STARRED, commitments: '1, 99' }, /This plan has no commitment 99/],
    [{ ...STARRED, commitments: ' ' }, /Give at least one/],
    [{ ...STARRED, notes: 'x'.repeat(4001) }, /At most 4000 characters/],
  ];
  for (const [form, message] of cases) {
    const before = await counts();
    const res = await post(admin, FORM, form);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, message);
    assert.match(res.body, /error-summary/);
    assert.deepEqual(await counts(), before);
  }
  const noCsrf = await admin.postForm(FORM, STARRED);
  assert.equal(noCsrf.statusCode, 403);
});

test('groupings: an IRM commitment covering 5-1 and 5-2 shows on both pages, beside the other id', async () => {
  const admin = await session('admin');
  const res = await post(admin, '/plans/kr-2018-2020/irm/KR0040', { report: 'design_report', commitments: '5-1, 5-2', title: '', specificity: 'medium' });
  assert.equal(res.statusCode, 303);
  const page = await t.app.inject({ url: '/plans/kr-2018-2020/commitments/5-2?lang=en' });
  assert.match(page.body, /IRM commitment KR0040/);
  assert.match(page.body, /IRM commitment KR0041/);
  assert.match(page.body, /assesses this commitment as 2 separate commitments/);
  assert.match(page.body, /together with commitments 5-1/);
  const plan = (await t.app.inject({ url: '/api/v1/plans/kr-2018-2020' })).json();
  assert.deepEqual(plan.commitments[5].irm.map((u: { irm_id: string }) => u.irm_id), ['KR0040', 'KR0041']);
});
