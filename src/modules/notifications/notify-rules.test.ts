// The pure rules of notifications: which events notify, which subjects they concern, one
// notification per person, when a digest is due and how it reads, the unsubscribe token, backoff.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../../platform/i18n/i18n.ts';
import { backoffMs } from '../../platform/mail/outbox.ts';
import { describeEvent } from './commands/fan-out.ts';
import { digestMail, mailLinks, notificationMail } from './notify-mail.ts';
import { digestDue, digestKind, groupDigest, mailStateFor, messageFor, NOTIFYING_ACTIONS, onePerRecipient, subjectsOf } from './notify-rules.ts';
import { UnsubscribeTokens } from './unsubscribe-token.ts';

const ev = (action: string, pub = 1) => ({ id: 1, action, entity_type: action.split('.')[0]!, entity_id: '7', public: pub });

test('a public meaningful event has a message; a private one, a sign-in or a support has none', () => {
  assert.equal(messageFor(ev('petition.threshold_reached')), 'threshold_reached');
  assert.equal(messageFor(ev('commitment.progress_posted')), 'progress');
  assert.equal(messageFor(ev('proposal.adopt')), 'proposal_answered');
  assert.equal(messageFor(ev('petition.threshold_reached', 0)), null);
  for (const a of ['session.sign_in', 'proposal.supported', 'petition.draft', 'plan.imported', 'follow.created']) assert.equal(messageFor(ev(a)), null, a);
});

test('every message has its text in both languages', () => {
  for (const locale of ['en', 'ko'] as const) {
    const t = translator(locale);
    for (const m of new Set(Object.values(NOTIFYING_ACTIONS))) assert.notEqual(t(`notifications.event.${m}`), `notifications.event.${m}`, `${locale}: ${m}`);
  }
});

test('an event concerns its entity and what the entity belongs to, most specific first', () => {
  // A milestone's level change: its commitment, then the commitment's organization (a milestone is not followed itself).
  assert.deepEqual(subjectsOf('milestone', '40', { commitmentIds: [3], organizationIds: [9] }), [
    { type: 'commitment', id: 3 },
    { type: 'organization', id: 9 },
  ]);
  // Progress on a commitment: the commitment and its organization.
  assert.deepEqual(subjectsOf('commitment', '3', { organizationIds: [9] }), [
    { type: 'commitment', id: 3 },
    { type: 'organization', id: 9 },
  ]);
  // A threshold crossing: the petition and the channel's organization.
  assert.deepEqual(subjectsOf('petition', '5', { organizationIds: [2] }), [
    { type: 'petition', id: 5 },
    { type: 'organization', id: 2 },
  ]);
  // An error report answered: its data set and the data set's organization; a meeting: its body.
  assert.deepEqual(subjectsOf('error_report', '1', { datasetId: 4, organizationIds: [null] }), [{ type: 'dataset', id: 4 }]);
  assert.deepEqual(subjectsOf('meeting', '8', { bodyId: 2 }), [{ type: 'body', id: 2 }]);
  // An unrouted proposal has no organization; nothing appears twice; a non-numeric id is no subject.
  assert.deepEqual(subjectsOf('proposal', '6', { organizationIds: [null] }), [{ type: 'proposal', id: 6 }]);
  assert.deepEqual(subjectsOf('irm_commitment', '2', { commitmentIds: [3, 3], organizationIds: [9, 9] }), [
    { type: 'commitment', id: 3 },
    { type: 'organization', id: 9 },
  ]);
  assert.deepEqual(subjectsOf('channel', 'all', {}), []);
});

test('one notification per person: the most specific subject they follow wins', () => {
  const subjects = [
    { type: 'commitment' as const, id: 3 },
    { type: 'organization' as const, id: 9 },
  ];
  const follows = [
    { recipient_id: 1, subject_type: 'organization', subject_id: 9 },
    { recipient_id: 1, subject_type: 'commitment', subject_id: 3 },
    { recipient_id: 2, subject_type: 'organization', subject_id: 9 },
    { recipient_id: 3, subject_type: 'petition', subject_id: 3 },
  ];
  assert.deepEqual(onePerRecipient(subjects, follows), [
    { recipient_id: 1, subject_type: 'commitment', subject_id: 3 },
    { recipient_id: 2, subject_type: 'organization', subject_id: 9 },
  ]);
});

