// The demo data set, loaded through the real importer, on the database under test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importAll } from '../../bootstrap.ts';
import { fixedClock } from '../../platform/clock.ts';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { loadPlanTree } from './plan-tree.ts';
import { checkBundle } from './commands/import-plan.ts';
import { readPlanBundle, SeedFileError } from './seed-files.ts';
import { DEFAULT_DATA_DIR } from '../../bootstrap.ts';
import { join } from 'node:path';

let db: TestDb;
const clock = fixedClock('2026-11-20T00:00:00Z');
before(async () => {
  db = await freshDb();
});
after(async () => db.destroy());

test('the 2018-2020 plan loads with all 13 commitments and the seed levels', async () => {
  const [result] = await importAll(db, clock);
  assert.equal(result!.plan, 'kr-2018-2020');
  assert.equal(result!.created.commitments, 13);
  assert.equal(result!.created.irm_recommendations, 5);
  const tree = (await loadPlanTree(db.db, 'kr-2018-2020'))!;
  assert.deepEqual(tree.summary, { not_started: 0, limited: 1, substantial: 4, completed: 8, total: 13 });
  assert.deepEqual(
    tree.commitments.map((c) => c.code),
    ['1', '2', '3', '4', '5-1', '5-2', '6', '7', '8', '9', '10', '11', '12'],
  );
  const levels = Object.fromEntries(tree.commitments.map((c) => [c.code, c.level]));
  assert.deepEqual(levels, {
    '1': 'completed', '2': 'limited', '3': 'completed', '4': 'completed', '5-1': 'substantial', '5-2': 'completed',
    '6': 'completed', '7': 'completed', '8': 'substantial', '9': 'substantial', '10': 'completed', '11': 'completed', '12': 'substantial',
  });
  assert.equal(new Set(tree.commitments.map((c) => c.lead_organization_key)).size, 7, '7 organizations');
});

test('milestones keep the seed wording of dates and levels', async () => {
  const tree = (await loadPlanTree(db.db, 'kr-2018-2020'))!;
  const c12 = tree.commitments.find((c) => c.code === '12')!;
  assert.equal(c12.milestones.length, 13);
  const m2 = c12.milestones[1]!;
  assert.equal(m2.end_label, 'First half of 2019');
  assert.equal(m2.end_precision, 'half');
  assert.equal(m2.end_value, '2019-H1');
  const m4 = c12.milestones[3]!;
  assert.equal(m4.level, 'substantial');
  assert.equal(m4.level_label, 'Almost completed');
  assert.equal(m4.end_precision, 'ongoing');
  const c51 = tree.commitments.find((c) => c.code === '5-1')!;
  assert.equal(c51.milestones[2]!.level_label, 'Considerably Complete');
  assert.equal(c51.milestones[2]!.level, 'substantial');
  const c7 = tree.commitments.find((c) => c.code === '7')!;
  assert.ok(c7.milestones.every((m) => m.end_label === 'Continued' && m.end_value === null));
  const total = tree.commitments.reduce((n, c) => n + c.milestones.length, 0);
  assert.ok(total >= 60, `every milestone is loaded (${total})`);
});

test('importing twice changes nothing', async () => {
  const countRows = async () => {
    const tables = ['organizations', 'action_plans', 'plan_sections', 'commitments', 'milestones', 'commitment_contacts', 'commitment_values', 'irm_recommendations', 'audit_events'] as const;
    const out: Record<string, number> = {};
    for (const t of tables) out[t] = Number((await db.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return out;
  };
  const beforeCounts = await countRows();
  const [second] = await importAll(db, clock);
  assert.deepEqual(second!.created, { organizations: 0, plans: 0, sections: 0, commitments: 0, milestones: 0, irm_recommendations: 0 });
  assert.deepEqual(await countRows(), beforeCounts);
});

test('a data file whose level contradicts its wording is refused before anything is written', () => {
  const bundle = readPlanBundle(join(DEFAULT_DATA_DIR, 'plans', 'kr-2018-2020'));
  const broken = structuredClone(bundle);
  broken.commitments[0]!.milestones[0]!.level = 'limited';
  assert.throws(() => checkBundle(broken), SeedFileError);
  const unknownOrg = structuredClone(bundle);
  unknownOrg.commitments[0]!.lead_organization = 'nowhere';
  assert.throws(() => checkBundle(unknownOrg), /unknown lead organization/);
});
