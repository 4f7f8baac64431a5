// Typed settings of the module: an environment default (src/config.ts) and a database override.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { getSetting } from '../../platform/settings/settings.repository.ts';

export const ERROR_REPORT_DEADLINE_KEY = 'open_data.error_report_deadline_days';

/** Days an organization has to answer a data error report: the database override, else the configured default. */
export async function errorReportDeadlineDays(db: Kysely<Database>, config: Config): Promise<number> {
  const raw = await getSetting(db, ERROR_REPORT_DEADLINE_KEY);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : config.errorReportDeadlineDays;
}

export function dueDate(receivedAt: Date, days: number): Date {
  return new Date(receivedAt.getTime() + days * 24 * 3600 * 1000);
}