test('mail by choice: at once, waiting for the digest, or none; a digest is due after its period', () => {
  assert.deepEqual(['immediate', 'daily', 'weekly', 'off'].map(mailStateFor), ['sent', 'pending', 'pending', 'none']);
  const last = '2026-11-20T00:00:00.000Z';
  assert.equal(digestDue('daily', last, new Date('2026-11-20T23:59:59.000Z')), false);
  assert.equal(digestDue('daily', last, new Date('2026-11-21T00:00:00.000Z')), true);
  assert.equal(digestDue('weekly', last, new Date('2026-11-26T00:00:00.000Z')), false);
  assert.equal(digestDue('weekly', last, new Date('2026-11-27T00:00:00.000Z')), true);
  // News left waiting by a switch to mail at once is due at once; with no mail nothing is.
  assert.equal(digestDue('immediate', last, new Date(last)), true);
  assert.equal(digestDue('off', last, new Date('2030-01-01T00:00:00.000Z')), false);
  assert.deepEqual(['daily', 'weekly', 'immediate'].map(digestKind), ['daily', 'weekly', 'waiting']);
});

const item = (subject_id: number, label: string, occurred_at: string, message = 'progress') => ({ subject_type: 'commitment', subject_id, subject_label: label, link: `/c/${subject_id}`, message, detail: null, occurred_at });

test('a digest groups news by subject, in the order of each subject’s first news, oldest first', () => {
  const groups = groupDigest([item(2, 'B', '2026-11-20T05:00:00Z'), item(1, 'A', '2026-11-20T06:00:00Z'), item(2, 'B', '2026-11-20T04:00:00Z', 'level_changed')]);
  assert.deepEqual(
    groups.map((g) => [g.subject_label, g.items.map((i) => i.message)]),
    [
      ['B', ['level_changed', 'progress']],
      ['A', ['progress']],
    ],
  );
});

const DAY = 86_400_000;

