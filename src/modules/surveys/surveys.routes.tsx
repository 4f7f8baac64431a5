// Survey pages and the forms behind them. Every handler: validate → load → authorize → command → present.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { HttpProblem, notFound, type FieldError } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy, type BodyStewardship } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { stewardshipOf } from '../bodies/meetings.routes.tsx';
import { seoulDay } from '../proposals/proposal-rules.ts';
import { authorize, f, fAll, formOf } from '../proposals/http.ts';
import { answerSurvey } from './commands/answer-survey.ts';
import { addQuestion, createSurvey, EMPTY_QUESTION, EMPTY_SURVEY, moveSurvey, validateQuestion, validateSurvey, type OwnerChoice, type QuestionInput, type SurveyInput } from './commands/create-survey.ts';
import { answeringWindow, checkAnswers } from './survey-rules.ts';
import { isTransition } from './survey-state.ts';
import { findSurvey, hasResponded, listAnswers, listCommitmentChoices, listOptions, listOwnerChoices, listQuestions, listSurveys, type SurveyRow } from './surveys.repository.ts';
import { surveyResults } from './surveys.presenter.ts';
import { IdParams } from './surveys.schema.ts';
import { SurveyFormPage } from './views/survey-forms.tsx';
import { ResultsPage, SurveyPage, SurveysPage } from './views/survey-pages.tsx';
import { msg, type MessageKey } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const StepParams = Type.Object({ id: IdParams.properties.id, step: Type.String({ maxLength: 10 }) });

/** Who runs a survey: the organization of the body that owns it, or the organization that owns it. */
export async function surveyStewardship(db: Kysely<Database>, s: SurveyRow): Promise<BodyStewardship> {
  return stewardshipOf(db, s.body_key ? s.body_organization_id : s.organization_id);
}

/** The owners a person may create a survey for: every body and organization the policy lets them run. */
async function ownerChoices(db: Kysely<Database>, actor: Actor | null): Promise<OwnerChoice[]> {
  const { bodies, organizations } = await listOwnerChoices(db);
  const parentOf = new Map(organizations.map((o) => [o.id, o.parent_id]));
  const may = (orgId: number | null) => policy.manageSurvey(actor, { organization_id: orgId, organization_parent_id: orgId === null ? null : (parentOf.get(orgId) ?? null) }).allowed;
  return [
    ...bodies.filter((b) => may(b.organization_id)).map((b) => ({ value: `body:${b.key}`, label: b.name, bodyId: b.id, organizationId: null })),
    ...organizations.filter((o) => may(o.id)).map((o) => ({ value: `organization:${o.key}`, label: o.name, bodyId: null, organizationId: o.id })),
  ];
}

