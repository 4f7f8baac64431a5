// The IRM pages, the staff form and the API. Every handler: validate → load → authorize → command → present.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { findPlanBySlug } from '../action-plans/action-plans.repository.ts';
import { Problem, SlugParams } from '../action-plans/action-plans.schema.ts';
import { authorize, enforce, formOf } from '../proposals/http.ts';
import { commitmentIdsByCode } from './assessments.repository.ts';
import { loadIrm, presentIrm, type IrmNode } from './assessments.presenter.ts';
import { IrmParams, PlanIrm } from './assessments.schema.ts';
import { recordAssessment, validateAssessmentForm } from './commands/record-assessment.ts';
import { IRM_FIELDS, IRM_REPORTS } from './irm.ts';
import { AssessmentFormPage, type AssessmentFormValues } from './views/assessment-form.tsx';
import { IrmPage } from './views/irm-page.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const EditQuery = Type.Object({ lang: Type.Optional(Type.String()), report: Type.Optional(Type.String({ maxLength: 40 })) });

/** The form's values for one report of one IRM commitment: what is recorded, or empty fields. */
function formValues(unit: IrmNode, report: string): AssessmentFormValues {
  const a = unit.assessments.find((x) => x.report === report);
  const out: AssessmentFormValues = { report, title: unit.title ?? '', commitments: unit.codes.join(', '), source: a?.source ?? '', notes: a?.notes ?? '' };
  for (const f of IRM_FIELDS) out[f] = a?.values[f] ?? '';
  return out;
}

export function assessmentRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;

  async function loadPlan(slug: string) {
    const plan = await findPlanBySlug(db, slug);
    if (!plan) throw notFound(msg('cycle.errors.no_plan', { slug }));
    return plan;
  }

  async function loadUnit(slug: string, irmId: string) {
    const plan = await loadPlan(slug);
    const unit = (await loadIrm(db, plan.id)).find((u) => u.irm_id === irmId);
    if (!unit) throw notFound(msg('irm.errors.no_unit', { slug, id: irmId }));
    return { plan, unit };
  }

  const canEdit = (request: FastifyRequest) => policy.recordIrmAssessment(request.actor).allowed;

  app.get(
    '/api/v1/plans/:slug/irm',
    {
      schema: {
        tags: ['Action plans'],
        summary: "The IRM's commitments of a plan: ids, the government commitments each covers, the assessments and the starred / promising results computed from them",
        params: SlugParams,
        response: { 200: PlanIrm, 404: Problem },
      },
    },
    async (request, reply) => {
      const plan = await loadPlan(request.params.slug);
      reply.header('cache-control', 'public, max-age=30');
      return { plan: plan.slug, irm_commitments: (await loadIrm(db, plan.id)).map(presentIrm) };
    },
  );

  app.get('/plans/:slug/irm', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const plan = await loadPlan(request.params.slug);
    const units = await loadIrm(db, plan.id);
    return sendPage(reply, <IrmPage ctx={viewContext(request, reply, deps)} slug={plan.slug} planTitle={plan.title} units={units} canEdit={canEdit(request)} />);
  });

  app.get('/plans/:slug/irm/:irmId/edit', { schema: { params: IrmParams, querystring: EditQuery } }, async (request, reply) => {
    const { plan, unit } = await loadUnit(request.params.slug, request.params.irmId);
    enforce(policy.recordIrmAssessment(request.actor));
    const wanted = request.query.report;
    const report = wanted && (IRM_REPORTS as readonly string[]).includes(wanted) ? wanted : (unit.assessments[0]?.report ?? IRM_REPORTS[0]);
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <AssessmentFormPage ctx={ctx} slug={plan.slug} planTitle={plan.title} irmId={unit.irm_id} values={formValues(unit, report)} errors={[]} />);
  });

  app.post('/plans/:slug/irm/:irmId', { schema: { params: IrmParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { plan, unit } = await loadUnit(request.params.slug, request.params.irmId);
    const actor = authorize(request, policy.recordIrmAssessment(request.actor));
    const checked = validateAssessmentForm(form, await commitmentIdsByCode(db, plan.id));
    if (!checked.ok) {
      const ctx = viewContext(request, reply, deps);
      return sendPage(reply, <AssessmentFormPage ctx={ctx} slug={plan.slug} planTitle={plan.title} irmId={unit.irm_id} values={form} errors={checked.errors} />, 400);
    }
    await recordAssessment(db, { actor, unit, input: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/plans/${plan.slug}/irm?notice=irm_saved#${unit.irm_id}`, 303);
  });
}
