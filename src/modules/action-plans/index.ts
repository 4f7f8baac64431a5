import type { ModuleManifest } from '../../platform/module.ts';
import { actionPlanApi } from './action-plans.api.ts';
import { actionPlanRoutes } from './action-plans.routes.tsx';
import { planCollections } from './collections.ts';
import { nextPlanRoutes } from './next-plan.routes.tsx';
import { planSearchSources } from './search.repository.ts';

/** Organizations, action plans, commitments, milestones, completion levels, progress updates, IRM recommendations. */
export const actionPlansModule: ModuleManifest = {
  name: 'action-plans',
  collections: planCollections,
  search: planSearchSources,
  routes(app, deps) {
    actionPlanApi(app, deps);
    actionPlanRoutes(app, deps);
    nextPlanRoutes(app, deps);
  },
};
