// Supports, comments and moderation. Moderation hides with a published reason; nothing is deleted.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { insertComment, insertSupport, setCommentHidden, setHidden } from '../proposals.repository.ts';

export const MAX_COMMENT = 4000;
export const MAX_MODERATION_REASON = 2000;

export async function supportProposal(db: Kysely<Database>, args: { actor: Actor; proposal: { id: number; title: string }; now: Date; requestId: string }) {
  return db.transaction().execute(async (trx) => {
    const added = await insertSupport(trx, args.proposal.id, args.actor.id, args.now);
    if (!added) return { ok: false, reason: 'already_supported' } as const;
    await recordAudit(trx, { actor: args.actor, at: args.now, requestId: args.requestId, public: false, action: 'proposal.supported', entityType: 'proposal', entityId: args.proposal.id, entityLabel: args.proposal.title });
    return { ok: true } as const;
  });
}

export function validateComment(body: string): { ok: true; value: string } | { ok: false; errors: FieldError[] } {
  const text = body.trim();
  if (!text) return { ok: false, errors: [fieldError('comment', 'proposals.errors.comment_empty')] };
  if (text.length > MAX_COMMENT) return { ok: false, errors: [fieldError('comment', 'proposals.errors.comment_long', { max: MAX_COMMENT })] };
  return { ok: true, value: text };
}

export async function addComment(db: Kysely<Database>, args: { actor: Actor; proposal: { id: number; title: string }; body: string; now: Date; requestId: string }) {
  return db.transaction().execute(async (trx) => {
    const id = await insertComment(trx, { proposal_id: args.proposal.id, author_id: args.actor.id, author_label: args.actor.name, body: args.body, created_at: args.now.toISOString() });
    await recordAudit(trx, { actor: args.actor, at: args.now, requestId: args.requestId, public: true, action: 'proposal.commented', entityType: 'proposal', entityId: args.proposal.id, entityLabel: args.proposal.title, after: { comment_id: id, body: args.body } });
    return { ok: true, id } as const;
  });
}

export interface ModerationInput {
  action: string;
  reason: string;
  comment: string;
}

export function validateModeration(input: ModerationInput): { ok: true; value: { hide: boolean; reason: string; commentId: number | null } } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (input.action !== 'hide' && input.action !== 'restore') errors.push(fieldError('action', 'proposals.errors.hide_or_restore'));
  const reason = input.reason.trim();
  if (!reason) errors.push(fieldError('reason', 'proposals.errors.moderation_reason'));
  if (reason.length > MAX_MODERATION_REASON) errors.push(fieldError('reason', 'proposals.errors.moderation_reason_long', { max: MAX_MODERATION_REASON }));
  let commentId: number | null = null;
  if (input.comment.trim()) {
    const n = Number(input.comment.trim());
    if (!Number.isInteger(n) || n < 1) errors.push(fieldError('comment', 'proposals.errors.not_a_comment'));
    else commentId = n;
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { hide: input.action === 'hide', reason, commentId } };
}

export async function moderate(
  db: Kysely<Database>,
  args: { actor: Actor; proposal: { id: number; title: string }; hide: boolean; reason: string; commentId: number | null; now: Date; requestId: string },
) {
  const at = args.now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (args.commentId !== null) await setCommentHidden(trx, args.commentId, args.hide ? { at, reason: args.reason } : null);
    else await setHidden(trx, args.proposal.id, args.hide ? { at, reason: args.reason } : null, args.now);
    await recordAudit(trx, {
      actor: args.actor,
      at: args.now,
      requestId: args.requestId,
      public: true,
      action: args.commentId !== null ? (args.hide ? 'proposal.comment_hidden' : 'proposal.comment_restored') : args.hide ? 'proposal.hidden' : 'proposal.restored',
      entityType: 'proposal',
      entityId: args.proposal.id,
      entityLabel: args.proposal.title,
      after: { reason: args.reason, comment_id: args.commentId },
    });
  });
  return { ok: true } as const;
}
