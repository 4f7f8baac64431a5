import type { Config } from '../../config.ts';
import type { Db } from '../../db/create-db.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { loadReport, renderReport, type ReportFile, type ReportFormat } from './report-files.ts';
import { planReportRoutes } from './plan-reports.routes.tsx';
import { reportRoutes } from './report.routes.tsx';
import { reportCollections } from './collections.ts';

export { REPORT_FORMATS, type ReportFile, type ReportFormat } from './report-files.ts';

/** The End-of-Term Self-Assessment report, generated from live data in HTML, Markdown, Word, PDF and JSON. */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  collections: reportCollections,
  routes(app, deps) {
    reportRoutes(app, deps);
    planReportRoutes(app, deps);
  },
};

/** For `madang report`: the report of a plan as a file, or null when there is no such plan. */
export async function renderReportFile(handle: Db, config: Config, slug: string, format: ReportFormat): Promise<ReportFile | null> {
  const model = await loadReport(handle.db, slug, new Date());
  if (!model) return null;
  return renderReport(model, format, { baseUrl: config.baseUrl, chromiumPath: config.chromiumPath });
}
