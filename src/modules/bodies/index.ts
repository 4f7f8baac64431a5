import type { ModuleManifest } from '../../platform/module.ts';
import { bodyRoutes } from './bodies.routes.tsx';
import { bodyCollections } from './collections.ts';
import { meetingRoutes } from './meetings.routes.tsx';
import { bodySearchSources } from './search.repository.ts';

/** Forums, committees, sub-committees, working groups and panels; members, meetings and agreements. */
export const bodiesModule: ModuleManifest = {
  name: 'bodies',
  collections: bodyCollections,
  search: bodySearchSources,
  routes(app, deps) {
    bodyRoutes(app, deps);
    meetingRoutes(app, deps);
  },
};
