// The proposals module's public collections, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function proposalCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-proposals',
      title: { en: 'Proposals and their reasoned responses', ko: '제안과 이유를 밝힌 답변' },
      description: {
        en: 'Every public proposal with its call, category, responsible organization, response deadline, the reasoned response and decision, and the commitment or policy an adopted proposal became.',
        ko: '공개된 모든 제안과 그 공모, 분야, 책임 기관, 답변 기한, 이유를 밝힌 답변과 결정, 그리고 채택된 제안이 된 과제나 정책.',
      },
      keywords: { en: ['proposals', 'co-creation', 'reasoned response'], ko: ['제안', '공동창조', '이유 있는 답변'] },
      landingPage: '/proposals',
      resources: [
        { key: 'api', title: { en: 'Proposals (JSON API)', ko: '제안 (JSON API)' }, format: 'JSON', url: '/api/v1/proposals' },
        { key: 'csv', title: { en: 'Proposals (CSV)', ko: '제안 (CSV)' }, format: 'CSV', url: '/proposals.csv' },
        { key: 'calls', title: { en: 'Calls for proposals (JSON API)', ko: '제안 공모 (JSON API)' }, format: 'JSON', url: '/api/v1/calls' },
      ],
    },
    {
      slug: 'madang-participation-figures',
      title: { en: 'Participation figures: forums, participants, suggestions and adoption rates', ko: '참여 통계: 포럼, 참여자, 제안, 채택률' },
      description: {
        en: 'Forums, participants, suggestions and adoption rates by year and channel: aggregate records where the source gives only totals, labelled as such, and figures computed from the proposal records.',
        ko: '연도와 창구별 포럼, 참여자, 제안, 채택률. 출처가 합계만 밝힌 것은 집계 기록으로 표시하고, 나머지는 제안 기록에서 계산합니다.',
      },
      keywords: { en: ['participation', 'adoption rate', 'statistics'], ko: ['참여', '채택률', '통계'] },
      landingPage: '/proposals/statistics',
      resources: [
        { key: 'api', title: { en: 'Participation figures (JSON API)', ko: '참여 통계 (JSON API)' }, format: 'JSON', url: '/api/v1/proposals/statistics' },
        { key: 'csv', title: { en: 'Participation figures (CSV)', ko: '참여 통계 (CSV)' }, format: 'CSV', url: '/proposals/statistics.csv' },
      ],
    },
  ];
}
