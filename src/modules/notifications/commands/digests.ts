// Daily and weekly digests: one mail per person per period with the news that waited for it.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { isLocale, translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { claimDigest, markMailed, pendingForDigest, recipientAddress, recipientsWithPendingDigest } from '../notifications.repository.ts';
import { digestMail, mailLinks } from '../notify-mail.ts';
import { digestDue } from '../notify-rules.ts';
import type { UnsubscribeTokens } from '../unsubscribe-token.ts';

/** Writes every digest that is due to the outbox; two processes never write the same one (claimDigest). */
export async function sendDigests(db: Kysely<Database>, now: Date, o: { baseUrl: string; tokens: UnsubscribeTokens }): Promise<number> {
  let sent = 0;
  for (const r of await recipientsWithPendingDigest(db)) {
    if (!digestDue(r.frequency, r.last_digest_at, now)) continue;
    const wrote = await db.transaction().execute(async (trx) => {
      if (!(await claimDigest(trx, r.id, r.last_digest_at, now))) return false;
      const items = await pendingForDigest(trx, r.id);
      const to = await recipientAddress(trx, r.id);
      if (items.length === 0) return false;
      if (to) {
        const locale = isLocale(r.locale) ? r.locale : 'ko';
        await enqueueMail(trx, digestMail(translator(locale), to, r.frequency, items, mailLinks(o, r.id, locale, now)), now);
      }
      await markMailed(
        trx,
        items.map((i) => i.id),
      );
      return !!to;
    });
    if (wrote) sent += 1;
  }
  return sent;
}
