import type { ModuleManifest } from '../../platform/module.ts';
import { ogpDataRoutes } from './ogp-data.routes.ts';
import { ogpDataCollections } from './collections.ts';
import { ogpImportRoutes } from './ogp-import.routes.tsx';

/** OGP data: export a plan as OGP's commitment columns, import a plan from such a file, Madang's JSON Schema for plans. */
export const ogpDataModule: ModuleManifest = {
  name: 'ogp-data',
  collections: ogpDataCollections,
  routes(app, deps) {
    ogpDataRoutes(app, deps);
    ogpImportRoutes(app, deps);
  },
};
