// SQL of the cycle between plans: the plan that follows another, and the starting points of its
// co-creation (proposals matured during the previous plan, the IRM's recommendations).
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionPlansTable, PlanStartingPointsTable } from './action-plans.table.ts';

type DB = Kysely<Database>;

export async function findPlanById(db: DB, id: number) {
  return db.selectFrom('action_plans').select(['id', 'slug', 'number', 'title', 'period_start', 'period_end', 'status']).where('id', '=', id).executeTakeFirst();
}

/** The plan that continues this one's cycle, if one was started. */
export async function findNextPlan(db: DB, planId: number) {
  return db.selectFrom('action_plans').select(['id', 'slug', 'number', 'title', 'period_start', 'period_end', 'status']).where('previous_plan_id', '=', planId).executeTakeFirst();
}

export async function isPlanSlugTaken(db: DB, slug: string): Promise<boolean> {
  return (await db.selectFrom('action_plans').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function insertPlan(db: DB, row: Insertable<ActionPlansTable>): Promise<number> {
  return (await db.insertInto('action_plans').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * The maturation list: proposals the forum carried to maturation (state "matured") that no plan's
 * co-creation has started from yet. Hidden proposals stay out.
 */
export async function listMaturationList(db: DB) {
  return db
    .selectFrom('proposals')
    .leftJoin('bodies', 'bodies.id', 'proposals.maturation_body_id')
    .select(['proposals.id', 'proposals.title', 'proposals.matured_at', 'bodies.key as body_key', 'bodies.name as body_name'])
    .where('proposals.state', '=', 'matured')
    .where('proposals.hidden_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('plan_starting_points').select('plan_starting_points.id').whereRef('plan_starting_points.proposal_id', '=', 'proposals.id'))))
    .orderBy('proposals.matured_at')
    .orderBy('proposals.id')
    .execute();
}

export async function insertStartingPoint(db: DB, row: Insertable<PlanStartingPointsTable>): Promise<number> {
  return (await db.insertInto('plan_starting_points').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The starting points of a plan's co-creation, with their sources; one of them when `id` is given. */
export async function listStartingPoints(db: DB, planId: number, id?: number) {
  let q = db
    .selectFrom('plan_starting_points as sp')
    .innerJoin('action_plans as from_plan', 'from_plan.id', 'sp.from_plan_id')
    .leftJoin('irm_recommendations as rec', 'rec.id', 'sp.recommendation_id')
    .leftJoin('commitments as c', 'c.id', 'sp.commitment_id')
    .select([
      'sp.id',
      'sp.position',
      'sp.kind',
      'sp.title',
      'sp.proposal_id',
      'sp.recommendation_id',
      'sp.decision',
      'sp.reason',
      'sp.decided_label',
      'sp.decided_at',
      'sp.created_at',
      'from_plan.slug as from_plan_slug',
      'from_plan.title as from_plan_title',
      'rec.number as recommendation_number',
      'rec.response as recommendation_response',
      'c.code as commitment_code',
      'c.title as commitment_title',
    ])
    .where('sp.plan_id', '=', planId);
  if (id !== undefined) q = q.where('sp.id', '=', id);
  return q.orderBy('sp.position').execute();
}

export type StartingPointRow = Awaited<ReturnType<typeof listStartingPoints>>[number];

export async function findStartingPoint(db: DB, planId: number, id: number) {
  return db.selectFrom('plan_starting_points').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
}

export async function setStartingPointDecision(
  db: DB,
  id: number,
  d: { decision: 'taken_up' | 'not_taken_up'; reason: string; commitment_id: number | null; decided_by: number | null; decided_label: string; decided_at: string },
) {
  await db.updateTable('plan_starting_points').set(d).where('id', '=', id).execute();
}
