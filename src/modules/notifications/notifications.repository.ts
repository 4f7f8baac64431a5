// Every query of the notifications module: followed subjects, the people who follow, the inbox,
// and the digests.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { HIDDEN } from '../petitions/petition-state.ts';
import type { NotificationsTable } from './notifications.table.ts';
import { DIGEST_FREQUENCIES, type EntityFacts, type FollowKind, type SubjectRef } from './notify-rules.ts';

type Db = Kysely<Database>;

export interface Subject {
  type: FollowKind;
  id: number;
  label: string;
  link: string;
}

/** A followable record with its title and page, or null when there is none (or it is not public). */
export async function findSubject(db: Db, type: FollowKind, id: number): Promise<Subject | null> {
  const s = (label: string, link: string): Subject => ({ type, id, label, link });
  switch (type) {
    case 'commitment': {
      const r = await db.selectFrom('commitments').innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id').select(['commitments.code', 'commitments.title', 'action_plans.slug']).where('commitments.id', '=', id).executeTakeFirst();
      return r ? s(`${r.code}. ${r.title}`, `/plans/${r.slug}/commitments/${encodeURIComponent(r.code)}`) : null;
    }
    case 'petition': {
      const r = await db.selectFrom('petitions').select(['title', 'state']).where('id', '=', id).executeTakeFirst();
      return r && !HIDDEN.has(r.state) ? s(r.title, `/petitions/${id}`) : null;
    }
    case 'proposal': {
      const r = await db.selectFrom('proposals').select(['title', 'hidden_at']).where('id', '=', id).executeTakeFirst();
      return r && !r.hidden_at ? s(r.title, `/proposals/${id}`) : null;
    }
    case 'dataset': {
      const r = await db.selectFrom('od_datasets').select(['slug', 'title']).where('id', '=', id).executeTakeFirst();
      return r ? s(r.title, `/open-data/datasets/${encodeURIComponent(r.slug)}`) : null;
    }
    case 'organization': {
      const r = await db.selectFrom('organizations').select(['key', 'name']).where('id', '=', id).executeTakeFirst();
      return r ? s(r.name, `/organizations/${encodeURIComponent(r.key)}`) : null;
    }
    case 'body': {
      const r = await db.selectFrom('bodies').select(['key', 'name']).where('id', '=', id).executeTakeFirst();
      return r ? s(r.name, `/bodies/${encodeURIComponent(r.key)}`) : null;
    }
  }
}

/** The records an audited entity belongs to, for subjectsOf. */
export async function entityFacts(db: Db, entityType: string, entityId: string): Promise<EntityFacts> {
  if (!/^\d+$/.test(entityId)) return {};
  const id = Number(entityId);
  switch (entityType) {
    case 'commitment': {
      const c = await db.selectFrom('commitments').select('lead_organization_id').where('id', '=', id).executeTakeFirst();
      return { organizationIds: c ? [c.lead_organization_id] : [] };
    }
    case 'milestone': {
      const m = await db.selectFrom('milestones').innerJoin('commitments', 'commitments.id', 'milestones.commitment_id').select(['commitments.id', 'commitments.lead_organization_id']).where('milestones.id', '=', id).executeTakeFirst();
      return m ? { commitmentIds: [m.id], organizationIds: [m.lead_organization_id] } : {};
    }
    case 'irm_commitment': {
      const rows = await db.selectFrom('irm_commitment_links').innerJoin('commitments', 'commitments.id', 'irm_commitment_links.commitment_id').select(['commitments.id', 'commitments.lead_organization_id']).where('irm_commitment_links.irm_commitment_id', '=', id).execute();
      return { commitmentIds: rows.map((r) => r.id), organizationIds: rows.map((r) => r.lead_organization_id) };
    }
    case 'petition': {
      const p = await db.selectFrom('petitions').innerJoin('channels', 'channels.id', 'petitions.channel_id').select('channels.organization_id').where('petitions.id', '=', id).executeTakeFirst();
      return { organizationIds: p ? [p.organization_id] : [] };
    }
    case 'proposal': {
      const p = await db.selectFrom('proposals').select('organization_id').where('id', '=', id).executeTakeFirst();
      return { organizationIds: p ? [p.organization_id] : [] };
    }
    case 'dataset': {
      const d = await db.selectFrom('od_datasets').select('organization_id').where('id', '=', id).executeTakeFirst();
      return { organizationIds: d ? [d.organization_id] : [] };
    }
    case 'error_report': {
      const r = await db.selectFrom('od_error_reports').innerJoin('od_datasets', 'od_datasets.id', 'od_error_reports.dataset_id').select(['od_datasets.id', 'od_datasets.organization_id']).where('od_error_reports.id', '=', id).executeTakeFirst();
      return r ? { datasetId: r.id, organizationIds: [r.organization_id] } : {};
    }
    case 'meeting': {
      const m = await db.selectFrom('meetings').select('body_id').where('id', '=', id).executeTakeFirst();
      return m ? { bodyId: m.body_id } : {};
    }
    default:
      return {};
  }
}

