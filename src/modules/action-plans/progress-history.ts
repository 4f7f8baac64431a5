// The plan's progress over time and its levels by organization, computed from the records: pure, no SQL.
import { isLevel, LEVELS, summarize, type Level, type LevelSummary } from './level.ts';

export interface LevelChange {
  commitment_id: number;
  /** The day the update reports on (YYYY-MM-DD). */
  occurred_on: string;
  level_from: string | null;
  level_to: string;
}

export interface ProgressPoint {
  day: string;
  summary: LevelSummary;
}

/**
 * Counts of commitments at each level after each day on which a level changed. A commitment's level
 * before its first recorded change is the change's `level_from` (else its current level): nothing is
 * assumed about days the records do not cover, so a plan without changes has no points at all.
 */
export function progressHistory(commitments: { id: number; level: string | null }[], changes: LevelChange[]): ProgressPoint[] {
  const sorted = [...changes].sort((a, b) => a.occurred_on.localeCompare(b.occurred_on));
  const level = new Map<number, string | null>();
  for (const c of commitments) {
    const first = sorted.find((x) => x.commitment_id === c.id);
    level.set(c.id, first ? (isLevel(first.level_from) ? first.level_from : null) : c.level);
  }
  const points: ProgressPoint[] = [];
  for (let i = 0; i < sorted.length; ) {
    const day = sorted[i]!.occurred_on.slice(0, 10);
    while (i < sorted.length && sorted[i]!.occurred_on.slice(0, 10) === day) {
      const ch = sorted[i]!;
      if (level.has(ch.commitment_id)) level.set(ch.commitment_id, ch.level_to);
      i += 1;
    }
    points.push({ day, summary: summarize([...level.values()]) });
  }
  return points;
}

export interface OrganizationLevels {
  key: string;
  name: string;
  summary: LevelSummary;
}

/** Commitments by lead organization and level, the organizations with most commitments first. */
export function levelsByOrganization(commitments: { lead_organization_key: string; lead_organization_name: string; level: string | null }[]): OrganizationLevels[] {
  const groups = new Map<string, { name: string; levels: (string | null)[] }>();
  for (const c of commitments) {
    const g = groups.get(c.lead_organization_key) ?? { name: c.lead_organization_name, levels: [] };
    g.levels.push(c.level);
    groups.set(c.lead_organization_key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, name: g.name, summary: summarize(g.levels) }))
    .sort((a, b) => b.summary.total - a.summary.total || a.name.localeCompare(b.name));
}

export function levelValues(s: LevelSummary): number[] {
  return LEVELS.map((l: Level) => s[l]);
}