test('mail text is in the person’s language and carries the unsubscribe link and headers, and links to the inbox and what they follow in that language', () => {
  const links = { baseUrl: 'https://madang.example', unsubscribeUrl: 'https://madang.example/unsubscribe?r=1&t=x', manageUrl: 'https://madang.example/follows/manage?r=1&t=x&lang=ko', inboxUrl: 'https://madang.example/inbox?lang=ko' };
  const ko = notificationMail(translator('ko'), 'a@example.org', { ...item(1, '광화문 청원', '2026-11-20T05:00:00Z', 'threshold_reached') }, links);
  assert.match(ko.subject, /기준 서명 수에 도달/);
  assert.match(ko.text, /https:\/\/madang\.example\/c\/1/);
  assert.match(ko.text, /unsubscribe\?r=1&t=x/);
  assert.match(ko.text, /^팔로우 중인 항목과 설정\(빈도, 언어\): https:\/\/madang\.example\/follows\/manage\?r=1&t=x&lang=ko$/m);
  assert.match(ko.text, /^내 알림함: https:\/\/madang\.example\/inbox\?lang=ko$/m);
  assert.deepEqual(ko.headers, { 'List-Unsubscribe': '<https://madang.example/unsubscribe?r=1&t=x>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  const en = digestMail(translator('en'), 'a@example.org', 'weekly', [item(1, 'A', '2026-11-20T05:00:00Z'), item(2, 'B', '2026-11-21T05:00:00Z')], links);
  assert.match(en.subject, /weekly digest: 2 updates/);
  assert.ok(en.text.indexOf('A') < en.text.indexOf('B'));
  assert.equal(en.headers!['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
  assert.match(en.text, /follows\/manage\?r=1&t=x&lang=ko/);
  // Each item's day is the day in Korea: 20:00 UTC on the 21st is the morning of the 22nd there.
  const late = digestMail(translator('en'), 'a@example.org', 'daily', [item(1, 'A', '2026-11-21T20:00:00Z')], links);
  assert.match(late.text, /^- 2026-11-22 New progress was posted$/m);
  const tokens = new UnsubscribeTokens('a'.repeat(32), DAY);
  const now = new Date('2026-11-20T00:00:00Z');
  assert.deepEqual(mailLinks({ baseUrl: 'https://m.example', tokens }, 4, 'en', now), {
    baseUrl: 'https://m.example',
    unsubscribeUrl: `https://m.example/unsubscribe?r=4&t=${tokens.token(4)}`,
    manageUrl: `https://m.example/follows/manage?r=4&t=${tokens.manageToken(4, now)}&lang=en`,
    inboxUrl: 'https://m.example/inbox?lang=en',
  });
});

test('an unsubscribe token is bound to its recipient and to the secret, and never expires', () => {
  const a = new UnsubscribeTokens('a'.repeat(32), DAY);
  const b = new UnsubscribeTokens('b'.repeat(32), DAY);
  assert.ok(a.verify(5, a.token(5)));
  assert.equal(a.verify(6, a.token(5)), false);
  assert.equal(b.verify(5, a.token(5)), false);
  assert.equal(a.verify(5, 'short'), false);
  assert.equal(a.token(5), new UnsubscribeTokens('a'.repeat(32), 365 * DAY).token(5));
});

test('a management token works until its expiry, is bound to its recipient, secret and expiry, and is not an unsubscribe token', () => {
  const a = new UnsubscribeTokens('a'.repeat(32), 30 * DAY);
  const b = new UnsubscribeTokens('b'.repeat(32), 30 * DAY);
  const sent = new Date('2026-11-01T00:00:00Z');
  const t = a.manageToken(5, sent);
  assert.match(t, /^\d+\.[\w-]+$/);
  assert.equal(a.checkManage(5, t, sent), 'ok');
  assert.equal(a.checkManage(5, t, new Date(sent.getTime() + 30 * DAY - 1000)), 'ok');
  assert.equal(a.checkManage(5, t, new Date(sent.getTime() + 30 * DAY)), 'expired');
  assert.equal(a.checkManage(6, t, sent), 'invalid');
  assert.equal(b.checkManage(5, t, sent), 'invalid');
  // A later expiry written into the token breaks its signature.
  const [expires, mac] = t.split('.');
  assert.equal(a.checkManage(5, `${Number(expires) + 86_400}.${mac}`, new Date(sent.getTime() + 31 * DAY)), 'invalid');
  assert.equal(a.checkManage(5, 'x', sent), 'invalid');
  // The page took the unsubscribe token before links expired: an old mail's link is expired, not forged.
  assert.equal(a.checkManage(5, a.token(5), sent), 'expired');
  assert.equal(a.checkManage(6, a.token(5), sent), 'invalid');
  assert.equal(a.verify(5, t), false);
});

test('mail retries back off exponentially, capped at a day', () => {
  assert.deepEqual([1, 2, 3, 4].map(backoffMs), [30_000, 60_000, 120_000, 240_000]);
  assert.equal(backoffMs(30), 24 * 3600_000);
});

test('a threshold reached is told with both numbers written as numbers, in the reader’s language', () => {
  const e = { action: 'petition.threshold_reached', entity_type: 'petition', entity_label: null, after_json: JSON.stringify({ signature_count: 50_000, threshold: 50_000 }) };
  assert.equal(describeEvent(translator('en'), e, { type: 'petition', id: 1 }, '1'), '50,000 signatures of 50,000');
  assert.equal(describeEvent(translator('ko'), e, { type: 'petition', id: 1 }, '1'), '서명 50,000명 / 기준 50,000명');
});
