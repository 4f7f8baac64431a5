// The cycle between plans as the pages and the API show it: the plan before, the plan after, the
// starting points of this plan's co-creation and, while no plan follows, the maturation list.
import type { Kysely, Selectable } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/schema.ts';
import type { ActionPlansTable } from './action-plans.table.ts';
import { findNextPlan, findPlanById, listMaturationList, listStartingPoints, type StartingPointRow } from './next-plan.repository.ts';

export type PlanLink = { id: number; slug: string; number: number; title: string; period_start: string; period_end: string; status: string };

export interface PlanCycle {
  previous: PlanLink | null;
  next: PlanLink | null;
  startingPoints: StartingPointRow[];
  /** Proposals matured and not yet carried into a plan: shown on the plan no plan follows yet. */
  maturationList: Awaited<ReturnType<typeof listMaturationList>>;
}

export async function loadCycle(db: Kysely<Database>, plan: Selectable<ActionPlansTable>): Promise<PlanCycle> {
  const [previous, next, startingPoints] = await Promise.all([
    plan.previous_plan_id === null ? Promise.resolve(undefined) : findPlanById(db, plan.previous_plan_id),
    findNextPlan(db, plan.id),
    listStartingPoints(db, plan.id),
  ]);
  const maturationList = next || plan.status === 'co_creation' ? [] : await listMaturationList(db);
  return { previous: previous ?? null, next: next ?? null, startingPoints, maturationList };
}

const NString = Type.Union([Type.String(), Type.Null()]);
const PlanRef = Type.Union([Type.Object({ slug: Type.String(), title: Type.String(), number: Type.Integer(), url: Type.String(), api: Type.String() }), Type.Null()]);

export const CycleSchema = Type.Object(
  {
    previous_plan: PlanRef,
    next_plan: PlanRef,
    starting_points: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.Union([Type.Literal('matured_proposal'), Type.Literal('irm_recommendation')]),
        title: Type.String(),
        from_plan: Type.String(),
        proposal_url: NString,
        recommendation_number: Type.Union([Type.Integer(), Type.Null()]),
        decision: Type.Union([Type.Literal('taken_up'), Type.Literal('not_taken_up'), Type.Null()]),
        reason: NString,
        commitment_code: NString,
        decided_at: NString,
        url: Type.String(),
      }),
    ),
  },
  { description: "The cycle between plans: the plan this one follows, the plan that follows it, and where this plan's co-creation started (seed §5)." },
);

function ref(p: PlanLink | null, baseUrl: string) {
  return p ? { slug: p.slug, title: p.title, number: p.number, url: `${baseUrl}/plans/${p.slug}`, api: `${baseUrl}/api/v1/plans/${p.slug}` } : null;
}

export function presentCycle(slug: string, cycle: PlanCycle, baseUrl: string) {
  return {
    previous_plan: ref(cycle.previous, baseUrl),
    next_plan: ref(cycle.next, baseUrl),
    starting_points: cycle.startingPoints.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      from_plan: s.from_plan_slug,
      proposal_url: s.proposal_id === null ? null : `${baseUrl}/proposals/${s.proposal_id}`,
      recommendation_number: s.recommendation_number,
      decision: s.decision,
      reason: s.reason,
      commitment_code: s.commitment_code,
      decided_at: s.decided_at,
      url: `${baseUrl}/plans/${slug}/starting-points/${s.id}`,
    })),
  };
}
