// What a person is told, as data: which public audit events are worth a notification, which
// followed subjects each concerns, when a digest is due and how it is grouped. No SQL here.
import type { NotificationsTable } from './notifications.table.ts';

/** What a person may follow. */
export const FOLLOW_KINDS = ['commitment', 'petition', 'proposal', 'dataset', 'organization', 'body'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

export function isFollowKind(v: unknown): v is FollowKind {
  return typeof v === 'string' && (FOLLOW_KINDS as readonly string[]).includes(v);
}

export const FREQUENCIES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export function isFrequency(v: unknown): v is Frequency {
  return typeof v === 'string' && (FREQUENCIES as readonly string[]).includes(v);
}

export interface SubjectRef {
  type: FollowKind;
  id: number;
}

/**
 * The audit actions that notify, each with its message (a key under notifications.event). An
 * action not listed here (sign-ins, supports, drafts, imports …) notifies nobody.
 */
export const NOTIFYING_ACTIONS: Record<string, string> = {
  'commitment.progress_posted': 'progress',
  'commitment.level_changed': 'level_changed',
  'milestone.level_changed': 'milestone_level_changed',
  'irm.assessment_recorded': 'irm_assessed',
  'irm.assessment_updated': 'irm_assessed',
  'petition.open': 'petition_open',
  'petition.threshold_reached': 'threshold_reached',
  'petition.under_review': 'under_review',
  'petition.accepted': 'petition_accepted',
  'petition.rejected': 'petition_rejected',
  'petition.closed': 'petition_closed',
  'petition.results_published': 'results_published',
  'proposal.route': 'proposal_routed',
  'proposal.review': 'under_review',
  'proposal.adopt': 'proposal_answered',
  'proposal.partially_adopt': 'proposal_answered',
  'proposal.not_adopt': 'proposal_answered',
  'proposal.mature': 'proposal_matured',
  'proposal.commented': 'commented',
  'dataset.edited': 'dataset_edited',
  'dataset.resource_added': 'resource_added',
  'table.uploaded': 'table_uploaded',
  'error_report.accepted': 'error_report',
  'error_report.resolved': 'error_report',
  'error_report.declined': 'error_report',
  'meeting.recorded': 'meeting_recorded',
  'meeting.progress_recorded': 'meeting_progress',
};

export interface AuditEventLike {
  id: number;
  action: string;
  entity_type: string;
  entity_id: string;
  public: number;
}

/** The message of an event, or null when it notifies nobody (not public, or not a meaningful change). */
export function messageFor(e: AuditEventLike): string | null {
  if (e.public !== 1) return null;
  return NOTIFYING_ACTIONS[e.action] ?? null;
}

/** What the database knows about an event's entity: the records it belongs to. */
export interface EntityFacts {
  commitmentIds?: number[];
  organizationIds?: (number | null)[];
  datasetId?: number | null;
  bodyId?: number | null;
}

const SELF: Record<string, FollowKind> = { commitment: 'commitment', petition: 'petition', proposal: 'proposal', dataset: 'dataset', organization: 'organization', body: 'body' };

/**
 * The followed subjects an event concerns, most specific first: the entity itself when it can be
 * followed, then what it belongs to (a milestone's commitment, a commitment's organization, an
 * error report's data set, a meeting's body …). No subject appears twice.
 */
export function subjectsOf(entityType: string, entityId: string, facts: EntityFacts): SubjectRef[] {
  const out: SubjectRef[] = [];
  const add = (type: FollowKind, id: number | null | undefined) => {
    if (id === null || id === undefined || !Number.isInteger(id)) return;
    if (!out.some((s) => s.type === type && s.id === id)) out.push({ type, id });
  };
  const self = SELF[entityType];
  if (self && /^\d+$/.test(entityId)) add(self, Number(entityId));
  for (const c of facts.commitmentIds ?? []) add('commitment', c);
  add('dataset', facts.datasetId);
  add('body', facts.bodyId);
  for (const o of facts.organizationIds ?? []) add('organization', o);
  return out;
}

/** Picks, for each person, the most specific subject they follow among those an event concerns. */
export function onePerRecipient<F extends { recipient_id: number; subject_type: string; subject_id: number }>(subjects: SubjectRef[], follows: F[]): F[] {
  const rank = (f: F) => subjects.findIndex((s) => s.type === f.subject_type && s.id === f.subject_id);
  const best = new Map<number, F>();
  for (const f of follows) {
    const r = rank(f);
    if (r < 0) continue;
    const cur = best.get(f.recipient_id);
    if (!cur || r < rank(cur)) best.set(f.recipient_id, f);
  }
  return [...best.values()].sort((a, b) => a.recipient_id - b.recipient_id);
}

/** What a new notification does about mail, by the person's choice. */
export function mailStateFor(frequency: string): 'sent' | 'pending' | 'none' {
  return frequency === 'immediate' ? 'sent' : frequency === 'daily' || frequency === 'weekly' ? 'pending' : 'none';
}

/**
 * How long news waits for its digest, by the person's choice. News still waiting when the person
 * switches from a digest to mail at once waits no longer: it goes in one digest at the next pass
 * (a person who chooses "at once" expects the news now, and one mail rather than a burst). With no
 * mail ('off') nothing waits: the switch drops it (see updateRecipient).
 */
const DIGEST_PERIOD_MS: Record<string, number> = { immediate: 0, daily: 86_400_000, weekly: 7 * 86_400_000 };

/** The choices under which pending news is mailed in a digest. */
export const DIGEST_FREQUENCIES = Object.keys(DIGEST_PERIOD_MS);

/** A digest is due once its period has passed since the last one (or since the person chose it); at once for news left waiting by a switch to mail at once. */
export function digestDue(frequency: string, lastDigestAt: string, now: Date): boolean {
  const period = DIGEST_PERIOD_MS[frequency];
  if (period === undefined) return false;
  return now.getTime() - Date.parse(lastDigestAt) >= period;
}

/** Which digest a mail is: the daily or weekly one, or the news that waited when the person switched to mail at once. */
export function digestKind(frequency: string): 'daily' | 'weekly' | 'waiting' {
  return frequency === 'weekly' ? 'weekly' : frequency === 'immediate' ? 'waiting' : 'daily';
}

/** What a digest needs of a notification. */
export type DigestItem = Pick<NotificationsTable, 'subject_type' | 'subject_id' | 'subject_label' | 'link' | 'message' | 'detail' | 'occurred_at'>;

export interface DigestGroup<I extends DigestItem> {
  subject_type: string;
  subject_id: number;
  subject_label: string;
  link: string;
  items: I[];
}

/** A digest reads by subject: each subject once, in the order of its first news, its news oldest first. */
export function groupDigest<I extends DigestItem>(items: I[]): DigestGroup<I>[] {
  const sorted = [...items].sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
  const groups = new Map<string, DigestGroup<I>>();
  for (const i of sorted) {
    const key = `${i.subject_type}:${i.subject_id}`;
    let g = groups.get(key);
    if (!g) {
      g = { subject_type: i.subject_type, subject_id: i.subject_id, subject_label: i.subject_label, link: i.link, items: [] };
      groups.set(key, g);
    }
    g.items.push(i);
  }
  return [...groups.values()];
}
