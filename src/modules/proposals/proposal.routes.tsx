// A proposal's page, the lists and queues, and every action on a proposal.
// Every handler: validate → load → authorize → command → present.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { publicHistory } from '../../platform/audit/audit.ts';
import { fieldError, badRequest, HttpProblem, notFound, type FieldError } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { addComment, moderate, supportProposal, validateComment, validateModeration } from './commands/participate.ts';
import { carryToMaturation, respondToProposal, routeProposal, validateResponse, type RespondResult } from './commands/respond.ts';
import { editProposal, validateProposal } from './commands/submit-proposal.ts';
import { authorize, f, formOf, loadProposal } from './http.ts';
import { EDITABLE, isState } from './proposal-state.ts';
import { responseDays, seoulDay } from './proposal-rules.ts';
import {
  findCallById,
  findMaturation,
  findOrganization,
  hasSupported,
  listAllOrganizations,
  listCategories,
  listComments,
  listMaturationBodies,
  listNotices,
  listPlanCommitments,
  listProposals,
  listResponses,
  type ProposalRow,
} from './proposals.repository.ts';
import { IdParams, OrgParams } from './proposals.schema.ts';
import { ProposalsPage, QueuePage } from './views/list-pages.tsx';
import { ProposalFormPage } from './views/proposal-form.tsx';
import { ProposalPage } from './views/proposal-page.tsx';
import { followView } from '../notifications/notifications.routes.tsx';
import { msg, type MessageKey } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const ListQuery = Type.Object({ lang: Type.Optional(Type.String()), state: Type.Optional(Type.String({ maxLength: 40 })) });

