import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canApplyReport, commentClosesAt, isReportKind, isReportTransition, REPORT_STATES, REPORT_TRANSITIONS, takesComments } from './report-state.ts';

test('every transition of the table goes from the states it names and from no other', () => {
  for (const [name, t] of Object.entries(REPORT_TRANSITIONS)) {
    assert.ok(isReportTransition(name));
    for (const state of REPORT_STATES) assert.equal(canApplyReport(name as keyof typeof REPORT_TRANSITIONS, state), (t.from as readonly string[]).includes(state), `${name} from ${state}`);
  }
  assert.equal(isReportTransition('constructor'), false);
  assert.equal(isReportKind('mid_term'), true);
  assert.equal(isReportKind('annual'), false);
});

test('comments are taken while open and before the window ends, never after', () => {
  const opened = new Date('2026-11-20T03:00:00.000Z');
  const closes = commentClosesAt(opened, 14).toISOString();
  assert.equal(closes, '2026-12-04T03:00:00.000Z');
  const open = { state: 'open_for_comment', comment_closes_at: closes };
  assert.equal(takesComments(open, new Date('2026-12-04T02:59:59.999Z')), true);
  assert.equal(takesComments(open, new Date('2026-12-04T03:00:00.000Z')), false, 'the window has ended');
  assert.equal(takesComments({ ...open, state: 'draft' }, opened), false);
  assert.equal(takesComments({ ...open, state: 'final' }, opened), false);
  assert.equal(takesComments({ state: 'open_for_comment', comment_closes_at: null }, opened), false);
});
