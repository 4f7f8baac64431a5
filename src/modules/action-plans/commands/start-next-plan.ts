// The next plan (seed §5): its co-creation starts from the proposals the forum matured during the
// previous plan's two years and from the IRM's recommendations on that plan. Each becomes a
// starting point on which the forum records a reasoned decision: taken up into a commitment, or not.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { findCommitment, listIrmRecommendations } from '../action-plans.repository.ts';
import { findNextPlan, findStartingPoint, insertPlan, insertStartingPoint, isPlanSlugTaken, listMaturationList, setStartingPointDecision } from '../next-plan.repository.ts';

export const MAX_TITLE = 200;
export const MAX_REASON = 5_000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const YEAR = /^\d{4}$/;

export interface NextPlanInput {
  slug: string;
  number: string;
  title: string;
  period_start: string;
  period_end: string;
  period_source: string;
}

export interface ValidNextPlan {
  slug: string;
  number: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  periodSource: string;
}

export interface PreviousPlan {
  id: number;
  slug: string;
  title: string;
  number: number;
  country_code: string;
  country_name: string;
  period_start: string;
  period_end: string;
}

export function validateNextPlan(input: NextPlanInput, previous: PreviousPlan): { ok: true; value: ValidNextPlan } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const slug = input.slug.trim();
  if (!SLUG.test(slug) || slug.length > 60) errors.push(fieldError('slug', 'cycle.errors.slug'));
  const number = Number(input.number.trim());
  if (!Number.isInteger(number) || number <= previous.number || number > 1000) errors.push(fieldError('number', 'cycle.errors.number', { previous: previous.number }));
  const title = input.title.trim();
  if (!title) errors.push(fieldError('title', 'cycle.errors.title'));
  if (title.length > MAX_TITLE) errors.push(fieldError('title', 'error.field.title_too_long', { max: MAX_TITLE }));
  const start = input.period_start.trim();
  const end = input.period_end.trim();
  if (!YEAR.test(start)) errors.push(fieldError('period_start', 'cycle.errors.start_year'));
  else if (start < previous.period_end) errors.push(fieldError('period_start', 'cycle.errors.start_before', { year: previous.period_end }));
  if (!YEAR.test(end)) errors.push(fieldError('period_end', 'cycle.errors.end_year'));
  else if (YEAR.test(start) && end < start) errors.push(fieldError('period_end', 'cycle.errors.end_before'));
  const periodSource = input.period_source.trim();
  if (!periodSource) errors.push(fieldError('period_source', 'cycle.errors.period_source'));
  if (periodSource.length > 500) errors.push(fieldError('period_source', 'cycle.errors.period_source_long'));
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { slug, number, title, periodStart: start, periodEnd: end, periodSource } };
}

type Who = { actor: Actor; systemActor?: undefined } | { actor: null; systemActor: string };

export type StartResult = { ok: true; id: number; slug: string; startingPoints: number } | { ok: false; reason: 'already_followed'; next: string } | { ok: false; reason: 'slug_taken' };

