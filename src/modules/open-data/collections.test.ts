// The platform's own collections in the catalog: every module's, once, each resource answering.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publicCollections } from '../../modules.ts';
import { testApp, type TestContext } from '../../../test/support/app.ts';
import { MEDIA_TYPES, publishCollections } from './commands/publish-collections.ts';

let t: TestContext;
before(async () => {
  t = await testApp({ accounts: false });
});
after(async () => t.close());

test('every collection a module declares is a data set of the catalog, with its API and CSV', async () => {
  const collections = await publicCollections(t.db.db);
  const slugs = collections.map((c) => c.slug);
  const expectedSlugs = [
    ...['commitments', 'milestones', 'irm-assessments', 'ogp-commitments', 'co-creation-standards', 'repository', 'reports'].map((c) => `kr-2018-2020-${c}`),
    ...['petitions', 'votes', 'proposals', 'participation-figures', 'forums-and-committees', 'transparent-society-agreements', 'data-requests', 'demand-rounds', 'error-report-evaluation', 'policy-registry', 'surveys'].map((c) => `madang-${c}`),
  ];
  for (const expected of expectedSlugs) {
    assert.ok(slugs.includes(expected), `${expected} is published`);
  }
  const res = await t.app.inject({ url: '/api/v1/datasets?per_page=100' });
  assert.equal(res.statusCode, 200);
  const listed = new Set((res.json().datasets as { slug: string }[]).map((d) => d.slug));
  for (const slug of slugs) assert.ok(listed.has(slug), `${slug} is in the catalog API`);
});

test('publishing again adds nothing; two collections with one slug are refused', async () => {
  const collections = await publicCollections(t.db.db);
  assert.deepEqual(await publishCollections(t.db.db, collections, t.clock.now()), { datasets_created: 0, resources_created: 0, texts_updated: 0 });
  await assert.rejects(publishCollections(t.db.db, [collections[0]!, collections[0]!], t.clock.now()), /two collections are published as/);
});

test('every resource of every collection answers 200 with its format', async () => {
  for (const c of await publicCollections(t.db.db)) {
    const landing = await t.app.inject({ url: c.landingPage });
    assert.equal(landing.statusCode, 200, `${c.slug}: landing page ${c.landingPage}`);
    for (const r of c.resources) {
      const res = await t.app.inject({ url: r.url });
      assert.equal(res.statusCode, 200, `${c.slug}: ${r.url}`);
      assert.ok((res.headers['content-type'] as string).startsWith(MEDIA_TYPES[r.format]), `${c.slug}: ${r.url} is ${MEDIA_TYPES[r.format]}`);
    }
  }
});
