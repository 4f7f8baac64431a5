// A plan's reports with public comment: pages, the staff's steps, comments and responses, downloads and API.
// Every handler: validate → load → authorize → command → present.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { fieldError, badRequest, forbidden, HttpProblem, notFound, serviceUnavailable, unauthorized, type FieldError } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy, type Decision } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { findPlanBySlug } from '../action-plans/action-plans.repository.ts';
import { Problem, SlugParams } from '../action-plans/action-plans.schema.ts';
import { formOf, f } from '../proposals/http.ts';
import { commentOnReport, createPlanReport, finaliseReport, openForComment, respondToComment, validateComment, validateResponse } from './commands/plan-reports.ts';
import { commentSections, loadPlanReport, type LoadedPlanReport } from './plan-report-model.ts';
import { findReportComment, listPlanReports, listReportComments } from './plan-reports.repository.ts';
import { renderReport, type ReportFormat } from './report-files.ts';
import { PdfFailedError, PdfUnavailableError } from './report.pdf.ts';
import { presentReport } from './report.presenter.ts';
import { Report } from './report.schema.ts';
import { isReportKind, isReportTransition, type ReportKind } from './report-state.ts';
import { reportCommentDays } from './reports.settings.ts';
import { planReportPath, PlanReportPage, PlanReportsPage, type PlanReportForms } from './views/plan-report-pages.tsx';
import { msg, type MessageKey, type Msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const KindParams = Type.Object({ slug: Type.String({ maxLength: 100 }), kind: Type.String({ maxLength: 40, description: 'action_plan, mid_term or end_of_term' }) });
const CommentParams = Type.Object({ slug: Type.String({ maxLength: 100 }), kind: Type.String({ maxLength: 40 }), id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const NString = Type.Union([Type.String(), Type.Null()]);
const RecordProps = { kind: Type.String(), state: Type.String(), comment_days: Type.Integer(), open_for_comment_at: NString, comment_closes_at: NString, final_at: NString };
const PlanReportList = Type.Object({ reports: Type.Array(Type.Object({ ...RecordProps, comments: Type.Integer(), url: Type.String(), api: Type.String() })) });
const PlanReportJson = Type.Object({ ...RecordProps, report: Report }, { description: 'A report of the plan with its public comments; once final, the text frozen at finalisation' });
const tags = ['Reports'];

function enforce(decision: Decision) {
  if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
}

const conflict = (detail: Msg) => new HttpProblem(409, 'Conflict', detail);

function recordProps(r: LoadedPlanReport['report']) {
  return { kind: r.kind, state: r.state, comment_days: r.comment_days, open_for_comment_at: r.open_for_comment_at, comment_closes_at: r.comment_closes_at, final_at: r.final_at };
}

export function planReportRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  async function load(slug: string, kind: string): Promise<LoadedPlanReport> {
    if (!isReportKind(kind)) throw notFound(msg('plan_reports.errors.not_a_kind', { kind: kind.slice(0, 40) }));
    const loaded = await loadPlanReport(db, slug, kind, deps.clock.now());
    if (!loaded) throw notFound(msg('plan_reports.errors.no_report', { slug, kind: msg(`plan_reports.kind.${kind}`) }));
    return loaded;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, loaded: LoadedPlanReport, forms?: PlanReportForms, status = 200) {
    const actor = request.actor;
    return sendPage(
      reply,
      <PlanReportPage
        ctx={viewContext(request, reply, deps)}
        plan={loaded.plan}
        report={loaded.report}
        model={loaded.model}
        sections={commentSections(loaded.model)}
        now={deps.clock.now()}
        can={{ run: policy.runReport(actor).allowed, comment: policy.participate(actor).allowed, respond: policy.respondToReportComment(actor).allowed }}
        commentDays={await reportCommentDays(db, deps.config)}
        forms={forms}
      />,
      status,
    );
  }

  const redirect = (reply: FastifyReply, loaded: LoadedPlanReport, notice: string, anchor = '') => reply.redirect(`${planReportPath(loaded.plan.slug, loaded.report.kind)}?notice=${notice}${anchor}`, 303);

  app.get('/plans/:slug/reports', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const plan = await findPlanBySlug(db, request.params.slug);
    if (!plan) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
    const reports = await Promise.all((await listPlanReports(db, plan.id)).map(async (r) => ({ ...r, comments: (await listReportComments(db, r.id)).length })));
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <PlanReportsPage ctx={ctx} plan={plan} reports={reports} canRun={policy.runReport(request.actor).allowed} commentDays={await reportCommentDays(db, deps.config)} />);
  });

  app.post('/plans/:slug/reports', { schema: { params: SlugParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const kind = f(formOf(request), 'kind');
    const plan = await findPlanBySlug(db, request.params.slug);
    if (!plan) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
    enforce(policy.runReport(request.actor));
    if (!isReportKind(kind)) throw badRequest(msg('plan_reports.errors.choose_kind'), [fieldError('kind', 'plan_reports.errors.kind')]);
    const r = await createPlanReport(db, { actor: request.actor!, now: deps.clock.now(), requestId: request.id, plan, kind, commentDays: await reportCommentDays(db, deps.config) });
    if (!r.ok) throw conflict(msg('plan_reports.errors.exists', { slug: plan.slug, kind: msg(`plan_reports.kind.${kind}`) }));
    return reply.redirect(`${planReportPath(plan.slug, kind)}?notice=report_created`, 303);
  });

  app.get('/plans/:slug/reports/:kind', { schema: { params: KindParams, querystring: PageQuery } }, async (request, reply) => {
    return render(request, reply, await load(request.params.slug, request.params.kind));
  });

  app.post('/plans/:slug/reports/:kind/transitions', { schema: { params: KindParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const action = f(formOf(request), 'action');
    const loaded = await load(request.params.slug, request.params.kind);
    enforce(policy.runReport(request.actor));
    if (!isReportTransition(action)) throw badRequest(msg('plan_reports.errors.step'), [fieldError('action', 'plan_reports.errors.step')]);
    const ctx = { actor: request.actor!, now: deps.clock.now(), requestId: request.id, slug: loaded.plan.slug, report: loaded.report };
    const r = action === 'open' ? await openForComment(db, { ...ctx, commentDays: await reportCommentDays(db, deps.config) }) : await finaliseReport(db, ctx);
    if (r.ok) return redirect(reply, loaded, action === 'open' ? 'report_opened' : 'report_finalised');
    if (r.reason === 'unanswered') {
      const errors: FieldError[] = [{ field: 'report-actions-title', message: translator(request.locale)('plan_reports.unanswered', { count: r.count }) }];
      return render(request, reply, loaded, { transition: errors }, 409);
    }
    throw conflict(msg(action === 'open' ? 'plan_reports.errors.cannot_open' : 'plan_reports.errors.cannot_finalise', { state: msg(`plan_reports.state.${loaded.report.state}` as MessageKey) }));
  });

  app.post('/plans/:slug/reports/:kind/comments', { schema: { params: KindParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const loaded = await load(request.params.slug, request.params.kind);
    enforce(policy.participate(request.actor));
    const sections = commentSections(loaded.model).map((s) => s.id);
    const checked = validateComment({ section: f(form, 'section'), body: f(form, 'body') }, sections);
    if (!checked.ok) return render(request, reply, loaded, { comment: { errors: checked.errors, section: f(form, 'section'), body: f(form, 'body') } }, 400);
    const r = await commentOnReport(db, { actor: request.actor!, now: deps.clock.now(), requestId: request.id, slug: loaded.plan.slug, report: loaded.report, ...checked.value });
    if (!r.ok) throw conflict(msg('plan_reports.errors.not_open_for_comment'));
    return redirect(reply, loaded, 'report_comment_posted', `#comment-${r.id}`);
  });

  app.post('/plans/:slug/reports/:kind/comments/:id/response', { schema: { params: CommentParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const loaded = await load(request.params.slug, request.params.kind);
    const comment = await findReportComment(db, loaded.report.id, request.params.id);
    if (!comment) throw notFound(msg('plan_reports.errors.no_comment', { id: request.params.id }));
    enforce(policy.respondToReportComment(request.actor));
    const checked = validateResponse(f(form, 'response'));
    if (!checked.ok) return render(request, reply, loaded, { response: { id: comment.id, errors: checked.errors, response: f(form, 'response') } }, 400);
    const r = await respondToComment(db, { actor: request.actor!, now: deps.clock.now(), requestId: request.id, slug: loaded.plan.slug, report: loaded.report, comment, response: checked.value });
    if (!r.ok) throw conflict(msg(r.reason === 'answered' ? 'plan_reports.errors.answered' : 'plan_reports.errors.not_open'));
    return redirect(reply, loaded, 'report_response_posted', `#comment-${comment.id}`);
  });

  const downloads: [string, ReportFormat, 'inline' | 'attachment'][] = [
    ['report.md', 'md', 'inline'],
    ['report.docx', 'docx', 'attachment'],
    ['report.pdf', 'pdf', 'inline'],
  ];
  for (const [name, format, disposition] of downloads) {
    app.get(`/plans/:slug/reports/:kind/${name}`, { schema: { params: KindParams } }, async (request, reply) => {
      const loaded = await load(request.params.slug, request.params.kind);
      const t = translator(request.locale);
      try {
        const file = await renderReport(loaded.model, format, { baseUrl: base, chromiumPath: deps.config.chromiumPath });
        // A final report never changes; a draft or an open one follows the live data and its comments.
        const cache = loaded.report.state === 'final' ? 'public, max-age=3600' : 'no-cache';
        return reply.header('cache-control', cache).header('content-disposition', `${disposition}; filename="${file.filename}"`).header('x-content-type-options', 'nosniff').type(file.contentType).send(file.body);
      } catch (e) {
        if (e instanceof PdfUnavailableError) throw serviceUnavailable(t('report.pdf_unavailable', { path: e.chromiumPath }));
        if (e instanceof PdfFailedError) throw serviceUnavailable(t('report.pdf_failed'));
        throw e;
      }
    });
  }

  app.get(
    '/api/v1/plans/:slug/reports',
    { schema: { tags, summary: 'The reports of a plan that go through public comment, with their state', params: SlugParams, response: { 200: PlanReportList, 404: Problem } } },
    async (request) => {
      const plan = await findPlanBySlug(db, request.params.slug);
      if (!plan) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
      const rows = await listPlanReports(db, plan.id);
      return {
        reports: await Promise.all(
          rows.map(async (r) => ({ ...recordProps(r), comments: (await listReportComments(db, r.id)).length, url: base + planReportPath(plan.slug, r.kind), api: `${base}/api/v1/plans/${plan.slug}/reports/${r.kind}` })),
        ),
      };
    },
  );

  app.get(
    '/api/v1/plans/:slug/reports/:kind',
    {
      schema: {
        tags,
        summary: 'One report of a plan (action_plan, mid_term, end_of_term) with its public comments and the responses',
        description: 'While a draft or open for comment, the report follows the live data; once final, it is the text frozen at finalisation.',
        params: KindParams,
        response: { 200: PlanReportJson, 404: Problem },
      },
    },
    async (request, reply) => {
      const loaded = await load(request.params.slug, request.params.kind as ReportKind);
      reply.header('cache-control', loaded.report.state === 'final' ? 'public, max-age=3600' : 'no-cache');
      return { ...recordProps(loaded.report), report: presentReport(loaded.model, base) };
    },
  );
}
