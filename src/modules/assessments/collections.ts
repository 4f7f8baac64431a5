// The assessments module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function irmCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan) => ({
    slug: `${plan.slug}-irm-assessments`,
    title: `${plan.title}: the Independent Reporting Mechanism's assessments`,
    description: `The IRM's commitment ids and groupings beside the government's numbering for ${plan.title}, its fields per report, and the starred and promising results computed from them; fields the IRM has not assessed say so.`,
    keywords: ['OGP', 'IRM', 'independent assessment'],
    landingPage: `/plans/${plan.slug}/irm`,
    resources: [{ key: 'api', title: 'IRM assessments (JSON API)', format: 'JSON', url: `/api/v1/plans/${plan.slug}/irm` }],
  }));
}
