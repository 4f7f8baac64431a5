// Every public shape of the surveys module; the API, the CSV and the pages reuse it. No shape here
// carries who answered, and none carries the text of a free-text answer.
import { aggregate, type Answer, type Option, type QuestionResult } from './survey-rules.ts';
import type { SurveyRow } from './surveys.repository.ts';

export const NO_QUESTIONS_NOTE = 'No questions or results in the source.';

type QuestionRow = { id: number; survey_id: number; position: number; kind: string; prompt: string; required: number; scale_min: number | null; scale_max: number | null; scale_min_label: string | null; scale_max_label: string | null; source: string | null };

/** The source notes of a record, stored as a JSON array of strings. */
export function notes(json: string): string[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function presentSurveySummary(s: SurveyRow, base: string) {
  return {
    id: s.id,
    title: s.title,
    purpose: s.purpose,
    state: s.state,
    owner: s.body_key ? { kind: 'body', key: s.body_key, name: s.body_name ?? '' } : { kind: 'organization', key: s.organization_key ?? '', name: s.organization_name ?? '' },
    commitment: s.commitment_code && s.plan_slug ? `${base}/plans/${s.plan_slug}/commitments/${s.commitment_code}` : null,
    commitment_code: s.commitment_code,
    milestone: s.milestone_title,
    start: s.start_value,
    start_label: s.start_label,
    end: s.end_value,
    end_label: s.end_label,
    responses: s.responses,
    source: s.source,
    source_notes: notes(s.source_notes),
    url: `${base}/surveys/${s.id}`,
  };
}

/** Every question's result, from the answers: the one computation behind the chart, the table, the API and the CSV. */
export function surveyResults(questions: QuestionRow[], options: Option[], answers: Answer[], respondents: number): QuestionResult[] {
  return questions.map((q) => aggregate(q, options, answers, respondents));
}

export function presentSurvey(s: SurveyRow, questions: QuestionRow[], options: Option[], results: QuestionResult[], base: string) {
  return {
    ...presentSurveySummary(s, base),
    note: s.state === 'record' && questions.length === 0 ? NO_QUESTIONS_NOTE : null,
    questions: questions.map((q, i) => {
      const r = results[i]!;
      return {
        id: q.id,
        position: q.position,
        kind: q.kind,
        prompt: q.prompt,
        required: q.required === 1,
        options: options.filter((o) => o.question_id === q.id).map((o) => o.label),
        scale_min: q.scale_min,
        scale_max: q.scale_max,
        scale_min_label: q.scale_min_label,
        scale_max_label: q.scale_max_label,
        source: q.source,
        result: { basis: r.basis, respondents: r.respondents, answered: r.answered, rows: r.rows, mean: r.mean, text_answers: r.text_answers },
      };
    }),
  };
}

export const RESULT_CSV_COLUMNS = ['survey_id', 'survey', 'question_position', 'question', 'kind', 'answer', 'count', 'percent', 'answered', 'respondents', 'mean', 'basis'] as const;

/**
 * The aggregated results as CSV rows: one per option or scale value. A free-text question gives one row
 * with the number of answers; the texts are never exported, since they may carry personal data.
 */
export function resultCsvRows(s: { id: number; title: string }, questions: QuestionRow[], results: QuestionResult[]) {
  return questions.flatMap((q, i) => {
    const r = results[i]!;
    const common = { survey_id: s.id, survey: s.title, question_position: q.position, question: q.prompt, kind: q.kind, answered: r.basis === 'published' ? '' : r.answered, respondents: r.basis === 'published' ? '' : r.respondents, mean: r.mean ?? '', basis: r.basis };
    if (q.kind === 'text') return [{ ...common, answer: '(free-text answers: not published)', count: r.text_answers, percent: '' }];
    return r.rows.map((row) => ({ ...common, answer: row.label, count: row.count ?? '', percent: row.percent ?? '' }));
  });
}
