// The bodies module's public collections, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function bodyCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-forums-and-committees',
      title: 'Forums, committees and working groups, with their meetings',
      description: 'The multi-stakeholder forum and the other bodies, nested, with their members by sector and role, and their meetings: date, place, attendance, minutes, decisions and the proposals they produced.',
      keywords: ['multi-stakeholder forum', 'committees', 'meetings'],
      landingPage: '/bodies',
      resources: [
        { key: 'api', title: 'Bodies (JSON API)', format: 'JSON', url: '/api/v1/bodies' },
        { key: 'meetings-csv', title: 'Meetings (CSV)', format: 'CSV', url: '/meetings.csv' },
      ],
    },
    {
      slug: 'madang-transparent-society-agreements',
      title: 'Transparent Society Agreements',
      description: 'The Transparent Society Agreements by region or sector, with their signatory organizations by type and the dates the source gives.',
      keywords: ['anti-corruption', 'agreements'],
      landingPage: '/agreements',
      resources: [
        { key: 'api', title: 'Agreements (JSON API)', format: 'JSON', url: '/api/v1/agreements' },
        { key: 'csv', title: 'Agreements (CSV)', format: 'CSV', url: '/agreements.csv' },
      ],
    },
  ];
}
