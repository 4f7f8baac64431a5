// Text in the page's other language must carry its own lang (a screen reader then reads it with the
// right voice): English seed text and names inside a Korean page, Korean text inside an English page.
import type { Page } from 'playwright-core';

/**
 * The text nodes of the page's body written in the other language without a lang saying so: in a Korean
 * page, a run of three English words; in an English page, Hangul outside quotes and brackets (a Korean
 * word quoted in an English sentence is part of it). A chart's SVG <title> and <desc> hold one plain text
 * (no element can mark a name inside them) and are left out.
 */
export function unmarkedForeignText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, svg title, svg desc')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang');
      const text = (n.textContent ?? '').trim();
      const foreign =
        lang === 'ko'
          ? /[A-Za-z]{2,}[,.:;']?\s+[A-Za-z]{2,}[,.:;']?\s+[A-Za-z]{2,}/.test(text)
          : lang === 'en'
            ? /[\uac00-\ud7a3]{2,}/.test(text.replace(/“[^”]*”|"[^"]*"|\([^)]*\)/g, ''))
            : false;
      if (foreign) out.push(`<${el.tagName.toLowerCase()}> in lang=${lang}: ${text.slice(0, 80)}`);
    }
    return [...new Set(out)];
  });
}
