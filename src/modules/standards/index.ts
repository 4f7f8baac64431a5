import type { ModuleManifest } from '../../platform/module.ts';
import { standardsRoutes } from './standards.routes.tsx';
import { standardsCollections } from './collections.ts';

/** The Participation and Co-Creation Standards as rules over the records: a compliance page and API per plan. */
export const standardsModule: ModuleManifest = {
  name: 'standards',
  collections: standardsCollections,
  routes(app, deps) {
    standardsRoutes(app, deps);
  },
};
