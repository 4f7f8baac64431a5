import type { ModuleManifest } from '../../platform/module.ts';
import { callRoutes } from './calls.routes.tsx';
import { proposalApi } from './proposals.api.tsx';
import { proposalRoutes } from './proposal.routes.tsx';
import { proposalCollections } from './collections.ts';
import { proposalSearchSources } from './search.repository.ts';

/** Calls for proposals, proposals, supports and comments, routing, reasoned responses, maturation, participation figures. */
export const proposalsModule: ModuleManifest = {
  name: 'proposals',
  collections: proposalCollections,
  search: proposalSearchSources,
  routes(app, deps) {
    proposalApi(app, deps);
    callRoutes(app, deps);
    proposalRoutes(app, deps);
  },
};
