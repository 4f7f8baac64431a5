// Loading the report and rendering it in each downloadable format; the routes and the CLI share it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadPlanTree, loadTimeline } from '../action-plans/plan-tree.ts';
import { attachConsultation } from './plan-report-model.ts';
import { findPlanReport } from './plan-reports.repository.ts';
import { reportFilename } from './report-links.ts';
import { buildReport, type ReportModel } from './report-model.ts';
import { renderDocx } from './report.docx.ts';
import { renderMarkdown } from './report.markdown.ts';
import { htmlToPdf } from './report.pdf.ts';
import { presentReport } from './report.presenter.ts';
import { renderPrintableHtml } from './views/report-print.tsx';

export const REPORT_FORMATS = ['html', 'md', 'docx', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  body: string | Buffer;
  contentType: string;
  filename: string;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** The report of a plan from the live data, or null when there is no such plan. */
export async function loadReport(db: Kysely<Database>, slug: string, now: Date): Promise<ReportModel | null> {
  const tree = await loadPlanTree(db, slug);
  if (!tree) return null;
  const timeline = await loadTimeline(db, tree.commitments.map((c) => c.id));
  const model = buildReport(tree, timeline, now);
  // The end-of-term self-assessment's public comments and responses, when it has gone through comment.
  const record = await findPlanReport(db, tree.plan.id, 'end_of_term');
  return record ? attachConsultation(db, model, record) : model;
}

/**
 * One format as a file. `html` is the self-contained printable document (the site page is
 * rendered by the route). Throws PdfUnavailableError or PdfFailedError for `pdf`.
 */
export async function renderReport(model: ReportModel, format: ReportFormat, options: { baseUrl: string; chromiumPath: string }): Promise<ReportFile> {
  const file = (body: string | Buffer): ReportFile => ({ body, contentType: CONTENT_TYPES[format], filename: reportFilename(model.slug, format, model.kind) });
  switch (format) {
    case 'html':
      return file(await renderPrintableHtml(model));
    case 'md':
      return file(renderMarkdown(model));
    case 'docx':
      return file(await renderDocx(model));
    case 'pdf':
      return file(await htmlToPdf(await renderPrintableHtml(model), options.chromiumPath));
    case 'json':
      return file(`${JSON.stringify(presentReport(model, options.baseUrl), null, 2)}\n`);
  }
}
