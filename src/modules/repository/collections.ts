// The repository module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function repositoryCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan) => ({
    slug: `${plan.slug}-repository`,
    title: `${plan.title}: the OGP repository`,
    description: `Every document and piece of evidence of ${plan.title}, dated and downloadable: documents the government published and the evidence of the progress updates.`,
    keywords: ['OGP', 'repository', 'evidence'],
    landingPage: `/plans/${plan.slug}/repository`,
    resources: [
      { key: 'api', title: 'Repository (JSON API)', format: 'JSON', url: `/api/v1/plans/${plan.slug}/repository` },
      { key: 'atom', title: 'Repository updates (Atom feed)', format: 'Atom', url: `/plans/${plan.slug}/repository.atom` },
    ],
  }));
}
