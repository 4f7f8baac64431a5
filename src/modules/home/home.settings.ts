// Typed settings of the home page: an environment default (src/config.ts) and a database override.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { getSetting } from '../../platform/settings/settings.repository.ts';

export const NEAR_THRESHOLD_KEY = 'home.near_threshold_percent';

/** Share of its threshold (percent) an open petition must have to be "near its threshold": the database override, else the configured default. */
export async function nearThresholdPercent(db: Kysely<Database>, config: Config): Promise<number> {
  const raw = await getSetting(db, NEAR_THRESHOLD_KEY);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : config.homeNearThresholdPercent;
}
