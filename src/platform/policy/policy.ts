// Who may do what. Every mutating route asks this module and nothing else; tests walk the
// whole matrix of roles against actions.
import type { Actor } from '../auth/roles.ts';
import { msg, type Msg } from '../i18n/message.ts';

/** What a commitment exposes to the policy: the organizations that carry it. */
export interface CommitmentOwnership {
  lead_organization_id: number;
  lead_division_id: number | null;
}

/** What a proposal exposes to the policy: its author and the organization it was routed to. */
export interface ProposalOwnership {
  author_id: number | null;
  organization_id: number | null;
  organization_parent_id: number | null;
}

/**
 * Who keeps a body's records (its meetings, its surveys): the organization that runs it (and its
 * parent), or nobody (null) for the bodies civil society leads, the forum and its working groups.
 * A survey owned by an organization directly has that organization here.
 */
export interface BodyStewardship {
  organization_id: number | null;
  organization_parent_id: number | null;
}

export type Decision = { allowed: true } | { allowed: false; reason: 'sign_in' | 'forbidden'; detail: Msg };

/** Who publishes a data set: an organization (and its parent, whose officers act for it), or the platform itself (null). */
export interface DataOwnership {
  organization_id: number | null;
  parent_organization_id: number | null;
}

function ownsData(actor: Actor, d: DataOwnership): boolean {
  if (actor.role !== 'officer' || actor.organization_id === null || d.organization_id === null) return false;
  return actor.organization_id === d.organization_id || actor.organization_id === d.parent_organization_id;
}

const allow: Decision = { allowed: true };
const signIn: Decision = { allowed: false, reason: 'sign_in', detail: msg('error.policy.sign_in') };

function officerOrAdmin(actor: Actor | null, detail: Msg): Decision {
  if (!actor) return signIn;
  if (actor.role === 'admin' || (actor.role === 'officer' && actor.organization_id !== null)) return allow;
  return { allowed: false, reason: 'forbidden', detail };
}

function stewards(actor: Actor | null, b: BodyStewardship, what: Msg): Decision {
  if (!actor) return signIn;
  if (actor.role === 'admin') return allow;
  if (b.organization_id === null) {
    if (actor.role === 'forum_member') return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.civil_body', { what }) };
  }
  if (actor.role === 'officer' && actor.organization_id !== null && (actor.organization_id === b.organization_id || actor.organization_id === b.organization_parent_id)) return allow;
  return { allowed: false, reason: 'forbidden', detail: msg('error.policy.steward', { what }) };
}

