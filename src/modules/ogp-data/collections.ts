// The ogp-data module's public collections, one per plan, published in the open-data catalog.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PublicCollection } from '../../platform/module.ts';
import { perPlanCollections } from '../action-plans/collections.ts';

export async function ogpDataCollections(db: Kysely<Database>): Promise<PublicCollection[]> {
  return perPlanCollections(db, (plan, name) => ({
    slug: `${plan.slug}-ogp-commitments`,
    title: { en: `${name.en}: commitments in OGP's data columns`, ko: `${name.ko} 과제: OGP 데이터 형식` },
    description: {
      en: `The commitments of ${name.en} as the columns the Open Government Partnership publishes for commitments, ready to compare with OGP's data or to import elsewhere.`,
      ko: `${name.ko}의 과제를 열린정부파트너십(OGP)이 과제 데이터를 공개하는 열 그대로 담았습니다. OGP의 데이터와 비교하거나 다른 곳으로 가져갈 수 있습니다.`,
    },
    keywords: { en: ['OGP', 'commitments', 'OGP data'], ko: ['OGP', '과제', 'OGP 데이터'] },
    landingPage: `/plans/${plan.slug}`,
    resources: [{ key: 'csv', title: { en: "Commitments in OGP's columns (CSV)", ko: 'OGP 형식의 과제 (CSV)' }, format: 'CSV', url: `/plans/${plan.slug}/ogp-commitments.csv` }],
  }));
}
