// The text of notification mail, in the person's language, with the one-click unsubscribe link in
// the body and in the List-Unsubscribe headers (RFC 2369, RFC 8058).
import type { T } from '../../platform/i18n/i18n.ts';
import type { MailInput } from '../../platform/mail/outbox.ts';
import { seoulDay } from '../proposals/proposal-rules.ts';
import { digestKind, groupDigest, type DigestItem } from './notify-rules.ts';
import type { UnsubscribeTokens } from './unsubscribe-token.ts';

export interface MailLinks {
  baseUrl: string;
  unsubscribeUrl: string;
  /** What the person follows and their settings (a signed link: no sign-in needed). */
  manageUrl: string;
  inboxUrl: string;
}

/** The links of a person's mail written now, in their language (the settings link expires, see unsubscribe-token.ts). */
export function mailLinks(o: { baseUrl: string; tokens: UnsubscribeTokens }, recipientId: number, locale: string, now: Date): MailLinks {
  return { baseUrl: o.baseUrl, unsubscribeUrl: o.tokens.url(o.baseUrl, recipientId), manageUrl: o.tokens.manageUrl(o.baseUrl, recipientId, locale, now), inboxUrl: `${o.baseUrl}/inbox?lang=${locale}` };
}

export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function footer(t: T, links: MailLinks): string {
  return ['', '--', t('notifications.mail.footer'), `${t('notifications.mail.inbox')}: ${links.inboxUrl}`, `${t('notifications.mail.settings')}: ${links.manageUrl}`, `${t('notifications.mail.unsubscribe')}: ${links.unsubscribeUrl}`].join('\n');
}

function itemLines(t: T, i: DigestItem): string[] {
  // The day in Korea, where the platform keeps its dates (not the UTC day: 20:00 UTC is the next morning there).
  const when = seoulDay(new Date(i.occurred_at));
  return [`- ${when} ${t(`notifications.event.${i.message}`)}${i.detail ? ` (${i.detail})` : ''}`];
}

/** One mail for one notification. */
export function notificationMail(t: T, to: string, n: DigestItem, links: MailLinks): MailInput {
  const event = t(`notifications.event.${n.message}`);
  const lines = [event, '', n.subject_label, ...(n.detail ? [n.detail] : []), '', `${links.baseUrl}${n.link}`, footer(t, links)];
  return { to, subject: t('notifications.mail.subject', { label: n.subject_label, event }), text: lines.join('\n'), headers: unsubscribeHeaders(links.unsubscribeUrl) };
}

/** One mail for a day's or a week's news (or the news left waiting by a switch to mail at once), grouped by followed subject. */
export function digestMail(t: T, to: string, frequency: string, items: DigestItem[], links: MailLinks): MailInput {
  const groups = groupDigest(items);
  const kind = digestKind(frequency);
  const lines: string[] = [t(`notifications.mail.digest_intro_${kind}`, { count: items.length }), ''];
  for (const g of groups) {
    lines.push(g.subject_label, `${links.baseUrl}${g.link}`);
    for (const i of g.items) lines.push(...itemLines(t, i));
    lines.push('');
  }
  lines.push(footer(t, links));
  return {
    to,
    subject: t(`notifications.mail.digest_subject_${kind}`, { count: items.length }),
    text: lines.join('\n'),
    headers: unsubscribeHeaders(links.unsubscribeUrl),
  };
}
