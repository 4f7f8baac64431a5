// Pure rules of the proposals module: windows, deadlines, rates. No SQL, no clock.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { getSetting } from '../../platform/settings/settings.repository.ts';

export const RESPONSE_DAYS_SETTING = 'proposals.response_days';

export type CallStatus = 'upcoming' | 'open' | 'closed';

/** A call's window from its dates. A call the source records without dates is a past one. */
export function callStatus(call: { opens_on: string | null; closes_on: string | null }, today: string): CallStatus {
  if (!call.opens_on || !call.closes_on) return 'closed';
  if (today < call.opens_on) return 'upcoming';
  if (today > call.closes_on) return 'closed';
  return 'open';
}

export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in Korea, where the deadlines are kept. */
export function seoulDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** Days to answer: the call's own rule, else the database setting, else the configured default. */
export async function responseDays(db: Kysely<Database>, configured: number, call: { response_days: number | null } | null): Promise<number> {
  if (call?.response_days) return call.response_days;
  const stored = await getSetting(db, RESPONSE_DAYS_SETTING);
  const n = stored === null ? NaN : Number(stored);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : configured;
}

/** Adoption rate in percent with one decimal, computed; null when there is nothing to divide. */
export function adoptionRate(adopted: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((adopted / total) * 1000) / 10;
}
