import type { ViewContext } from './context.ts';

/** The language of the seed's records: the OGP self-assessment report they are transcribed from is English. */
export const SEED_LANG = 'en';

/**
 * The `lang` attribute of an element that shows stored text, where that text's language differs from the
 * page's: a record loaded from the seed names its source section, so its text is English; text people
 * wrote carries the language they wrote it in where that is known. Undefined (no attribute) otherwise.
 */
export function textLang(ctx: Pick<ViewContext, 'locale'>, record: { source?: string | null; author_locale?: string | null }): string | undefined {
  const lang = record.source ? SEED_LANG : record.author_locale;
  return lang && lang !== ctx.locale ? lang : undefined;
}
