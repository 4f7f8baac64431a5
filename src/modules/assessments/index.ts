import type { ModuleManifest } from '../../platform/module.ts';
import { assessmentRoutes } from './assessments.routes.tsx';
import { irmCollections } from './collections.ts';

/** The IRM's commitment ids and groupings, its assessments per report, and the starred / promising rules. */
export const assessmentsModule: ModuleManifest = {
  name: 'assessments',
  collections: irmCollections,
  routes(app, deps) {
    assessmentRoutes(app, deps);
  },
};
