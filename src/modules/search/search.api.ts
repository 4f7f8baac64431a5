// GET /api/v1/search: the same search as the page, as JSON.
import type { App, Deps } from '../../platform/module.ts';
import type { SearchIndexer } from './search-index.ts';
import { runSearch } from './search.load.ts';
import { Problem, SearchResponse, searchQuerystring } from './search.schema.ts';
import { plainSnippet } from './search.presenter.ts';

export function searchApi(app: App, deps: Deps, indexer: SearchIndexer, kinds: readonly string[]) {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['Search'],
        summary: 'Search commitments, milestones, petitions, proposals, data sets, meetings, bodies, repository documents and IRM recommendations, best match first',
        querystring: searchQuerystring(kinds, true),
        response: { 200: SearchResponse, 400: Problem },
      },
    },
    async (request) => {
      await indexer.catchUp();
      const r = await runSearch(deps.handle, request.query);
      return {
        query: r.query,
        corrected: r.corrected,
        ignored: r.ignored,
        total: r.total,
        total_is_lower_bound: r.more,
        page: r.page,
        per_page: r.perPage,
        results: r.results.map((h) => ({ kind: h.kind, title: h.title, url: deps.config.baseUrl + h.url, snippet: plainSnippet(h.snippet), organization: h.organization, state: h.state, date: h.date, plan: h.plan, lang: h.lang })),
      };
    },
  );
}
