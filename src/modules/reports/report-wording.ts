// The report's sentences about completion, computed from the counts and never typed by hand,
// so that the text cannot drift from the data. English follows the seed's own wording
// ("8 commitments completed, 4 substantially completed and 1 limitedly implemented").
import { en } from '../../platform/i18n/locales/en.ts';
import { ko } from '../../platform/i18n/locales/ko.ts';
import { labelDiffers, type Level, type LevelSummary } from '../action-plans/level.ts';

export interface Bilingual {
  en: string;
  ko: string;
}

/** The order in which the seed lists the levels: best first. */
export const SUMMARY_ORDER: readonly Level[] = ['completed', 'substantial', 'limited', 'not_started'];

const EN_PHRASE: Record<Level, string> = {
  completed: 'completed',
  substantial: 'substantially completed',
  limited: 'limitedly implemented',
  not_started: 'not started',
};

const noun = (n: number) => (n === 1 ? 'commitment' : 'commitments');

function joinEnglish(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * "8 commitments completed, 4 substantially completed and 1 limitedly implemented". Zero counts are
 * left out; only the first part carries the noun. With `verb`, the first part reads as a clause of
 * a sentence: "8 commitments are completed, …", "1 commitment is completed, …".
 */
export function summaryClauseEn(s: LevelSummary, options: { verb?: boolean } = {}): string {
  const present = SUMMARY_ORDER.filter((l) => s[l] > 0);
  if (present.length === 0) return 'no commitments';
  return joinEnglish(
    present.map((l, i) => {
      const n = s[l];
      if (i > 0) return `${n} ${EN_PHRASE[l]}`;
      const verb = options.verb ? (n === 1 ? ' is' : ' are') : '';
      return `${n} ${noun(n)}${verb} ${EN_PHRASE[l]}`;
    }),
  );
}

/** "Out of 13 commitments, 8 commitments are completed, 4 substantially completed and 1 limitedly implemented." */
export function summarySentenceEn(s: LevelSummary): string {
  if (s.total === 0) return 'The action plan has no commitments.';
  return `Out of ${s.total} ${noun(s.total)}, ${summaryClauseEn(s, { verb: true })}.`;
}

/** "완료 8개, 상당 부분 이행 4개, 제한적 이행 1개", with the interface's own names of the levels. */
export function summaryClauseKo(s: LevelSummary): string {
  const present = SUMMARY_ORDER.filter((l) => s[l] > 0);
  if (present.length === 0) return '과제 없음';
  return present.map((l) => `${ko.level[l]} ${s[l]}개`).join(', ');
}

/** "13개 과제 중 완료 8개, 상당 부분 이행 4개, 제한적 이행 1개" (the terse style of Korean government reports). */
export function summarySentenceKo(s: LevelSummary): string {
  if (s.total === 0) return '실행계획에 과제가 없습니다.';
  return `${s.total}개 과제 중 ${summaryClauseKo(s)}`;
}

export function summaryClause(s: LevelSummary): Bilingual {
  return { en: summaryClauseEn(s), ko: summaryClauseKo(s) };
}

export function summarySentence(s: LevelSummary): Bilingual {
  return { en: summarySentenceEn(s), ko: summarySentenceKo(s) };
}

/** Replaces {{name}} tokens that have a value; unknown tokens are left visible rather than dropped. */
export function fillTokens(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/** The English name of a level, or the marker for a level the source does not let us read. */
export function levelName(level: Level | null): string {
  return level ? en.level[level] : en.level.unknown;
}

/** "Substantial (written in the source as “Considerably Complete”)" when the source words it differently. */
export function levelText(level: Level | null, label: string | null): string {
  const name = levelName(level);
  if (!labelDiffers(level, label)) return name;
  const asWritten = en.level.as_written.replace('{{label}}', label ?? '');
  return `${name} (${asWritten.charAt(0).toLowerCase()}${asWritten.slice(1)})`;
}
