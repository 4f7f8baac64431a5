import type { ModuleManifest } from '../../platform/module.ts';
import type { SearchSource } from '../../platform/search-source.ts';
import { SearchIndexer } from './search-index.ts';
import { searchApi } from './search.api.ts';
import { searchRoutes } from './search.routes.tsx';

export { ensureSearchIndex, rebuildSearchIndex, syncSearchIndex } from './search-index.ts';

/**
 * Search across every module's public records (the `search` sources of the manifests). The index is
 * rebuilt at import, and at start only when it must be (ensureSearchIndex in src/bootstrap.ts); it is
 * caught up from the audit trail at start, shortly after each write and before each search.
 */
export function searchModule(sources: () => readonly SearchSource[]): ModuleManifest {
  return {
    name: 'search',
    routes(app, deps) {
      const indexer = new SearchIndexer(deps.handle, sources, () => deps.clock.now(), { gapExpiryMs: deps.config.auditGapExpirySeconds * 1000, gapRecheckMs: deps.config.searchGapRecheckSeconds * 1000 });
      const kinds = [...new Set(sources().map((s) => s.kind))];
      app.addHook('onResponse', async (request, reply) => {
        if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
        indexer.catchUp().catch((err: unknown) => request.log.error({ err }, 'search index catch-up failed'));
      });
      app.addHook('onClose', async () => indexer.idle());
      searchApi(app, deps, indexer, kinds);
      searchRoutes(app, deps, indexer, sources);
    },
  };
}
