import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyValues, evaluateAll, evaluateRule, isScaleValue, isUnassessed, type IrmValues } from './irm.ts';

const starredFields: Partial<IrmValues> = {
  specificity: 'high',
  relevance_access_to_information: 'yes',
  relevance_civic_participation: 'no',
  relevance_public_accountability: 'no',
  potential_impact: 'transformative',
  completion: 'substantial',
};
const v = (over: Partial<IrmValues>): IrmValues => ({ ...emptyValues(), ...over });

test('nothing assessed: every rule says not enough data', () => {
  assert.ok(isUnassessed(emptyValues()));
  assert.deepEqual(evaluateAll(emptyValues()), { potentially_starred: 'not_enough_data', starred: 'not_enough_data', promising: 'not_enough_data' });
});

test('starred: every condition met, with medium or high specificity and substantial or complete', () => {
  assert.equal(evaluateRule('starred', v(starredFields)), 'yes');
  assert.equal(evaluateRule('starred', v({ ...starredFields, specificity: 'medium', completion: 'complete' })), 'yes');
  assert.equal(evaluateRule('potentially_starred', v(starredFields)), 'yes');
  assert.ok(!isUnassessed(v(starredFields)));
});

test('starred: each condition that fails decides no', () => {
  for (const specificity of ['none', 'low'] as const) assert.equal(evaluateRule('starred', v({ ...starredFields, specificity })), 'no', specificity);
  for (const potential_impact of ['none', 'minor', 'moderate'] as const) {
    assert.equal(evaluateRule('starred', v({ ...starredFields, potential_impact })), 'no', potential_impact);
    assert.equal(evaluateRule('potentially_starred', v({ ...starredFields, potential_impact })), 'no', potential_impact);
  }
  for (const completion of ['no_evidence', 'not_started', 'limited'] as const) assert.equal(evaluateRule('starred', v({ ...starredFields, completion })), 'no', completion);
  // Relevant only to technology and innovation: not one of the three values the rule names.
  const techOnly = v({ ...starredFields, relevance_access_to_information: 'no', relevance_technology: 'yes' });
  assert.equal(evaluateRule('starred', techOnly), 'no');
});

test('starred: any one of the three values is enough', () => {
  for (const field of ['relevance_access_to_information', 'relevance_civic_participation', 'relevance_public_accountability'] as const) {
    const one = v({ ...starredFields, relevance_access_to_information: 'no', relevance_civic_participation: 'no', relevance_public_accountability: 'no', [field]: 'yes' });
    assert.equal(evaluateRule('starred', one), 'yes', field);
  }
});

test('starred: a missing field gives not enough data, unless another field already fails', () => {
  assert.equal(evaluateRule('starred', v({ ...starredFields, completion: null })), 'not_enough_data');
  assert.equal(evaluateRule('potentially_starred', v({ ...starredFields, completion: null })), 'yes');
  assert.equal(evaluateRule('starred', v({ ...starredFields, specificity: null })), 'not_enough_data');
  // Relevance: "no" to two values and one not assessed cannot decide; a "yes" decides without the others.
  assert.equal(evaluateRule('starred', v({ ...starredFields, relevance_access_to_information: 'no', relevance_public_accountability: null })), 'not_enough_data');
  assert.equal(evaluateRule('starred', v({ ...starredFields, relevance_civic_participation: null, relevance_public_accountability: null })), 'yes');
  // Design report of the seed's plan, as OGP.md summarises it: no transformative commitment, so none potentially starred.
  assert.equal(evaluateRule('potentially_starred', v({ potential_impact: 'moderate' })), 'no');
  assert.equal(evaluateRule('starred', v({ potential_impact: 'minor', completion: null })), 'no');
});

test('promising: verifiable, open-government lens and substantial potential for results', () => {
  const ok = { verifiable: 'yes', open_government_lens: 'yes', potential_for_results: 'substantial' } as const;
  assert.equal(evaluateRule('promising', v(ok)), 'yes');
  assert.equal(evaluateRule('promising', v({ ...ok, verifiable: 'no' })), 'no');
  assert.equal(evaluateRule('promising', v({ ...ok, open_government_lens: 'no' })), 'no');
  for (const p of ['unclear', 'modest'] as const) assert.equal(evaluateRule('promising', v({ ...ok, potential_for_results: p })), 'no', p);
  assert.equal(evaluateRule('promising', v({ ...ok, potential_for_results: null })), 'not_enough_data');
  assert.equal(evaluateRule('promising', v({ verifiable: 'no' })), 'no');
});

test('scale values are checked per field', () => {
  assert.ok(isScaleValue('specificity', 'medium'));
  assert.ok(!isScaleValue('specificity', 'transformative'));
  assert.ok(!isScaleValue('verifiable', null));
});
