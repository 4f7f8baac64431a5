// The standards module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function standardsCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan, name) => ({
    slug: `${plan.slug}-co-creation-standards`,
    title: { en: `${name.en}: the Participation and Co-Creation Standards, computed from the records`, ko: `${name.ko} 참여·공동창조 기준: 기록으로 계산한 충족 여부` },
    description: {
      en: `Each requirement of the OGP Participation and Co-Creation Standards for ${name.en}, computed from the platform's records as pass, fail or not enough data, with the evidence and what is missing.`,
      ko: `${name.ko}에 대한 OGP 참여·공동창조 기준의 요건별 충족, 미충족, 자료 부족 판정. 플랫폼의 기록으로 계산하며 근거와 빠진 것을 함께 보여 줍니다.`,
    },
    keywords: { en: ['OGP', 'co-creation standards', 'compliance'], ko: ['OGP', '공동창조 기준', '기준 충족'] },
    landingPage: `/plans/${plan.slug}/compliance`,
    resources: [{ key: 'api', title: { en: 'Standards (JSON API)', ko: '기준 충족 여부 (JSON API)' }, format: 'JSON', url: `/api/v1/plans/${plan.slug}/compliance` }],
  }));
}
