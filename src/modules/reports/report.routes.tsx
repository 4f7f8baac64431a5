// The report's addresses: the page, its downloads and its JSON.
// Every handler: validate → load → render; the report is public, so nothing to authorize.
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { notFound, serviceUnavailable } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { App, Deps } from '../../platform/module.ts';
import { sendPage } from '../../platform/views/render.ts';
import { Problem, SlugParams } from '../action-plans/action-plans.schema.ts';
import { loadReport, renderReport, type ReportFile, type ReportFormat } from './report-files.ts';
import type { ReportModel } from './report-model.ts';
import { PdfFailedError, PdfUnavailableError } from './report.pdf.ts';
import { presentReport } from './report.presenter.ts';
import { Report } from './report.schema.ts';
import { ReportPage } from './views/report-page.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()) });

// The report follows the live data; a short shared cache spares repeated renders of a popular file.
const CACHE = 'public, max-age=30';

function sendFile(reply: FastifyReply, file: ReportFile, disposition: 'inline' | 'attachment') {
  return reply
    .header('cache-control', CACHE)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .type(file.contentType)
    .send(file.body);
}

export function reportRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const options = { baseUrl: deps.config.baseUrl, chromiumPath: deps.config.chromiumPath };

  async function load(slug: string): Promise<ReportModel> {
    const model = await loadReport(db, slug, deps.clock.now());
    if (!model) throw notFound(msg('cycle.errors.no_plan', { slug }));
    return model;
  }

  app.get('/plans/:slug/report', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const model = await load(request.params.slug);
    return sendPage(reply, <ReportPage ctx={viewContext(request, reply, deps)} model={model} />);
  });

  const downloads: [string, ReportFormat, 'inline' | 'attachment'][] = [
    ['report.md', 'md', 'inline'],
    ['report.docx', 'docx', 'attachment'],
  ];
  for (const [name, format, disposition] of downloads) {
    app.get(`/plans/:slug/${name}`, { schema: { params: SlugParams } }, async (request, reply) => {
      const model = await load(request.params.slug);
      return sendFile(reply, await renderReport(model, format, options), disposition);
    });
  }

  app.get('/plans/:slug/report.pdf', { schema: { params: SlugParams } }, async (request, reply) => {
    const model = await load(request.params.slug);
    const t = translator(request.locale);
    try {
      return sendFile(reply, await renderReport(model, 'pdf', options), 'inline');
    } catch (e) {
      if (e instanceof PdfUnavailableError) throw serviceUnavailable(t('report.pdf_unavailable', { path: e.chromiumPath }));
      if (e instanceof PdfFailedError) {
        request.log.error({ err: e }, 'PDF report failed');
        throw serviceUnavailable(t('report.pdf_failed'));
      }
      throw e;
    }
  });

  app.get(
    '/api/v1/plans/:slug/report',
    {
      schema: {
        tags: ['Reports'],
        summary: 'The End-of-Term Self-Assessment report of a plan, generated from live data',
        description:
          'The same `summary` as GET /api/v1/plans/{slug}, the summary sentence in English and Korean, the narrative sections with their figures filled from live data, the IRM recommendations with the responses, and every commitment in full. The report is also at /plans/{slug}/report (HTML), .md, .docx and .pdf.',
        params: SlugParams,
        response: { 200: Report, 404: Problem },
      },
    },
    async (request, reply) => {
      const model = await load(request.params.slug);
      reply.header('cache-control', CACHE);
      return presentReport(model, deps.config.baseUrl);
    },
  );
}
