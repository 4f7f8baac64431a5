// Reports with public comment over HTTP: the lifecycle, who may do each step, bad input and closed
// reports refused with nothing written, the comments in every format, and the frozen final text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';
import { REPORT_TRANSITIONS } from './report-state.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

const SLUG = 'kr-2018-2020';
const PATH = `/plans/${SLUG}/reports/mid_term`;

async function counts() {
  const n = async (table: 'plan_reports' | 'report_comments') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const answered = Number((await t.db.db.selectFrom('report_comments').select((eb) => eb.fn.countAll().as('n')).where('response', 'is not', null).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n);
  return { reports: await n('plan_reports'), comments: await n('report_comments'), answered, audit };
}

const sessions = new Map<string, Session>();
async function as(who: AccountName | null) {
  const key = who ?? 'visitor';
  if (!sessions.has(key)) {
    // These tests read the English texts of the pages (the site opens in Korean).
    const s = new Session(t.app).useLocale('en');
    if (who) await s.signIn(who);
    sessions.set(key, s);
  }
  return sessions.get(key)!;
}

async function post(who: AccountName | null, url: string, form: Record<string, string>) {
  const s = await as(who);
  const token = await s.csrf('/sign-in');
  return s.postForm(url, { ...form, _csrf: token });
}

/** Each refused request answers `status` and writes nothing. */
async function refused(who: AccountName | null, url: string, form: Record<string, string>, status: number, message?: RegExp) {
  const before = await counts();
  const res = await post(who, url, form);
  assert.equal(res.statusCode, status, `${who ?? 'visitor'} ${url} ${JSON.stringify(form)}: ${res.body.slice(0, 200)}`);
  if (message) assert.match(res.body, message);
  assert.deepEqual(await counts(), before, `${who ?? 'visitor'} ${url}: nothing written`);
}

test('the lifecycle is a table: draft → open_for_comment → final', () => {
  assert.deepEqual(REPORT_TRANSITIONS, { open: { from: ['draft'], to: 'open_for_comment' }, finalise: { from: ['open_for_comment'], to: 'final' } });
});

test('creating a report: only the OGP point of contact; bad kinds and duplicates refused', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/reports?lang=en` })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'GET', url: PATH })).statusCode, 404, 'no record yet');
  await refused(null, `/plans/${SLUG}/reports`, { kind: 'mid_term' }, 401);
  for (const who of ['citizen', 'forum', 'officerMois'] as const) await refused(who, `/plans/${SLUG}/reports`, { kind: 'mid_term' }, 403);
  await refused('admin', `/plans/${SLUG}/reports`, { kind: 'annual' }, 400, /Choose a kind of report/);
  await refused('admin', '/plans/nope/reports', { kind: 'mid_term' }, 404);
  const before = await counts();
  const res = await post('admin', `/plans/${SLUG}/reports`, { kind: 'mid_term' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${PATH}?notice=report_created`);
  assert.deepEqual(await counts(), { ...before, reports: before.reports + 1, audit: before.audit + 1 });
  await refused('admin', `/plans/${SLUG}/reports`, { kind: 'mid_term' }, 409, /already/);
  const page = await t.app.inject({ method: 'GET', url: `${PATH}?lang=en` });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('4th Action Plan 2018-2020: Mid-Term Self-Assessment Report') || page.body.includes('Mid-Term Self-Assessment Report'));
  assert.ok(page.body.includes('This is a draft'));
});

