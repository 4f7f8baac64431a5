// The reports module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function reportCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan, name) => ({
    slug: `${plan.slug}-reports`,
    title: { en: `${name.en}: self-assessment reports and public comments`, ko: `${name.ko} 자체평가 보고서와 공개 의견` },
    description: {
      en: `The action plan, mid-term and end-of-term self-assessment reports of ${name.en}, their public comment periods, the comments and the government's responses, and the end-of-term report computed from live data.`,
      ko: `${name.ko}의 실행계획, 중간 및 종료 자체평가 보고서와 그 의견 수렴 기간, 의견과 정부의 답변, 그리고 현재 데이터로 계산한 종료 자체평가 보고서.`,
    },
    keywords: { en: ['OGP', 'self-assessment', 'public comment'], ko: ['OGP', '자체평가', '의견 수렴'] },
    landingPage: `/plans/${plan.slug}/reports`,
    resources: [
      { key: 'api', title: { en: 'Reports and comments (JSON API)', ko: '보고서와 의견 (JSON API)' }, format: 'JSON', url: `/api/v1/plans/${plan.slug}/reports` },
      { key: 'live', title: { en: 'End-of-term self-assessment from live data (JSON API)', ko: '현재 데이터로 계산한 종료 자체평가 (JSON API)' }, format: 'JSON', url: `/api/v1/plans/${plan.slug}/report` },
    ],
  }));
}
