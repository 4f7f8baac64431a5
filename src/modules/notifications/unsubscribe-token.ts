// The token in every notification mail's links (one-click unsubscribe, and the page of what the
// person follows): an HMAC of the recipient's id, so the links work without signing in and cannot
// be made for somebody else.
import { createHmac, timingSafeEqual } from 'node:crypto';

export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, derived from the site's secret, so a token is never a valid cookie signature.
    this.key = createHmac('sha256', secret).update('madang:notifications:unsubscribe').digest();
  }

  token(recipientId: number): string {
    return createHmac('sha256', this.key).update(String(recipientId)).digest('base64url');
  }

  verify(recipientId: number, token: string): boolean {
    const expected = Buffer.from(this.token(recipientId));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** The one-click address: a GET shows a button, a POST (RFC 8058) unsubscribes. */
  url(baseUrl: string, recipientId: number): string {
    return `${baseUrl}/unsubscribe?r=${recipientId}&t=${this.token(recipientId)}`;
  }

  /** What the person follows and their settings, in their language, without signing in. */
  manageUrl(baseUrl: string, recipientId: number, locale: string): string {
    return `${baseUrl}/follows/manage?r=${recipientId}&t=${this.token(recipientId)}&lang=${locale}`;
  }
}
