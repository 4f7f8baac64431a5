// Signatures over time, from the counts per hour the repository gives: pure, no SQL.
import { seoulDay } from '../proposals/proposal-rules.ts';

export interface SignatureDay {
  /** The day in Korea, YYYY-MM-DD. */
  day: string;
  /** Signatures made that day. */
  n: number;
  /** Signatures recorded up to the end of that day. */
  total: number;
}

/** Adds the hourly counts (UTC hours, "YYYY-MM-DDTHH") up by day in Korea, with the running total. */
export function signaturesByDay(perHour: { hour: string; n: number }[]): SignatureDay[] {
  const days = new Map<string, number>();
  for (const h of perHour) {
    const day = seoulDay(new Date(`${h.hour}:00:00Z`));
    days.set(day, (days.get(day) ?? 0) + h.n);
  }
  let total = 0;
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, n]) => {
      total += n;
      return { day, n, total };
    });
}
