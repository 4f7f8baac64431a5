// The ogp-data module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function ogpDataCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan) => ({
    slug: `${plan.slug}-ogp-commitments`,
    title: `${plan.title}: commitments in OGP's data columns`,
    description: `The commitments of ${plan.title} as the columns the Open Government Partnership publishes for commitments, ready to compare with OGP's data or to import elsewhere.`,
    keywords: ['OGP', 'commitments', 'OGP data'],
    landingPage: `/plans/${plan.slug}`,
    resources: [{ key: 'csv', title: "Commitments in OGP's columns (CSV)", format: 'CSV', url: `/plans/${plan.slug}/ogp-commitments.csv` }],
  }));
}
