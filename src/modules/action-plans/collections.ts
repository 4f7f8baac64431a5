// The action-plans module's public collections, one pair per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { listPlans } from './action-plans.repository.ts';

type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

/** One collection per plan, made by `make`, with the plan's period and country as its coverage. */
export async function perPlanCollections(db: Kysely<Database>, make: (plan: PlanRow) => Omit<PublicCollection, 'temporalCoverage' | 'spatialCoverage'>): Promise<PublicCollection[]> {
  return (await listPlans(db)).map((plan) => ({ temporalCoverage: `${plan.period_start} – ${plan.period_end}`, spatialCoverage: plan.country_name, ...make(plan) }));
}

export async function planCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  const out: PublicCollection[] = [];
  for (const plan of await listPlans(db)) {
    const common = { landingPage: `/plans/${plan.slug}`, temporalCoverage: `${plan.period_start} – ${plan.period_end}`, spatialCoverage: plan.country_name };
    out.push(
      {
        ...common,
        slug: `${plan.slug}-commitments`,
        title: `${plan.title}: commitments`,
        description: `Every commitment of ${plan.title} with its lead organization, dates, OGP values and completion level, kept up to date by the organizations that carry them.`,
        keywords: ['OGP', 'action plan', 'commitments'],
        resources: [
          { key: 'api', title: 'Plan with commitments (JSON API)', format: 'JSON', url: `/api/v1/plans/${plan.slug}` },
          { key: 'csv', title: 'Commitments (CSV)', format: 'CSV', url: `/plans/${plan.slug}/commitments.csv` },
        ],
      },
      {
        ...common,
        slug: `${plan.slug}-milestones`,
        title: `${plan.title}: milestones`,
        description: `Every milestone of the commitments of ${plan.title}, with its dates as the source writes them and its completion level.`,
        keywords: ['OGP', 'action plan', 'milestones'],
        resources: [
          { key: 'api', title: 'Plan with milestones (JSON API)', format: 'JSON', url: `/api/v1/plans/${plan.slug}` },
          { key: 'csv', title: 'Milestones (CSV)', format: 'CSV', url: `/plans/${plan.slug}/milestones.csv` },
        ],
      },
    );
  }
  return out;
}
