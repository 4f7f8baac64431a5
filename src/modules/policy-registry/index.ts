import type { ModuleManifest } from '../../platform/module.ts';
import { policyRegistryApi } from './policy-registry.api.ts';
import { policyRegistryRoutes } from './policy-registry.routes.tsx';
import { policyRegistryCollections } from './collections.ts';

/** The real-name policy registry (seed commitment 3): policy tasks with the officials responsible, citizens' applications for disclosure and the organizations' reasoned decisions. */
export const policyRegistryModule: ModuleManifest = {
  name: 'policy-registry',
  collections: policyRegistryCollections,
  routes(app, deps) {
    policyRegistryApi(app, deps);
    policyRegistryRoutes(app, deps);
  },
};
