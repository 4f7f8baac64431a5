import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './create-db.ts';
import { platform } from './migrations/0001-platform.ts';
import { actionPlans } from './migrations/0002-action-plans.ts';
import { petitions } from './migrations/0003-petitions.ts';
import { proposalsBodies } from './migrations/0004-proposals-bodies.ts';
import { openData } from './migrations/0005-open-data.ts';
import { surveys } from './migrations/0006-surveys.ts';
import { policyRegistry } from './migrations/0007-policy-registry-rounds.ts';
import { irmOgpData } from './migrations/0008-irm-ogp-data.ts';
import { repositoryComments } from './migrations/0009-repository-comments.ts';
import { nextPlan } from './migrations/0010-next-plan.ts';
import { search } from './migrations/0011-search.ts';
import { followsNotifications } from './migrations/0012-follows-notifications.ts';
import { searchFacets } from './migrations/0013-search-facets.ts';
import { searchFollower } from './migrations/0015-search-follower.ts';
import { auditFollowers } from './migrations/0014-audit-followers.ts';
import { catalogTexts } from './migrations/0016-catalog-texts.ts';
import type { PortableMigration } from './migration-helpers.ts';

/** Every migration in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: PortableMigration[] = [platform, actionPlans, petitions, proposalsBodies, openData, surveys, policyRegistry, irmOgpData, repositoryComments, nextPlan, search, followsNotifications, searchFacets, auditFollowers, searchFollower, catalogTexts];

class ListProvider implements MigrationProvider {
  constructor(private readonly handle: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const m of MIGRATIONS) out[m.name] = { up: (db) => m.up(db, this.handle.dialect) };
    return out;
  }
}

export async function migrateToLatest(handle: Db): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider: new ListProvider(handle) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
