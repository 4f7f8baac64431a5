// Use cases of a petition's life after signing: submission, moderation, committee review and the
// published result. Each runs in one transaction with its audit events, and returns expected
// failures instead of throwing.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import type { PetitionState } from '../petition-state.ts';
import { insertFile } from '../../action-plans/action-plans.repository.ts';
import { transitionPetition } from './transition.ts';
import { msg, type MessageKey } from '../../../platform/i18n/message.ts';

export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldError[] };

const fail = (field: string, key: MessageKey): { ok: false; errors: FieldError[] } => ({ ok: false, errors: [fieldError(field, key)] });

export const TITLE_MAX = 200;
export const BODY_MAX = 5000;
export const REASON_MAX = 5000;

function checkText(field: string, value: string, max: number, what: MessageKey): FieldError | null {
  const v = value.trim();
  if (v.length === 0) return fieldError(field, 'petitions.errors.empty', { what: msg(what) });
  if (v.length > max) return fieldError(field, 'petitions.errors.too_long', { what: msg(what), max });
  return null;
}

/** A signed-in person submits a petition; it waits for moderation. */
export async function submitPetition(
  db: Kysely<Database>,
  args: { actor: Actor; channelId: number; title: string; body: string; now: Date; requestId?: string },
): Promise<CommandResult<{ id: number }>> {
  const errors = [checkText('title', args.title, TITLE_MAX, 'petitions.errors.what_title'), checkText('body', args.body, BODY_MAX, 'petitions.errors.what_text')].filter((e): e is FieldError => e !== null);
  if (errors.length) return { ok: false, errors };
  const at = args.now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('petitions')
      .values({ channel_id: args.channelId, title: args.title.trim(), body: args.body.trim(), author_user_id: args.actor.id, state: 'draft', created_at: at, source: null, source_notes: '[]', updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: args.actor, action: 'petition.draft', entityType: 'petition', entityId: row.id, entityLabel: args.title.trim(), public: false, after: { title: args.title.trim() }, at: args.now, requestId: args.requestId });
    const moved = await transitionPetition(trx, { id: row.id, title: args.title.trim(), state: 'draft' }, 'pending_moderation', { actor: args.actor }, args.now, { requestId: args.requestId });
    if (!moved.ok) throw new Error(`submission failed: ${moved.reason}`);
    return row.id;
  });
  return { ok: true, id };
}

interface PetitionRef {
  id: number;
  title: string;
  state: PetitionState;
}

/** Moderation: publish (open for signatures, with the channel's threshold and window) or reject with a reason. */
export async function moderatePetition(
  db: Kysely<Database>,
  args: { actor: Actor; petition: PetitionRef; decision: 'open' | 'rejected'; reason: string; threshold: number | null; windowDays: number; now: Date; requestId?: string },
): Promise<CommandResult> {
  if (args.petition.state !== 'pending_moderation') return fail('decision', 'petitions.errors.not_pending');
  if (args.decision === 'rejected') {
    const e = checkText('reason', args.reason, REASON_MAX, 'petitions.errors.what_reason');
    if (e) return { ok: false, errors: [e] };
  }
  return db.transaction().execute(async (trx) => {
    const moved = await transitionPetition(trx, args.petition, args.decision, { actor: args.actor }, args.now, { reason: args.reason, requestId: args.requestId });
    if (!moved.ok) return fail('decision', moved.reason === 'stale' ? 'petitions.errors.moderated_first' : 'petitions.errors.decision_impossible');
    if (args.decision === 'open') {
      const closes = new Date(args.now.getTime() + args.windowDays * 86_400_000).toISOString();
      await trx.updateTable('petitions').set({ threshold: args.threshold, closes_at: closes }).where('id', '=', args.petition.id).execute();
    }
    return { ok: true as const };
  });
}

