// The open-data module's own public collections (besides the catalog itself), published in the catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function openDataCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-data-requests',
      title: 'Data requests and their answers',
      description: 'Requests for data that is not published, with their supports, the organization’s decision and date, and the data set that answered them once published.',
      keywords: ['data requests', 'open data demand'],
      landingPage: '/open-data/requests',
      resources: [{ key: 'api', title: 'Data requests (JSON API)', format: 'JSON', url: '/api/v1/data-requests' }],
    },
    {
      slug: 'madang-demand-rounds',
      title: 'Demand rounds for priority data',
      description: 'The rounds and surveys that choose the nation’s priority data from public demand, with their periods and the figures the source gives, the data requests each round selected or passed over with a note, and the data sets published for them.',
      keywords: ['demand survey', 'priority data', 'open data demand'],
      landingPage: '/open-data/rounds',
      resources: [{ key: 'api', title: 'Demand rounds (JSON API)', format: 'JSON', url: '/api/v1/demand-rounds' }],
    },
    {
      slug: 'madang-error-report-evaluation',
      title: 'Data error reports: response time and resolution rate by organization',
      description: 'For each organization that owns data sets, computed from the reports: how many it received, how many are open and overdue, resolved or declined, the median days to its first answer, the share answered on time and the resolution rate.',
      keywords: ['data quality', 'error reports'],
      landingPage: '/open-data/evaluation',
      resources: [{ key: 'api', title: 'Evaluation (JSON API)', format: 'JSON', url: '/api/v1/error-reports/evaluation' }],
    },
  ];
}
