import { KeyedLimiter } from '../../platform/http/limiter.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { SignatureBatcher } from './commands/sign-petition.ts';
import { CountCache } from './count-cache.ts';
import { petitionApi } from './petitions.api.ts';
import { petitionRoutes } from './petitions.routes.tsx';
import { petitionStaffRoutes } from './petitions.staff-routes.tsx';
import { voteRoutes } from './votes.routes.tsx';
import { petitionCollections } from './collections.ts';
import { petitionSearchSources } from './search.repository.ts';

/** Petition and vote channels with thresholds, petitions, signatures, yes/no votes, committee review and published results. */
export const petitionsModule: ModuleManifest = {
  name: 'petitions',
  collections: petitionCollections,
  search: petitionSearchSources,
  routes(app, deps) {
    // One per-identity limit shared by the page form and the API, kept in this process.
    const limiter = new KeyedLimiter(deps.config.signRateLimitPerIdentity);
    const counts = new CountCache();
    const signer = new SignatureBatcher(deps.handle.db, () => deps.clock.now(), 500, (snapshot) => counts.set(snapshot));
    petitionApi(app, deps, limiter, counts, signer);
    petitionStaffRoutes(app, deps);
    petitionRoutes(app, deps, limiter, signer);
    voteRoutes(app, deps, limiter);
  },
};
