// Surveys over HTTP: staff create and open a survey, people answer once, results as chart + table,
// the API and the CSV; who may do what; bad input; the seed's two surveys.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Session, testApp, type AccountName, type TestContext } from '../../../test/support/app.ts';

let t: TestContext;
before(async () => {
  t = await testApp();
});
after(async () => t.close());

async function session(who: AccountName | null) {
  // These tests read the English texts of the pages (the site opens in Korean).
  const s = new Session(t.app).useLocale('en');
  if (who) await s.signIn(who);
  return s;
}

async function counts() {
  const n = async (table: 'surveys' | 'survey_questions' | 'survey_options' | 'survey_responses' | 'survey_answers') => Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.db.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '!=', 'session.sign_in').executeTakeFirstOrThrow()).n);
  const states = (await t.db.db.selectFrom('surveys').select(['id', 'state']).orderBy('id').execute()).map((r) => `${r.id}:${r.state}`).join(',');
  return { surveys: await n('surveys'), questions: await n('survey_questions'), options: await n('survey_options'), responses: await n('survey_responses'), answers: await n('survey_answers'), audit, states };
}

const idFrom = (location: unknown) => Number(String(location).match(/surveys\/(\d+)/)![1]);
const survey = (extra: Record<string, string> = {}) => ({ title: 'Panel survey on daily fouls', purpose: 'Hear the panel.', owner: 'body:public-monitor-panel', opens_on: '2026-11-01', closes_on: '2026-12-31', commitment: '', ...extra });

/** An officer of the ACRC makes an open survey with one question of each kind; returns its id and question ids. */
async function openSurvey() {
  const officer = await session('admin');
  const res = await officer.postForm('/surveys', { _csrf: await officer.csrf('/surveys/new'), ...survey() });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const id = idFrom(res.headers.location);
  const add = async (q: Record<string, string>) => {
    const r = await officer.postForm(`/surveys/${id}/questions`, { _csrf: await officer.csrf(`/surveys/${id}`), required: '1', options: '', scale_min: '1', scale_max: '5', scale_min_label: '', scale_max_label: '', ...q });
    assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  };
  await add({ kind: 'single', prompt: 'Have you met a foul in daily life?', options: 'Yes\nNo' });
  await add({ kind: 'multiple', prompt: 'Where?', options: 'School\nWork\nHospital' });
  await add({ kind: 'scale', prompt: 'How serious is it?', scale_min_label: 'Not at all', scale_max_label: 'Very' });
  await add({ kind: 'text', prompt: 'Tell us more', required: '' });
  assert.equal((await officer.postForm(`/surveys/${id}/open`, { _csrf: await officer.csrf(`/surveys/${id}`) })).statusCode, 303);
  const qs = await t.db.db.selectFrom('survey_questions').select(['id', 'kind']).where('survey_id', '=', id).orderBy('position').execute();
  const opts = await t.db.db.selectFrom('survey_options').select(['id', 'label', 'question_id']).where('question_id', 'in', qs.map((q) => q.id)).execute();
  const opt = (label: string) => String(opts.find((o) => o.label === label)!.id);
  return { id, q: qs.map((q) => `q${q.id}`), opt };
}

function answerBody(csrf: string, fields: [string, string][]) {
  const p = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of fields) p.append(k, v);
  return p.toString();
}

async function answer(s: Session, id: number, fields: [string, string][]) {
  const csrf = await s.csrf(`/surveys/${id}`);
  return t.app.inject({ method: 'POST', url: `/surveys/${id}/responses?lang=en`, headers: { cookie: s.cookies, 'content-type': 'application/x-www-form-urlencoded' }, payload: answerBody(csrf, fields) });
}

