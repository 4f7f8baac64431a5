import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { importPlanBundle } from './modules/action-plans/commands/import-plan.ts';
import { listPlanDirs, readNextPlansFile, readPlanBundle } from './modules/action-plans/seed-files.ts';
import { importNextPlans } from './modules/action-plans/commands/import-next-plans.ts';
import { importPetitionData } from './modules/petitions/commands/import-petitions.ts';
import { importBodies } from './modules/bodies/commands/import-bodies.ts';
import { coCreationDir, readBodiesBundle } from './modules/bodies/seed-files.ts';
import { importCoCreation, readCoCreationBundle } from './modules/proposals/commands/import-co-creation.ts';
import { importIrm, readIrmFile } from './modules/assessments/commands/import-irm.ts';
import { importSurveys, readSurveysFile } from './modules/surveys/commands/import-surveys.ts';
import { importOpenData } from './modules/open-data/commands/import-open-data.ts';
import { publishCollections } from './modules/open-data/commands/publish-collections.ts';
import { publicCollections, searchSources } from './modules.ts';
import { ensureSearchIndex, rebuildSearchIndex } from './modules/search/index.ts';
import { readDemandRoundsSeed, readOpenDataSeed } from './modules/open-data/seed-files.ts';
import { importDemandRounds } from './modules/open-data/commands/demand-rounds.ts';
import { createDemoAccounts } from './platform/auth/accounts.ts';
import type { Clock } from './platform/clock.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

/** What one data set's import did: records created by kind, and records found already present. */
export interface ImportSummary {
  plan: string;
  created: Record<string, number>;
  unchanged: number;
}

/**
 * Imports every data set under dataDir: the plans, the petition channels, the co-creation records and
 * the open-data catalog (which refer to the plans). Safe to run any number of times.
 */
export async function importAll(handle: Db, clock: Clock, dataDir = DEFAULT_DATA_DIR): Promise<ImportSummary[]> {
  const results: ImportSummary[] = [];
  for (const dir of listPlanDirs(dataDir)) results.push(await importPlanBundle(handle.db, readPlanBundle(dir), clock.now()));
  // The IRM's commitment ids refer to the plans' commitments.
  for (const dir of listPlanDirs(dataDir)) {
    const irm = readIrmFile(dir);
    if (!irm) continue;
    const r = await importIrm(handle.db, irm.slug, irm.units, clock.now());
    results.push({ plan: `${irm.slug} (IRM)`, created: { irm_commitments: r.created }, unchanged: r.unchanged });
  }
  const petitions = await importPetitionData(handle.db, dataDir, clock.now());
  results.push({ plan: 'petitions', created: { records: petitions.created }, unchanged: petitions.unchanged });
  // The co-creation records (bodies, agreements, calls, example proposals, forum years) refer to the plans.
  const coCreation = coCreationDir(dataDir);
  if (coCreation) {
    await importBodies(handle.db, readBodiesBundle(coCreation), clock.now());
    await importCoCreation(handle.db, readCoCreationBundle(coCreation), clock.now());
    await importSurveys(handle.db, readSurveysFile(coCreation), clock.now());
  }
  // A next plan starts from the previous plan's maturation list and IRM recommendations: after the co-creation records.
  const next = await importNextPlans(handle.db, readNextPlansFile(dataDir), clock.now());
  results.push({ plan: 'next plans', created: { plans: next.created, starting_points: next.startingPoints }, unchanged: next.unchanged });
  await importOpenData(handle.db, readOpenDataSeed(dataDir), clock.now());
  await importDemandRounds(handle.db, readDemandRoundsSeed(dataDir), clock.now());
  await publishCollections(handle.db, await publicCollections(handle.db), clock.now());
  await rebuildSearchIndex(handle, searchSources(), clock.now());
  return results;
}

export interface Prepared {
  migrations: string[];
  imported: ImportSummary[];
  /** Whether the search index was rebuilt at start (and why), or only caught up. */
  search: Awaited<ReturnType<typeof ensureSearchIndex>> & { seconds: number };
  demoAccounts: Awaited<ReturnType<typeof createDemoAccounts>>;
}

/** What `serve` does before listening: migrate, load the demo data into an empty database, publish the platform's collections, make demo accounts. */
export async function prepareDatabase(config: Config, handle: Db, clock: Clock): Promise<Prepared> {
  const migrations = await migrateToLatest(handle);
  let imported: ImportSummary[] = [];
  if (config.loadDemoData) {
    const any = await handle.db.selectFrom('action_plans').select('id').limit(1).executeTakeFirst();
    if (!any) imported = await importAll(handle, clock);
  }
  // The platform's own collections are in the catalog with or without the demo data.
  await publishCollections(handle.db, await publicCollections(handle.db), clock.now());
  // The search index catches up from the audit trail (what changed while no process ran), and is
  // rebuilt only when its format changed, an import asked for it, or it is empty.
  const started = performance.now();
  const indexed = await ensureSearchIndex(handle, searchSources(), clock.now(), { gapExpiryMs: config.auditGapExpirySeconds * 1000 });
  const search = { ...indexed, seconds: (performance.now() - started) / 1000 };
  const demoAccounts = config.createDemoAccounts ? await createDemoAccounts(handle.db, clock.now()) : [];
  return { migrations, imported, search, demoAccounts };
}
