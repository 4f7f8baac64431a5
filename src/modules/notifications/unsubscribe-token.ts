// The tokens in every notification mail's links, so the links work without signing in and cannot be
// made for somebody else. Each is an HMAC with a key of its own, derived from the site's secret (so a
// token is never a valid cookie signature):
// - the unsubscribe token (of the recipient's id) never expires: a mail's one-click unsubscribe
//   (RFC 8058) must work as long as the mail is kept, and all it can do is stop mail;
// - the management token (of the id and an expiry) opens the page that shows the address and what it
//   follows and changes the settings; it expires MANAGE_LINK_TTL_DAYS after the mail was written
//   (every mail carries a fresh one), so an old mail found or forwarded no longer opens that page.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a management link's token says: good, once good but expired, or never made here. */
export type LinkCheck = 'ok' | 'expired' | 'invalid';

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class UnsubscribeTokens {
  private readonly key: Buffer;
  private readonly manageKey: Buffer;

  /** manageTtlMs: how long a management link works after its mail was written. */
  constructor(
    secret: string,
    readonly manageTtlMs: number,
  ) {
    this.key = hmac(secret, 'madang:notifications:unsubscribe');
    this.manageKey = hmac(secret, 'madang:notifications:manage');
  }

  token(recipientId: number): string {
    return hmac(this.key, String(recipientId)).toString('base64url');
  }

  verify(recipientId: number, token: string): boolean {
    return same(this.token(recipientId), token);
  }

  /** `<expiry in epoch seconds>.<mac of the id and the expiry>`. */
  manageToken(recipientId: number, now: Date): string {
    const expires = Math.floor((now.getTime() + this.manageTtlMs) / 1000);
    return `${expires}.${hmac(this.manageKey, `${recipientId}.${expires}`).toString('base64url')}`;
  }

  /**
   * A management token made here and not expired is 'ok'. Before links expired, the page took the
   * unsubscribe token: such a link (from an old mail) is 'expired' too, anything else 'invalid'.
   */
  checkManage(recipientId: number, token: string, now: Date): LinkCheck {
    const m = /^(\d{1,12})\.([\w-]{1,64})$/.exec(token);
    if (!m) return this.verify(recipientId, token) ? 'expired' : 'invalid';
    const expires = Number(m[1]);
    if (!same(hmac(this.manageKey, `${recipientId}.${expires}`).toString('base64url'), m[2]!)) return 'invalid';
    return expires * 1000 > now.getTime() ? 'ok' : 'expired';
  }

  /** The one-click address: a GET shows a button, a POST (RFC 8058) unsubscribes. */
  url(baseUrl: string, recipientId: number): string {
    return `${baseUrl}/unsubscribe?r=${recipientId}&t=${this.token(recipientId)}`;
  }

  /** What the person follows and their settings, in their language, without signing in (expires). */
  manageUrl(baseUrl: string, recipientId: number, locale: string, now: Date): string {
    return `${baseUrl}/follows/manage?r=${recipientId}&t=${this.manageToken(recipientId, now)}&lang=${locale}`;
  }
}
