import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysBetween, duesByOrganization, isPastDue, monthStartIso, overdueItems, petitionDueOn, type DueItem } from './dues.ts';

const item = (o: Partial<DueItem>): DueItem => ({ kind: 'proposal', title: 't', href: '/x', organization_key: 'mois', organization_name: 'MOIS', due_on: null, ...o });

test('overdue once the last day has passed, not on the last day itself; no deadline is never overdue', () => {
  assert.equal(isPastDue({ due_on: '2026-11-19' }, '2026-11-20'), true);
  assert.equal(isPastDue({ due_on: '2026-11-20' }, '2026-11-20'), false);
  assert.equal(isPastDue({ due_on: null }, '2099-01-01'), false);
});

test("a petition's deadline counts the channel's days from the day the threshold was reached in Korea", () => {
  // 2026-11-01 20:00 UTC is already 2 November in Seoul.
  assert.equal(petitionDueOn('2026-11-01T20:00:00.000Z', 10), '2026-11-12');
  assert.equal(petitionDueOn('2026-11-01T20:00:00.000Z', null), null);
  assert.equal(petitionDueOn(null, 10), null);
});

test('this month starts at midnight in Korea', () => {
  assert.equal(monthStartIso(new Date('2026-11-20T03:00:00Z')), '2026-10-31T15:00:00.000Z');
  // 31 October 16:00 UTC is already 1 November in Seoul.
  assert.equal(monthStartIso(new Date('2026-10-31T16:00:00Z')), '2026-10-31T15:00:00.000Z');
});

test('grouped by organization, those with overdue answers first; items without an organization kept apart', () => {
  const rows = duesByOrganization(
    [
      item({ due_on: '2026-12-01' }),
      item({ due_on: '2026-12-02' }),
      item({ kind: 'error_report', organization_key: null, organization_name: 'MFDS', due_on: '2026-11-01' }),
      item({ kind: 'data_request', organization_key: null, organization_name: null }),
    ],
    '2026-11-20',
  );
  assert.deepEqual(rows.map((r) => [r.name, r.total, r.overdueTotal]), [['MFDS', 1, 1], ['MOIS', 2, 0], [null, 1, 0]]);
  assert.equal(rows[0]!.overdue.error_report, 1);
  assert.equal(rows[1]!.awaiting.proposal, 2);
});

test('overdue items, the longest overdue first', () => {
  const list = overdueItems([item({ title: 'b', due_on: '2026-11-10' }), item({ title: 'a', due_on: '2026-11-01' }), item({ title: 'c', due_on: '2026-12-01' })], '2026-11-20');
  assert.deepEqual(list.map((i) => i.title), ['a', 'b']);
  assert.equal(daysBetween('2026-11-01', '2026-11-20'), 19);
});
