// Shared steps of the module's handlers: read a form, load a proposal, ask the policy.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { badRequest, forbidden, notFound, unauthorized } from '../../platform/http/errors.ts';
import type { Decision, ProposalOwnership } from '../../platform/policy/policy.ts';
import { findOrganizationById, findProposal, type ProposalRow } from './proposals.repository.ts';
import { msg } from '../../platform/i18n/message.ts';

export function formOf(request: FastifyRequest): Record<string, string> {
  const body = request.body;
  if (!body || typeof body !== 'object') throw badRequest(msg('error.field.form_empty'));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const one = Array.isArray(v) ? v[0] : v;
    if (typeof one === 'string') out[k] = one;
  }
  return out;
}

/** Every value of a repeated field (checkboxes, a multiple select). */
export function fAll(request: FastifyRequest, name: string): string[] {
  const body = request.body as Record<string, unknown> | null;
  const v = body && typeof body === 'object' ? body[name] : undefined;
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

export const f = (form: Record<string, string>, name: string) => form[name] ?? '';

export function enforce(decision: Decision): Actor | void {
  if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
}

export function authorize(request: FastifyRequest, decision: Decision): Actor {
  enforce(decision);
  return request.actor!;
}

export async function loadProposal(db: Kysely<Database>, id: number): Promise<{ p: ProposalRow; owner: ProposalOwnership }> {
  const p = await findProposal(db, id);
  if (!p) throw notFound(msg('proposals.errors.no_proposal', { id }));
  const org = p.organization_id !== null ? await findOrganizationById(db, p.organization_id) : undefined;
  return { p, owner: { author_id: p.author_id, organization_id: p.organization_id, organization_parent_id: org?.parent_id ?? null } };
}
