// The repository module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function repositoryCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan, name) => ({
    slug: `${plan.slug}-repository`,
    title: { en: `${name.en}: the OGP repository`, ko: `${name.ko} OGP 자료실` },
    description: {
      en: `Every document and piece of evidence of ${name.en}, dated and downloadable: documents the government published and the evidence of the progress updates.`,
      ko: `${name.ko}의 모든 문서와 증빙을 날짜와 함께 내려받을 수 있습니다. 정부가 공개한 문서와 진행 상황 보고에 붙은 증빙입니다.`,
    },
    keywords: { en: ['OGP', 'repository', 'evidence'], ko: ['OGP', '자료실', '증빙'] },
    landingPage: `/plans/${plan.slug}/repository`,
    resources: [
      { key: 'api', title: { en: 'Repository (JSON API)', ko: '자료실 (JSON API)' }, format: 'JSON', url: `/api/v1/plans/${plan.slug}/repository` },
      { key: 'atom', title: { en: 'Repository updates (Atom feed)', ko: '자료실 새 소식 (Atom 피드)' }, format: 'Atom', url: `/plans/${plan.slug}/repository.atom` },
    ],
  }));
}
