import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { importPlanBundle, type ImportResult } from './modules/action-plans/commands/import-plan.ts';
import { listPlanDirs, readPlanBundle } from './modules/action-plans/seed-files.ts';
import { importOpenData } from './modules/open-data/commands/import-open-data.ts';
import { readOpenDataSeed } from './modules/open-data/seed-files.ts';
import { createDemoAccounts } from './platform/auth/accounts.ts';
import type { Clock } from './platform/clock.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

/**
 * Imports every plan folder under dataDir, then the open-data catalog (the seed's data sets and
 * the platform's own collections, which depend on the plans). Safe to run any number of times.
 */
export async function importAll(handle: Db, clock: Clock, dataDir = DEFAULT_DATA_DIR): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const dir of listPlanDirs(dataDir)) results.push(await importPlanBundle(handle.db, readPlanBundle(dir), clock.now()));
  await importOpenData(handle.db, readOpenDataSeed(dataDir), clock.now());
  return results;
}

export interface Prepared {
  migrations: string[];
  imported: ImportResult[];
  demoAccounts: Awaited<ReturnType<typeof createDemoAccounts>>;
}

/** What `serve` does before listening: migrate, load the demo data into an empty database, make demo accounts. */
export async function prepareDatabase(config: Config, handle: Db, clock: Clock): Promise<Prepared> {
  const migrations = await migrateToLatest(handle);
  let imported: ImportResult[] = [];
  if (config.loadDemoData) {
    const any = await handle.db.selectFrom('action_plans').select('id').limit(1).executeTakeFirst();
    if (!any) imported = await importAll(handle, clock);
  }
  const demoAccounts = config.createDemoAccounts ? await createDemoAccounts(handle.db, clock.now()) : [];
  return { migrations, imported, demoAccounts };
}
