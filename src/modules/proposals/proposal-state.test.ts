// The lifecycle table, iterated: every transition from every state, on the database under test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { adoptionRate, addDays, callStatus } from './proposal-rules.ts';
import { applyTransition, canApply, DECISION_TRANSITION, DECISIONS, isOverdue, STATES, TRANSITIONS, type TransitionName } from './proposal-state.ts';

let db: TestDb;
before(async () => {
  db = await freshDb();
});
after(async () => db.destroy());

async function proposalIn(state: string) {
  const r = await db.db
    .insertInto('proposals')
    .values({ channel: 'call', title: `in ${state}`, body: 'b', author_id: null, author_label: 'x', state, source_notes: '[]', updated_at: '2026-01-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, state, title: `in ${state}` };
}

test('every transition from every state: allowed exactly when the table says so, stamped and audited', async () => {
  const now = new Date('2026-11-20T03:00:00.000Z');
  for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
    for (const state of STATES) {
      const p = await proposalIn(state);
      const auditBefore = (await db.db.selectFrom('audit_events').select('id').where('entity_id', '=', String(p.id)).execute()).length;
      const r = await db.db.transaction().execute((trx) => applyTransition(trx, { proposal: p, name, actor: null, now }));
      const row = await db.db.selectFrom('proposals').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
      const audits = await db.db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'proposal').where('entity_id', '=', String(p.id)).execute();
      const allowed = (TRANSITIONS[name].from as readonly string[]).includes(state);
      assert.equal(canApply(name, state), allowed);
      assert.equal(r.ok, allowed, `${name} from ${state}`);
      if (allowed) {
        const to = TRANSITIONS[name].to;
        assert.equal(row.state, to);
        assert.equal((row as unknown as Record<string, string | null>)[`${to}_at`], now.toISOString());
        assert.equal(audits.length, auditBefore + 1);
        assert.equal(audits[0]!.action, `proposal.${name}`);
        assert.deepEqual(JSON.parse(audits[0]!.before_json!), { state });
      } else {
        assert.equal(row.state, state, 'unchanged');
        assert.equal(audits.length, auditBefore, 'no audit event');
      }
    }
  }
});

test('a transition and its audit event roll back together', async () => {
  const p = await proposalIn('routed');
  await assert.rejects(
    db.db.transaction().execute(async (trx) => {
      await applyTransition(trx, { proposal: p, name: 'adopt', actor: null, now: new Date() });
      throw new Error('boom');
    }),
  );
  const row = await db.db.selectFrom('proposals').select('state').where('id', '=', p.id).executeTakeFirstOrThrow();
  assert.equal(row.state, 'routed');
  assert.equal((await db.db.selectFrom('audit_events').select('id').where('entity_id', '=', String(p.id)).execute()).length, 0);
});

test('a stale read loses: the second answer to the same proposal is refused', async () => {
  const p = await proposalIn('routed');
  const now = new Date();
  const first = await db.db.transaction().execute((trx) => applyTransition(trx, { proposal: p, name: 'adopt', actor: null, now }));
  const second = await db.db.transaction().execute((trx) => applyTransition(trx, { proposal: p, name: 'not_adopt', actor: null, now }));
  assert.equal(first.ok, true);
  assert.equal(second.ok, false);
});

test('every decision maps to a transition whose target is that decision', () => {
  for (const d of DECISIONS) assert.equal(TRANSITIONS[DECISION_TRANSITION[d]].to, d);
});

test('overdue: awaiting a response past its deadline, and nothing else', () => {
  assert.equal(isOverdue({ state: 'routed', response_due_on: '2026-11-19' }, '2026-11-20'), true);
  assert.equal(isOverdue({ state: 'submitted', response_due_on: '2026-11-19' }, '2026-11-20'), true);
  assert.equal(isOverdue({ state: 'routed', response_due_on: '2026-11-20' }, '2026-11-20'), false, 'the last day is not late');
  for (const s of ['under_review', 'adopted', 'partially_adopted', 'not_adopted', 'matured']) assert.equal(isOverdue({ state: s, response_due_on: '2020-01-01' }, '2026-11-20'), false, s);
  assert.equal(isOverdue({ state: 'routed', response_due_on: null }, '2026-11-20'), false);
});

test('rules: windows, deadlines and rates', () => {
  assert.equal(callStatus({ opens_on: '2026-11-01', closes_on: '2026-11-30' }, '2026-11-20'), 'open');
  assert.equal(callStatus({ opens_on: '2026-12-01', closes_on: '2026-12-30' }, '2026-11-20'), 'upcoming');
  assert.equal(callStatus({ opens_on: '2026-10-01', closes_on: '2026-10-30' }, '2026-11-20'), 'closed');
  assert.equal(callStatus({ opens_on: null, closes_on: null }, '2026-11-20'), 'closed');
  assert.equal(addDays('2026-11-20', 30), '2026-12-20');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(adoptionRate(45, 72), 62.5);
  assert.equal(adoptionRate(47, 60), 78.3);
  assert.equal(adoptionRate(19, 37), 51.4);
  assert.equal(adoptionRate(0, 0), null);
});
