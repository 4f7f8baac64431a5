// All SQL of the surveys module.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SurveysTable } from './surveys.table.ts';

type DB = Kysely<Database>;

export type SurveyRow = Selectable<SurveysTable> & {
  body_key: string | null;
  body_name: string | null;
  body_organization_id: number | null;
  organization_key: string | null;
  organization_name: string | null;
  commitment_code: string | null;
  commitment_title: string | null;
  plan_slug: string | null;
  milestone_title: string | null;
  milestone_level_label: string | null;
  responses: number;
};

function surveyQuery(db: DB) {
  return db
    .selectFrom('surveys')
    .leftJoin('bodies', 'bodies.id', 'surveys.body_id')
    .leftJoin('organizations', 'organizations.id', 'surveys.organization_id')
    .leftJoin('commitments', 'commitments.id', 'surveys.commitment_id')
    .leftJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
    .leftJoin('milestones', 'milestones.id', 'surveys.milestone_id')
    .selectAll('surveys')
    .select((eb) => [
      'bodies.key as body_key',
      'bodies.name as body_name',
      'bodies.organization_id as body_organization_id',
      'organizations.key as organization_key',
      'organizations.name as organization_name',
      'commitments.code as commitment_code',
      'commitments.title as commitment_title',
      'action_plans.slug as plan_slug',
      'milestones.title as milestone_title',
      'milestones.level_label as milestone_level_label',
      eb.selectFrom('survey_responses').select((e) => e.fn.countAll<number>().as('n')).whereRef('survey_responses.survey_id', '=', 'surveys.id').as('responses'),
    ]);
}

const normalize = <T extends { responses: unknown }>(r: T) => ({ ...r, responses: Number(r.responses ?? 0) });

export async function listSurveys(db: DB, filter: { bodyId?: number; organizationId?: number; includeDrafts?: boolean } = {}): Promise<SurveyRow[]> {
  let q = surveyQuery(db);
  if (filter.bodyId !== undefined) q = q.where('surveys.body_id', '=', filter.bodyId);
  if (filter.organizationId !== undefined) q = q.where('surveys.organization_id', '=', filter.organizationId);
  if (!filter.includeDrafts) q = q.where('surveys.state', '!=', 'draft');
  return (await q.orderBy('surveys.start_sort', 'desc').orderBy('surveys.id', 'desc').execute()).map(normalize) as SurveyRow[];
}

export async function findSurvey(db: DB, id: number): Promise<SurveyRow | undefined> {
  const r = await surveyQuery(db).where('surveys.id', '=', id).executeTakeFirst();
  return r ? (normalize(r) as SurveyRow) : undefined;
}

export async function listQuestions(db: DB, surveyIds: number[]) {
  if (surveyIds.length === 0) return [];
  return db.selectFrom('survey_questions').selectAll().where('survey_id', 'in', surveyIds).orderBy('survey_id').orderBy('position').execute();
}

export async function listOptions(db: DB, questionIds: number[]) {
  if (questionIds.length === 0) return [];
  return db.selectFrom('survey_options').selectAll().where('question_id', 'in', questionIds).orderBy('question_id').orderBy('position').execute();
}

/** Every answer to a survey, without who gave it: results never name a respondent. */
export async function listAnswers(db: DB, surveyId: number) {
  return db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select(['survey_answers.response_id', 'survey_answers.question_id', 'survey_answers.option_id', 'survey_answers.scale_value', 'survey_answers.text_value'])
    .where('survey_responses.survey_id', '=', surveyId)
    .orderBy('survey_answers.id')
    .execute();
}

export async function hasResponded(db: DB, surveyId: number, userId: number): Promise<boolean> {
  return !!(await db.selectFrom('survey_responses').select('id').where('survey_id', '=', surveyId).where('user_id', '=', userId).executeTakeFirst());
}

export async function insertSurvey(db: DB, row: Insertable<SurveysTable>): Promise<number> {
  return (await db.insertInto('surveys').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Adds a question at the end, with its options, while the survey is still a draft. Returns null if it no longer is. */
export async function insertQuestion(db: DB, surveyId: number, q: Omit<Insertable<Database['survey_questions']>, 'survey_id' | 'position'>, options: { label: string; published_percent: number | null }[], draftStates: readonly string[]) {
  const draft = await db.selectFrom('surveys').select('id').where('id', '=', surveyId).where('state', 'in', draftStates).executeTakeFirst();
  if (!draft) return null;
  const last = await db.selectFrom('survey_questions').select((eb) => eb.fn.max('position').as('p')).where('survey_id', '=', surveyId).executeTakeFirst();
  const { id } = await db.insertInto('survey_questions').values({ ...q, survey_id: surveyId, position: Number(last?.p ?? 0) + 1 }).returning('id').executeTakeFirstOrThrow();
  if (options.length) await db.insertInto('survey_options').values(options.map((o, i) => ({ question_id: id, position: i + 1, label: o.label, published_percent: o.published_percent }))).execute();
  return id;
}

export async function countQuestions(db: DB, surveyId: number): Promise<number> {
  return Number((await db.selectFrom('survey_questions').select((eb) => eb.fn.countAll().as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow()).n);
}

/** One response per person: a second one is refused by the unique key, even when two arrive at once. */
export async function insertResponse(db: DB, surveyId: number, userId: number, at: string): Promise<number | null> {
  const r = await db
    .insertInto('survey_responses')
    .values({ survey_id: surveyId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['survey_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function insertAnswers(db: DB, rows: Insertable<Database['survey_answers']>[]) {
  if (rows.length) await db.insertInto('survey_answers').values(rows).execute();
}

export async function findSurveyByKey(db: DB, key: string) {
  return db.selectFrom('surveys').select('id').where('source_key', '=', key).executeTakeFirst();
}

export async function listOwnerChoices(db: DB) {
  const [bodies, organizations] = await Promise.all([
    db.selectFrom('bodies').select(['id', 'key', 'name', 'organization_id']).orderBy('position').execute(),
    db.selectFrom('organizations').select(['id', 'key', 'name', 'parent_id']).orderBy('name').execute(),
  ]);
  return { bodies, organizations };
}

export async function listCommitmentChoices(db: DB) {
  return db
    .selectFrom('commitments')
    .innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
    .select(['commitments.id', 'commitments.code', 'commitments.title'])
    .orderBy('action_plans.number', 'desc')
    .orderBy('commitments.position')
    .execute();
}
