// The petitions module's public collections, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';
import { STATE_GROUPS } from './petition-state.ts';

const PUBLIC_GROUPS = (Object.keys(STATE_GROUPS) as (keyof typeof STATE_GROUPS)[]).filter((g) => g !== 'moderation');

export async function petitionCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-petitions',
      title: 'Petitions and their results',
      description:
        'Every public petition with its channel, state, signature count and threshold, the committee review and the published result (what was tested, the findings, the measures). Signers never appear: only counts.',
      keywords: ['petitions', 'safety inspection', 'committee review'],
      landingPage: '/petitions',
      resources: PUBLIC_GROUPS.map((group) => ({ key: `api-${group}`, title: `Petitions: ${group.replace('_', ' ')} (JSON API)`, format: 'JSON', url: `/api/v1/petitions?state=${group}` })),
    },
    {
      slug: 'madang-votes',
      title: 'Yes/no votes on government-innovation tasks',
      description: 'Tasks put to a yes/no vote, with their tallies, the threshold on yes votes, the committee review and the strategy-meeting decision. Voters never appear: only tallies.',
      keywords: ['votes', 'government innovation'],
      landingPage: '/votes',
      resources: [{ key: 'api', title: 'Votes (JSON API)', format: 'JSON', url: '/api/v1/votes' }],
    },
  ];
}
