import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTransition, PETITION_STATES, PETITION_TRANSITIONS, SIGNABLE, stampColumn, STATE_GROUPS } from './petition-state.ts';

test('every transition joins two known states and every state but draft has a stamp column', () => {
  for (const t of PETITION_TRANSITIONS) {
    assert.ok(PETITION_STATES.includes(t.from) && PETITION_STATES.includes(t.to), `${t.from} → ${t.to}`);
    assert.ok(stampColumn(t.to), `${t.to} is stamped`);
  }
  assert.equal(stampColumn('draft'), null);
});

test('the lifecycle of the issue: forward path, closing below threshold, rejections with a reason', () => {
  const path = ['draft', 'pending_moderation', 'open', 'threshold_reached', 'under_review', 'accepted', 'results_published'] as const;
  for (let i = 0; i + 1 < path.length; i += 1) assert.ok(findTransition(path[i]!, path[i + 1]!), `${path[i]} → ${path[i + 1]}`);
  assert.ok(findTransition('open', 'closed'));
  assert.equal(findTransition('pending_moderation', 'rejected')?.needsReason, true);
  assert.equal(findTransition('under_review', 'rejected')?.needsReason, true);
  assert.equal(findTransition('results_published', 'open'), undefined, 'no way back');
  assert.equal(findTransition('threshold_reached', 'closed'), undefined, 'a petition over its threshold is not closed unanswered');
});

test('every state belongs to one group at most, and signing is only possible while open or in review', () => {
  const seen = new Map<string, string>();
  for (const [group, states] of Object.entries(STATE_GROUPS)) {
    for (const s of states) {
      assert.ok(!seen.has(s), `${s} is in ${seen.get(s)} and ${group}`);
      seen.set(s, group);
    }
  }
  assert.deepEqual([...SIGNABLE].sort(), ['open', 'threshold_reached', 'under_review']);
});
