// Demand rounds: the public list and page of each round with its selected and not-selected
// requests, the organization's selection form, and the API.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldError } from '../../platform/http/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorized } from './authorize.ts';
import { decideEntry, validateEntry, type EntryInput } from './commands/demand-rounds.ts';
import { findRound, listEntries, listRounds, type EntryRow, type RoundRow } from './demand-rounds.repository.ts';
import { field, formBody } from './forms.ts';
import { parseJsonArray, type Figure } from './open-data.presenter.ts';
import { Problem } from './open-data.schema.ts';
import { RoundPage, RoundsPage } from './views/round-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) });
const PageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const NString = Type.Union([Type.String(), Type.Null()]);
const Entry = Type.Object({ request: Type.String(), title: Type.String(), supports: Type.Integer(), note: NString, decided_at: Type.String(), dataset: NString });
const Round = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  organization: NString,
  description: NString,
  period_start: Type.Union([Type.String({ description: 'as the source writes it' }), Type.Null()]),
  period_end: NString,
  figures: Type.Array(Type.Object({ label: Type.String(), value: Type.String(), as_of: NString, source: Type.String() })),
  selected: Type.Array(Entry),
  not_selected: Type.Array(Entry),
  source: NString,
  source_notes: Type.Array(Type.String()),
  url: Type.String(),
});

export function presentRound(r: RoundRow, entries: EntryRow[], base: string) {
  const entry = (e: EntryRow) => ({ request: `${base}/open-data/requests/${e.request_id}`, title: e.title, supports: e.support_count, note: e.note, decided_at: e.decided_at, dataset: e.dataset_slug ? `${base}/open-data/datasets/${e.dataset_slug}` : null });
  const mine = entries.filter((e) => e.round_id === r.id);
  return {
    slug: r.slug,
    title: r.title,
    organization: r.organization_name,
    description: r.description,
    period_start: r.period_start,
    period_end: r.period_end,
    figures: parseJsonArray<Figure>(r.figures_json),
    selected: mine.filter((e) => e.selected === 1).map(entry),
    not_selected: mine.filter((e) => e.selected !== 1).map(entry),
    source: r.source,
    source_notes: parseJsonArray<string>(r.source_notes),
    url: `${base}/open-data/rounds/${r.slug}`,
  };
}

export function demandRoundRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  async function loadRound(slug: string): Promise<RoundRow> {
    const r = await findRound(db, slug);
    if (!r) throw notFound(msg('open_data.errors.no_round', { slug }));
    return r;
  }

  async function renderRound(request: FastifyRequest, reply: FastifyReply, r: RoundRow, values: EntryInput, errors: FieldError[], status = 200) {
    const entries = await listEntries(db, [r.id]);
    const canSelect = policy.runDemandRound(request.actor, r).allowed;
    return sendPage(reply, <RoundPage ctx={viewContext(request, reply, deps)} round={presentRound(r, entries, base)} entries={entries} canSelect={canSelect} values={values} errors={errors} />, status);
  }

  app.get('/open-data/rounds', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const rounds = await listRounds(db);
    const entries = await listEntries(db, rounds.map((r) => r.id));
    return sendPage(reply, <RoundsPage ctx={viewContext(request, reply, deps)} rounds={rounds.map((r) => presentRound(r, entries, base))} />);
  });

  app.get('/open-data/rounds/:slug', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) =>
    renderRound(request, reply, await loadRound(request.params.slug), { request: '', selected: 'yes', note: '' }, []),
  );

  app.post('/open-data/rounds/:slug/entries', { schema: { params: SlugParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const input = { request: field(body, 'request'), selected: field(body, 'selected'), note: field(body, 'note') };
    const r = await loadRound(request.params.slug);
    const actor = authorized(request.actor, policy.runDemandRound(request.actor, r));
    const checked = await validateEntry(db, input);
    if (!checked.ok) return renderRound(request, reply, r, input, checked.errors, 400);
    await decideEntry(db, { actor, round: r, value: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/open-data/rounds/${r.slug}?notice=round_entry_decided`, 303);
  });

  app.get(
    '/api/v1/demand-rounds',
    { schema: { tags: ['Open data'], summary: 'Demand rounds: the priority data each selected among the data requests, and the figures the source gives', response: { 200: Type.Object({ demand_rounds: Type.Array(Round) }) } } },
    async () => {
      const rounds = await listRounds(db);
      const entries = await listEntries(db, rounds.map((r) => r.id));
      return { demand_rounds: rounds.map((r) => presentRound(r, entries, base)) };
    },
  );

  app.get(
    '/api/v1/demand-rounds/:slug',
    { schema: { tags: ['Open data'], summary: 'One demand round', params: SlugParams, response: { 200: Round, 404: Problem } } },
    async (request) => {
      const r = await loadRound(request.params.slug);
      return presentRound(r, await listEntries(db, [r.id]), base);
    },
  );
}
