// The reports module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function reportCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan) => ({
    slug: `${plan.slug}-reports`,
    title: `${plan.title}: self-assessment reports and public comments`,
    description: `The action plan, mid-term and end-of-term self-assessment reports of ${plan.title}, their public comment periods, the comments and the government's responses, and the end-of-term report computed from live data.`,
    keywords: ['OGP', 'self-assessment', 'public comment'],
    landingPage: `/plans/${plan.slug}/reports`,
    resources: [
      { key: 'api', title: 'Reports and comments (JSON API)', format: 'JSON', url: `/api/v1/plans/${plan.slug}/reports` },
      { key: 'live', title: 'End-of-term self-assessment from live data (JSON API)', format: 'JSON', url: `/api/v1/plans/${plan.slug}/report` },
    ],
  }));
}
