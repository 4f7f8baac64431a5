// The petitions module's public collections, published in the open-data catalog.
import type { Localized, PublicCollection } from '../../platform/module.ts';
import { STATE_GROUPS, type StateGroup } from './petition-state.ts';

const PUBLIC_GROUPS = (Object.keys(STATE_GROUPS) as StateGroup[]).filter((g) => g !== 'moderation');

/** The public groups of petition states by name, as the petitions page's tabs call them. */
const GROUP_NAMES: Record<Exclude<StateGroup, 'moderation'>, Localized> = {
  open: { en: 'open', ko: '서명 진행 중' },
  in_review: { en: 'in review', ko: '검토 중' },
  results: { en: 'results', ko: '결과 공개' },
  closed: { en: 'closed', ko: '종료' },
};

export async function petitionCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-petitions',
      title: { en: 'Petitions and their results', ko: '청원과 그 결과' },
      description: {
        en: 'Every public petition with its channel, state, signature count and threshold, the committee review and the published result (what was tested, the findings, the measures). Signers never appear: only counts.',
        ko: '공개된 모든 청원과 그 창구, 상태, 서명 수와 기준, 위원회 검토, 공개된 결과(검사한 것, 확인한 것, 조치). 서명한 사람은 나오지 않고 수만 나옵니다.',
      },
      keywords: { en: ['petitions', 'safety inspection', 'committee review'], ko: ['청원', '안전 검사', '위원회 검토'] },
      landingPage: '/petitions',
      resources: PUBLIC_GROUPS.map((group) => ({
        key: `api-${group}`,
        title: { en: `Petitions: ${GROUP_NAMES[group].en} (JSON API)`, ko: `청원: ${GROUP_NAMES[group].ko} (JSON API)` },
        format: 'JSON',
        url: `/api/v1/petitions?state=${group}`,
      })),
    },
    {
      slug: 'madang-votes',
      title: { en: 'Yes/no votes on government-innovation tasks', ko: '정부혁신 과제 찬반 투표' },
      description: {
        en: 'Tasks put to a yes/no vote, with their tallies, the threshold on yes votes, the committee review and the strategy-meeting decision. Voters never appear: only tallies.',
        ko: '찬반 투표에 부친 과제와 그 집계, 찬성 기준, 위원회 검토, 전략회의 결정. 투표한 사람은 나오지 않고 집계만 나옵니다.',
      },
      keywords: { en: ['votes', 'government innovation'], ko: ['투표', '정부혁신'] },
      landingPage: '/votes',
      resources: [{ key: 'api', title: { en: 'Votes (JSON API)', ko: '투표 (JSON API)' }, format: 'JSON', url: '/api/v1/votes' }],
    },
  ];
}
