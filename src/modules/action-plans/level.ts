// The OGP completion scale, and the seed's own wordings of it.

export const LEVELS = ['not_started', 'limited', 'substantial', 'completed'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** Wordings found in self-assessments, lower-cased, and the level each one means. */
const WORDINGS: Record<string, Level> = {
  'not started': 'not_started',
  'not_started': 'not_started',
  limited: 'limited',
  'limitedly implemented': 'limited',
  substantial: 'substantial',
  'substantially completed': 'substantial',
  'substantial completed': 'substantial',
  'almost completed': 'substantial',
  'considerably complete': 'substantial',
  'considerably completed': 'substantial',
  complete: 'completed',
  completed: 'completed',
};

/** The level a source wording means, or null when the wording is not one we know. */
export function levelFromLabel(label: string | null | undefined): Level | null {
  if (!label) return null;
  return WORDINGS[label.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

/** True when the source wording differs from the plain name of its level and should be shown. */
export function labelDiffers(level: Level | null, label: string | null): boolean {
  if (!label || !level) return false;
  return label.trim().toLowerCase() !== level.replace('_', ' ');
}

export interface LevelSummary {
  not_started: number;
  limited: number;
  substantial: number;
  completed: number;
  total: number;
}

export function summarize(levels: readonly (Level | string | null)[]): LevelSummary {
  const s: LevelSummary = { not_started: 0, limited: 0, substantial: 0, completed: 0, total: 0 };
  for (const l of levels) {
    if (isLevel(l)) s[l] += 1;
    s.total += 1;
  }
  return s;
}

/** Share of commitments at each level, in whole percent, for bars. */
export function percentages(s: LevelSummary): Record<Level, number> {
  const pct = (n: number) => (s.total === 0 ? 0 : Math.round((n * 100) / s.total));
  return { not_started: pct(s.not_started), limited: pct(s.limited), substantial: pct(s.substantial), completed: pct(s.completed) };
}
