// Turns the audit log into notifications. The platform's audit follower hands over each committed
// event once (late commits included); each meaningful public event is mapped to the followed subjects it concerns and written once per
// follower, in one transaction with the mail it causes. Running twice, or in two processes, writes
// nothing twice: the (recipient, audit event) unique constraint decides, and only the rows a run
// actually inserted cause mail.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { translator, isLocale, type T } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { DEFAULT_FOLLOWER_LIMITS, followAudit, type FollowedEvent } from '../../../platform/audit/audit-follower.ts';
import { entityFacts, findSubject, followersOf, insertNotifications, recipientAddress, type NewNotification, type Subject } from '../notifications.repository.ts';
import { mailLinks, notificationMail } from '../notify-mail.ts';
import { isFollowKind, mailStateFor, messageFor, onePerRecipient, subjectsOf } from '../notify-rules.ts';
import type { UnsubscribeTokens } from '../unsubscribe-token.ts';

export interface FanOutOptions {
  baseUrl: string;
  tokens: UnsubscribeTokens;
  /** How long an audit id skipped by the cursor is looked for again (see platform/audit/audit-follower.ts). */
  gapExpiryMs: number;
  batch?: number;
}

/** The audit follower's name for this worker (its row in audit_followers). */
export const FOLLOWER = 'notifications';

/** What the event says beyond its message, in the reader's language. */
export function describeEvent(t: T, e: { action: string; entity_type: string; entity_label: string | null; after_json: string | null }, followed: { type: string; id: number }, entityId: string): string | null {
  let after: Record<string, unknown> = {};
  try {
    after = e.after_json ? (JSON.parse(e.after_json) as Record<string, unknown>) : {};
  } catch {
    after = {};
  }
  const parts: string[] = [];
  // Followed through what it belongs to: say which record moved.
  if (!(followed.type === e.entity_type && String(followed.id) === entityId) && e.entity_label) parts.push(e.entity_label);
  if (e.action === 'petition.threshold_reached' && typeof after.signature_count === 'number') {
    parts.push(t('notifications.detail.signatures', { count: after.signature_count, threshold: after.threshold }));
  }
  if (typeof after.level === 'string') parts.push(t(`level.${after.level}`));
  if (typeof after.reason === 'string') parts.push(after.reason);
  return parts.length ? parts.join(' · ') : null;
}

async function notifyEvent(db: Kysely<Database>, e: FollowedEvent, message: string, now: Date, o: FanOutOptions): Promise<{ notifications: number; mails: number }> {
  const subjects = subjectsOf(e.entity_type, e.entity_id, await entityFacts(db, e.entity_type, e.entity_id));
  if (subjects.length === 0) return { notifications: 0, mails: 0 };
  return db.transaction().execute(async (trx) => {
    // Nobody is told of what they did themselves.
    const follows = onePerRecipient(subjects, await followersOf(trx, subjects, e.occurred_at)).filter((f) => f.user_id === null || f.user_id !== e.actor_id);
    if (follows.length === 0) return { notifications: 0, mails: 0 };
    const found = new Map<string, Subject | null>();
    const rows: (NewNotification & { locale: string })[] = [];
    for (const f of follows) {
      const key = `${f.subject_type}:${f.subject_id}`;
      if (!found.has(key)) found.set(key, isFollowKind(f.subject_type) ? await findSubject(trx, f.subject_type, f.subject_id) : null);
      const s = found.get(key);
      if (!s) continue;
      const locale = isLocale(f.locale) ? f.locale : 'ko';
      rows.push({
        recipient_id: f.recipient_id,
        audit_event_id: e.id,
        subject_type: s.type,
        subject_id: s.id,
        subject_label: s.label,
        link: s.link,
        message,
        detail: describeEvent(translator(locale), e, s, e.entity_id),
        occurred_at: e.occurred_at,
        mail_state: mailStateFor(f.frequency),
        locale,
      });
    }
    const inserted = await insertNotifications(
      trx,
      rows.map(({ locale: _l, ...r }) => r),
      now,
    );
    let mails = 0;
    for (const ins of inserted) {
      const row = rows.find((r) => r.recipient_id === ins.recipient_id)!;
      if (row.mail_state !== 'sent') continue;
      const to = await recipientAddress(trx, row.recipient_id);
      if (!to) continue;
      await enqueueMail(trx, notificationMail(translator(row.locale as 'ko' | 'en'), to, row, mailLinks(o, row.recipient_id, row.locale, now)), now);
      mails += 1;
    }
    return { notifications: inserted.length, mails };
  });
}

/**
 * Notifies what happened since the last run. The audit follower hands over every committed event
 * once, those committed late (below the cursor, on PostgreSQL) included; an event handed over again
 * (a crash, two processes) notifies nobody twice, by the unique constraint.
 */
export async function fanOut(db: Kysely<Database>, now: Date, o: FanOutOptions): Promise<{ events: number; late: number; notifications: number; mails: number }> {
  const total = { notifications: 0, mails: 0 };
  const r = await followAudit(db, now, { name: FOLLOWER, expiryMs: o.gapExpiryMs, batch: o.batch ?? DEFAULT_FOLLOWER_LIMITS.batch, maxGaps: DEFAULT_FOLLOWER_LIMITS.maxGaps }, async (events) => {
    for (const e of events) {
      const message = messageFor(e);
      if (!message) continue;
      const n = await notifyEvent(db, e, message, now, o);
      total.notifications += n.notifications;
      total.mails += n.mails;
    }
  });
  return { events: r.events, late: r.late, ...total };
}
