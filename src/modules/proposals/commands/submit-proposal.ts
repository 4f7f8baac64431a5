// A citizen or forum member submits a proposal to an open call, and edits it until review begins.
// A category that names its organization routes the proposal there in the same transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { applyTransition, EDITABLE } from '../proposal-state.ts';
import { addDays, seoulDay } from '../proposal-rules.ts';
import { insertProposal, updateProposalText, type ProposalRow } from '../proposals.repository.ts';

export const MAX_TITLE = 200;
export const MAX_BODY = 10_000;

export interface ProposalInput {
  title: string;
  body: string;
  category: string;
}

export interface ValidProposal {
  title: string;
  body: string;
  category: { id: number; organization_id: number | null } | null;
}

export function validateProposal(input: ProposalInput, categories: { id: number; organization_id: number | null }[]): { ok: true; value: ValidProposal } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) errors.push(fieldError('title', 'proposals.errors.title'));
  if (title.length > MAX_TITLE) errors.push(fieldError('title', 'error.field.title_too_long', { max: MAX_TITLE }));
  if (!body) errors.push(fieldError('body', 'proposals.errors.body'));
  if (body.length > MAX_BODY) errors.push(fieldError('body', 'error.field.text_too_long', { max: MAX_BODY }));
  let category: ValidProposal['category'] = null;
  if (categories.length > 0) {
    category = categories.find((c) => String(c.id) === input.category.trim()) ?? null;
    if (!category) errors.push(fieldError('category', 'proposals.errors.category'));
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { title, body, category } };
}

export type WindowClosed = { ok: false; reason: 'window_closed' };

export async function submitProposal(
  db: Kysely<Database>,
  args: { actor: Actor; call: { id: number; title: string }; proposal: ValidProposal; responseDays: number; locale: string; now: Date; requestId: string },
): Promise<{ ok: true; id: number }> {
  const { actor, proposal, now } = args;
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertProposal(trx, {
      call_id: args.call.id,
      category_id: proposal.category?.id ?? null,
      channel: 'call',
      title: proposal.title,
      body: proposal.body,
      author_id: actor.id,
      author_locale: args.locale,
      author_label: actor.name,
      state: 'submitted',
      organization_id: null,
      organization_text: null,
      response_due_on: addDays(seoulDay(now), args.responseDays),
      submitted_at: now.toISOString(),
      source_notes: '[]',
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      at: now,
      requestId: args.requestId,
      public: true,
      action: 'proposal.submitted',
      entityType: 'proposal',
      entityId: id,
      entityLabel: proposal.title,
      after: { call: args.call.title, title: proposal.title, body: proposal.body, category_id: proposal.category?.id ?? null },
    });
    const orgId = proposal.category?.organization_id ?? null;
    if (orgId !== null) {
      await applyTransition(trx, {
        proposal: { id, state: 'submitted', title: proposal.title },
        name: 'route',
        actor: null,
        now,
        requestId: args.requestId,
        patch: { organization_id: orgId },
        detail: { organization_id: orgId, by: 'category' },
      });
    }
    return id;
  });
  return { ok: true, id };
}

export async function editProposal(
  db: Kysely<Database>,
  args: { actor: Actor; proposal: ProposalRow; value: ValidProposal; locale: string; now: Date; requestId: string },
): Promise<{ ok: true } | { ok: false; reason: 'not_editable' }> {
  const { proposal, value, now } = args;
  return db.transaction().execute(async (trx) => {
    const changed = await updateProposalText(trx, proposal.id, { title: value.title, body: value.body, category_id: value.category?.id ?? proposal.category_id, author_locale: args.locale }, EDITABLE, now);
    if (!changed) return { ok: false, reason: 'not_editable' } as const;
    await recordAudit(trx, {
      actor: args.actor,
      at: now,
      requestId: args.requestId,
      public: true,
      action: 'proposal.edited',
      entityType: 'proposal',
      entityId: proposal.id,
      entityLabel: value.title,
      before: { title: proposal.title, body: proposal.body },
      after: { title: value.title, body: value.body },
    });
    return { ok: true } as const;
  });
}