export type Who = { userId: number } | { identityId: number };

export async function findRecipient(db: Db, who: Who) {
  const q = db.selectFrom('notify_recipients').selectAll();
  return ('userId' in who ? q.where('user_id', '=', who.userId) : q.where('identity_id', '=', who.identityId)).executeTakeFirst();
}

/** The person's recipient row, made on their first follow with the language they use. */
export async function ensureRecipient(db: Db, who: Who, locale: string, now: Date): Promise<number> {
  const at = now.toISOString();
  await db
    .insertInto('notify_recipients')
    .values({ user_id: 'userId' in who ? who.userId : null, identity_id: 'identityId' in who ? who.identityId : null, locale, frequency: 'immediate', last_digest_at: at, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('userId' in who ? 'user_id' : 'identity_id').doNothing())
    .execute();
  return (await findRecipient(db, who))!.id;
}

export async function findRecipientById(db: Db, id: number) {
  return db.selectFrom('notify_recipients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRecipient(db: Db, id: number, v: { frequency: string; locale: string }, now: Date) {
  // A digest chosen now comes a period from now, not at once because the last one (or the first follow) is long past.
  await db
    .updateTable('notify_recipients')
    .set((eb) => ({ ...v, updated_at: now.toISOString(), last_digest_at: eb.case().when('frequency', '=', v.frequency).then(eb.ref('last_digest_at')).else(now.toISOString()).end() }))
    .where('id', '=', id)
    .execute();
  // Mail no longer wanted is not sent later in a digest. News waiting for a digest when the person
  // switches to mail at once stays pending: the next worker pass mails it in one digest (digestDue).
  if (v.frequency === 'off') await db.updateTable('notifications').set({ mail_state: 'none' }).where('recipient_id', '=', id).where('mail_state', '=', 'pending').execute();
}

/** Follows a subject; an existing follow is confirmed (or left as it is). Returns the follow's id. */
export async function addFollow(db: Db, recipientId: number, s: SubjectRef, now: Date, pending: { nonceHash: string } | null): Promise<number> {
  const at = now.toISOString();
  await db
    .insertInto('follows')
    .values({ recipient_id: recipientId, subject_type: s.type, subject_id: s.id, created_at: at, confirmed_at: pending ? null : at, confirm_nonce_hash: pending?.nonceHash ?? null })
    .onConflict((oc) => (pending ? oc.columns(['recipient_id', 'subject_type', 'subject_id']).doUpdateSet({ confirm_nonce_hash: pending.nonceHash }) : oc.columns(['recipient_id', 'subject_type', 'subject_id']).doUpdateSet({ confirm_nonce_hash: null })))
    .execute();
  if (!pending) await db.updateTable('follows').set({ confirmed_at: at }).where('recipient_id', '=', recipientId).where('subject_type', '=', s.type).where('subject_id', '=', s.id).where('confirmed_at', 'is', null).execute();
  const row = await db.selectFrom('follows').select('id').where('recipient_id', '=', recipientId).where('subject_type', '=', s.type).where('subject_id', '=', s.id).executeTakeFirstOrThrow();
  return row.id;
}

/** Confirms the pending follow whose link the identity has just confirmed; returns it, or null. */
export async function confirmFollow(db: Db, nonceHash: string, identityId: number, now: Date) {
  const f = await db
    .selectFrom('follows')
    .innerJoin('notify_recipients', 'notify_recipients.id', 'follows.recipient_id')
    .select(['follows.id', 'follows.subject_type', 'follows.subject_id'])
    .where('follows.confirm_nonce_hash', '=', nonceHash)
    .where('notify_recipients.identity_id', '=', identityId)
    .executeTakeFirst();
  if (!f) return null;
  await db.updateTable('follows').set({ confirmed_at: now.toISOString(), confirm_nonce_hash: null }).where('id', '=', f.id).execute();
  return f;
}

export async function removeFollow(db: Db, recipientId: number, s: SubjectRef): Promise<boolean> {
  const r = await db.deleteFrom('follows').where('recipient_id', '=', recipientId).where('subject_type', '=', s.type).where('subject_id', '=', s.id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function isFollowing(db: Db, recipientId: number, s: SubjectRef): Promise<boolean> {
  const r = await db.selectFrom('follows').select('id').where('recipient_id', '=', recipientId).where('subject_type', '=', s.type).where('subject_id', '=', s.id).where('confirmed_at', 'is not', null).executeTakeFirst();
  return !!r;
}

export async function listFollows(db: Db, recipientId: number) {
  return db.selectFrom('follows').select(['subject_type', 'subject_id', 'created_at']).where('recipient_id', '=', recipientId).where('confirmed_at', 'is not', null).orderBy('id').execute();
}

/** The confirmed followers of any of these subjects who followed before the event happened. */
export async function followersOf(db: Db, subjects: SubjectRef[], occurredAt: string) {
  if (subjects.length === 0) return [];
  return db
    .selectFrom('follows')
    .innerJoin('notify_recipients', 'notify_recipients.id', 'follows.recipient_id')
    .select(['follows.recipient_id', 'follows.subject_type', 'follows.subject_id', 'notify_recipients.frequency', 'notify_recipients.locale', 'notify_recipients.user_id'])
    .where('follows.confirmed_at', 'is not', null)
    .where('follows.confirmed_at', '<=', occurredAt)
    .where((eb) => eb.or(subjects.map((s) => eb.and([eb('follows.subject_type', '=', s.type), eb('follows.subject_id', '=', s.id)]))))
    .execute();
}

/** A recipient's e-mail address: the account's, or the confirmed identity's. */
export async function recipientAddress(db: Db, recipientId: number): Promise<string | null> {
  const r = await db
    .selectFrom('notify_recipients')
    .leftJoin('users', 'users.id', 'notify_recipients.user_id')
    .leftJoin('identities', 'identities.id', 'notify_recipients.identity_id')
    .select(['users.email', 'users.disabled_at', 'identities.value', 'identities.verified_at'])
    .where('notify_recipients.id', '=', recipientId)
    .executeTakeFirst();
  if (!r) return null;
  if (r.email) return r.disabled_at ? null : r.email;
  return r.verified_at ? r.value : null;
}

export type NewNotification = Omit<NotificationsTable, 'id' | 'created_at' | 'read_at'>;

/** Inserts what is not there yet; returns only the rows this call inserted (the unique constraint decides). */
export async function insertNotifications(db: Db, rows: NewNotification[], now: Date) {
  if (rows.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(rows.map((r) => ({ ...r, created_at: now.toISOString(), read_at: null })))
    .onConflict((oc) => oc.columns(['recipient_id', 'audit_event_id']).doNothing())
    .returning(['id', 'recipient_id'])
    .execute();
}

export async function listInbox(db: Db, recipientId: number, limit: number) {
  return db.selectFrom('notifications').selectAll().where('recipient_id', '=', recipientId).orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, recipientId: number): Promise<number> {
  const r = await db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('recipient_id', '=', recipientId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Marks one notification (or all when id is null) read; returns how many changed. */
export async function markRead(db: Db, recipientId: number, id: number | null, now: Date): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: now.toISOString() }).where('recipient_id', '=', recipientId).where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** People with news waiting for a digest (daily, weekly, or left waiting by a switch to mail at once). */
export async function recipientsWithPendingDigest(db: Db) {
  return db
    .selectFrom('notify_recipients')
    .select(['id', 'frequency', 'locale', 'last_digest_at'])
    .where('frequency', 'in', DIGEST_FREQUENCIES)
    .where((eb) => eb.exists(eb.selectFrom('notifications').select('notifications.id').whereRef('notifications.recipient_id', '=', 'notify_recipients.id').where('notifications.mail_state', '=', 'pending')))
    .execute();
}

/** Takes the digest turn: only one process wins it (the row still carries the stamp it read). */
export async function claimDigest(db: Db, recipientId: number, lastDigestAt: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('notify_recipients').set({ last_digest_at: now.toISOString() }).where('id', '=', recipientId).where('last_digest_at', '=', lastDigestAt).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function pendingForDigest(db: Db, recipientId: number) {
  return db.selectFrom('notifications').selectAll().where('recipient_id', '=', recipientId).where('mail_state', '=', 'pending').orderBy('id').execute();
}

export async function markMailed(db: Db, ids: number[]) {
  if (ids.length) await db.updateTable('notifications').set({ mail_state: 'sent' }).where('id', 'in', ids).execute();
}

/** The person who follows with this confirmed e-mail address and no account, if any. */
export async function recipientByEmail(db: Db, email: string) {
  return db
    .selectFrom('notify_recipients')
    .innerJoin('identities', 'identities.id', 'notify_recipients.identity_id')
    .select(['notify_recipients.id', 'identities.id as identity_id'])
    .where('identities.kind', '=', 'email')
    .where('identities.value', '=', email)
    .where('identities.verified_at', 'is not', null)
    .executeTakeFirst();
}
