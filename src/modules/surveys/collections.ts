// The surveys module's public collection, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function surveyCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-surveys',
      title: { en: 'Surveys of panels and organizations, with their aggregate results', ko: '패널과 기관의 설문과 집계 결과' },
      description: {
        en: 'Questionnaires of the panels, bodies and organizations with their questions and periods, and the aggregate results of each question (counts and shares; free-text answers are never published). Results the source publishes only as shares are labelled so.',
        ko: '패널, 협의체, 기관의 설문과 그 질문, 기간, 질문별 집계 결과(응답 수와 비율, 서술형 응답은 공개하지 않습니다). 출처가 비율로만 밝힌 결과는 그렇게 표시합니다.',
      },
      keywords: { en: ['surveys', 'panels', 'demand surveys'], ko: ['설문', '패널', '수요조사'] },
      landingPage: '/surveys',
      resources: [{ key: 'api', title: { en: 'Surveys and results (JSON API)', ko: '설문과 결과 (JSON API)' }, format: 'JSON', url: '/api/v1/surveys' }],
    },
  ];
}
