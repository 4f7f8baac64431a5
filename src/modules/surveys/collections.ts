// The surveys module's public collection, published in the open-data catalog.
import type { PublicCollection } from '../../platform/module.ts';

export async function surveyCollections(): Promise<PublicCollection[]> {
  return [
    {
      slug: 'madang-surveys',
      title: 'Surveys of panels and organizations, with their aggregate results',
      description: 'Questionnaires of the panels, bodies and organizations with their questions and periods, and the aggregate results of each question (counts and shares; free-text answers are never published). Results the source publishes only as shares are labelled so.',
      keywords: ['surveys', 'panels', 'demand surveys'],
      landingPage: '/surveys',
      resources: [{ key: 'api', title: 'Surveys and results (JSON API)', format: 'JSON', url: '/api/v1/surveys' }],
    },
  ];
}
