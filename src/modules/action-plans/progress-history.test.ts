import assert from 'node:assert/strict';
import { test } from 'node:test';
import { levelsByOrganization, progressHistory } from './progress-history.ts';

test('no recorded change, no point: nothing is assumed about days the records do not cover', () => {
  assert.deepEqual(progressHistory([{ id: 1, level: 'completed' }], []), []);
});

test('each day of changes gives the counts after that day; the level before the first change is its level_from', () => {
  const commitments = [
    { id: 1, level: 'completed' },
    { id: 2, level: 'substantial' },
    { id: 3, level: 'limited' },
  ];
  const points = progressHistory(commitments, [
    { commitment_id: 1, occurred_on: '2020-03-01', level_from: 'substantial', level_to: 'completed' },
    { commitment_id: 2, occurred_on: '2020-01-10', level_from: 'not_started', level_to: 'limited' },
    { commitment_id: 2, occurred_on: '2020-01-10', level_from: 'limited', level_to: 'substantial' },
  ]);
  assert.deepEqual(points.map((p) => p.day), ['2020-01-10', '2020-03-01']);
  // After 10 January: 1 still substantial (its level before its first change), 2 substantial, 3 limited.
  assert.deepEqual(points[0]!.summary, { not_started: 0, limited: 1, substantial: 2, completed: 0, total: 3 });
  assert.deepEqual(points[1]!.summary, { not_started: 0, limited: 1, substantial: 1, completed: 1, total: 3 });
});

test('a change of a commitment outside the plan is ignored', () => {
  const points = progressHistory([{ id: 1, level: 'limited' }], [{ commitment_id: 9, occurred_on: '2020-01-01', level_from: null, level_to: 'completed' }]);
  assert.deepEqual(points[0]!.summary, { not_started: 0, limited: 1, substantial: 0, completed: 0, total: 1 });
});

test('levels by organization: grouped by the lead, most commitments first', () => {
  const rows = levelsByOrganization([
    { lead_organization_key: 'a', lead_organization_name: 'Alpha', level: 'completed' },
    { lead_organization_key: 'b', lead_organization_name: 'Beta', level: 'limited' },
    { lead_organization_key: 'b', lead_organization_name: 'Beta', level: 'completed' },
  ]);
  assert.deepEqual(rows.map((r) => [r.key, r.summary.total, r.summary.completed]), [['b', 2, 1], ['a', 1, 1]]);
});
