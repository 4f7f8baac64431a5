// The open-data module's own public collections (besides the catalog itself), published in the catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function openDataCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-data-requests',
      title: { en: 'Data requests and their answers', ko: '데이터 요청과 답변' },
      description: {
        en: 'Requests for data that is not published, with their supports, the organization’s decision and date, and the data set that answered them once published.',
        ko: '공개되지 않은 데이터의 요청과 그 공감 수, 기관의 결정과 날짜, 그리고 공개된 뒤 요청에 답한 데이터셋.',
      },
      keywords: { en: ['data requests', 'open data demand'], ko: ['데이터 요청', '공공데이터 수요'] },
      landingPage: '/open-data/requests',
      resources: [{ key: 'api', title: { en: 'Data requests (JSON API)', ko: '데이터 요청 (JSON API)' }, format: 'JSON', url: '/api/v1/data-requests' }],
    },
    {
      slug: 'madang-demand-rounds',
      title: { en: 'Demand rounds for priority data', ko: '국가중점데이터 수요조사' },
      description: {
        en: 'The rounds and surveys that choose the nation’s priority data from public demand, with their periods and the figures the source gives, the data requests each round selected or passed over with a note, and the data sets published for them.',
        ko: '국민의 수요로 국가중점데이터를 고르는 수요조사 차수와 그 기간, 출처가 밝힌 수치, 차수마다 선정하거나 메모와 함께 넘긴 데이터 요청, 그리고 그에 따라 공개된 데이터셋.',
      },
      keywords: { en: ['demand survey', 'priority data', 'open data demand'], ko: ['수요조사', '국가중점데이터', '공공데이터 수요'] },
      landingPage: '/open-data/rounds',
      resources: [{ key: 'api', title: { en: 'Demand rounds (JSON API)', ko: '수요조사 차수 (JSON API)' }, format: 'JSON', url: '/api/v1/demand-rounds' }],
    },
    {
      slug: 'madang-error-report-evaluation',
      title: { en: 'Data error reports: response time and resolution rate by organization', ko: '데이터 오류 신고: 기관별 답변 기간과 해결률' },
      description: {
        en: 'For each organization that owns data sets, computed from the reports: how many it received, how many are open and overdue, resolved or declined, the median days to its first answer, the share answered on time and the resolution rate.',
        ko: '데이터셋을 가진 기관마다 신고에서 계산한 받은 신고 수, 처리 중이거나 기한이 지난 신고, 해결하거나 받아들이지 않은 신고, 첫 답변까지 걸린 날의 중앙값, 기한 안에 답한 비율과 해결률.',
      },
      keywords: { en: ['data quality', 'error reports'], ko: ['데이터 품질', '오류 신고'] },
      landingPage: '/open-data/evaluation',
      resources: [{ key: 'api', title: { en: 'Evaluation (JSON API)', ko: '기관별 평가 (JSON API)' }, format: 'JSON', url: '/api/v1/error-reports/evaluation' }],
    },
  ];
}
