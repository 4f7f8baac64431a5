// The action-plans module's public collections, one pair per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Localized, PublicCollection } from '../../platform/module.ts';
import { detectLang } from '../search/search-text.ts';
import { listPlans } from './action-plans.repository.ts';

type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

/**
 * A plan's name in the catalog's two languages: its title in English (the seed's), and in Korean its
 * title where that is Korean, else its number and years as Korean plans are named ("제4차 실행계획(2018–2020)").
 */
export function planNames(plan: Pick<PlanRow, 'title' | 'number' | 'period_start' | 'period_end'>): Localized {
  const ko = detectLang(plan.title) === 'ko' ? plan.title : `제${plan.number}차 실행계획(${plan.period_start.slice(0, 4)}–${plan.period_end.slice(0, 4)})`;
  return { en: plan.title, ko };
}

/** One collection per plan, made by `make` from the plan and its names, with the plan's period and country as its coverage. */
export async function perPlanCollections(db: Kysely<Database>, make: (plan: PlanRow, name: Localized) => Omit<PublicCollection, 'temporalCoverage' | 'spatialCoverage'>): Promise<PublicCollection[]> {
  return (await listPlans(db)).map((plan) => ({ temporalCoverage: `${plan.period_start} – ${plan.period_end}`, spatialCoverage: plan.country_name, ...make(plan, planNames(plan)) }));
}

export async function planCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  const out: PublicCollection[] = [];
  for (const plan of await listPlans(db)) {
    const common = { landingPage: `/plans/${plan.slug}`, temporalCoverage: `${plan.period_start} – ${plan.period_end}`, spatialCoverage: plan.country_name };
    const name = planNames(plan);
    out.push(
      {
        ...common,
        slug: `${plan.slug}-commitments`,
        title: { en: `${name.en}: commitments`, ko: `${name.ko} 과제` },
        description: {
          en: `Every commitment of ${name.en} with its lead organization, dates, OGP values and completion level, kept up to date by the organizations that carry them.`,
          ko: `${name.ko}의 모든 과제와 주관 기관, 기간, OGP 가치, 이행 수준. 과제를 이행하는 기관이 직접 갱신합니다.`,
        },
        keywords: { en: ['OGP', 'action plan', 'commitments'], ko: ['OGP', '실행계획', '과제'] },
        resources: [
          { key: 'api', title: { en: 'Plan with commitments (JSON API)', ko: '실행계획과 과제 (JSON API)' }, format: 'JSON', url: `/api/v1/plans/${plan.slug}` },
          { key: 'csv', title: { en: 'Commitments (CSV)', ko: '과제 (CSV)' }, format: 'CSV', url: `/plans/${plan.slug}/commitments.csv` },
        ],
      },
      {
        ...common,
        slug: `${plan.slug}-milestones`,
        title: { en: `${name.en}: milestones`, ko: `${name.ko} 세부 이행계획` },
        description: {
          en: `Every milestone of the commitments of ${name.en}, with its dates as the source writes them and its completion level.`,
          ko: `${name.ko} 과제의 모든 세부 이행계획과 출처에 적힌 그대로의 일정, 이행 수준.`,
        },
        keywords: { en: ['OGP', 'action plan', 'milestones'], ko: ['OGP', '실행계획', '세부 이행계획'] },
        resources: [
          { key: 'api', title: { en: 'Plan with milestones (JSON API)', ko: '실행계획과 세부 이행계획 (JSON API)' }, format: 'JSON', url: `/api/v1/plans/${plan.slug}` },
          { key: 'csv', title: { en: 'Milestones (CSV)', ko: '세부 이행계획 (CSV)' }, format: 'CSV', url: `/plans/${plan.slug}/milestones.csv` },
        ],
      },
    );
  }
  return out;
}
