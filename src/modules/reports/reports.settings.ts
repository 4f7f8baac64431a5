// Typed settings of the module: an environment default (src/config.ts) and a database override.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { getSetting } from '../../platform/settings/settings.repository.ts';

export const COMMENT_DAYS_KEY = 'reports.comment_days';

/** Days of public comment on a report: the database override, else the configured default (two weeks). */
export async function reportCommentDays(db: Kysely<Database>, config: Config): Promise<number> {
  const raw = await getSetting(db, COMMENT_DAYS_KEY);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : config.reportCommentDays;
}
