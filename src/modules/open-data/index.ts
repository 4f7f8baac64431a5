import type { ModuleManifest } from '../../platform/module.ts';
import { catalogRoutes } from './catalog.routes.tsx';
import { dataRequestRoutes } from './data-requests.routes.tsx';
import { datasetFormRoutes } from './dataset-forms.routes.tsx';
import { demandRoundRoutes } from './demand-rounds.routes.tsx';
import { errorReportRoutes } from './error-reports.routes.tsx';
import { openDataApi } from './open-data.api.ts';
import { tableRoutes } from './tables.routes.tsx';
import { openDataCollections } from './collections.ts';
import { openDataSearchSources } from './search.repository.ts';

/** The open-data catalog, searchable tables, data error reports and data requests (seed commitments 2, 3, 7, 8, 9, 10, 11). */
export const openDataModule: ModuleManifest = {
  name: 'open-data',
  collections: openDataCollections,
  search: openDataSearchSources,
  routes(app, deps) {
    openDataApi(app, deps);
    catalogRoutes(app, deps);
    datasetFormRoutes(app, deps);
    tableRoutes(app, deps);
    errorReportRoutes(app, deps);
    dataRequestRoutes(app, deps);
    demandRoundRoutes(app, deps);
  },
};
