import type { Actor } from '../auth/roles.ts';
import type { Locale, T } from '../i18n/i18n.ts';

/** Everything a page needs to know about the request it answers. */
export interface ViewContext {
  locale: Locale;
  t: T;
  actor: Actor | null;
  /** Path and query of the current page, for the language switch and sign-in return. */
  url: string;
  baseUrl: string;
  csrfToken: string;
  masthead: boolean;
  /** The browser holds KRDS's fonts (src/platform/http/web-fonts.ts): pages use them from their first paint. */
  webFonts?: boolean;
  flash: string | null;
  /**
   * The viewer's unread notifications, read only when a page shows the header: null when they have
   * no inbox (not signed in and no confirmed e-mail that follows anything).
   */
  inboxUnread?: () => Promise<number | null>;
}

/** The current address with one query parameter set, keeping the others. */
export function withQuery(url: string, key: string, value: string | null): string {
  const u = new URL(url, 'http://x');
  if (value === null) u.searchParams.delete(key);
  else u.searchParams.set(key, value);
  const qs = u.searchParams.toString();
  return u.pathname + (qs ? `?${qs}` : '');
}