export const policy = {
  /** Posting progress, evidence and level changes on a commitment. */
  updateCommitment(actor: Actor | null, c: CommitmentOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (actor.role === 'officer' && actor.organization_id !== null) {
      if (actor.organization_id === c.lead_organization_id || actor.organization_id === c.lead_division_id) return allow;
      return { allowed: false, reason: 'forbidden', detail: msg('error.policy.update_commitment') };
    }
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.update_commitments') };
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
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.channel') };
  },

  /** Committee review: members of the channel's committee, admins. */
  reviewForCommittee(actor: Actor | null, committeeId: number | null, memberOf: readonly number[]): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (committeeId !== null && memberOf.includes(committeeId)) return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.committee') };
  },

  /** Opening a call for proposals, routing, moderating and carrying proposals to maturation: the OGP point of contact. */
  runCoCreation(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.admin') };
  },

  /** Submitting a proposal: citizens and forum members (and administrators). Officers answer proposals; they do not submit them. */
  submitProposal(actor: Actor | null): Decision {
    if (!actor) return signIn;
    if (actor.role === 'citizen' || actor.role === 'forum_member' || actor.role === 'admin') return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.proposers') };
  },

  /** Editing a proposal: only its author. Whether it is still editable is the command's answer, not the policy's. */
  editProposal(actor: Actor | null, p: ProposalOwnership): Decision {
    if (!actor) return signIn;
    if (p.author_id !== null && actor.id === p.author_id) return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.author') };
  },

  /** Commenting on and supporting a proposal: anyone signed in. */
  participate(actor: Actor | null): Decision {
    return actor ? allow : signIn;
  },

  /** Answering a proposal: officers of the organization it was routed to (or of its parent), and administrators. */
  respondToProposal(actor: Actor | null, p: ProposalOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (actor.role === 'officer' && actor.organization_id !== null && p.organization_id !== null) {
      if (actor.organization_id === p.organization_id || actor.organization_id === p.organization_parent_id) return allow;
      return { allowed: false, reason: 'forbidden', detail: msg('error.policy.answer_proposal') };
    }
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.answer_proposals') };
  },

  /** Uploading a searchable table to a data set; organization_id null is the platform's own data. */
  manageDataset(actor: Actor | null, d: DataOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (ownsData(actor, d)) return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.dataset') };
  },

  /** Anyone signed in may report an error in published data. */
  reportDataError(actor: Actor | null): Decision {
    return actor ? allow : signIn;
  },

  /** Answering a data error report: the organization it is routed to, or an administrator. */
  handleErrorReport(actor: Actor | null, r: DataOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (ownsData(actor, r)) return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.error_report') };
  },

  /** Asking for data, and supporting another person's request: anyone signed in. */
  requestData(actor: Actor | null): Decision {
    return actor ? allow : signIn;
  },

  /** Answering a data request: the organization asked, or an administrator (who also answers requests addressed to nobody). */
  answerDataRequest(actor: Actor | null, r: DataOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (ownsData(actor, r)) return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.data_request') };
  },

  /** Recording the IRM's assessments and its commitment ids: staff (administrators), who transcribe the IRM's published reports. */
  recordIrmAssessment(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.irm') };
  },

  /**
   * Publishing a document to the OGP repository: for the plan as a whole, the OGP point of contact
   * (admin); for a commitment, whoever may update it.
   */
  publishToRepository(actor: Actor | null, c: CommitmentOwnership | null): Decision {
    if (!actor) return signIn;
    if (c) return policy.updateCommitment(actor, c);
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.plan_documents') };
  },

  /** Creating a plan's report, opening it for public comment and finalising it: the OGP point of contact. */
  runReport(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.reports') };
  },

  /** Answering a public comment on a report: government staff (officers and administrators). */
  respondToReportComment(actor: Actor | null): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin' || actor.role === 'officer') return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.report_comments') };
  },

  /** Selecting data requests as priority data in a demand round: the organization running the round, or an administrator. */
  runDemandRound(actor: Actor | null, r: DataOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (ownsData(actor, r)) return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.round') };
  },

  /** Opening the form to register a policy task: officers of an organization and administrators. */
  registerPolicyTask(actor: Actor | null): Decision {
    return officerOrAdmin(actor, msg('error.policy.register_tasks'));
  },

  /** Opening the form to create a data set: officers of an organization and administrators (the publisher is checked with manageDataset). */
  publishDataset(actor: Actor | null): Decision {
    return officerOrAdmin(actor, msg('error.policy.publish_datasets'));
  },

  /** Registering a task for an organization and deciding applications about its tasks: that organization's officers (or its parent's), administrators. */
  managePolicyTask(actor: Actor | null, t: DataOwnership): Decision {
    if (!actor) return signIn;
    if (actor.role === 'admin') return allow;
    if (ownsData(actor, t)) return allow;
    return { allowed: false, reason: 'forbidden', detail: msg('error.policy.policy_task') };
  },

  /** Applying to have a policy task designated for real-name disclosure: anyone signed in. */
  applyForDisclosure(actor: Actor | null): Decision {
    return actor ? allow : signIn;
  },

  /** Recording a body's meetings (attendance, minutes, decisions, progress presented): see BodyStewardship. */
  recordMeeting(actor: Actor | null, b: BodyStewardship): Decision {
    return stewards(actor, b, msg('error.policy.what_meetings'));
  },

  /** Creating, editing, opening and closing a survey, and reading its free-text answers: the stewards of its owner. */
  manageSurvey(actor: Actor | null, owner: BodyStewardship): Decision {
    return stewards(actor, owner, msg('error.policy.what_surveys'));
  },

  /** Creating a survey: anyone who may run the surveys of at least one body or organization (the form offers only those). */
  createSurvey(actor: Actor | null, owners: number): Decision {
    if (!actor) return signIn;
    return owners > 0 ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.create_surveys') };
  },

  /** Answering a survey: anyone signed in, once. */
  answerSurvey(actor: Actor | null): Decision {
    return actor ? allow : signIn;
  },

  /** Importing a whole plan from OGP data: the OGP point of contact. */
  importPlan(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.import') };
  },

  /** Starting the next plan's co-creation from a completed cycle: the OGP point of contact. */
  startNextPlan(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.next_plan') };
  },

  /** The reasoned decision on a starting point of co-creation: the multi-stakeholder forum (its members) and administrators. */
  decideStartingPoint(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' || actor.role === 'forum_member' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.starting_point') };
  },

  /** Following, the inbox and its settings: an account, or a confirmed e-mail identity (no account needed). */
  followAndRead(actor: Actor | null, identityId: number | null): Decision {
    return actor || identityId !== null ? allow : signIn;
  },

  readAuditTrail(actor: Actor | null): Decision {
    if (!actor) return signIn;
    return actor.role === 'admin' ? allow : { allowed: false, reason: 'forbidden', detail: msg('error.policy.audit') };
  },
};
