import type { Actor } from '../../platform/auth/roles.ts';
import { forbidden, unauthorized } from '../../platform/http/errors.ts';
import type { Decision } from '../../platform/policy/policy.ts';

/** Turns a policy decision into the actor, or a 401/403 problem. */
export function authorized(actor: Actor | null, decision: Decision): Actor {
  if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
  return actor!;
}
