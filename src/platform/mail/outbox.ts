// Outgoing mail. A change that causes a mail writes it to the outbox in its own transaction;
// a worker delivers it through SMTP with retries and exponential backoff. Without SMTP the mail
// stays in the outbox, which the demo shows at /outbox.
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/schema.ts';
import { startPoller } from '../poller.ts';

export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;
/** A mail taken by one process is left to it this long; if the process dies while sending, another tries after. */
export const SEND_LEASE_MS = 5 * 60_000;

export interface MailInput {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export async function enqueueMail(trx: Kysely<Database>, mail: MailInput, now: Date): Promise<void> {
  await trx
    .insertInto('outbox_mails')
    .values({ to_address: mail.to, subject: mail.subject, body_text: mail.text, headers_json: mail.headers ? JSON.stringify(mail.headers) : null, created_at: now.toISOString(), next_attempt_at: now.toISOString() })
    .execute();
}

export async function listOutbox(db: Kysely<Database>, limit = 50) {
  return db.selectFrom('outbox_mails').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** The wait before attempt n+1: 30 s, 1 min, 2 min … capped at a day. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), 24 * 3600_000);
}

export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/**
 * Sends what is due. Each mail is first taken (its next attempt moved a lease ahead, only if nobody
 * moved it since it was read), so two processes never send one mail twice; each is marked in its
 * own statement, so a crash resends at most one.
 */
export async function deliverDue(db: Kysely<Database>, transport: Transporter, from: string, now: Date, batch = 20): Promise<{ sent: number; failed: number }> {
  const due = await db
    .selectFrom('outbox_mails')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(batch)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    const taken = await db
      .updateTable('outbox_mails')
      .set({ next_attempt_at: new Date(now.getTime() + SEND_LEASE_MS).toISOString() })
      .where('id', '=', m.id)
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '=', m.next_attempt_at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) continue;
    try {
      await transport.sendMail({ from, to: m.to_address, subject: m.subject, text: m.body_text, headers: m.headers_json ? (JSON.parse(m.headers_json) as Record<string, string>) : undefined });
      await db.updateTable('outbox_mails').set({ sent_at: new Date().toISOString(), attempts: m.attempts + 1, last_error: null }).where('id', '=', m.id).execute();
      sent += 1;
    } catch (e) {
      const attempts = m.attempts + 1;
      await db
        .updateTable('outbox_mails')
        .set({ attempts, last_error: String((e as Error).message).slice(0, 500), next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString() })
        .where('id', '=', m.id)
        .execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

/** Polls the outbox every few seconds; returns a function that stops it (after the delivery under way). */
export function startMailWorker(db: Kysely<Database>, smtpUrl: string, from: string, log: { warn(o: object, m: string): void }, intervalMs = 3000): () => Promise<void> {
  const transport = smtpTransport(smtpUrl);
  const stop = startPoller('mail worker', intervalMs, async () => {
    const r = await deliverDue(db, transport, from, new Date());
    if (r.failed) log.warn(r, 'some mail could not be delivered; will retry');
  }, log);
  return async () => {
    await stop();
    transport.close();
  };
}
