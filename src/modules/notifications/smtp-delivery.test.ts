// Notification mail through a real SMTP server (smtp-server on a loopback port): it arrives with
// its one-click unsubscribe headers, and a server that refuses for now (451) makes the outbox try
// again later, after the backoff, and then succeed.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { backoffMs, deliverDue, enqueueMail, smtpTransport, startMailWorker } from '../../platform/mail/outbox.ts';
import { notificationMail } from './notify-mail.ts';

let db: TestDb;
let server: SMTPServer;
let url: string;
const received: { to: string[]; raw: string }[] = [];
let refuseNext = 0;

before(async () => {
  db = await freshDb();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          const err = new Error('Mailbox busy, try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.destroy();
});

const links = { baseUrl: 'http://localhost:3000', unsubscribeUrl: 'http://localhost:3000/unsubscribe?r=7&t=abc', manageUrl: 'http://localhost:3000/follows/manage?r=7&t=abc&lang=en', inboxUrl: 'http://localhost:3000/inbox?lang=en' };
const item = { subject_type: 'petition', subject_id: 1, subject_label: 'Gwanghwamun petition', link: '/petitions/1', message: 'threshold_reached', detail: '2 signatures of 2', occurred_at: '2026-11-20T03:00:00.000Z' };

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the mail worker delivers a notification with List-Unsubscribe and List-Unsubscribe-Post', async () => {
  await enqueueMail(db.db, notificationMail(translator('en'), 'reader@example.org', item, links), new Date());
  const stop = startMailWorker(db.db, url, 'Madang <no-reply@madang.local>', { warn: () => {} }, 50);
  try {
    await waitFor(() => received.length === 1);
    // The outbox row is marked sent once the server has accepted the mail.
    await waitFor(async () => !!(await db.db.selectFrom('outbox_mails').select('sent_at').executeTakeFirstOrThrow()).sent_at);
  } finally {
    stop();
  }
  const mail = received[0]!;
  assert.deepEqual(mail.to, ['reader@example.org']);
  const raw = mail.raw.replace(/\r\n[ \t]+/g, ' ');
  assert.match(raw, /^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\?r=7&t=abc>$/m);
  assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  assert.match(raw, /^Subject: \[Madang\] Gwanghwamun petition: The petition reached its signature threshold$/m);
  const row = await db.db.selectFrom('outbox_mails').selectAll().executeTakeFirstOrThrow();
  assert.ok(row.sent_at);
  assert.equal(row.attempts, 1);
});

test('a server that answers 451 makes the mail wait for the backoff, then it is delivered', async () => {
  const t0 = new Date('2026-11-20T03:00:00.000Z');
  await enqueueMail(db.db, notificationMail(translator('ko'), 'later@example.org', item, links), t0);
  const transport = smtpTransport(url);
  try {
    refuseNext = 1;
    assert.deepEqual(await deliverDue(db.db, transport, 'no-reply@madang.local', t0), { sent: 0, failed: 1 });
    const failed = await db.db.selectFrom('outbox_mails').selectAll().where('to_address', '=', 'later@example.org').executeTakeFirstOrThrow();
    assert.equal(failed.attempts, 1);
    assert.equal(failed.sent_at, null);
    assert.match(failed.last_error!, /451/);
    assert.equal(failed.next_attempt_at, new Date(t0.getTime() + backoffMs(1)).toISOString());
    // Not before the backoff has passed.
    assert.deepEqual(await deliverDue(db.db, transport, 'no-reply@madang.local', new Date(t0.getTime() + backoffMs(1) - 1000)), { sent: 0, failed: 0 });
    assert.deepEqual(await deliverDue(db.db, transport, 'no-reply@madang.local', new Date(t0.getTime() + backoffMs(1))), { sent: 1, failed: 0 });
  } finally {
    transport.close();
  }
  const delivered = received.find((m) => m.to.includes('later@example.org'))!;
  assert.match(delivered.raw, /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  const row = await db.db.selectFrom('outbox_mails').selectAll().where('to_address', '=', 'later@example.org').executeTakeFirstOrThrow();
  assert.equal(row.attempts, 2);
  assert.ok(row.sent_at);
  assert.equal(row.last_error, null);
});

test('two processes delivering at once send each mail once', async () => {
  const t0 = new Date('2026-11-21T03:00:00.000Z');
  const to = ['twice0@example.org', 'twice1@example.org', 'twice2@example.org', 'twice3@example.org'];
  for (const address of to) await enqueueMail(db.db, notificationMail(translator('en'), address, item, links), t0);
  const a = smtpTransport(url);
  const b = smtpTransport(url);
  try {
    // Both read the same due mail before either sends: only the one that takes a mail sends it.
    const runs = await Promise.all([deliverDue(db.db, a, 'no-reply@madang.local', t0), deliverDue(db.db, b, 'no-reply@madang.local', t0)]);
    assert.equal(runs[0].sent + runs[1].sent, to.length);
  } finally {
    a.close();
    b.close();
  }
  for (const address of to) assert.equal(received.filter((m) => m.to.includes(address)).length, 1, address);
  const rows = await db.db.selectFrom('outbox_mails').select(['attempts', 'sent_at']).where('to_address', 'in', to).execute();
  assert.ok(rows.every((r) => r.attempts === 1 && r.sent_at));
});
