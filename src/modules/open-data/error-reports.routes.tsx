// Data error reports: the report form, the public list per data set, the owner's decisions, the evaluation.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { fieldError, type FieldError } from '../../platform/http/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorized } from './authorize.ts';
import { translateDataset } from './catalog-texts.repository.ts';
import { findDataset, findDatasetById, type DatasetRow } from './catalog.repository.ts';
import { reportError, validateErrorReport } from './commands/report-error.ts';
import { applyTransition } from './commands/transition-error-report.ts';
import { isTransitionAction } from './error-report-state.ts';
import { findErrorReport, listErrorReportsOfDataset, listReportsForEvaluation } from './error-reports.repository.ts';
import { field, formBody } from './forms.ts';
import { errorReportDeadlineDays } from './open-data.settings.ts';
import { evaluateOrganizations, presentErrorReport } from './open-data.presenter.ts';
import { DatasetParams, ErrorReport, Evaluation, IdParams, Problem } from './open-data.schema.ts';
import { findTable, listTables } from './tables.repository.ts';
import { EvaluationPage, ReportFormPage, ReportsPage } from './views/report-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const NewReportQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  table: Type.Optional(Type.String({ maxLength: 100 })),
  row: Type.Optional(Type.String({ maxLength: 12 })),
});

export function errorReportRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  async function loadDataset(slug: string): Promise<DatasetRow> {
    const d = await findDataset(db, slug);
    if (!d) throw notFound(msg('open_data.errors.no_dataset', { slug }));
    return d;
  }

  async function renderReports(request: FastifyRequest, reply: FastifyReply, d: DatasetRow, errorsFor: { id: number; errors: FieldError[] } | null, status = 200) {
    const now = deps.clock.now();
    const reports = (await listErrorReportsOfDataset(db, d.id)).map((r) => presentErrorReport(r, base, now));
    const canHandle = policy.handleErrorReport(request.actor, d).allowed;
    return sendPage(reply, <ReportsPage ctx={viewContext(request, reply, deps)} d={await translateDataset(db, d, request.locale)} reports={reports} canHandle={canHandle} errorsFor={errorsFor} />, status);
  }

  app.get('/open-data/datasets/:slug/reports/new', { schema: { params: DatasetParams, querystring: NewReportQuery } }, async (request, reply) => {
    const d = await loadDataset(request.params.slug);
    authorized(request.actor, policy.reportDataError(request.actor));
    const values = { table: request.query.table ?? '', row: request.query.row ?? '', body: '' };
    const days = await errorReportDeadlineDays(db, deps.config);
    return sendPage(reply, <ReportFormPage ctx={viewContext(request, reply, deps)} d={await translateDataset(db, d, request.locale)} tables={await listTables(db, d.id)} values={values} errors={[]} deadlineDays={days} />);
  });

  app.post('/open-data/datasets/:slug/reports', { schema: { params: DatasetParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const input = { table: field(body, 'table').trim(), row: field(body, 'row'), body: field(body, 'body') };
    const d = await loadDataset(request.params.slug);
    const actor = authorized(request.actor, policy.reportDataError(request.actor));
    const table = input.table ? ((await findTable(db, d.id, input.table)) ?? null) : null;
    const days = await errorReportDeadlineDays(db, deps.config);
    const checked = validateErrorReport(input, table);
    const errors: FieldError[] = input.table && !table ? [fieldError('table', 'open_data.errors.report_no_table', { table: input.table.slice(0, 100) })] : [];
    if (!checked.ok || errors.length) {
      const all = [...errors, ...(checked.ok ? [] : checked.errors)];
      return sendPage(reply, <ReportFormPage ctx={viewContext(request, reply, deps)} d={await translateDataset(db, d, request.locale)} tables={await listTables(db, d.id)} values={input} errors={all} deadlineDays={days} />, 400);
    }
    const r = await reportError(db, { actor, dataset: d, table, rowNo: checked.rowNo, body: checked.body, deadlineDays: days, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/open-data/datasets/${d.slug}/reports?notice=report_sent#report-${r.id}`, 303);
  });

  app.get('/open-data/datasets/:slug/reports', { schema: { params: DatasetParams, querystring: PageQuery } }, async (request, reply) => {
    return renderReports(request, reply, await loadDataset(request.params.slug), null);
  });

  app.post('/open-data/reports/:id/transition', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const action = field(body, 'action');
    const response = field(body, 'response');
    const report = await findErrorReport(db, request.params.id);
    if (!report) throw notFound(msg('open_data.errors.no_report'));
    const actor = authorized(request.actor, policy.handleErrorReport(request.actor, report));
    const d = (await findDatasetById(db, report.dataset_id))!;
    if (!isTransitionAction(action)) {
      return renderReports(request, reply, d, { id: report.id, errors: [fieldError('action', 'open_data.errors.report_decision')] }, 400);
    }
    const result = await applyTransition(db, { actor, report, action, response, now: deps.clock.now(), requestId: request.id });
    if (!result.ok) return renderReports(request, reply, d, { id: report.id, errors: result.errors }, result.reason === 'not_allowed' ? 409 : 400);
    return reply.redirect(`/open-data/datasets/${d.slug}/reports?notice=report_updated#report-${report.id}`, 303);
  });

  app.get('/open-data/evaluation', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const rows = evaluateOrganizations(await listReportsForEvaluation(db), deps.clock.now());
    const days = await errorReportDeadlineDays(db, deps.config);
    return sendPage(reply, <EvaluationPage ctx={viewContext(request, reply, deps)} rows={rows} deadlineDays={days} />);
  });

  app.get(
    '/api/v1/datasets/:slug/error-reports',
    { schema: { tags: ['Open data'], summary: 'The error reports of a data set, with their state, deadline and answer', params: DatasetParams, response: { 200: Type.Object({ error_reports: Type.Array(ErrorReport) }), 404: Problem } } },
    async (request) => {
      const d = await loadDataset(request.params.slug);
      const now = deps.clock.now();
      return { error_reports: (await listErrorReportsOfDataset(db, d.id)).map((r) => presentErrorReport(r, base, now)) };
    },
  );

  app.get(
    '/api/v1/error-reports/evaluation',
    { schema: { tags: ['Open data'], summary: 'Each organization’s handling of error reports: response time, answers in time, resolution rate', response: { 200: Evaluation } } },
    async () => ({
      deadline_days: await errorReportDeadlineDays(db, deps.config),
      organizations: evaluateOrganizations(await listReportsForEvaluation(db), deps.clock.now()),
    }),
  );

}
