// The survey lifecycle as data. A survey is drafted (questions are added), opened for answers, and
// closed; a survey conducted outside the platform is a "record" and never moves. One function
// applies a transition, stamps <state>_at and writes the audit event in the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/audit.ts';

export const STATES = ['draft', 'open', 'closed', 'record'] as const;
export type SurveyState = (typeof STATES)[number];

/** Questions may be added while the survey is a draft: answers collected later must fit them. */
export const EDITABLE: readonly SurveyState[] = ['draft'];

export const TRANSITIONS = {
  open: { from: ['draft'], to: 'open', stamp: 'opened_at' },
  close: { from: ['open'], to: 'closed', stamp: 'closed_at' },
} as const satisfies Record<string, { from: readonly SurveyState[]; to: SurveyState; stamp: 'opened_at' | 'closed_at' }>;
export type TransitionName = keyof typeof TRANSITIONS;

export function isTransition(v: unknown): v is TransitionName {
  return typeof v === 'string' && Object.hasOwn(TRANSITIONS, v);
}

export function canApply(name: TransitionName, state: string): boolean {
  return (TRANSITIONS[name].from as readonly string[]).includes(state);
}

export async function applyTransition(
  trx: Kysely<Database>,
  args: { survey: { id: number; state: string; title: string }; name: TransitionName; actor: Actor; now: Date; requestId: string },
): Promise<{ ok: true } | { ok: false; from: string }> {
  const { survey, name, now } = args;
  const t = TRANSITIONS[name];
  if (!canApply(name, survey.state)) return { ok: false, from: survey.state };
  const res = await trx
    .updateTable('surveys')
    .set({ state: t.to, [t.stamp]: now.toISOString() })
    .where('id', '=', survey.id)
    .where('state', '=', survey.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { ok: false, from: survey.state };
  await recordAudit(trx, { actor: args.actor, at: now, requestId: args.requestId, public: true, action: `survey.${name}`, entityType: 'survey', entityId: survey.id, entityLabel: survey.title, before: { state: survey.state }, after: { state: t.to } });
  return { ok: true };
}
