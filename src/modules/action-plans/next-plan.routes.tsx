// Starting the next plan's co-creation, and the forum's decisions on its starting points.
// Every handler: validate → load → authorize → command → present.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { fieldError, badRequest, forbidden, HttpProblem, notFound, unauthorized, type FieldError } from '../../platform/http/errors.ts';
import { formField } from '../../platform/http/multipart.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy, type Decision } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { findPlanBySlug, listIrmRecommendations } from './action-plans.repository.ts';
import { SlugParams } from './action-plans.schema.ts';
import { decideStartingPoint, startNextPlan, validateDecision, validateNextPlan, type DecisionInput, type NextPlanInput } from './commands/start-next-plan.ts';
import { findNextPlan, listMaturationList, listStartingPoints } from './next-plan.repository.ts';
import { NextPlanFormPage, StartingPointPage } from './views/next-plan-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const PointParams = Type.Object({ slug: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 12 }) });
const EMPTY_DECISION: DecisionInput = { decision: '', reason: '', commitment: '' };

function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (!b || typeof b !== 'object') throw badRequest(msg('error.field.form_empty'));
  return b as Record<string, unknown>;
}

function authorize(request: FastifyRequest, decision: Decision) {
  if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
  return request.actor!;
}

export function nextPlanRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;

  async function loadPrevious(slug: string) {
    const plan = await findPlanBySlug(db, slug);
    if (!plan) throw notFound(msg('cycle.errors.no_plan', { slug }));
    const next = await findNextPlan(db, plan.id);
    if (next) throw new HttpProblem(409, 'Conflict', msg('cycle.errors.next_started', { title: next.title, slug: next.slug }));
    return plan;
  }

  async function formPage(request: FastifyRequest, reply: Parameters<typeof sendPage>[0], previous: { id: number; slug: string; title: string }, values: NextPlanInput, errors: FieldError[], status = 200) {
    const counts = { matured: (await listMaturationList(db)).length, recommendations: (await listIrmRecommendations(db, previous.id)).length };
    return sendPage(reply, <NextPlanFormPage ctx={viewContext(request, reply, deps)} previous={previous} counts={counts} values={values} errors={errors} />, status);
  }

  app.get('/plans/:slug/next/new', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const previous = await loadPrevious(request.params.slug);
    authorize(request, policy.startNextPlan(request.actor));
    const end = Number(previous.period_end);
    const values: NextPlanInput = { title: '', number: String(previous.number + 1), slug: '', period_start: previous.period_end, period_end: Number.isInteger(end) ? String(end + 2) : '', period_source: '' };
    return formPage(request, reply, previous, values, []);
  });

  app.post('/plans/:slug/next', { schema: { params: SlugParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const b = body(request);
    const input: NextPlanInput = { title: formField(b, 'title'), number: formField(b, 'number'), slug: formField(b, 'slug'), period_start: formField(b, 'period_start'), period_end: formField(b, 'period_end'), period_source: formField(b, 'period_source') };
    const previous = await loadPrevious(request.params.slug);
    const actor = authorize(request, policy.startNextPlan(request.actor));
    const checked = validateNextPlan(input, previous);
    if (!checked.ok) return formPage(request, reply, previous, input, checked.errors, 400);
    const result = await startNextPlan(db, { actor, previous, plan: checked.value, now: deps.clock.now(), requestId: request.id });
    if (!result.ok && result.reason === 'slug_taken') return formPage(request, reply, previous, input, [fieldError('slug', 'cycle.errors.slug_taken', { slug: checked.value.slug })], 409);
    if (!result.ok) throw new HttpProblem(409, 'Conflict', msg('cycle.errors.next_started_short', { slug: result.next }));
    return reply.redirect(`/plans/${result.slug}?notice=started#starting-points-title`, 303);
  });

  async function loadPoint(slug: string, rawId: string) {
    const plan = await findPlanBySlug(db, slug);
    if (!plan) throw notFound(msg('cycle.errors.no_plan', { slug }));
    // One starting point, not the whole cycle: the page needs neither the other plans nor the maturation list.
    const point = /^\d{1,9}$/.test(rawId) ? (await listStartingPoints(db, plan.id, Number(rawId)))[0] : undefined;
    if (!point) throw notFound(msg('cycle.errors.no_point', { slug, id: rawId.slice(0, 12) }));
    return { plan, point };
  }

  app.get('/plans/:slug/starting-points/:id', { schema: { params: PointParams, querystring: PageQuery } }, async (request, reply) => {
    const { plan, point } = await loadPoint(request.params.slug, request.params.id);
    const values: DecisionInput = point.decision ? { decision: point.decision, reason: point.reason ?? '', commitment: point.commitment_code ?? '' } : EMPTY_DECISION;
    const canDecide = policy.decideStartingPoint(request.actor).allowed;
    return sendPage(reply, <StartingPointPage ctx={viewContext(request, reply, deps)} plan={plan} point={point} canDecide={canDecide} values={values} errors={[]} />);
  });

  app.post('/plans/:slug/starting-points/:id', { schema: { params: PointParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const b = body(request);
    const input: DecisionInput = { decision: formField(b, 'decision'), reason: formField(b, 'reason'), commitment: formField(b, 'commitment') };
    const { plan, point } = await loadPoint(request.params.slug, request.params.id);
    const actor = authorize(request, policy.decideStartingPoint(request.actor));
    const page = (errors: FieldError[], status: number) =>
      sendPage(reply, <StartingPointPage ctx={viewContext(request, reply, deps)} plan={plan} point={point} canDecide={true} values={input} errors={errors} />, status);
    const checked = validateDecision(input);
    if (!checked.ok) return page(checked.errors, 400);
    const result = await decideStartingPoint(db, { actor, plan, pointId: point.id, decision: checked.value, now: deps.clock.now(), requestId: request.id });
    if (!result.ok && result.reason === 'no_commitment') return page([fieldError('commitment', 'cycle.errors.plan_has_no_commitment', { plan: plan.title, code: result.code })], 400);
    if (!result.ok) throw notFound(msg('cycle.errors.point_gone'));
    return reply.redirect(`/plans/${plan.slug}/starting-points/${point.id}?notice=decided`, 303);
  });
}
