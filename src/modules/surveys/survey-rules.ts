// Pure rules of the surveys module: the answering window, the answers a response may carry, and
// the aggregation that every result (page, chart, API, CSV) comes from. No SQL, no clock.
import { fieldError, type FieldError } from '../../platform/http/errors.ts';

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const LIMITS = { questions: 50, options: 20, optionLength: 200, prompt: 500, text: 2000, scaleLow: 0, scaleHigh: 10 } as const;

export interface Question {
  id: number;
  kind: string;
  prompt: string;
  required: number;
  scale_min: number | null;
  scale_max: number | null;
}
export interface Option {
  id: number;
  question_id: number;
  label: string;
  published_percent: number | null;
}
export interface Answer {
  response_id: number;
  question_id: number;
  option_id: number | null;
  scale_value: number | null;
  text_value: string | null;
}

export type Window = 'not_open' | 'upcoming' | 'open' | 'ended';

/** Whether a survey takes answers today: opened, and today within its days (an open end is open). */
export function answeringWindow(s: { state: string; start_value: string | null; end_value: string | null }, today: string): Window {
  if (s.state !== 'open') return s.state === 'draft' ? 'not_open' : 'ended';
  if (s.start_value && today < s.start_value) return 'upcoming';
  if (s.end_value && today > s.end_value) return 'ended';
  return 'open';
}

/** The scale's values, low to high. */
export function scaleValues(q: { scale_min: number | null; scale_max: number | null }): number[] {
  const lo = q.scale_min ?? 1;
  const hi = q.scale_max ?? 5;
  return Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
}

/**
 * Checks one person's answers against the questions. `form` maps a question's field name
 * (`q<id>`) to the values sent. Returns the answer rows to store, or the errors to show.
 */
export function checkAnswers(questions: Question[], options: Option[], form: Record<string, string[]>): { ok: true; answers: Omit<Answer, 'response_id'>[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers: Omit<Answer, 'response_id'>[] = [];
  for (const q of questions) {
    const field = `q${q.id}`;
    const raw = (form[field] ?? []).map((v) => v.trim()).filter(Boolean);
    const mine = options.filter((o) => o.question_id === q.id);
    if (raw.length === 0) {
      if (q.required) errors.push(fieldError(field, 'surveys.errors.answer', { prompt: q.prompt }));
      continue;
    }
    if (q.kind === 'single' || q.kind === 'multiple') {
      const chosen = [...new Set(raw)].map((v) => mine.find((o) => String(o.id) === v));
      if (chosen.some((o) => !o)) errors.push(fieldError(field, 'surveys.errors.among_options', { prompt: q.prompt }));
      else if (q.kind === 'single' && chosen.length > 1) errors.push(fieldError(field, 'surveys.errors.one_option', { prompt: q.prompt }));
      else for (const o of chosen) answers.push({ question_id: q.id, option_id: o!.id, scale_value: null, text_value: null });
    } else if (q.kind === 'scale') {
      const n = Number(raw[0]);
      if (raw.length > 1 || !Number.isInteger(n) || !scaleValues(q).includes(n)) errors.push(fieldError(field, 'surveys.errors.scale_value', { prompt: q.prompt }));
      else answers.push({ question_id: q.id, option_id: null, scale_value: n, text_value: null });
    } else {
      const text = raw.join('\n');
      if (text.length > LIMITS.text) errors.push(fieldError(field, 'surveys.errors.answer_long', { prompt: q.prompt, max: LIMITS.text }));
      else answers.push({ question_id: q.id, option_id: null, scale_value: null, text_value: text });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers };
}

export interface ResultRow {
  label: string;
  count: number | null;
  percent: number | null;
}

export interface QuestionResult {
  question_id: number;
  kind: string;
  prompt: string;
  /** Responses to the survey, and those that answered this question: the base of every percentage. */
  respondents: number;
  answered: number;
  /** collected: counted from the answers here; published: shares the source publishes without counts. */
  basis: 'collected' | 'published';
  rows: ResultRow[];
  /** Scale questions: the mean of the values given, one decimal. */
  mean: number | null;
  /** Free-text questions: how many answered; the texts themselves are never in a public result. */
  text_answers: number;
}

const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : null);

/**
 * One question's result. Percentages are of the people who answered the question, one decimal; on a
 * multiple-choice question a person may choose several options, so they may add up to more than 100.
 */
export function aggregate(q: Question, options: Option[], answers: Answer[], respondents: number): QuestionResult {
  const mine = answers.filter((a) => a.question_id === q.id);
  const answered = new Set(mine.map((a) => a.response_id)).size;
  const base = { question_id: q.id, kind: q.kind, prompt: q.prompt, respondents, answered, mean: null, text_answers: 0 };
  const opts = options.filter((o) => o.question_id === q.id);
  if (q.kind === 'single' || q.kind === 'multiple') {
    if (answered === 0 && opts.length > 0 && opts.every((o) => o.published_percent !== null)) {
      return { ...base, basis: 'published', rows: opts.map((o) => ({ label: o.label, count: null, percent: o.published_percent })) };
    }
    const rows = opts.map((o) => {
      const count = new Set(mine.filter((a) => a.option_id === o.id).map((a) => a.response_id)).size;
      return { label: o.label, count, percent: share(count, answered) };
    });
    return { ...base, basis: 'collected', rows };
  }
  if (q.kind === 'scale') {
    const values = mine.map((a) => a.scale_value).filter((v): v is number => v !== null);
    const rows = scaleValues(q).map((v) => {
      const count = values.filter((x) => x === v).length;
      return { label: String(v), count, percent: share(count, answered) };
    });
    const mean = values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10 : null;
    return { ...base, basis: 'collected', rows, mean };
  }
  return { ...base, basis: 'collected', rows: [], text_answers: mine.filter((a) => a.text_value).length };
}