export function proposalRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const today = () => seoulDay(deps.clock.now());

  async function renderProposal(request: FastifyRequest, reply: FastifyReply, p: ProposalRow, owner: Parameters<typeof policy.respondToProposal>[1], errors?: { form: string; errors: FieldError[]; values: Record<string, string> }) {
    const actor = request.actor;
    const admin = policy.runCoCreation(actor).allowed;
    const isAuthor = actor !== null && p.author_id === actor.id;
    const shown = p.hidden_at && !admin && !isAuthor ? { ...p, body: '' } : p;
    const respond = policy.respondToProposal(actor, owner).allowed;
    const [responses, comments, history, notices, commitments, organizations, maturationBodies] = await Promise.all([
      listResponses(db, [p.id]),
      listComments(db, p.id),
      publicHistory(db, [{ type: 'proposal', id: String(p.id) }]),
      isAuthor ? listNotices(db, actor.id, p.id) : Promise.resolve([]),
      respond ? listPlanCommitments(db) : Promise.resolve([]),
      admin ? listAllOrganizations(db) : Promise.resolve([]),
      admin ? listMaturationBodies(db) : Promise.resolve([]),
    ]);
    const maturationBody = await findMaturation(db, p);
    const ctx = viewContext(request, reply, deps);
    return sendPage(
      reply,
      <ProposalPage
        ctx={ctx}
        p={shown}
        today={today()}
        responses={responses}
        comments={comments}
        notices={notices}
        maturationBody={maturationBody}
        history={history}
        can={{
          edit: policy.editProposal(actor, owner).allowed && (EDITABLE as readonly string[]).includes(p.state),
          participate: policy.participate(actor).allowed,
          supported: actor ? await hasSupported(db, p.id, actor.id) : false,
          respond,
          admin,
        }}
        forms={{ commitments, organizations, maturationBodies, values: errors?.values ?? {} }}
        errors={errors}
        follow={await followView(deps, request, 'proposal', p.id)}
      />,
      errors ? 400 : 200,
    );
  }

  function refused(result: RespondResult): never {
    if (result.ok) throw new Error('not a refusal');
    throw new HttpProblem(409, 'Conflict', msg('proposals.errors.step_impossible', { state: msg(`proposals.state.${result.from}` as MessageKey) }));
  }

  app.get('/proposals', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const state = isState(request.query.state) ? request.query.state : '';
    const rows = await listProposals(db, state ? { state } : {});
    return sendPage(reply, <ProposalsPage ctx={viewContext(request, reply, deps)} rows={rows} today={today()} state={state} />);
  });

  app.get('/me/proposals', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const actor = authorize(request, policy.participate(request.actor));
    const rows = await listProposals(db, { authorId: actor.id, includeHidden: true });
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <ProposalsPage ctx={ctx} rows={rows} today={today()} state="" title={ctx.t('proposals.mine')} />);
  });

  app.get('/organizations/:key/proposals', { schema: { params: OrgParams, querystring: PageQuery } }, async (request, reply) => {
    const org = await findOrganization(db, request.params.key);
    if (!org) throw notFound(msg('cycle.errors.no_org', { key: request.params.key }));
    const rows = await listProposals(db, { organizationId: org.id });
    return sendPage(reply, <QueuePage ctx={viewContext(request, reply, deps)} org={org} rows={rows} today={today()} />);
  });

  app.get('/proposals/:id', { schema: { params: IdParams, querystring: PageQuery } }, async (request, reply) => {
    const { p, owner } = await loadProposal(db, request.params.id);
    return renderProposal(request, reply, p, owner);
  });

  app.get('/proposals/:id/edit', { schema: { params: IdParams, querystring: PageQuery } }, async (request, reply) => {
    const { p, owner } = await loadProposal(db, request.params.id);
    authorize(request, policy.editProposal(request.actor, owner));
    if (!(EDITABLE as readonly string[]).includes(p.state)) throw new HttpProblem(409, 'Conflict', msg('proposals.errors.not_editable'));
    const call = p.call_id !== null ? await findCallById(db, p.call_id) : undefined;
    const categories = p.call_id !== null ? await listCategories(db, [p.call_id]) : [];
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <ProposalFormPage ctx={ctx} mode="edit" action={`/proposals/${p.id}`} call={call ?? null} categories={categories} values={{ title: p.title, body: p.body, category: p.category_id === null ? '' : String(p.category_id) }} errors={[]} />);
  });

  app.post('/proposals/:id', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { p, owner } = await loadProposal(db, request.params.id);
    const actor = authorize(request, policy.editProposal(request.actor, owner));
    const categories = p.call_id !== null ? await listCategories(db, [p.call_id]) : [];
    const input = { title: f(form, 'title'), body: f(form, 'body'), category: f(form, 'category') };
    const checked = validateProposal(input, categories);
    if (!checked.ok) {
      const call = p.call_id !== null ? await findCallById(db, p.call_id) : undefined;
      const ctx = viewContext(request, reply, deps);
      return sendPage(reply, <ProposalFormPage ctx={ctx} mode="edit" action={`/proposals/${p.id}`} call={call ?? null} categories={categories} values={input} errors={checked.errors} />, 400);
    }
    const r = await editProposal(db, { actor, proposal: p, value: checked.value, locale: request.locale, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) throw new HttpProblem(409, 'Conflict', msg('proposals.errors.not_editable'));
    return reply.redirect(`/proposals/${p.id}?notice=proposal_edited`, 303);
  });

  app.post('/proposals/:id/supports', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const { p } = await loadProposal(db, request.params.id);
    const actor = authorize(request, policy.participate(request.actor));
    if (p.hidden_at) throw badRequest(msg('proposals.errors.hidden_support'));
    const r = await supportProposal(db, { actor, proposal: p, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/proposals/${p.id}?notice=${r.ok ? 'proposal_supported' : 'already_supported'}`, 303);
  });

  app.post('/proposals/:id/comments', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { p, owner } = await loadProposal(db, request.params.id);
    const actor = authorize(request, policy.participate(request.actor));
    const checked = validateComment(f(form, 'comment'));
    if (!checked.ok) return renderProposal(request, reply, p, owner, { form: 'comment', errors: checked.errors, values: { comment: f(form, 'comment') } });
    const r = await addComment(db, { actor, proposal: p, body: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/proposals/${p.id}?notice=comment_posted#comment-${r.id}`, 303);
  });

  app.post('/proposals/:id/responses', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { p, owner } = await loadProposal(db, request.params.id);
    const actor = authorize(request, policy.respondToProposal(request.actor, owner));
    const values = { decision: f(form, 'decision'), reason: f(form, 'reason'), commitment: f(form, 'commitment'), policy: f(form, 'policy') };
    const checked = validateResponse(values, await listPlanCommitments(db));
    if (!checked.ok) return renderProposal(request, reply, p, owner, { form: 'answer', errors: checked.errors, values });
    const r = await respondToProposal(db, { actor, proposal: p, response: checked.value, mail: { baseUrl: deps.config.baseUrl, defaultLocale: deps.config.defaultLocale }, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) refused(r);
    return reply.redirect(`/proposals/${p.id}?notice=response_published`, 303);
  });

  app.post('/proposals/:id/route', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { p, owner } = await loadProposal(db, request.params.id);
    const actor = authorize(request, policy.runCoCreation(request.actor));
    const orgId = Number(f(form, 'organization'));
    const orgs = await listAllOrganizations(db);
    if (!orgs.some((o) => o.id === orgId)) {
      return renderProposal(request, reply, p, owner, { form: 'route', errors: [fieldError('organization', 'proposals.errors.route_org')], values: {} });
    }
    const call = p.call_id !== null ? ((await findCallById(db, p.call_id)) ?? null) : null;
    const days = await responseDays(db, deps.config.proposalResponseDays, call);
    const r = await routeProposal(db, { actor, proposal: p, organizationId: orgId, responseDays: days, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) refused(r);
    return reply.redirect(`/proposals/${p.id}?notice=proposal_routed`, 303);
  });

  app.post('/proposals/:id/moderation', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { p, owner } = await loadProposal(db, request.params.id);
    const actor = authorize(request, policy.runCoCreation(request.actor));
    const values = { action: f(form, 'action'), reason: f(form, 'reason'), comment: f(form, 'comment') };
    const checked = validateModeration(values);
    let errors = checked.ok ? [] : checked.errors;
    if (checked.ok && checked.value.commentId !== null && !(await listComments(db, p.id)).some((c) => c.id === checked.value.commentId)) {
      errors = [fieldError('comment', 'proposals.errors.not_a_comment')];
    }
    if (!checked.ok || errors.length) return renderProposal(request, reply, p, owner, { form: 'moderate', errors, values });
    await moderate(db, { actor, proposal: p, ...checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/proposals/${p.id}?notice=proposal_moderated`, 303);
  });

  app.post('/proposals/:id/maturation', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { p, owner } = await loadProposal(db, request.params.id);
    const actor = authorize(request, policy.runCoCreation(request.actor));
    const body = (await listMaturationBodies(db)).find((b) => String(b.id) === f(form, 'body'));
    if (!body) return renderProposal(request, reply, p, owner, { form: 'mature', errors: [fieldError('body', 'proposals.errors.working_group')], values: {} });
    const r = await carryToMaturation(db, { actor, proposal: p, body, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) refused(r);
    return reply.redirect(`/proposals/${p.id}?notice=proposal_matured`, 303);
  });
}
