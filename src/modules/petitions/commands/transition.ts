// The one function that moves a petition between states: it checks the state table, stamps
// `<state>_at`, and writes the audit event in the caller's transaction. A concurrent change
// makes it fail rather than overwrite (the UPDATE re-checks the state it started from).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { findTransition, stampColumn, type PetitionState } from '../petition-state.ts';

export type TransitionResult = { ok: true } | { ok: false; reason: 'not_allowed' | 'reason_required' | 'stale' };

export async function transitionPetition(
  trx: Kysely<Database>,
  p: { id: number; title: string; state: PetitionState },
  to: PetitionState,
  who: { actor: Actor | null; systemActor?: string },
  now: Date,
  extra: { reason?: string | null; requestId?: string } = {},
): Promise<TransitionResult> {
  const t = findTransition(p.state, to);
  if (!t) return { ok: false, reason: 'not_allowed' };
  const reason = extra.reason?.trim() || null;
  if (t.needsReason && !reason) return { ok: false, reason: 'reason_required' };
  const at = now.toISOString();
  const stamp = stampColumn(to);
  const set: Record<string, string | null> = { state: to, updated_at: at };
  if (stamp) set[stamp] = at;
  if (to === 'rejected') set.rejection_reason = reason;
  const r = await trx.updateTable('petitions').set(set).where('id', '=', p.id).where('state', '=', p.state).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, reason: 'stale' };
  await recordAudit(trx, {
    actor: who.actor,
    systemActor: who.systemActor,
    action: `petition.${to}`,
    entityType: 'petition',
    entityId: p.id,
    entityLabel: p.title,
    public: true,
    before: { state: p.state },
    after: { state: to, ...(reason ? { reason } : {}) },
    at: now,
    requestId: extra.requestId,
  });
  return { ok: true };
}
