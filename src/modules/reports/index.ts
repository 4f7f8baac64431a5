import type { ModuleManifest } from '../../platform/module.ts';

/** The self-assessment report and statistics (built in the next commit). */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  routes() {},
};

// Placeholders until the report module lands.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/create-db.ts';
export const REPORT_FORMATS = ['html', 'md', 'docx', 'pdf', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export async function renderReportFile(_h: Db, _c: Config, _slug: string, _f: ReportFormat): Promise<{ body: string | Buffer } | null> {
  return null;
}
