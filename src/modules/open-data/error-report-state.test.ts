import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedActions, ERROR_REPORT_STATES, stampColumn, TRANSITIONS } from './error-report-state.ts';

test('the transition table: received → accepted → resolved | declined, declining needs a reason', () => {
  for (const t of TRANSITIONS) {
    for (const from of t.from) assert.ok(ERROR_REPORT_STATES.includes(from));
    assert.ok(ERROR_REPORT_STATES.includes(t.to));
    assert.match(stampColumn(t.to), /^(accepted|resolved|declined)_at$/);
  }
  assert.deepEqual(allowedActions('received'), ['accept', 'decline']);
  assert.deepEqual(allowedActions('accepted'), ['resolve', 'decline']);
  assert.deepEqual(allowedActions('resolved'), []);
  assert.deepEqual(allowedActions('declined'), []);
  assert.equal(TRANSITIONS.find((t) => t.action === 'decline')!.response, 'required');
});
