// OGP data: the export's columns, the round trip (export, import into an empty database, export again:
// identical bytes), row-level errors that write nothing, and the published JSON Schema.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Session, testApp, type TestContext } from '../../../test/support/app.ts';
import { DEFAULT_DATA_DIR } from '../../bootstrap.ts';
import { importOgpCsv } from './commands/import-ogp.ts';
import { OGP_COLUMNS } from './ogp-columns.ts';

let seeded: TestContext;
before(async () => {
  seeded = await testApp();
});
after(async () => seeded.close());

const CSV_URL = '/plans/kr-2018-2020/ogp-commitments.csv';

async function exportOf(t: TestContext) {
  const res = await t.app.inject({ url: CSV_URL });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/csv/);
  return res.rawPayload;
}

async function counts(t: TestContext) {
  const n = async (table: 'action_plans' | 'commitments' | 'organizations' | 'irm_commitments' | 'ogp_commitment_data' | 'audit_events') =>
    Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { plans: await n('action_plans'), commitments: await n('commitments'), organizations: await n('organizations'), irm: await n('irm_commitments'), extra: await n('ogp_commitment_data'), audit: await n('audit_events') };
}

test('the export has OGP’s columns, one row per commitment, with the IRM ids and the values as 0/1', async () => {
  const text = (await exportOf(seeded)).toString('utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  assert.equal(lines[0], OGP_COLUMNS.join(','));
  assert.match(text, /^\uFEFF/);
  assert.match(lines[1]!, /^KR0036,Republic of Korea,,,2018,4,1,Anti-Corruption and Civil Rights Commission,/);
  assert.match(text, /\nKR0048,Republic of Korea,,,2018,4,12,/);
  assert.equal((await seeded.app.inject({ url: '/plans/nope/ogp-commitments.csv' })).statusCode, 404);
});

test('round trip: export kr-2018-2020, import into an empty database, export again: identical bytes (with IRM fields recorded)', async () => {
  // Record one assessment so that the IRM columns carry values through the trip.
  const admin = await new Session(seeded.app).signIn('admin');
  const form = { report: 'design_report', commitments: '5-1, 5-2', specificity: 'medium', potential_impact: 'moderate', relevance_civic_participation: 'yes' };
  assert.equal((await admin.postForm('/plans/kr-2018-2020/irm/KR0040', { _csrf: await admin.csrf('/sign-in'), ...form })).statusCode, 303);
  const first = await exportOf(seeded);
  assert.match(first.toString('utf8'), /KR0040,Republic of Korea,,,2018,4,5-1,.*,Medium,Moderate,,\r?\n/);

  const empty = await testApp({ seed: false });
  try {
    const r = await importOgpCsv(empty.db.db, first.toString('utf8'), empty.clock.now(), { filename: 'kr.csv' });
    assert.deepEqual(r, { ok: true, slug: 'kr-2018-2020', commitments: 13, irm_commitments: 13 });
    const second = await exportOf(empty);
    assert.equal(second.length, first.length);
    assert.ok(second.equals(first), 'identical bytes');
    // The cluster the IRM made (KR0040 covers 5-1 and 5-2) came through as well.
    const irm = (await empty.app.inject({ url: '/api/v1/plans/kr-2018-2020/irm' })).json();
    const kr40 = irm.irm_commitments.find((u: { irm_id: string }) => u.irm_id === 'KR0040');
    assert.deepEqual(kr40.commitments, ['5-1', '5-2']);
    assert.equal(kr40.assessments[0].specificity, 'medium');
    // Importing the same file again is refused, and writes nothing.
    const before = await counts(empty);
    const again = await importOgpCsv(empty.db.db, first.toString('utf8'), empty.clock.now());
    assert.equal(again.ok, false);
    assert.match(!again.ok ? again.errors[0]!.message : '', /already exists: nothing was imported/);
    assert.deepEqual(await counts(empty), before);
  } finally {
    await empty.close();
  }
});

test('bad files: every error names its row and column, and nothing is written', async () => {
  const good = (await exportOf(seeded)).toString('utf8');
  const lines = good.split('\n');
  const edit = (row: number, from: RegExp, to: string) => lines.map((l, i) => (i === row - 1 ? l.replace(from, to) : l)).join('\n');
  const cases: [string, string, number, string, RegExp][] = [
    ['missing column', good.replace('Full Text,', 'Text,'), 1, 'Full Text', /missing/],
    ['year', edit(3, /,2018,4,/, ',2O18,4,'), 3, 'Year Of Submission', /four digits/],
    ['duplicate number', edit(4, /,2018,4,3,/, ',2018,4,2,'), 4, 'Commitment Number', /appears twice/],
    ['another plan', edit(5, /,2018,4,4,/, ',2018,5,4,'), 5, 'Action Plan Number', /one action plan/],
    ['irm id', edit(2, /^KR0036/, 'KOREA-1'), 2, 'Commitment Unique Identifier', /not an IRM id/],
    ['specificity', edit(7, /,Medium,Moderate,/, ',Enormous,Moderate,'), 7, 'Specificity', /not one of None, Low, Medium, High/],
    ['value 0/1', edit(2, /,0,1,0,0,/, ',0,2,0,0,'), 2, 'OGP Value Civic Participation', /Use 1/],
  ];
  const empty = await testApp({ seed: false });
  try {
    for (const [name, text, row, column, message] of cases) {
      const before = await counts(empty);
      const r = await importOgpCsv(empty.db.db, text, empty.clock.now());
      assert.equal(r.ok, false, name);
      const e = !r.ok ? r.errors.find((x) => x.column === column && message.test(x.message)) : undefined;
      assert.ok(e, `${name}: an error on column ${column} matching ${message}: ${JSON.stringify(!r.ok && r.errors)}`);
      assert.equal(e.row, row, name);
      assert.deepEqual(await counts(empty), before, `${name} wrote nothing`);
    }
    const broken = await importOgpCsv(empty.db.db, `${OGP_COLUMNS.join(',')}\n"KR0036,unclosed`, empty.clock.now());
    assert.equal(broken.ok, false);
    assert.match(!broken.ok ? broken.errors[0]!.message : '', /not valid CSV/);
    const withoutIds = lines.map((l, i) => (i === 0 ? l : l.replace(/^(KR00\d\d(; )?)+/, ''))).join('\n');
    const noCountry = await importOgpCsv(empty.db.db, withoutIds, empty.clock.now());
    assert.equal(!noCountry.ok && noCountry.errors[0]!.column, 'Commitment Unique Identifier');
    assert.equal((await counts(empty)).plans, 0);
  } finally {
    await empty.close();
  }
});

function planFolderAsDocument(dir: string) {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const commitments = readdirSync(join(dir, 'commitments'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => read(join('commitments', f)))
    .sort((a, b) => a.position - b.position);
  return { plan: read('plan.json'), organizations: read('organizations.json'), irm_recommendations: read('irm-recommendations.json'), commitments, irm_commitments: read('irm-commitments.json') };
}

test('the JSON Schema for plans is published and data/plans/kr-2018-2020 validates against it', async () => {
  const res = await seeded.app.inject({ url: '/api/v1/schemas/plan.json' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /application\/schema\+json/);
  const schema = res.json();
  assert.equal(schema.$id, 'http://localhost:3000/api/v1/schemas/plan.json');
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const doc = planFolderAsDocument(join(DEFAULT_DATA_DIR, 'plans', 'kr-2018-2020'));
  assert.equal(doc.commitments.length, 13);
  assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
  // The schema has teeth: a wrong level, a missing title and a malformed IRM id are refused.
  const bad = structuredClone(doc);
  bad.commitments[0].level = 'done';
  delete bad.commitments[1].title;
  bad.irm_commitments[0].irm_id = 'KR36';
  assert.equal(validate(bad), false);
  const paths = (validate.errors ?? []).map((e) => e.instancePath);
  assert.ok(paths.includes('/commitments/0/level') && paths.includes('/irm_commitments/0/irm_id'), JSON.stringify(paths));
  const openapi = (await seeded.app.inject({ url: '/api/v1/openapi.json' })).json();
  assert.ok(openapi.paths['/api/v1/schemas/plan.json']);
});
