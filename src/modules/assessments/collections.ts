// The assessments module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function irmCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan, name) => ({
    slug: `${plan.slug}-irm-assessments`,
    title: { en: `${name.en}: the Independent Reporting Mechanism's assessments`, ko: `${name.ko} 독립보고메커니즘(IRM) 평가` },
    description: {
      en: `The IRM's commitment ids and groupings beside the government's numbering for ${name.en}, its fields per report, and the starred and promising results computed from them; fields the IRM has not assessed say so.`,
      ko: `${name.ko}에 대해 정부의 과제 번호와 나란히 둔 IRM의 과제 번호와 묶음, 보고서별 평가 항목, 그 항목에서 계산한 별표(starred)와 유망(promising) 결과. IRM이 평가하지 않은 항목은 그렇게 표시합니다.`,
    },
    keywords: { en: ['OGP', 'IRM', 'independent assessment'], ko: ['OGP', 'IRM', '독립 평가'] },
    landingPage: `/plans/${plan.slug}/irm`,
    resources: [{ key: 'api', title: { en: 'IRM assessments (JSON API)', ko: 'IRM 평가 (JSON API)' }, format: 'JSON', url: `/api/v1/plans/${plan.slug}/irm` }],
  }));
}
