// Who may do what. Every mutating route asks this module and nothing else; tests walk the
// whole matrix of roles against actions.
import type { Actor } from '../auth/roles.ts';

/** What a commitment exposes to the policy: the organizations that carry it. */
export interface CommitmentOwnership {
  lead_organization_id: number;
  lead_division_id: number | null;
}

export type Decision = { allowed: true } | { allowed: false; reason: 'sign_in' | 'forbidden'; detail: string };

const allow: Decision = { allowed: true };
const signIn: Decision = { allowed: false, reason: 'sign_in', detail: 'Sign in to do this.' };

export const policy = {
  /** Posting progress, evidence and level changes on a commitment. */
  updateCommitment(actor: Actor | null, c: CommitmentOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (actor.role === 'officer' && actor.organization_id !== null) {
      if (actor.organization_id === c.lead_organization_id || actor.organization_id === c.lead_division_id) return allow;
      return { allowed: false, reason: 'forbidden', detail: 'Only officers of the organization that leads this commitment, or an administrator, may update it.' };
    }
    return { allowed: false, reason: 'forbidden', detail: 'Only officers of the lead organization and administrators may update commitments.' };
  },

  /** Anyone signed in may start a petition; it is published only after moderation. */
  submitPetition(actor: Actor | null): Decision {
    return actor ? allow : signIn;
  },

  /** Moderating petitions and publishing their results: officers of the channel's organization, admins. */
  actForChannelOwner(actor: Actor | null, channel: { organization_id: number }): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (actor.role === 'officer' && actor.organization_id === channel.organization_id) return allow;
    return { allowed: false, reason: 'forbidden', detail: 'Only officers of the organization that runs this channel, or an administrator, may do this.' };
  },

  /** Committee review: members of the channel's committee, admins. */
  reviewForCommittee(actor: Actor | null, committeeId: number | null, memberOf: readonly number[]): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (committeeId !== null && memberOf.includes(committeeId)) return allow;
    return { allowed: false, reason: 'forbidden', detail: 'Only members of the reviewing committee, or an administrator, may do this.' };
  },

  readAuditTrail(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: 'Only administrators may read the full audit trail.' };
  },
};
