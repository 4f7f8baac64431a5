// Calls for proposals: list, page, the point of contact's form, and submitting a proposal to a call.
import { Type } from 'typebox';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { createCall, EMPTY_CALL, validateCall, type CallInput } from './commands/create-call.ts';
import { submitProposal, validateProposal } from './commands/submit-proposal.ts';
import { authorize, f, formOf } from './http.ts';
import { callStatus, responseDays, seoulDay } from './proposal-rules.ts';
import { findCallBySlug, listAllOrganizations, listCalls, listCategories, listProposals, listTimeline } from './proposals.repository.ts';
import { SlugParams } from './proposals.schema.ts';
import { CallFormPage, CallPage, CallsPage } from './views/call-pages.tsx';
import { ProposalFormPage } from './views/proposal-form.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });

export function callRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const today = () => seoulDay(deps.clock.now());

  async function loadCall(slug: string) {
    const call = await findCallBySlug(db, slug);
    if (!call) throw notFound(msg('proposals.errors.no_call', { slug }));
    return call;
  }

  async function plans() {
    return db.selectFrom('action_plans').select(['id', 'slug', 'title']).orderBy('number', 'desc').execute();
  }

  app.get('/calls', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <CallsPage ctx={ctx} calls={await listCalls(db)} today={today()} canCreate={policy.runCoCreation(request.actor).allowed} />);
  });

  app.get('/calls/new', { schema: { querystring: PageQuery } }, async (request, reply) => {
    authorize(request, policy.runCoCreation(request.actor));
    return sendPage(reply, <CallFormPage ctx={viewContext(request, reply, deps)} values={EMPTY_CALL} errors={[]} plans={await plans()} />);
  });

  app.post('/calls', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const actor = authorize(request, policy.runCoCreation(request.actor));
    const input: CallInput = { ...EMPTY_CALL };
    for (const k of Object.keys(EMPTY_CALL) as (keyof CallInput)[]) input[k] = f(form, k);
    const ps = await plans();
    const orgs = await listAllOrganizations(db);
    const now = deps.clock.now();
    const checked = validateCall(input, { organizations: new Map(orgs.map((o) => [o.key, o.id])), plans: new Map(ps.map((p) => [p.slug, p.id])), suffix: now.getTime().toString(36) });
    if (!checked.ok) return sendPage(reply, <CallFormPage ctx={viewContext(request, reply, deps)} values={input} errors={checked.errors} plans={ps} />, 400);
    const r = await createCall(db, { actor, call: checked.value, now, requestId: request.id });
    return reply.redirect(`/calls/${r.slug}?notice=call_opened`, 303);
  });

  app.get('/calls/:slug', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const call = await loadCall(request.params.slug);
    const [categories, timeline, proposals] = await Promise.all([listCategories(db, [call.id]), listTimeline(db, call.id), listProposals(db, { callId: call.id })]);
    const ctx = viewContext(request, reply, deps);
    return sendPage(
      reply,
      <CallPage
        ctx={ctx}
        call={call}
        today={today()}
        categories={categories}
        timeline={timeline}
        proposals={proposals}
        responseDays={await responseDays(db, deps.config.proposalResponseDays, call)}
        canSubmit={policy.submitProposal(request.actor).allowed}
      />,
    );
  });

  app.get('/calls/:slug/proposals/new', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const call = await loadCall(request.params.slug);
    authorize(request, policy.submitProposal(request.actor));
    if (callStatus(call, today()) !== 'open') throw badRequest(msg('proposals.errors.call_not_open'));
    const categories = await listCategories(db, [call.id]);
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <ProposalFormPage ctx={ctx} mode="new" action={`/calls/${call.slug}/proposals`} call={call} categories={categories} values={{ title: '', body: '', category: '' }} errors={[]} />);
  });

  app.post('/calls/:slug/proposals', { schema: { params: SlugParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const call = await loadCall(request.params.slug);
    const actor = authorize(request, policy.submitProposal(request.actor));
    if (callStatus(call, today()) !== 'open') throw badRequest(msg('proposals.errors.call_not_open'));
    const categories = await listCategories(db, [call.id]);
    const input = { title: f(form, 'title'), body: f(form, 'body'), category: f(form, 'category') };
    const checked = validateProposal(input, categories);
    if (!checked.ok) {
      const ctx = viewContext(request, reply, deps);
      return sendPage(reply, <ProposalFormPage ctx={ctx} mode="new" action={`/calls/${call.slug}/proposals`} call={call} categories={categories} values={input} errors={checked.errors} />, 400);
    }
    const days = await responseDays(db, deps.config.proposalResponseDays, call);
    const r = await submitProposal(db, { actor, call, proposal: checked.value, responseDays: days, locale: request.locale, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/proposals/${r.id}?notice=proposal_submitted`, 303);
  });
}
