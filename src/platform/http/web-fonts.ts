// KRDS's fonts (Pretendard GOV, three weights, 800 KB together) never delay a first visit. A page is drawn
// in the system's fonts until the browser holds KRDS's fonts: public/fonts.js downloads them into the
// browser's cache a moment after the first page has loaded and then sets a cookie naming the KRDS version,
// and from the next page on the layout marks <html class="web-fonts">, which puts Pretendard GOV first
// (public/madang.css). Those pages find the fonts in the cache before their first paint; should the cache
// have lost them, `font-display: optional` still draws the page at once in the system's fonts, without a
// layout shift.
import { KRDS_VERSION } from './krds-subset.ts';

const FONT_DIR = `/krds/${KRDS_VERSION}/fonts/`;

export const WEB_FONTS = {
  cookie: 'madang_fonts',
  /** The fonts' version: a new KRDS version's fonts are fetched again before pages use them. */
  version: KRDS_VERSION,
  /** The files madang.css's @font-face rules name first (regular, medium, bold): the ones fetched ahead. */
  files: ['PretendardGOV-Regular.subset.woff2', 'PretendardGOV-Medium.subset.woff2', 'PretendardGOV-Bold.subset.woff2'].map((f) => FONT_DIR + f),
  /** How long after the first page's load event the fonts are fetched: past its first paint, even on a slow phone. */
  delayMs: 1500,
  /** The class on <html> that turns the fonts on. */
  htmlClass: 'web-fonts',
} as const;

/** Whether this browser said it holds the current version of KRDS's fonts. */
export function webFontsCached(cookies: Record<string, string | undefined>): boolean {
  return cookies[WEB_FONTS.cookie] === WEB_FONTS.version;
}