export function surveyRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const today = () => seoulDay(deps.clock.now());

  async function load(request: FastifyRequest, id: number) {
    const s = await findSurvey(db, id);
    if (!s) throw notFound(msg('surveys.errors.no_survey', { id }));
    const owner = await surveyStewardship(db, s);
    // A draft is seen only by those who run it.
    if (s.state === 'draft' && !policy.manageSurvey(request.actor, owner).allowed) throw notFound(msg('surveys.errors.no_survey', { id }));
    return { s, owner };
  }

  async function questionsOf(surveyId: number) {
    const questions = await listQuestions(db, [surveyId]);
    const options = await listOptions(db, questions.map((q) => q.id));
    return { questions, options, forForm: questions.map((q) => ({ ...q, options: options.filter((o) => o.question_id === q.id) })) };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, s: SurveyRow, owner: BodyStewardship, opts: { answer?: { values: Record<string, string[]>; errors: FieldError[] }; question?: { values: QuestionInput; errors: FieldError[] } } = {}) {
    const { forForm } = await questionsOf(s.id);
    const actor = request.actor;
    const can = { manage: policy.manageSurvey(actor, owner).allowed, answer: policy.answerSurvey(actor).allowed, answered: actor ? await hasResponded(db, s.id, actor.id) : false };
    const status = opts.answer?.errors.length || opts.question?.errors.length ? 400 : 200;
    return sendPage(
      reply,
      <SurveyPage ctx={viewContext(request, reply, deps)} s={s} questions={forForm} window={answeringWindow(s, today())} can={can} answer={opts.answer ?? { values: {}, errors: [] }} question={opts.question ?? { values: EMPTY_QUESTION, errors: [] }} />,
      status,
    );
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, owners: OwnerChoice[], values: SurveyInput, errors: FieldError[]) {
    return sendPage(reply, <SurveyFormPage ctx={viewContext(request, reply, deps)} owners={owners} commitments={await listCommitmentChoices(db)} values={values} errors={errors} />, errors.length ? 400 : 200);
  }

  app.get('/surveys', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const canCreate = (await ownerChoices(db, request.actor)).length > 0;
    return sendPage(reply, <SurveysPage ctx={viewContext(request, reply, deps)} surveys={await listSurveys(db, { includeDrafts: false })} canCreate={canCreate} />);
  });

  app.get('/surveys/new', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const owners = await ownerChoices(db, request.actor);
    authorize(request, policy.createSurvey(request.actor, owners.length));
    return renderForm(request, reply, owners, EMPTY_SURVEY, []);
  });

  app.post('/surveys', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const owners = await ownerChoices(db, request.actor);
    const actor = authorize(request, policy.createSurvey(request.actor, owners.length));
    const input: SurveyInput = { ...EMPTY_SURVEY };
    for (const k of Object.keys(EMPTY_SURVEY) as (keyof SurveyInput)[]) input[k] = f(form, k);
    const checked = validateSurvey(input, { owners, commitments: await listCommitmentChoices(db) });
    if (!checked.ok) return renderForm(request, reply, owners, input, checked.errors);
    const id = await createSurvey(db, { actor, survey: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/surveys/${id}?notice=survey_created#question-form`, 303);
  });

  app.get('/surveys/:id', { schema: { params: IdParams, querystring: PageQuery } }, async (request, reply) => {
    const { s, owner } = await load(request, request.params.id);
    return render(request, reply, s, owner);
  });

  app.post('/surveys/:id/questions', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { s, owner } = await load(request, request.params.id);
    const actor = authorize(request, policy.manageSurvey(request.actor, owner));
    const input: QuestionInput = { ...EMPTY_QUESTION, required: '' };
    for (const k of Object.keys(EMPTY_QUESTION) as (keyof QuestionInput)[]) input[k] = f(form, k);
    const checked = validateQuestion(input, (await listQuestions(db, [s.id])).length);
    if (!checked.ok) return render(request, reply, s, owner, { question: { values: input, errors: checked.errors } });
    const r = await addQuestion(db, { actor, survey: s, question: checked.value, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) throw new HttpProblem(409, 'Conflict', msg('surveys.errors.draft_only'));
    return reply.redirect(`/surveys/${s.id}?notice=question_added#question-form`, 303);
  });

  app.post('/surveys/:id/:step', { schema: { params: StepParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const step = request.params.step;
    if (!isTransition(step)) throw notFound(msg('surveys.errors.no_step', { step }));
    const { s, owner } = await load(request, request.params.id);
    const actor = authorize(request, policy.manageSurvey(request.actor, owner));
    const r = await moveSurvey(db, { actor, survey: s, name: step, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) throw new HttpProblem(409, 'Conflict', r.reason === 'no_questions' ? msg('surveys.errors.no_questions') : msg(step === 'open' ? 'surveys.errors.cannot_open' : 'surveys.errors.cannot_close', { state: msg(`surveys.state.${s.state}` as MessageKey) }));
    return reply.redirect(`/surveys/${s.id}?notice=${step === 'open' ? 'survey_opened' : 'survey_closed'}`, 303);
  });

  app.post('/surveys/:id/responses', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    formOf(request);
    const { s, owner } = await load(request, request.params.id);
    const actor = authorize(request, policy.answerSurvey(request.actor));
    if (answeringWindow(s, today()) !== 'open') throw new HttpProblem(409, 'Conflict', msg('surveys.errors.not_taking'));
    const { questions, options } = await questionsOf(s.id);
    const values = Object.fromEntries(questions.map((q) => [`q${q.id}`, fAll(request, `q${q.id}`)]));
    const checked = checkAnswers(questions, options, values);
    if (!checked.ok) return render(request, reply, s, owner, { answer: { values, errors: checked.errors } });
    const r = await answerSurvey(db, { actor, survey: s, answers: checked.answers, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) throw new HttpProblem(409, 'Conflict', msg('surveys.errors.answered'));
    return reply.redirect(`/surveys/${s.id}/results?notice=survey_answered`, 303);
  });

  app.get('/surveys/:id/results', { schema: { params: IdParams, querystring: PageQuery } }, async (request, reply) => {
    const { s, owner } = await load(request, request.params.id);
    const { questions, options } = await questionsOf(s.id);
    const answers = await listAnswers(db, s.id);
    const results = surveyResults(questions, options, answers, s.responses);
    // Free-text answers are shown to those who run the survey only, without who wrote them.
    const texts = policy.manageSurvey(request.actor, owner).allowed ? new Map(questions.filter((q) => q.kind === 'text').map((q) => [q.id, answers.filter((a) => a.question_id === q.id && a.text_value).map((a) => a.text_value!)])) : null;
    return sendPage(reply, <ResultsPage ctx={viewContext(request, reply, deps)} s={s} results={results} texts={texts} />);
  });
}
