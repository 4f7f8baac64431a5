import { actionPlansModule } from './modules/action-plans/index.ts';
import { petitionsModule } from './modules/petitions/index.ts';
import { bodiesModule } from './modules/bodies/index.ts';
import { proposalsModule } from './modules/proposals/index.ts';
import { openDataModule } from './modules/open-data/index.ts';
import { assessmentsModule } from './modules/assessments/index.ts';
import { ogpDataModule } from './modules/ogp-data/index.ts';
import { standardsModule } from './modules/standards/index.ts';
import { policyRegistryModule } from './modules/policy-registry/index.ts';
import { surveysModule } from './modules/surveys/index.ts';
import { reportsModule } from './modules/reports/index.ts';
import { repositoryModule } from './modules/repository/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { homeModule } from './modules/home/index.ts';
import { searchModule } from './modules/search/index.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { ModuleManifest, PublicCollection } from './platform/module.ts';
import type { SearchSource } from './platform/search-source.ts';

/** Every module, in the order its routes are registered. A new module adds one line here. */
export const MODULES: ModuleManifest[] = [actionPlansModule, reportsModule, petitionsModule, proposalsModule, bodiesModule, surveysModule, openDataModule, policyRegistryModule, assessmentsModule, ogpDataModule, standardsModule, repositoryModule, homeModule, notificationsModule, searchModule(searchSources)];

/** Every collection the modules publish in the open-data catalog, in module order. */
export async function publicCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  const out: PublicCollection[] = [];
  for (const m of MODULES) if (m.collections) out.push(...(await m.collections(db)));
  return out;
}

/** Every module's search sources (read when the index is built or caught up, so every module is listed by then). */
export function searchSources(): SearchSource[] {
  return MODULES.flatMap((m) => m.search ?? []);
}