test('people answer once; the results page shows a chart with its table; the API and the CSV aggregate; free text stays private', async () => {
  const { id, q, opt } = await openSurvey();
  const citizen = await session('citizen');
  const page = await citizen.get(`/surveys/${id}?lang=en`);
  assert.match(page.body, /Answer the survey/);
  const r1 = await answer(citizen, id, [[q[0]!, opt('Yes')], [q[1]!, opt('School')], [q[1]!, opt('Work')], [q[2]!, '4'], [q[3]!, 'My name is Kim and my phone is 010-1234']]);
  assert.equal(r1.statusCode, 303, r1.body.slice(0, 300));
  const forum = await session('forum');
  assert.equal((await answer(forum, id, [[q[0]!, opt('No')], [q[1]!, opt('Work')], [q[2]!, '2']])).statusCode, 303);
  const before = await counts();
  const again = await answer(citizen, id, [[q[0]!, opt('No')], [q[1]!, opt('Work')], [q[2]!, '1']]);
  assert.equal(again.statusCode, 409, 'one response per person');
  assert.deepEqual(await counts(), before);
  assert.match((await citizen.get(`/surveys/${id}?lang=en`)).body, /You have answered this survey/);

  const results = await t.app.inject(`/surveys/${id}/results?lang=en`);
  assert.equal(results.statusCode, 200);
  assert.match(results.body, /<svg class="survey-chart"[^>]*role="img"/);
  assert.match(results.body, /<table class="tbl result-table">/);
  assert.match(results.body, /<th scope="row">Yes<\/th><td>1<\/td><td>50\.0%<\/td>/);
  assert.match(results.body, /<th scope="row">Work<\/th><td>2<\/td><td>100\.0%<\/td>/);
  assert.match(results.body, /Mean: 3\.0/);
  assert.match(results.body, /1 free-text answer\./);
  assert.doesNotMatch(results.body, /010-1234/, 'a visitor never sees a free-text answer');
  const staffView = await (await session('admin')).get(`/surveys/${id}/results?lang=en`);
  assert.match(staffView.body, /010-1234/, 'the staff read them, without names');
  assert.doesNotMatch(staffView.body, /Test citizen/);

  const api = (await t.app.inject(`/api/v1/surveys/${id}`)).json();
  assert.equal(api.responses, 2);
  assert.deepEqual(api.questions[0].result.rows, [{ label: 'Yes', count: 1, percent: 50 }, { label: 'No', count: 1, percent: 50 }]);
  assert.equal(api.questions[2].result.mean, 3);
  assert.equal(api.questions[3].result.text_answers, 1);
  assert.doesNotMatch(JSON.stringify(api), /010-1234|citizen@test/);
  const csv = await t.app.inject(`/surveys/${id}/results.csv`);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body, /survey_id,survey,question_position,question,kind,answer,count,percent,answered,respondents,mean,basis/);
  assert.match(csv.body, /Where\?,multiple,Work,2,100,2,2,,collected/);
  assert.match(csv.body, /Tell us more,text,\(free-text answers: not published\),1,/);
  assert.doesNotMatch(csv.body, /010-1234|Kim/);
  const list = (await t.app.inject('/api/v1/surveys')).json();
  assert.ok(list.surveys.some((s: { id: number; state: string }) => s.id === id && s.state === 'open'));
});

