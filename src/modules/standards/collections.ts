// The standards module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function standardsCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan) => ({
    slug: `${plan.slug}-co-creation-standards`,
    title: `${plan.title}: the Participation and Co-Creation Standards, computed from the records`,
    description: `Each requirement of the OGP Participation and Co-Creation Standards for ${plan.title}, computed from the platform's records as pass, fail or not enough data, with the evidence and what is missing.`,
    keywords: ['OGP', 'co-creation standards', 'compliance'],
    landingPage: `/plans/${plan.slug}/compliance`,
    resources: [{ key: 'api', title: 'Standards (JSON API)', format: 'JSON', url: `/api/v1/plans/${plan.slug}/compliance` }],
  }));
}
