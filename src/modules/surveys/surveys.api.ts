// The surveys API (read-only; answers go through the forms) and the CSV of aggregated results.
import { Type } from 'typebox';
import { sendCsv } from '../../platform/http/csv.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { App, Deps } from '../../platform/module.ts';
import { Problem } from '../action-plans/action-plans.schema.ts';
import { findSurvey, listAnswers, listOptions, listQuestions, listSurveys } from './surveys.repository.ts';
import { presentSurvey, presentSurveySummary, RESULT_CSV_COLUMNS, resultCsvRows, surveyResults } from './surveys.presenter.ts';
import { IdParams, Survey, SurveySummary } from './surveys.schema.ts';
import { msg } from '../../platform/i18n/message.ts';

const tags = ['Surveys'];

export function surveyApi(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  /** A published survey (not a draft) with every question's aggregated result. */
  async function loadPublished(id: number) {
    const s = await findSurvey(db, id);
    if (!s || s.state === 'draft') throw notFound(msg('surveys.errors.no_survey', { id }));
    const questions = await listQuestions(db, [s.id]);
    const options = await listOptions(db, questions.map((q) => q.id));
    const results = surveyResults(questions, options, await listAnswers(db, s.id), s.responses);
    return { s, questions, options, results };
  }

  app.get('/api/v1/surveys', { schema: { tags, summary: 'Surveys of panels, bodies and organizations (drafts are not listed)', response: { 200: Type.Object({ surveys: Type.Array(SurveySummary) }) } } }, async () => {
    return { surveys: (await listSurveys(db)).map((s) => presentSurveySummary(s, base)) };
  });

  app.get('/api/v1/surveys/:id', { schema: { tags, summary: 'One survey: its questions and their aggregated results (never individual answers)', params: IdParams, response: { 200: Survey, 404: Problem } } }, async (request) => {
    const { s, questions, options, results } = await loadPublished(request.params.id);
    return presentSurvey(s, questions, options, results, base);
  });

  app.get('/surveys/:id/results.csv', { schema: { params: IdParams } }, async (request, reply) => {
    const { s, questions, results } = await loadPublished(request.params.id);
    return sendCsv(reply, `survey-${s.id}-results.csv`, RESULT_CSV_COLUMNS, resultCsvRows(s, questions, results));
  });
}