test('a draft takes no comment; opening is the admin’s, once', async () => {
  await refused('citizen', `${PATH}/comments`, { section: 'general', body: 'Too early?' }, 409, /not open for comment/);
  await refused('officerMois', `${PATH}/transitions`, { action: 'open' }, 403);
  await refused(null, `${PATH}/transitions`, { action: 'open' }, 401);
  await refused('admin', `${PATH}/transitions`, { action: 'publish' }, 400);
  await refused('admin', `${PATH}/transitions`, { action: 'finalise' }, 409, /draft/i);
  await refused('admin', `/plans/${SLUG}/reports/annual/transitions`, { action: 'open' }, 404);
  const res = await post('admin', `${PATH}/transitions`, { action: 'open' });
  assert.equal(res.statusCode, 303);
  const row = await t.db.db.selectFrom('plan_reports').selectAll().where('kind', '=', 'mid_term').executeTakeFirstOrThrow();
  assert.equal(row.state, 'open_for_comment');
  assert.equal(row.open_for_comment_at, '2026-11-20T03:00:00.000Z');
  assert.equal(row.comment_closes_at, '2026-12-04T03:00:00.000Z', 'two weeks by default');
  await refused('admin', `${PATH}/transitions`, { action: 'open' }, 409);
});

test('while open, anyone signed in comments on a part of the report; staff answer each comment once', async () => {
  await refused(null, `${PATH}/comments`, { section: 'general', body: 'x' }, 401);
  await refused('citizen', `${PATH}/comments`, { section: 'nowhere', body: '' }, 400, /Choose the part of the report.*|The comment cannot be empty/s);
  await refused('citizen', `${PATH}/comments`, { section: 'general', body: 'x'.repeat(4001) }, 400, /too long/);
  const res = await post('citizen', `${PATH}/comments`, { section: 'commitment-5-1', body: 'Please report how many citizens took part in <the> public diplomacy events.' });
  assert.equal(res.statusCode, 303);
  const id = Number(/#comment-(\d+)$/.exec(String(res.headers.location))![1]);
  assert.equal((await post('forum', `${PATH}/comments`, { section: 'general', body: 'A clear report.' })).statusCode, 303);

  const responsePath = `${PATH}/comments/${id}/response`;
  await refused(null, responsePath, { response: 'x' }, 401);
  await refused('citizen', responsePath, { response: 'x' }, 403);
  await refused('forum', responsePath, { response: 'x' }, 403);
  await refused('officerMois', responsePath, { response: '   ' }, 400, /cannot be empty/);
  await refused('officerMois', `${PATH}/comments/99999/response`, { response: 'x' }, 404);
  const answer = await post('officerMois', responsePath, { response: 'The figures will be added to the end-of-term report.' });
  assert.equal(answer.statusCode, 303);
  await refused('admin', responsePath, { response: 'Again' }, 409, /answered already/);

  // Finalising waits for every comment to be answered.
  await refused('admin', `${PATH}/transitions`, { action: 'finalise' }, 409, /1 comment still awaits a response|답변을 기다리는 의견이 1건/);

  const page = await t.app.inject({ method: 'GET', url: `${PATH}?lang=en` });
  assert.ok(page.body.includes('Please report how many citizens took part in &lt;the'), 'the comment, escaped');
  assert.ok(page.body.includes('The figures will be added to the end-of-term report.'));
  assert.ok(page.body.includes('Commitment 5-1. Establishment of a Participatory Diplomacy System'), 'the section label');
});

test('final: every format carries the comments and responses, and the text is frozen', async () => {
  const open = (await t.db.db.selectFrom('report_comments').select('id').where('response', 'is', null).executeTakeFirstOrThrow()).id;
  assert.equal((await post('admin', `${PATH}/comments/${open}/response`, { response: 'Thank you.' })).statusCode, 303);
  assert.equal((await post('admin', `${PATH}/transitions`, { action: 'finalise' })).statusCode, 303);
  const api = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/reports/mid_term` })).json();
  assert.equal(api.state, 'final');
  assert.equal(api.report.consultation.comments.length, 2);
  assert.equal(api.report.consultation.comments[0].response, 'The figures will be added to the end-of-term report.');
  assert.equal(api.report.summary.limited, 1);

  // A later change to a commitment does not change the final report.
  const officer = await as('admin');
  const token = await officer.csrf('/sign-in');
  const changed = await officer.postMultipart(`/plans/${SLUG}/commitments/2/updates`, [{ name: '_csrf', value: token }, { name: 'body', value: 'Finished.' }, { name: 'commitment_level', value: 'completed' }]);
  assert.equal(changed.statusCode, 303);
  const again = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/reports/mid_term` })).json();
  assert.deepEqual(again, api, 'frozen at finalisation');
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}` })).json().summary.limited, 0, 'while the live plan moved on');

  const md = await t.app.inject({ method: 'GET', url: `${PATH}/report.md` });
  assert.equal(md.statusCode, 200);
  assert.match(String(md.headers['content-disposition']), /kr-2018-2020-mid-term\.md/);
  assert.ok(md.body.includes('## Public comments and the government’s responses'));
  assert.ok(md.body.includes('The figures will be added to the end-of-term report.'));
  assert.ok(md.body.includes('\\<the\\>'), 'escaped in Markdown');
  const docx = await t.app.inject({ method: 'GET', url: `${PATH}/report.docx` });
  assert.equal(docx.statusCode, 200);
  assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  const page = await t.app.inject({ method: 'GET', url: `${PATH}?lang=en` });
  assert.ok(page.body.includes('Finalised on') && page.body.includes('Thank you.') && !page.body.includes('Publish the comment'));

  await refused('citizen', `${PATH}/comments`, { section: 'general', body: 'Too late.' }, 409, /not open for comment/);
  await refused('admin', `${PATH}/comments/${open}/response`, { response: 'x' }, 409);
  await refused('admin', `${PATH}/transitions`, { action: 'finalise' }, 409);
  const list = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/reports` })).json();
  assert.deepEqual(list.reports.map((r: { kind: string; state: string; comments: number }) => [r.kind, r.state, r.comments]), [['mid_term', 'final', 2]]);
});