/** The committee takes up a petition that crossed its threshold. */
export async function startReview(db: Kysely<Database>, args: { actor: Actor; petition: PetitionRef; now: Date; requestId?: string }): Promise<CommandResult> {
  return db.transaction().execute(async (trx) => {
    const moved = await transitionPetition(trx, args.petition, 'under_review', { actor: args.actor }, args.now, { requestId: args.requestId });
    if (!moved.ok) return fail('decision', 'petitions.errors.review_impossible');
    await trx.updateTable('petition_reviews').set({ started_at: args.now.toISOString() }).where('petition_id', '=', args.petition.id).execute();
    return { ok: true as const };
  });
}

/** The committee's decision: accepted (an inspection follows) or rejected, with the sub-committee and the reason. */
export async function decideReview(
  db: Kysely<Database>,
  args: { actor: Actor; petition: PetitionRef; decision: 'accepted' | 'rejected'; reason: string; subCommitteeId: number | null; now: Date; requestId?: string },
): Promise<CommandResult> {
  const e = checkText('reason', args.reason, REASON_MAX, 'petitions.errors.what_reason');
  if (e) return { ok: false, errors: [e] };
  if (args.petition.state !== 'under_review') return fail('decision', 'petitions.errors.not_under_review');
  return db.transaction().execute(async (trx) => {
    const moved = await transitionPetition(trx, args.petition, args.decision, { actor: args.actor }, args.now, { reason: args.reason, requestId: args.requestId });
    if (!moved.ok) return fail('decision', 'petitions.errors.decided_first');
    await trx
      .updateTable('petition_reviews')
      .set({ decided_at: args.now.toISOString(), decision: args.decision, reason: args.reason.trim(), sub_committee_id: args.subCommitteeId, decided_by: args.actor.id })
      .where('petition_id', '=', args.petition.id)
      .execute();
    return { ok: true as const };
  });
}

export interface ResultInput {
  title: string;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  tested: string;
  findings: string;
  measures: string[];
}

/** The ministry publishes what it inspected, what it found and the measures taken, with its files. */
export async function publishResult(
  db: Kysely<Database>,
  args: { actor: Actor; petition: PetitionRef; result: ResultInput; files: { filename: string; mimetype: string; data: Buffer }[]; now: Date; requestId?: string },
): Promise<CommandResult> {
  if (args.petition.state !== 'accepted') return fail('findings', 'petitions.errors.not_accepted');
  const errors = [checkText('action_title', args.result.title, TITLE_MAX, 'petitions.errors.what_inspection'), checkText('tested', args.result.tested, BODY_MAX, 'petitions.errors.what_tested'), checkText('findings', args.result.findings, BODY_MAX, 'petitions.errors.what_findings')].filter((x): x is FieldError => x !== null);
  if (errors.length) return { ok: false, errors };
  const r = args.result;
  return db.transaction().execute(async (trx) => {
    const moved = await transitionPetition(trx, args.petition, 'results_published', { actor: args.actor }, args.now, { requestId: args.requestId });
    if (!moved.ok) return fail('findings', 'petitions.errors.published_first');
    await trx
      .insertInto('petition_actions')
      .values({ petition_id: args.petition.id, title: r.title.trim(), planned_start: r.planned_start, planned_end: r.planned_end, actual_label: null, actual_start: r.actual_start, actual_end: r.actual_end, tested: r.tested.trim(), findings: r.findings.trim(), published_at: args.now.toISOString(), source: null })
      .execute();
    let position = 0;
    for (const m of r.measures) await trx.insertInto('petition_measures').values({ petition_id: args.petition.id, position: (position += 1), description: m, date_label: null, source: null }).execute();
    for (const f of args.files) {
      const fileId = await insertFile(trx, { sha256: createHash('sha256').update(f.data).digest('hex'), filename: f.filename, content_type: f.mimetype, size: f.data.length, data: f.data, uploaded_by: args.actor.id, created_at: args.now.toISOString() });
      await trx.insertInto('petition_attachments').values({ petition_id: args.petition.id, file_id: fileId, title: f.filename }).execute();
    }
    return { ok: true as const };
  });
}
