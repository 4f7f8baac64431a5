// The policy registry's public collection, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function policyRegistryCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-policy-registry',
      title: { en: 'Real-name policy registry', ko: '정책실명제 등록부' },
      description: {
        en: 'Policy tasks with their organization, overview, timeline and the officials responsible up to the final approver (named once a task is designated for disclosure), and the decisions on citizens’ applications. Applicants never appear.',
        ko: '정책과제와 그 기관, 개요, 추진 경과, 최종 결재자까지의 담당 공무원(실명 공개 대상으로 지정된 과제에 한해 이름을 밝힙니다), 그리고 시민의 신청에 대한 결정. 신청한 사람은 나오지 않습니다.',
      },
      keywords: { en: ['real-name policy', 'disclosure', 'accountability'], ko: ['정책실명제', '공개', '책임성'] },
      landingPage: '/policy-registry',
      resources: [
        { key: 'api', title: { en: 'Policy tasks (JSON API)', ko: '정책과제 (JSON API)' }, format: 'JSON', url: '/api/v1/policy-tasks' },
        { key: 'csv', title: { en: 'Policy tasks (CSV)', ko: '정책과제 (CSV)' }, format: 'CSV', url: '/policy-registry.csv' },
      ],
    },
  ];
}
