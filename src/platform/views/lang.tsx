import Html from '@kitajs/html';
import type { ViewContext } from './context.ts';

/** The language of the seed's records: the OGP self-assessment report they are transcribed from is English. */
export const SEED_LANG = 'en';

/**
 * The `lang` attribute of an element that shows stored text, where that text's language differs from the
 * page's: a record loaded from the seed names its source section, so its text is English; text people
 * wrote carries the language they wrote it in where that is known; otherwise, when the text is given, its
 * script tells (langOfText). Undefined (no attribute) when none of these names another language.
 */
export function textLang(ctx: Pick<ViewContext, 'locale'>, record: { source?: string | null; author_locale?: string | null }, text?: string | null): string | undefined {
  const lang = record.source ? SEED_LANG : record.author_locale;
  return lang && lang !== ctx.locale ? lang : langOfText(ctx, text);
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

/** A stored text as markup: in its own <span lang> when written in the page's other language, else escaped as it is. */
function InOwnLang({ ctx, text }: { ctx: Pick<ViewContext, 'locale'>; text: string }): JSX.Element {
  const lang = langOfText(ctx, text);
  return lang ? (
    <span lang={lang} safe>
      {text}
    </span>
  ) : (
    <>{Html.escapeHtml(text)}</>
  );
}

/** Marks where a parameter goes in a translated sentence; stripped from the parameters themselves. */
const MARK = '\u0000';

/**
 * A translated sentence whose interpolated names keep their own language: `t(key, params)` with every string
 * parameter written in the page's other language (langOfText) wrapped in <span lang>. E.g. "Ministry of the
 * Interior and Safety에 전달된 제안" marks the ministry's English name inside the Korean heading.
 */
export function MarkedText({ ctx, k, params }: { ctx: Pick<ViewContext, 'locale' | 't'>; k: string; params: Record<string, string | number> }): JSX.Element {
  const texts: string[] = [];
  const marked: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') marked[name] = value;
    else {
      marked[name] = `${MARK}${texts.length}${MARK}`;
      texts.push(value.replaceAll(MARK, ''));
    }
  }
  // Odd parts are the parameters' numbers; even parts are the sentence around them.
  const parts = ctx.t(k, marked).split(MARK);
  return <>{parts.map((part, i) => (i % 2 === 0 ? Html.escapeHtml(part) : <InOwnLang ctx={ctx} text={texts[Number(part)] ?? ''} />))}</>;
}

/** Parts of a line joined by a separator ("Ministry of Environment · 채택 · 2020"), each foreign part in its own <span lang>. */
export function JoinedText({ ctx, parts, separator = ' · ' }: { ctx: Pick<ViewContext, 'locale'>; parts: (string | null | undefined)[]; separator?: string }): JSX.Element {
  return (
    <>
      {parts
        .filter((p): p is string => Boolean(p))
        .map((part, i) => (
          <>
            {i > 0 ? Html.escapeHtml(separator) : ''}
            <InOwnLang ctx={ctx} text={part} />
          </>
        ))}
    </>
  );
}
