import type { ModuleManifest } from '../../platform/module.ts';
import { surveyApi } from './surveys.api.ts';
import { surveyRoutes } from './surveys.routes.tsx';
import { surveyCollections } from './collections.ts';

/** Questionnaires of panels, bodies and organizations: questions, one response per person, results as charts with tables, CSV. */
export const surveysModule: ModuleManifest = {
  name: 'surveys',
  collections: surveyCollections,
  routes(app, deps) {
    surveyApi(app, deps);
    surveyRoutes(app, deps);
  },
};