test('the end-of-term report at /plans/{slug}/report carries its own public comments when it has them', async () => {
  assert.equal((await post('admin', `/plans/${SLUG}/reports`, { kind: 'end_of_term' })).statusCode, 303);
  assert.equal((await post('admin', `/plans/${SLUG}/reports/end_of_term/transitions`, { action: 'open' })).statusCode, 303);
  assert.equal((await post('citizen', `/plans/${SLUG}/reports/end_of_term/comments`, { section: 'section-conclusion', body: 'Name the next plan’s working group.' })).statusCode, 303);
  const md = (await t.app.inject({ method: 'GET', url: `/plans/${SLUG}/report.md` })).body;
  assert.ok(md.includes('Name the next plan’s working group.') && md.includes('Not answered yet.'));
  const json = (await t.app.inject({ method: 'GET', url: `/api/v1/plans/${SLUG}/report` })).json();
  assert.equal(json.consultation.comments[0].section_label, '5. Conclusion and next steps');

  // Two weeks and a day later the window has ended: comments are refused, answers still possible.
  t.clock.advance(15 * 24 * 3600_000);
  try {
    sessions.clear();
    await refused('citizen', `/plans/${SLUG}/reports/end_of_term/comments`, { section: 'general', body: 'Late.' }, 409, /not open for comment/);
    const page = await (await as('citizen')).get(`/plans/${SLUG}/reports/end_of_term?lang=en`);
    assert.ok(page.body.includes('The comment period ended on') && page.body.includes('Comments are closed.'));
  } finally {
    t.clock.set('2026-11-20T03:00:00.000Z');
    sessions.clear();
  }
});

test('unknown plans, kinds and comments are 404; the API is documented', async () => {
  for (const url of ['/plans/nope/reports', `/plans/${SLUG}/reports/annual`, `/plans/${SLUG}/reports/action_plan`, `/plans/${SLUG}/reports/annual/report.md`, '/api/v1/plans/nope/reports', `/api/v1/plans/${SLUG}/reports/annual`]) {
    assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url);
  }
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  for (const path of ['/api/v1/plans/{slug}/reports', '/api/v1/plans/{slug}/reports/{kind}']) assert.deepEqual(doc.paths[path]?.get?.tags, ['Reports'], path);
});
