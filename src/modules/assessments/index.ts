import type { ModuleManifest } from '../../platform/module.ts';
import { assessmentRoutes } from './assessments.routes.tsx';

/** The IRM's commitment ids and groupings, its assessments per report, and the starred / promising rules. */
export const assessmentsModule: ModuleManifest = {
  name: 'assessments',
  routes(app, deps) {
    assessmentRoutes(app, deps);
  },
};