test('the matrix: who may create, add questions, open, close and answer; refused requests write nothing', async () => {
  const admin = await session('admin');
  const draft = idFrom((await admin.postForm('/surveys', { _csrf: await admin.csrf('/surveys/new'), ...survey({ title: 'Matrix draft' }) })).headers.location);
  const roles: (AccountName | 'visitor')[] = ['visitor', 'citizen', 'forum', 'officerMois', 'officerMfds'];
  // The panel is run by the ACRC: no test officer runs it; forum members run only civil-society-led bodies.
  for (const who of roles) {
    const s = await session(who === 'visitor' ? null : who);
    const status = who === 'visitor' ? 401 : 403;
    const cases: [string, Record<string, string>][] = [
      ['/surveys', survey({ title: `By ${who}` })],
      [`/surveys/${draft}/questions`, { kind: 'text', prompt: 'x', required: '1', options: '', scale_min: '1', scale_max: '5', scale_min_label: '', scale_max_label: '' }],
      [`/surveys/${draft}/open`, {}],
    ];
    for (const [url, form] of cases) {
      const before = await counts();
      const res = await s.postForm(url, { _csrf: await s.csrf('/sign-in'), ...form });
      // The draft does not exist for those who do not run it, a visitor included.
      const expected = url === '/surveys' ? (who === 'forum' || who.startsWith('officer') ? 400 : status) : 404;
      assert.equal(res.statusCode, expected, `${who} POST ${url}: ${res.body.slice(0, 160)}`);
      // Officers and forum members run surveys of their own; the panel is not among the owners they may choose.
      if (expected === 400) assert.match(res.body, /Choose the panel, body or organization/);
      assert.deepEqual(await counts(), before, `${who} POST ${url} wrote nothing`);
    }
  }
  // Officers of MOIS may create surveys for the bodies MOIS runs and for MOIS itself; forum members for the forum.
  const mois = await session('officerMois');
  const form = await mois.get('/surveys/new');
  assert.match(form.body, /value="body:gicf"/);
  assert.match(form.body, /value="organization:mois"/);
  assert.doesNotMatch(form.body, /value="body:public-monitor-panel"|value="body:ogf-korea"/);
  const forumForm = await (await session('forum')).get('/surveys/new');
  assert.match(forumForm.body, /value="body:ogf-korea"/);
  assert.doesNotMatch(forumForm.body, /value="organization:/);
  assert.equal((await (await session('citizen')).get('/surveys/new')).statusCode, 403);
  assert.equal((await t.app.inject({ url: '/surveys/new', headers: { accept: 'application/json' } })).statusCode, 401);
  // A draft is invisible to those who do not run it.
  assert.equal((await t.app.inject(`/surveys/${draft}`)).statusCode, 404);
  assert.equal((await t.app.inject(`/api/v1/surveys/${draft}`)).statusCode, 404);
  assert.equal((await admin.get(`/surveys/${draft}`)).statusCode, 200);
  // Answering: a visitor must sign in.
  const { id, q, opt } = await openSurvey();
  const visitor = new Session(t.app);
  const res = await visitor.postForm(`/surveys/${id}/responses`, { _csrf: await visitor.csrf('/sign-in'), [q[0]!]: opt('Yes') });
  assert.equal(res.statusCode, 401);
});

test('bad input gets a clear 400 in place and writes nothing; impossible steps get 409', async () => {
  const admin = await session('admin');
  const cases: [string, Record<string, string>, RegExp][] = [
    ['/surveys?lang=en', survey({ title: '', owner: 'body:nope', opens_on: '' }), /Give the survey a title[\s\S]*Choose the panel, body or organization[\s\S]*Give the first day/],
    ['/surveys?lang=en', survey({ opens_on: '2026-02-30' }), /not a real date/],
    ['/surveys?lang=en', survey({ closes_on: '2026-10-01' }), /The last day comes before the first day/],
    ['/surveys?lang=en', survey({ commitment: '999999' }), /Choose a commitment from the list/],
  ];
  const draft = idFrom((await admin.postForm('/surveys', { _csrf: await admin.csrf('/surveys/new'), ...survey({ title: 'Bad input draft' }) })).headers.location);
  const q = (extra: Record<string, string>) => ({ kind: 'single', prompt: 'Q', required: '1', options: '', scale_min: '1', scale_max: '5', scale_min_label: '', scale_max_label: '', ...extra });
  cases.push(
    [`/surveys/${draft}/questions?lang=en`, q({ kind: 'rank', prompt: '' }), /Choose the kind of question[\s\S]*Write the question/],
    [`/surveys/${draft}/questions?lang=en`, q({ options: 'Only one' }), /at least two options/],
    [`/surveys/${draft}/questions?lang=en`, q({ options: 'A\nA\nB' }), /Each option may appear once/],
    [`/surveys/${draft}/questions?lang=en`, q({ kind: 'scale', scale_min: '5', scale_max: '3' }), /The scale runs between/],
    [`/surveys/${draft}/questions?lang=en`, q({ kind: 'text', options: 'A\nB' }), /Options are for single- and multiple-choice/],
  );
  for (const [url, form, message] of cases) {
    const before = await counts();
    const res = await admin.postForm(url, { _csrf: await admin.csrf('/sign-in'), ...form });
    assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(form).slice(0, 80)}`);
    assert.match(res.body, message);
    assert.match(res.body, /error-summary/);
    assert.deepEqual(await counts(), before);
  }
  const before = await counts();
  assert.equal((await admin.postForm(`/surveys/${draft}/open`, { _csrf: await admin.csrf('/sign-in') })).statusCode, 409, 'no questions, no opening');
  assert.equal((await admin.postForm(`/surveys/${draft}/close`, { _csrf: await admin.csrf('/sign-in') })).statusCode, 409, 'a draft is not closed');
  assert.equal((await admin.postForm(`/surveys/${draft}/delete`, { _csrf: await admin.csrf('/sign-in') })).statusCode, 404);
  assert.deepEqual(await counts(), before);

  const { id, q: qs, opt } = await openSurvey();
  const citizen = await session('citizen');
  const answerCases: [[string, string][], RegExp][] = [
    [[], /Answer the question &#34;Have you met/],
    [[[qs[0]!, opt('Yes')], [qs[0]!, opt('No')], [qs[1]!, opt('Work')], [qs[2]!, '3']], /Choose one option only/],
    [[[qs[0]!, opt('School')], [qs[1]!, opt('Work')], [qs[2]!, '3']], /Choose among the options/],
    [[[qs[0]!, opt('Yes')], [qs[1]!, opt('Work')], [qs[2]!, '9']], /Choose one value of the scale/],
  ];
  for (const [fields, message] of answerCases) {
    const b = await counts();
    const res = await answer(citizen, id, fields);
    assert.equal(res.statusCode, 400, JSON.stringify(fields));
    assert.match(res.body, message);
    assert.deepEqual(await counts(), b);
  }
  const addLate = await admin.postForm(`/surveys/${id}/questions`, { _csrf: await admin.csrf('/sign-in'), ...q({ options: 'A\nB' }) });
  assert.equal(addLate.statusCode, 409, 'no question is added once answers may have come in');
  assert.equal((await admin.postForm(`/surveys/${id}/close`, { _csrf: await admin.csrf('/sign-in') })).statusCode, 303);
  assert.equal((await answer(citizen, id, [[qs[0]!, opt('Yes')], [qs[1]!, opt('Work')], [qs[2]!, '3']])).statusCode, 409, 'a closed survey takes no answers');
});

test('the seed: the Public Monitor Panel surveys without questions, the customs survey with the shares it publishes', async () => {
  const { surveys } = (await t.app.inject('/api/v1/surveys')).json();
  const panel = surveys.find((s: { title: string }) => s.title === 'Online surveys of the Public Monitor Panel');
  const customs = surveys.find((s: { title: string }) => /declaration of personal belongings/.test(s.title));
  assert.deepEqual([panel.state, panel.owner.key, panel.commitment_code, panel.start, panel.source], ['record', 'public-monitor-panel', '1', null, '§4 commitment 1 results']);
  const panelFull = (await t.app.inject(`/api/v1/surveys/${panel.id}`)).json();
  assert.deepEqual(panelFull.questions, []);
  assert.equal(panelFull.note, 'No questions or results in the source.');
  assert.match((await t.app.inject(`/surveys/${panel.id}?lang=en`)).body, /No questions or results in the source/);
  assert.deepEqual([customs.owner.key, customs.commitment_code, customs.start, customs.end, customs.start_label], ['kcs', '12', '2018-08', '2018-09', '2018. 8.']);
  assert.match(customs.milestone, /^Conducting a survey on the public's level of awareness/);
  const full = (await t.app.inject(`/api/v1/surveys/${customs.id}`)).json();
  assert.equal(full.questions[0].result.basis, 'published');
  assert.deepEqual(full.questions[0].result.rows, [
    { label: 'Very well', count: null, percent: 18 },
    { label: 'Well (less voluntary)', count: null, percent: 47 },
    { label: 'Not voluntary', count: null, percent: 30 },
    { label: 'No idea', count: null, percent: 5 },
  ]);
  const page = await t.app.inject(`/surveys/${customs.id}/results?lang=en`);
  assert.match(page.body, /Shares as the source publishes them; it gives no number of respondents/);
  assert.match(page.body, /<th scope="row">Well \(less voluntary\)<\/th><td>47\.0%<\/td>/);
  assert.doesNotMatch(page.body, /Answer the survey/);
  assert.equal((await (await session('citizen')).postForm(`/surveys/${customs.id}/responses`, { _csrf: 'x' })).statusCode, 403, 'CSRF first');
});

test('the contract: 200, 404, 400, the OpenAPI document, links from the bodies and the panel', async () => {
  for (const url of ['/surveys', '/api/v1/surveys']) assert.equal((await t.app.inject(url)).statusCode, 200, url);
  for (const url of ['/surveys/999999', '/surveys/999999/results', '/api/v1/surveys/999999', '/surveys/999999/results.csv']) assert.equal((await t.app.inject(url)).statusCode, 404, url);
  const bad = await t.app.inject('/api/v1/surveys/abc');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /problem\+json/);
  const doc = (await t.app.inject('/api/v1/openapi.json')).json();
  for (const p of ['/api/v1/surveys', '/api/v1/surveys/{id}']) assert.ok(doc.paths[p], p);
  assert.match((await t.app.inject('/bodies?lang=en')).body, /href="\/surveys"/);
  assert.match((await t.app.inject('/bodies/public-monitor-panel?lang=en')).body, /Online surveys of the Public Monitor Panel/);
  assert.match((await t.app.inject('/proposals/statistics?lang=en')).body, /href="\/surveys"/);
});
