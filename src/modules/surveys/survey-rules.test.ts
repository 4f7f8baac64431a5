// The pure rules of surveys: the answering window, checking answers, and aggregation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregate, answeringWindow, checkAnswers, scaleValues, type Answer, type Option, type Question } from './survey-rules.ts';
import { canApply, STATES, TRANSITIONS } from './survey-state.ts';

const q = (id: number, kind: string, extra: Partial<Question> = {}): Question => ({ id, kind, prompt: `Q${id}`, required: 1, scale_min: null, scale_max: null, ...extra });
const options: Option[] = [
  { id: 1, question_id: 1, label: 'Yes', published_percent: null },
  { id: 2, question_id: 1, label: 'No', published_percent: null },
  { id: 3, question_id: 2, label: 'A', published_percent: null },
  { id: 4, question_id: 2, label: 'B', published_percent: null },
  { id: 5, question_id: 2, label: 'C', published_percent: null },
];
const a = (response_id: number, question_id: number, v: Partial<Answer>): Answer => ({ response_id, question_id, option_id: null, scale_value: null, text_value: null, ...v });

test('the answering window: open state and today within the days; an open end stays open', () => {
  const s = (state: string, start: string | null, end: string | null) => ({ state, start_value: start, end_value: end });
  assert.equal(answeringWindow(s('draft', null, null), '2026-11-20'), 'not_open');
  assert.equal(answeringWindow(s('open', '2026-11-21', null), '2026-11-20'), 'upcoming');
  assert.equal(answeringWindow(s('open', '2026-11-20', '2026-11-20'), '2026-11-20'), 'open', 'both days count');
  assert.equal(answeringWindow(s('open', '2026-11-01', null), '2030-01-01'), 'open');
  assert.equal(answeringWindow(s('open', '2026-11-01', '2026-11-19'), '2026-11-20'), 'ended');
  assert.equal(answeringWindow(s('closed', '2026-11-01', null), '2026-11-20'), 'ended');
  assert.equal(answeringWindow(s('record', '2018-08', '2018-09'), '2018-08'), 'ended', 'a recorded survey never takes answers');
});

test('the state table: draft → open → closed; a record never moves', () => {
  assert.deepEqual(STATES.filter((st) => canApply('open', st)), ['draft']);
  assert.deepEqual(STATES.filter((st) => canApply('close', st)), ['open']);
  for (const name of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) assert.equal(canApply(name, 'record'), false);
});

test('checking answers: required, one option for single choice, options of the question, the scale, text length', () => {
  const qs = [q(1, 'single'), q(2, 'multiple'), q(3, 'scale', { scale_min: 1, scale_max: 5 }), q(4, 'text', { required: 0 })];
  const ok = checkAnswers(qs, options, { q1: ['1'], q2: ['3', '5', '3'], q3: ['5'], q4: ['  fine  '] });
  assert.ok(ok.ok);
  assert.deepEqual(ok.answers.map((x) => [x.question_id, x.option_id, x.scale_value, x.text_value]), [[1, 1, null, null], [2, 3, null, null], [2, 5, null, null], [3, null, 5, null], [4, null, null, 'fine']]);
  const missing = checkAnswers(qs, options, {});
  assert.ok(!missing.ok);
  assert.deepEqual(missing.errors.map((e) => e.field), ['q1', 'q2', 'q3'], 'the optional text question may be left empty');
  const wrong = checkAnswers(qs, options, { q1: ['1', '2'], q2: ['1'], q3: ['6'], q4: ['x'.repeat(2001)] });
  assert.ok(!wrong.ok);
  assert.deepEqual(wrong.errors.map((e) => e.message.split(' "')[0]), ['Choose one option only for', 'Choose among the options of', 'Choose one value of the scale for', 'The answer to']);
  assert.deepEqual(scaleValues({ scale_min: 0, scale_max: 3 }), [0, 1, 2, 3]);
  assert.deepEqual(scaleValues({ scale_min: null, scale_max: null }), [1, 2, 3, 4, 5]);
});

test('aggregation: shares of those who answered the question, one decimal; several choices may add up to more than 100', () => {
  const answers = [
    a(1, 1, { option_id: 1 }), a(2, 1, { option_id: 1 }), a(3, 1, { option_id: 2 }),
    a(1, 2, { option_id: 3 }), a(1, 2, { option_id: 4 }), a(2, 2, { option_id: 4 }),
  ];
  const single = aggregate(q(1, 'single'), options, answers, 4);
  assert.deepEqual([single.respondents, single.answered, single.basis], [4, 3, 'collected']);
  assert.deepEqual(single.rows, [{ label: 'Yes', count: 2, percent: 66.7 }, { label: 'No', count: 1, percent: 33.3 }]);
  const multiple = aggregate(q(2, 'multiple'), options, answers, 4);
  assert.equal(multiple.answered, 2);
  assert.deepEqual(multiple.rows, [{ label: 'A', count: 1, percent: 50 }, { label: 'B', count: 2, percent: 100 }, { label: 'C', count: 0, percent: 0 }]);
  assert.ok(multiple.rows.reduce((s, r) => s + (r.percent ?? 0), 0) > 100);
  const none = aggregate(q(1, 'single'), options, [], 0);
  assert.deepEqual(none.rows.map((r) => [r.count, r.percent]), [[0, null], [0, null]], 'no answers: no share, not 0%');
});

test('aggregation of a scale (distribution and mean) and of free text (a count only)', () => {
  const scale = q(3, 'scale', { scale_min: 1, scale_max: 5 });
  const r = aggregate(scale, [], [a(1, 3, { scale_value: 5 }), a(2, 3, { scale_value: 4 }), a(3, 3, { scale_value: 4 })], 3);
  assert.deepEqual(r.rows.map((x) => x.count), [0, 0, 0, 2, 1]);
  assert.equal(r.mean, 4.3);
  assert.equal(r.rows[3]!.percent, 66.7);
  const text = aggregate(q(4, 'text'), [], [a(1, 4, { text_value: 'my phone is 010' }), a(2, 4, { text_value: 'ok' })], 3);
  assert.deepEqual([text.rows, text.text_answers, text.answered], [[], 2, 2]);
  assert.doesNotMatch(JSON.stringify(text), /010/, 'a result never carries the text');
});

test('a result the source publishes only as shares is shown as published, with no counts', () => {
  const published: Option[] = [
    { id: 9, question_id: 7, label: 'Very well', published_percent: 18 },
    { id: 10, question_id: 7, label: 'No idea', published_percent: 5 },
  ];
  const r = aggregate(q(7, 'single'), published, [], 0);
  assert.equal(r.basis, 'published');
  assert.deepEqual(r.rows, [{ label: 'Very well', count: null, percent: 18 }, { label: 'No idea', count: null, percent: 5 }]);
  const mixed = aggregate(q(7, 'single'), published, [a(1, 7, { option_id: 9 })], 1);
  assert.equal(mixed.basis, 'collected', 'answers collected here are counted, never blended with a published share');
});
