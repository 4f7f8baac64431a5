// The search page: a GET form with its filters, the results with the matches marked, and pages.
// validate → load → present; a bad filter is answered with the form, its error summary and 400.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, toProblem, type FieldError } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import type { SearchSource } from '../../platform/search-source.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listOrganizations } from '../action-plans/action-plans.repository.ts';
import type { SearchIndexer } from './search-index.ts';
import { runSearch, type SearchOutcome, type SearchParams } from './search.load.ts';
import { searchQuerystring } from './search.schema.ts';
import { SearchPage, type SearchForm } from './views/search-page.tsx';

const FORM_KEYS = ['q', 'kind', 'organization', 'state', 'from', 'to'] as const;

export function searchRoutes(app: App, deps: Deps, indexer: SearchIndexer, sources: () => readonly SearchSource[]) {
  const { db } = deps.handle;

  async function render(request: FastifyRequest, reply: FastifyReply, form: SearchForm, outcome: SearchOutcome | null, errors: FieldError[]) {
    const ctx = viewContext(request, reply, deps);
    const list = sources();
    const kinds = [...new Set(list.map((s) => s.kind))];
    const label = (key: string | undefined, state: string) => {
      const text = key ? ctx.t(`${key}.${state}`) : state;
      return text === `${key}.${state}` ? state.replace(/_/g, ' ') : text;
    };
    const byKind = new Map(list.map((s) => [s.kind, s]));
    const stateGroups = list.filter((s) => s.states?.length).map((s) => ({ kind: s.kind, states: s.states!.map((v) => ({ value: v, label: label(s.stateLabels, v) })) }));
    const organizations = (await listOrganizations(db)).map((o) => ({ key: o.key, name: ctx.locale === 'ko' && o.name_ko ? o.name_ko : o.name }));
    const stateLabel = (kind: string, state: string) => label(byKind.get(kind)?.stateLabels, state);
    return sendPage(reply, <SearchPage ctx={ctx} form={form} outcome={outcome} errors={errors} kinds={kinds} organizations={organizations} stateGroups={stateGroups} stateLabel={stateLabel} />, errors.length ? 400 : 200);
  }

  app.get('/search', { schema: { querystring: searchQuerystring([...new Set(sources().map((s) => s.kind))], false) }, attachValidation: true }, async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    const form = Object.fromEntries(FORM_KEYS.map((k) => [k, typeof raw[k] === 'string' ? (raw[k] as string) : ''])) as unknown as SearchForm;
    if (request.validationError) return render(request, reply, form, null, toProblem(request.validationError).errors);
    try {
      await indexer.catchUp();
      const outcome = form.q.trim() ? await runSearch(deps.handle, request.query as SearchParams) : null;
      return await render(request, reply, form, outcome ?? emptyOutcome(), []);
    } catch (err) {
      if (err instanceof HttpProblem && err.status === 400) return render(request, reply, form, null, err.errors);
      throw err;
    }
  });
}

function emptyOutcome(): SearchOutcome {
  return { query: '', corrected: null, ignored: [], total: 0, more: false, page: 1, perPage: 0, results: [] };
}
