import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImpossibleDateError, parseDateLabel, parseIsoDay, sortKey } from './date-label.ts';

test('every date wording of the seed keeps its label and gets its precision', () => {
  const cases: [string, string, string | null][] = [
    ['2018. 9. 1.', 'day', '2018-09-01'],
    ['2018. 9.', 'month', '2018-09'],
    ['2018.9.13', 'day', '2018-09-13'],
    ['2019.6.4.', 'day', '2019-06-04'],
    ['2018.8', 'month', '2018-08'],
    ['2019.12.', 'month', '2019-12'],
    ['2019', 'year', '2019'],
    ["'18.11.27.", 'day', '2018-11-27'],
    ["'18.5.1.", 'day', '2018-05-01'],
    ['September 1, 2018', 'day', '2018-09-01'],
    ['September 1. 2018', 'day', '2018-09-01'],
    ['August 31. 2020', 'day', '2020-08-31'],
    ['June 2019', 'month', '2019-06'],
    ['First half of 2019', 'half', '2019-H1'],
    ['Second half of 2020', 'half', '2020-H2'],
    ['Continued', 'ongoing', null],
    ['Ongoing', 'ongoing', null],
    ['Throughout the period', 'throughout', null],
    ['By end of the year', 'year_end', null],
    ['-', 'none', null],
    ['2020, 12, 31,', 'unrecognized', null],
  ];
  for (const [label, precision, value] of cases) {
    const d = parseDateLabel(label);
    assert.equal(d.label, label, label);
    assert.equal(d.precision, precision, label);
    assert.equal(d.value, value, label);
  }
});

test('an empty cell is no date at all, not an invented one', () => {
  assert.deepEqual(parseDateLabel(null), { label: null, precision: null, value: null });
  assert.deepEqual(parseDateLabel('  '), { label: null, precision: null, value: null });
});

test('impossible dates are refused', () => {
  assert.throws(() => parseDateLabel('2019. 2. 30.'), ImpossibleDateError);
  assert.throws(() => parseDateLabel('2019. 13.'), ImpossibleDateError);
  assert.throws(() => parseIsoDay('2021-02-29'), ImpossibleDateError);
  assert.throws(() => parseIsoDay('yesterday'), ImpossibleDateError);
  assert.equal(parseIsoDay('2020-02-29'), '2020-02-29');
});

test('sort keys take the first day for a start and the last for an end', () => {
  assert.equal(sortKey(parseDateLabel('2019. 2.'), 'start'), '2019-02-01');
  assert.equal(sortKey(parseDateLabel('2019. 2.'), 'end'), '2019-02-28');
  assert.equal(sortKey(parseDateLabel('2020. 2.'), 'end'), '2020-02-29');
  assert.equal(sortKey(parseDateLabel('First half of 2019'), 'end'), '2019-06-30');
  assert.equal(sortKey(parseDateLabel('2018'), 'start'), '2018-01-01');
  assert.equal(sortKey(parseDateLabel('Continued'), 'end'), null);
});
