// Data requests: the public list and form, supports, the organization's answer, and the API.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldError } from '../../platform/http/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listOrganizations } from '../action-plans/action-plans.repository.ts';
import { authorized } from './authorize.ts';
import { answerDataRequest, submitDataRequest, supportDataRequest, validateAnswer, validateNewRequest } from './commands/data-requests.ts';
import { findDataRequest, hasSupported, listDataRequests, type DataRequestRow } from './data-requests.repository.ts';
import { field, formBody } from './forms.ts';
import { IdParams, Problem } from './open-data.schema.ts';
import { RequestPage, RequestsPage, type AnswerValues, type NewRequestValues } from './views/request-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const NString = Type.Union([Type.String(), Type.Null()]);
const DataRequest = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  organization: NString,
  state: Type.String({ description: 'submitted or answered' }),
  supports: Type.Integer(),
  decision: Type.Union([Type.String({ description: 'will_publish, published or declined' }), Type.Null()]),
  answer: NString,
  planned_date: NString,
  dataset: NString,
  submitted_at: Type.String(),
  answered_at: NString,
  url: Type.String(),
});

export function presentDataRequest(r: DataRequestRow, base: string) {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    organization: r.organization_name,
    state: r.state,
    supports: r.support_count,
    decision: r.decision,
    answer: r.answer,
    planned_date: r.planned_date,
    dataset: r.dataset_slug ? `${base}/open-data/datasets/${r.dataset_slug}` : null,
    submitted_at: r.submitted_at,
    answered_at: r.answered_at,
    url: `${base}/open-data/requests/${r.id}`,
  };
}

export function dataRequestRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;
  const emptyAnswer: AnswerValues = { decision: 'will_publish', answer: '', planned_date: '', dataset: '' };

  async function renderList(request: FastifyRequest, reply: FastifyReply, values: NewRequestValues, errors: FieldError[], status = 200) {
    const organizations = (await listOrganizations(db)).map((o) => ({ key: o.key, name: o.name }));
    return sendPage(reply, <RequestsPage ctx={viewContext(request, reply, deps)} requests={await listDataRequests(db)} organizations={organizations} values={values} errors={errors} />, status);
  }

  async function loadRequest(id: number): Promise<DataRequestRow> {
    const r = await findDataRequest(db, id);
    if (!r) throw notFound(msg('open_data.errors.no_request'));
    return r;
  }

  async function renderOne(request: FastifyRequest, reply: FastifyReply, r: DataRequestRow, values: AnswerValues, errors: FieldError[], status = 200) {
    const supported = request.actor ? await hasSupported(db, r.id, request.actor.id) : false;
    const canAnswer = policy.answerDataRequest(request.actor, r).allowed;
    return sendPage(reply, <RequestPage ctx={viewContext(request, reply, deps)} r={r} supported={supported} canAnswer={canAnswer} values={values} errors={errors} />, status);
  }

  app.get('/open-data/requests', { schema: { querystring: PageQuery } }, async (request, reply) => renderList(request, reply, { title: '', body: '', organization: '' }, []));

  app.post('/open-data/requests', { preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const input = { title: field(body, 'title'), body: field(body, 'body'), organization: field(body, 'organization') };
    const actor = authorized(request.actor, policy.requestData(request.actor));
    const checked = await validateNewRequest(db, input);
    if (!checked.ok) return renderList(request, reply, input, checked.errors, 400);
    const id = await submitDataRequest(db, { actor, value: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/open-data/requests/${id}?notice=request_sent`, 303);
  });

  app.get('/open-data/requests/:id', { schema: { params: IdParams, querystring: PageQuery } }, async (request, reply) => {
    const r = await loadRequest(request.params.id);
    return renderOne(request, reply, r, { decision: r.decision ?? 'will_publish', answer: r.answer ?? '', planned_date: r.planned_date ?? '', dataset: r.dataset_slug ?? '' }, []);
  });

  app.post('/open-data/requests/:id/supports', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const r = await loadRequest(request.params.id);
    const actor = authorized(request.actor, policy.requestData(request.actor));
    await supportDataRequest(db, { actor, request: r, now: deps.clock.now(), requestId: request.id });
    // Supporting twice is not an error: the page says the support is counted, once.
    return reply.redirect(`/open-data/requests/${r.id}?notice=support_added`, 303);
  });

  app.post('/open-data/requests/:id/answer', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const input = { decision: field(body, 'decision'), answer: field(body, 'answer'), planned_date: field(body, 'planned_date'), dataset: field(body, 'dataset') };
    const r = await loadRequest(request.params.id);
    const actor = authorized(request.actor, policy.answerDataRequest(request.actor, r));
    const checked = await validateAnswer(db, input);
    if (!checked.ok) return renderOne(request, reply, r, input, checked.errors, 400);
    await answerDataRequest(db, { actor, request: r, value: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/open-data/requests/${r.id}?notice=request_answered`, 303);
  });

  app.get(
    '/api/v1/data-requests',
    { schema: { tags: ['Open data'], summary: 'Requests for unpublished data, most supported first, with the organizations’ answers', response: { 200: Type.Object({ data_requests: Type.Array(DataRequest) }) } } },
    async () => ({ data_requests: (await listDataRequests(db)).map((r) => presentDataRequest(r, base)) }),
  );

  app.get(
    '/api/v1/data-requests/:id',
    { schema: { tags: ['Open data'], summary: 'One data request', params: IdParams, response: { 200: DataRequest, 404: Problem } } },
    async (request) => presentDataRequest(await loadRequest(request.params.id), base),
  );
}
