// The surveys repository and import, on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importAll } from '../../bootstrap.ts';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { createAccount } from '../../platform/auth/accounts.ts';
import { answerSurvey } from './commands/answer-survey.ts';
import { surveyResults } from './surveys.presenter.ts';
import { findSurvey, hasResponded, insertQuestion, insertResponse, insertSurvey, listAnswers, listOptions, listQuestions, listSurveys } from './surveys.repository.ts';

let t: TestContext;
before(async () => {
  t = await testApp({ accounts: false });
});
after(async () => t.close());

const actor = async (email: string) => {
  const r = await createAccount(t.db.db, { email, name: email, role: 'citizen', organizationKey: null, password: 'correct horse battery staple' }, t.clock.now());
  assert.ok(r.ok);
  const u = await t.db.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return { id: u.id, email, name: email, role: 'citizen' as const, organization_id: null, organization_name: null };
};

test('the seed surveys are imported once with their owners, commitment, milestone and published shares', async () => {
  const all = await listSurveys(t.db.db);
  assert.equal(all.length, 2);
  const customs = all.find((s) => s.organization_key === 'kcs')!;
  assert.deepEqual([customs.state, customs.commitment_code, customs.start_label, customs.end_label, customs.responses], ['record', '12', '2018. 8.', '2018. 9.', 0]);
  assert.match(customs.milestone_title!, /personal belongings/);
  const options = await listOptions(t.db.db, (await listQuestions(t.db.db, [customs.id])).map((q) => q.id));
  assert.deepEqual(options.map((o) => [o.label, o.published_percent]), [['Very well', 18], ['Well (less voluntary)', 47], ['Not voluntary', 30], ['No idea', 5]]);
  const panel = all.find((s) => s.body_key === 'public-monitor-panel')!;
  assert.equal((await listQuestions(t.db.db, [panel.id])).length, 0);
  await importAll(t.db, t.clock);
  assert.equal((await listSurveys(t.db.db)).length, 2, 'a second import adds nothing');
});

test('one response per person, even when two arrive at once; answers come back without who gave them', async () => {
  const at = t.clock.now().toISOString();
  const id = await insertSurvey(t.db.db, { title: 'Repo survey', purpose: null, body_id: null, organization_id: null, commitment_id: null, milestone_id: null, state: 'draft', start_label: null, start_precision: null, start_value: null, start_sort: null, end_label: null, end_precision: null, end_value: null, end_sort: null, opened_at: null, closed_at: null, source: null, source_key: null, source_notes: '[]', created_at: at, created_by: null });
  const qid = await insertQuestion(t.db.db, id, { kind: 'single', prompt: 'Pick', required: 1, scale_min: null, scale_max: null, scale_min_label: null, scale_max_label: null, source: null }, [{ label: 'X', published_percent: null }, { label: 'Y', published_percent: null }], ['draft']);
  assert.ok(qid);
  assert.equal(await insertQuestion(t.db.db, id, { kind: 'text', prompt: 'Late', required: 0, scale_min: null, scale_max: null, scale_min_label: null, scale_max_label: null, source: null }, [], ['open']), null, 'not added outside the allowed states');
  const opts = await listOptions(t.db.db, [qid!]);
  const alice = await actor('alice@test.local');
  const bob = await actor('bob@test.local');
  const survey = { id, title: 'Repo survey' };
  const answer = (who: typeof alice, optionId: number) => answerSurvey(t.db.db, { actor: who, survey, answers: [{ question_id: qid!, option_id: optionId, scale_value: null, text_value: null }], now: t.clock.now(), requestId: 'r' });
  const results = await Promise.all([answer(alice, opts[0]!.id), answer(alice, opts[1]!.id), answer(bob, opts[1]!.id)]);
  assert.equal(results.filter((r) => r.ok).length, 2, 'alice once, bob once');
  assert.equal(await insertResponse(t.db.db, id, alice.id, at), null);
  assert.equal(await hasResponded(t.db.db, id, alice.id), true);
  const answers = await listAnswers(t.db.db, id);
  assert.equal(answers.length, 2);
  assert.ok(answers.every((x) => !('user_id' in x)));
  const s = (await findSurvey(t.db.db, id))!;
  assert.equal(s.responses, 2);
  const [r] = surveyResults(await listQuestions(t.db.db, [id]), opts, answers, s.responses);
  assert.equal(r!.rows.reduce((n, row) => n + (row.count ?? 0), 0), 2);
  const audit = await t.db.db.selectFrom('audit_events').select(['action', 'public', 'after_json']).where('action', '=', 'survey.answered').execute();
  assert.equal(audit.length, 2);
  assert.ok(audit.every((e) => e.public === 0 && e.after_json === null), 'the trail records that someone answered, never what');
});
