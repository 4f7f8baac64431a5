// Pure geometry of the charts: scales and ticks. No markup, no locale, no clock.

/** A linear map from a domain to a range; a domain of one value maps to the range's start. */
export function linearScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** A "nice" step (1, 2 or 5 times a power of ten) that covers `max` in about `count` steps. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0) || count < 1) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks from zero to the first nice value at or above `max`, about `count` of them. Counts are whole,
 * so the step never falls below one when `integer` is set.
 */
export function niceTicks(max: number, count = 4, integer = true): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  let step = niceStep(max, count);
  if (integer) step = Math.max(1, Math.round(step));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  return ticks;
}

/** Days since the epoch for a YYYY-MM-DD day (or the day of an ISO timestamp). */
export function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** Rounds for SVG attributes: two decimals are enough and keep the markup short. */
export function r2(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Shortens a label for the drawing; the full text stays in the table and the description. */
export function clip(label: string, max: number): string {
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}