export async function startNextPlan(db: Kysely<Database>, args: Who & { previous: PreviousPlan; plan: ValidNextPlan; now: Date; requestId?: string | null }): Promise<StartResult> {
  const { previous, plan, now } = args;
  const at = now.toISOString();
  return db.transaction().execute(async (trx): Promise<StartResult> => {
    const next = await findNextPlan(trx, previous.id);
    if (next) return { ok: false, reason: 'already_followed', next: next.slug };
    if (await isPlanSlugTaken(trx, plan.slug)) return { ok: false, reason: 'slug_taken' };
    const id = await insertPlan(trx, {
      slug: plan.slug,
      country_code: previous.country_code,
      country_name: previous.country_name,
      number: plan.number,
      title: plan.title,
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      status: 'co_creation',
      report_title: null,
      report_author: null,
      source: null,
      source_notes: JSON.stringify([`The period ${plan.periodStart}-${plan.periodEnd}: ${plan.periodSource}`]),
      previous_plan_id: previous.id,
      created_at: at,
      updated_at: at,
    });
    let position = 0;
    for (const p of await listMaturationList(trx)) {
      position += 1;
      await insertStartingPoint(trx, { plan_id: id, position, kind: 'matured_proposal', from_plan_id: previous.id, proposal_id: p.id, title: p.title, created_at: at });
    }
    const proposals = position;
    for (const r of await listIrmRecommendations(trx, previous.id)) {
      position += 1;
      await insertStartingPoint(trx, { plan_id: id, position, kind: 'irm_recommendation', from_plan_id: previous.id, recommendation_id: r.id, title: r.title, created_at: at });
    }
    await recordAudit(trx, {
      actor: args.actor,
      systemActor: args.systemActor,
      at: now,
      requestId: args.requestId ?? null,
      public: true,
      action: 'plan.started',
      entityType: 'plan',
      entityId: id,
      entityLabel: plan.title,
      after: { ...plan, previous: previous.slug, matured_proposals: proposals, irm_recommendations: position - proposals },
    });
    return { ok: true, id, slug: plan.slug, startingPoints: position };
  });
}

export interface DecisionInput {
  decision: string;
  reason: string;
  commitment: string;
}

export interface ValidDecision {
  decision: 'taken_up' | 'not_taken_up';
  reason: string;
  commitmentCode: string | null;
}

export function validateDecision(input: DecisionInput): { ok: true; value: ValidDecision } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const decision = input.decision.trim();
  if (decision !== 'taken_up' && decision !== 'not_taken_up') errors.push(fieldError('decision', 'cycle.errors.decision'));
  const reason = input.reason.trim();
  if (!reason) errors.push(fieldError('reason', 'cycle.errors.reason'));
  if (reason.length > MAX_REASON) errors.push(fieldError('reason', 'error.field.reason_too_long', { max: MAX_REASON }));
  const code = input.commitment.trim();
  if (code && decision === 'not_taken_up') errors.push(fieldError('commitment', 'cycle.errors.no_commitment_when_not_taken'));
  if (code.length > 20) errors.push(fieldError('commitment', 'cycle.errors.commitment_code_long'));
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { decision: decision as ValidDecision['decision'], reason, commitmentCode: code || null } };
}

export type DecideResult = { ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'no_commitment'; code: string };

/** Records (or revises) the forum's decision on one starting point; the audit keeps what it was before. */
export async function decideStartingPoint(
  db: Kysely<Database>,
  args: { actor: Actor; plan: { id: number; slug: string }; pointId: number; decision: ValidDecision; now: Date; requestId: string },
): Promise<DecideResult> {
  const { actor, decision, now } = args;
  return db.transaction().execute(async (trx): Promise<DecideResult> => {
    const point = await findStartingPoint(trx, args.plan.id, args.pointId);
    if (!point) return { ok: false, reason: 'not_found' };
    let commitmentId: number | null = null;
    if (decision.commitmentCode) {
      const c = await findCommitment(trx, args.plan.id, decision.commitmentCode);
      if (!c) return { ok: false, reason: 'no_commitment', code: decision.commitmentCode };
      commitmentId = c.id;
    }
    const after = { decision: decision.decision, reason: decision.reason, commitment_id: commitmentId };
    await setStartingPointDecision(trx, point.id, { ...after, decided_by: actor.id, decided_label: actor.name, decided_at: now.toISOString() });
    await recordAudit(trx, {
      actor,
      at: now,
      requestId: args.requestId,
      public: true,
      action: 'plan.starting_point_decided',
      entityType: 'plan',
      entityId: args.plan.id,
      entityLabel: point.title,
      before: { decision: point.decision, reason: point.reason, commitment_id: point.commitment_id },
      after,
    });
    return { ok: true };
  });
}
