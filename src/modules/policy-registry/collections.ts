// The policy registry's public collection, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function policyRegistryCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-policy-registry',
      title: 'Real-name policy registry',
      description: 'Policy tasks with their organization, overview, timeline and the officials responsible up to the final approver (named once a task is designated for disclosure), and the decisions on citizens’ applications. Applicants never appear.',
      keywords: ['real-name policy', 'disclosure', 'accountability'],
      landingPage: '/policy-registry',
      resources: [
        { key: 'api', title: 'Policy tasks (JSON API)', format: 'JSON', url: '/api/v1/policy-tasks' },
        { key: 'csv', title: 'Policy tasks (CSV)', format: 'CSV', url: '/policy-registry.csv' },
      ],
    },
  ];
}
