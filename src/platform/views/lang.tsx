import Html from '@kitajs/html';
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

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The `lang` attribute of an element whose text is written in the page's other language, told by its
 * script (Madang's two languages do not share one): English text, with no Hangul, in a Korean page; Korean
 * text, with no Latin word, in an English page. Undefined for text in the page's language or mixed text.
 * For names and titles shown where the record they come from is not at hand (breadcrumbs, options, labels).
 */
export function langOfText(ctx: Pick<ViewContext, 'locale'>, text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const hangul = HANGUL.test(text);
  const latin = LATIN_WORD.test(text);
  if (ctx.locale === 'ko' && latin && !hangul) return 'en';
  if (ctx.locale === 'en' && hangul && !latin) return 'ko';
  return undefined;
}

/**
 * A translated sentence whose interpolated names keep their own language: `t(key, params)` with every string
 * parameter written in the page's other language (langOfText) wrapped in <span lang>. E.g. "Ministry of the
 * Interior and Safety에 전달된 제안" marks the ministry's English name inside the Korean heading.
 */
export function MarkedText({ ctx, k, params }: { ctx: Pick<ViewContext, 'locale' | 't'>; k: string; params: Record<string, string | number> }): JSX.Element {
  const foreign: { text: string; lang: string }[] = [];
  const marked: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const lang = typeof value === 'string' ? langOfText(ctx, value) : undefined;
    if (lang === undefined) marked[name] = value;
    else {
      marked[name] = `\u0000${foreign.length}\u0000`;
      foreign.push({ text: value as string, lang });
    }
  }
  const parts = ctx.t(k, marked).split('\u0000');
  // Odd parts are the markers' numbers; even parts are the sentence around them.
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return Html.escapeHtml(part);
        const f = foreign[Number(part)]!;
        return (
          <span lang={f.lang} safe>
            {f.text}
          </span>
        );
      })}
    </>
  );
}

/** Parts of a line joined by a separator ("Ministry of Environment · 채택 · 2020"), each foreign part in its own <span lang>. */
export function JoinedText({ ctx, parts, separator = ' · ' }: { ctx: Pick<ViewContext, 'locale'>; parts: (string | null | undefined)[]; separator?: string }): JSX.Element {
  const shown = parts.filter((p): p is string => Boolean(p));
  return (
    <>
      {shown.map((part, i) => {
        const lang = langOfText(ctx, part);
        const text = lang ? (
          <span lang={lang} safe>
            {part}
          </span>
        ) : (
          Html.escapeHtml(part)
        );
        return i === 0 ? text : Html.escapeHtml(separator) + text;
      })}
    </>
  );
}
