// The organization's reasoned response, routing by the point of contact, and carrying a proposal
// not adopted to a maturation working group. Each is one transaction with its audit events.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { isLocale, translator, type Locale } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { applyTransition, DECISION_TRANSITION, isDecision, type Decision } from '../proposal-state.ts';
import { addDays, seoulDay } from '../proposal-rules.ts';
import { findAuthorContact, findOrganizationById, insertNotice, insertResponse, type ProposalRow } from '../proposals.repository.ts';

export const MAX_REASON = 10_000;

export interface ResponseInput {
  decision: string;
  reason: string;
  commitment: string;
  policy: string;
}

export interface ValidResponse {
  decision: Decision;
  reason: string;
  commitmentId: number | null;
  policy: string | null;
}

export function validateResponse(input: ResponseInput, commitments: { id: number }[]): { ok: true; value: ValidResponse } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const reason = input.reason.trim();
  if (!isDecision(input.decision)) errors.push(fieldError('decision', 'proposals.errors.decision'));
  if (!reason) errors.push(fieldError('reason', 'proposals.errors.reason'));
  if (reason.length > MAX_REASON) errors.push(fieldError('reason', 'error.field.reason_too_long', { max: MAX_REASON }));
  let commitmentId: number | null = null;
  if (input.commitment.trim()) {
    const id = Number(input.commitment.trim());
    if (!commitments.some((c) => c.id === id)) errors.push(fieldError('commitment', 'error.field.choose_commitment'));
    else commitmentId = id;
  }
  const adopted = input.decision === 'adopted' || input.decision === 'partially_adopted';
  if (commitmentId !== null && !adopted) errors.push(fieldError('commitment', 'proposals.errors.only_adopted'));
  const policy = input.policy.trim() || null;
  if (policy && policy.length > 2000) errors.push(fieldError('policy', 'proposals.errors.policy_long', { max: 2000 }));
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { decision: input.decision as Decision, reason, commitmentId, policy } };
}

/** Where the answer mail links to, and its language when the author's is not known (imported proposals). */
export interface AnswerMailSettings {
  baseUrl: string;
  defaultLocale: Locale;
}

/** The mail that tells the author their proposal was answered, in the language they wrote it in. */
export function answerMail(args: { locale: Locale; title: string; organization: { name: string; name_ko: string | null } | null; decision: Decision; reason: string; link: string }) {
  const t = translator(args.locale);
  const org = args.organization ? (args.locale === 'ko' ? (args.organization.name_ko ?? args.organization.name) : args.organization.name) : '—';
  const vars = { title: args.title, org, decision: t(`proposals.decision.${args.decision}`), reason: args.reason, link: args.link };
  return { subject: t('proposals.answer_mail.subject', vars), text: t('proposals.answer_mail.body', vars) };
}

export type RespondResult = { ok: true } | { ok: false; reason: 'invalid_transition'; from: string };

export async function respondToProposal(
  db: Kysely<Database>,
  args: { actor: Actor; proposal: ProposalRow; response: ValidResponse; mail: AnswerMailSettings; now: Date; requestId: string },
): Promise<RespondResult> {
  const { actor, proposal, response, now } = args;
  const organizationId = proposal.organization_id ?? actor.organization_id;
  return db.transaction().execute(async (trx) => {
    const moved = await applyTransition(trx, {
      proposal,
      name: DECISION_TRANSITION[response.decision],
      actor,
      now,
      requestId: args.requestId,
      patch: {
        ...(response.commitmentId !== null ? { commitment_id: response.commitmentId } : {}),
        ...(response.policy !== null ? { policy_text: response.policy } : {}),
      },
      detail: { decision: response.decision, reason: response.reason, organization_id: organizationId, commitment_id: response.commitmentId, policy: response.policy },
    });
    if (!moved.ok) return moved;
    await insertResponse(trx, {
      proposal_id: proposal.id,
      decision: response.decision,
      reason: response.reason,
      organization_id: organizationId,
      organization_text: null,
      responder_id: actor.id,
      responded_at: now.toISOString(),
      source: null,
    });
    if (proposal.author_id !== null) {
      await insertNotice(trx, { proposal_id: proposal.id, user_id: proposal.author_id, kind: 'answered', decision: response.decision, created_at: now.toISOString() });
      const author = await findAuthorContact(trx, proposal.author_id);
      if (author) {
        const locale = isLocale(proposal.author_locale) ? proposal.author_locale : args.mail.defaultLocale;
        const organization = organizationId !== null ? ((await findOrganizationById(trx, organizationId)) ?? null) : null;
        const mail = answerMail({ locale, title: proposal.title, organization, decision: response.decision, reason: response.reason, link: `${args.mail.baseUrl}/proposals/${proposal.id}` });
        await enqueueMail(trx, { to: author.email, ...mail }, now);
      }
    }
    return { ok: true } as const;
  });
}

export async function routeProposal(
  db: Kysely<Database>,
  args: { actor: Actor; proposal: ProposalRow; organizationId: number; responseDays: number; now: Date; requestId: string },
): Promise<RespondResult> {
  const { proposal, now } = args;
  return db.transaction().execute(async (trx) =>
    applyTransition(trx, {
      proposal,
      name: 'route',
      actor: args.actor,
      now,
      requestId: args.requestId,
      // The deadline runs from submission; a proposal without one (imported) gets it from routing.
      patch: { organization_id: args.organizationId, response_due_on: proposal.response_due_on ?? addDays(seoulDay(now), args.responseDays) },
      detail: { organization_id: args.organizationId, from_organization_id: proposal.organization_id },
    }),
  );
}

export async function carryToMaturation(
  db: Kysely<Database>,
  args: { actor: Actor; proposal: ProposalRow; body: { id: number; name: string }; now: Date; requestId: string },
): Promise<RespondResult> {
  return db.transaction().execute(async (trx) =>
    applyTransition(trx, {
      proposal: args.proposal,
      name: 'mature',
      actor: args.actor,
      now: args.now,
      requestId: args.requestId,
      patch: { maturation_body_id: args.body.id },
      detail: { maturation_body: args.body.name },
    }),
  );
}
