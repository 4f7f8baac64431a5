// The bodies module's public collections, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function bodyCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-forums-and-committees',
      title: { en: 'Forums, committees and working groups, with their meetings', ko: '포럼, 위원회, 작업반과 그 회의' },
      description: {
        en: 'The multi-stakeholder forum and the other bodies, nested, with their members by sector and role, and their meetings: date, place, attendance, minutes, decisions and the proposals they produced.',
        ko: '다자간 포럼과 그 아래 협의체, 부문과 역할별 위원, 그리고 회의: 날짜, 장소, 참석, 회의록, 결정, 회의에서 나온 제안.',
      },
      keywords: { en: ['multi-stakeholder forum', 'committees', 'meetings'], ko: ['다자간 포럼', '위원회', '회의'] },
      landingPage: '/bodies',
      resources: [
        { key: 'api', title: { en: 'Bodies (JSON API)', ko: '협의체 (JSON API)' }, format: 'JSON', url: '/api/v1/bodies' },
        { key: 'meetings-csv', title: { en: 'Meetings (CSV)', ko: '회의 (CSV)' }, format: 'CSV', url: '/meetings.csv' },
      ],
    },
    {
      slug: 'madang-transparent-society-agreements',
      title: { en: 'Transparent Society Agreements', ko: '투명사회 협약' },
      description: {
        en: 'The Transparent Society Agreements by region or sector, with their signatory organizations by type and the dates the source gives.',
        ko: '지역별·분야별 투명사회 협약과 유형별 서명 기관, 원문에 적힌 날짜.',
      },
      keywords: { en: ['anti-corruption', 'agreements'], ko: ['반부패', '협약'] },
      landingPage: '/agreements',
      resources: [
        { key: 'api', title: { en: 'Agreements (JSON API)', ko: '협약 (JSON API)' }, format: 'JSON', url: '/api/v1/agreements' },
        { key: 'csv', title: { en: 'Agreements (CSV)', ko: '협약 (CSV)' }, format: 'CSV', url: '/agreements.csv' },
      ],
    },
  ];
}
