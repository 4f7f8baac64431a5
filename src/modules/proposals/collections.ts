// The proposals module's public collections, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function proposalCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-proposals',
      title: 'Proposals and their reasoned responses',
      description: 'Every public proposal with its call, category, responsible organization, response deadline, the reasoned response and decision, and the commitment or policy an adopted proposal became.',
      keywords: ['proposals', 'co-creation', 'reasoned response'],
      landingPage: '/proposals',
      resources: [
        { key: 'api', title: 'Proposals (JSON API)', format: 'JSON', url: '/api/v1/proposals' },
        { key: 'csv', title: 'Proposals (CSV)', format: 'CSV', url: '/proposals.csv' },
        { key: 'calls', title: 'Calls for proposals (JSON API)', format: 'JSON', url: '/api/v1/calls' },
      ],
    },
    {
      slug: 'madang-participation-figures',
      title: 'Participation figures: forums, participants, suggestions and adoption rates',
      description: 'Forums, participants, suggestions and adoption rates by year and channel: aggregate records where the source gives only totals, labelled as such, and figures computed from the proposal records.',
      keywords: ['participation', 'adoption rate', 'statistics'],
      landingPage: '/proposals/statistics',
      resources: [
        { key: 'api', title: 'Participation figures (JSON API)', format: 'JSON', url: '/api/v1/proposals/statistics' },
        { key: 'csv', title: 'Participation figures (CSV)', format: 'CSV', url: '/proposals/statistics.csv' },
      ],
    },
  ];
}
