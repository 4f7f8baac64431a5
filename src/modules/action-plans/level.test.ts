import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelDiffers, levelFromLabel, percentages, summarize } from './level.ts';

test('the seed wordings map to the OGP scale', () => {
  assert.equal(levelFromLabel('Complete'), 'completed');
  assert.equal(levelFromLabel('completed'), 'completed');
  assert.equal(levelFromLabel('Almost completed'), 'substantial');
  assert.equal(levelFromLabel('Considerably Complete'), 'substantial');
  assert.equal(levelFromLabel('Substantial  Completed'), 'substantial');
  assert.equal(levelFromLabel('Limited'), 'limited');
  assert.equal(levelFromLabel('Not started'), 'not_started');
  assert.equal(levelFromLabel('Done-ish'), null);
  assert.equal(levelFromLabel(null), null);
});

test('a wording is shown only where it differs from the level name', () => {
  assert.equal(labelDiffers('substantial', 'Almost completed'), true);
  assert.equal(labelDiffers('completed', 'Completed'), false);
  assert.equal(labelDiffers('not_started', 'Not started'), false);
  assert.equal(labelDiffers('completed', null), false);
});

test('the summary counts every level and the total', () => {
  const s = summarize(['completed', 'completed', 'substantial', 'limited', null]);
  assert.deepEqual(s, { not_started: 0, limited: 1, substantial: 1, completed: 2, total: 5 });
  assert.deepEqual(percentages(summarize([])), { not_started: 0, limited: 0, substantial: 0, completed: 0 });
  assert.equal(percentages(s).completed, 40);
});
