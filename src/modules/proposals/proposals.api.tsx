// The public API of the module under /api/v1, the CSV downloads and the statistics page.
import { Type } from 'typebox';
import { notFound } from '../../platform/http/errors.ts';
import { sendCsv } from '../../platform/http/csv.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { App, Deps } from '../../platform/module.ts';
import { sendPage } from '../../platform/views/render.ts';
import { Problem } from '../action-plans/action-plans.schema.ts';
import { isState } from './proposal-state.ts';
import { responseDays, seoulDay } from './proposal-rules.ts';
import {
  AGGREGATE_CSV_COLUMNS,
  breakdowns,
  presentAggregate,
  presentCall,
  presentCallSummary,
  presentProposal,
  presentProposalSummary,
  PROPOSAL_CSV_COLUMNS,
  proposalCsvRows,
} from './proposals.presenter.ts';
import { findCallBySlug, findProposal, listAggregates, listCalls, listCategories, listComments, listProposals, listResponses, listTimeline } from './proposals.repository.ts';
import { Call, CallSummary, IdParams, Proposal, ProposalSummary, SlugParams, Statistics } from './proposals.schema.ts';
import { channelLabel } from './views/parts.tsx';
import { StatsPage } from './views/stats-page.tsx';
import { msg } from '../../platform/i18n/message.ts';

const tags = ['Proposals'];
const ListQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 40, description: 'Only proposals in this state' })),
  organization: Type.Optional(Type.String({ maxLength: 100, description: 'Only proposals routed to this organization (key)' })),
});

export function proposalApi(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;
  const today = () => seoulDay(deps.clock.now());

  async function statistics(locale: 'ko' | 'en') {
    const t = translator(locale);
    const aggregates = (await listAggregates(db)).map(presentAggregate);
    const rows = await listProposals(db);
    const ctxLike = { t } as Parameters<typeof channelLabel>[0];
    return { aggregates, records: breakdowns(rows, { yearUnknown: t('proposals.stats.year_unknown'), channel: (c) => channelLabel(ctxLike, c) }) };
  }

  app.get('/api/v1/calls', { schema: { tags, summary: 'Calls for proposals, with their windows', response: { 200: Type.Object({ calls: Type.Array(CallSummary) }) } } }, async () => {
    return { calls: (await listCalls(db)).map((c) => presentCallSummary(c, base, today())) };
  });

  app.get(
    '/api/v1/calls/:slug',
    { schema: { tags, summary: 'One call: window, categories, timeline, selection criteria, response rule', params: SlugParams, response: { 200: Call, 404: Problem } } },
    async (request) => {
      const call = await findCallBySlug(db, request.params.slug);
      if (!call) throw notFound(msg('proposals.errors.no_call', { slug: request.params.slug }));
      const [categories, timeline, proposals] = await Promise.all([listCategories(db, [call.id]), listTimeline(db, call.id), listProposals(db, { callId: call.id })]);
      return presentCall(call, base, today(), { categories, timeline, responseDays: await responseDays(db, deps.config.proposalResponseDays, call), proposals: proposals.length });
    },
  );

  app.get(
    '/api/v1/proposals',
    { schema: { tags, summary: 'Proposals with state, organization, response deadline and whether it is overdue', querystring: ListQuery, response: { 200: Type.Object({ proposals: Type.Array(ProposalSummary) }), 400: Problem } } },
    async (request) => {
      const { state, organization } = request.query;
      let organizationId: number | undefined;
      if (organization) {
        const org = await db.selectFrom('organizations').select('id').where('key', '=', organization).executeTakeFirst();
        if (!org) return { proposals: [] };
        organizationId = org.id;
      }
      const rows = await listProposals(db, { ...(isState(state) ? { state } : {}), ...(organizationId !== undefined ? { organizationId } : {}) });
      return { proposals: rows.map((p) => presentProposalSummary(p, base, today())) };
    },
  );

  app.get(
    '/api/v1/proposals/statistics',
    { schema: { tags, summary: 'Participation figures: aggregate records by year and figures computed from proposal records', response: { 200: Statistics } } },
    async () => statistics('en'),
  );

  app.get(
    '/api/v1/proposals/:id',
    { schema: { tags, summary: 'One proposal with its responses and comments', params: IdParams, response: { 200: Proposal, 404: Problem } } },
    async (request) => {
      const p = await findProposal(db, request.params.id);
      if (!p || p.hidden_at) throw notFound(msg('proposals.errors.no_proposal', { id: request.params.id }));
      return presentProposal(p, base, today(), await listResponses(db, [p.id]), await listComments(db, p.id));
    },
  );

  app.get('/proposals.csv', async (_request, reply) => {
    return sendCsv(reply, 'proposals.csv', PROPOSAL_CSV_COLUMNS, proposalCsvRows(await listProposals(db), base, today()));
  });

  app.get('/proposals/statistics.csv', async (_request, reply) => {
    return sendCsv(reply, 'participation-aggregates.csv', AGGREGATE_CSV_COLUMNS, (await listAggregates(db)).map(presentAggregate));
  });

  app.get('/proposals/statistics', { schema: { querystring: Type.Object({ lang: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const stats = await statistics(request.locale);
    return sendPage(reply, <StatsPage ctx={viewContext(request, reply, deps)} aggregates={stats.aggregates} records={stats.records} />);
  });
}
