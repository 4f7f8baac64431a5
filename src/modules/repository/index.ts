import type { ModuleManifest } from '../../platform/module.ts';
import { repositoryRoutes } from './repository.routes.tsx';
import { repositoryCollections } from './collections.ts';
import { repositorySearchSources } from './search.repository.ts';

export { repositoryHalfYears } from './repository-load.ts';
export { updatesPerHalfYear, type HalfYear } from './repository-history.ts';

/** The OGP repository: per plan and per commitment, every document and piece of evidence, dated and downloadable, with an Atom feed. */
export const repositoryModule: ModuleManifest = {
  name: 'repository',
  collections: repositoryCollections,
  search: repositorySearchSources,
  routes(app, deps) {
    repositoryRoutes(app, deps);
  },
};
