// A stylesheet cut down to the rules a set of pages can match. The CSS is read at the level of rules (preludes
// and bodies, with strings, comments and nested brackets respected), which is all pruning needs: a style rule
// is kept whole, its selector list untouched, when any of its selectors can match; at-rules that group rules
// (@media, @supports, @layer, @container) are kept around the rules kept inside them; @font-face, @keyframes and
// any other at-rule are kept as they are; @charset and @import are left to the caller.

export interface CssRule {
  /** The text before the block (a selector list, or an at-rule's name and condition), trimmed. */
  prelude: string;
  /** The text between the braces, or null for a statement at-rule (`@import …;`). */
  body: string | null;
}

/** The index just past the string or comment that starts at i, or i when none starts there. */
function skipStringOrComment(css: string, i: number): number {
  const c = css[i];
  if (c === '/' && css[i + 1] === '*') {
    const end = css.indexOf('*/', i + 2);
    return end < 0 ? css.length : end + 2;
  }
  if (c === '"' || c === "'") {
    let j = i + 1;
    while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i;
}

/** The top-level rules of a stylesheet (or of a grouping at-rule's body); comments between rules are dropped. */
export function parseRules(css: string): CssRule[] {
  const rules: CssRule[] = [];
  let i = 0;
  let start = 0;
  let prelude = '';
  const flushPrelude = (to: number) => (prelude += css.slice(start, to));
  while (i < css.length) {
    const skipped = skipStringOrComment(css, i);
    if (skipped !== i) {
      // A comment in a prelude is dropped; a string is part of it.
      if (css[i] === '/') {
        flushPrelude(i);
        start = skipped;
      }
      i = skipped;
      continue;
    }
    const c = css[i];
    if (c === ';') {
      flushPrelude(i);
      if (prelude.trim()) rules.push({ prelude: prelude.trim(), body: null });
      prelude = '';
      start = ++i;
    } else if (c === '{') {
      flushPrelude(i);
      let depth = 1;
      let j = i + 1;
      while (j < css.length && depth > 0) {
        const s = skipStringOrComment(css, j);
        if (s !== j) {
          j = s;
          continue;
        }
        if (css[j] === '{') depth++;
        else if (css[j] === '}') depth--;
        j++;
      }
      rules.push({ prelude: prelude.trim(), body: css.slice(i + 1, j - 1) });
      prelude = '';
      start = i = j;
    } else i++;
  }
  flushPrelude(css.length);
  if (prelude.trim()) throw new Error(`unterminated CSS rule: ${prelude.trim().slice(0, 80)}`);
  return rules;
}

/** Splits a selector list at its top-level commas (not those inside :is(…), [attr="a,b"] or strings). */
export function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const skipped = skipStringOrComment(list, i);
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter(Boolean);
}

/**
 * The class names and ids a selector requires of the document: those outside brackets, parentheses and
 * strings (so `:not(.x)`, `:is(.a, .b)` and `[href$=".pdf"]` require nothing). A selector whose required
 * names all occur in the pages can match; one that needs a name the pages never use cannot.
 */
export function requiredNames(selector: string): string[] {
  let bare = '';
  let depth = 0;
  for (let i = 0; i < selector.length; i++) {
    const skipped = skipStringOrComment(selector, i);
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    const c = selector[i]!;
    if (c === '\\') {
      if (depth === 0) bare += selector.slice(i, i + 2);
      i++;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) bare += c;
  }
  return [...bare.matchAll(/[.#]((?:[\w-]|\\.|[^\x00-\x7f])+)/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

const GROUPING = /^@(-[a-z]+-)?(media|supports|layer|container|document)\b/i;

/**
 * The stylesheet with the style rules no selector of which can match dropped, and the grouping at-rules
 * left empty by that dropped too. `canMatch` says whether a class name or id may occur in the pages;
 * `mapBody` may rewrite a kept body (e.g. its url()s). The kept text is the original's, rule by rule.
 */
export function pruneCss(css: string, canMatch: (name: string) => boolean, mapBody: (body: string) => string = (b) => b): string {
  const out: string[] = [];
  for (const rule of parseRules(css)) {
    if (rule.body === null) {
      if (!/^@(charset|import)\b/i.test(rule.prelude)) out.push(`${rule.prelude};`);
    } else if (rule.prelude.startsWith('@')) {
      if (GROUPING.test(rule.prelude)) {
        const inner = pruneCss(rule.body, canMatch, mapBody);
        if (inner) out.push(`${rule.prelude} {\n${inner}\n}`);
      } else out.push(`${rule.prelude} {${mapBody(rule.body)}}`);
    } else if (splitSelectors(rule.prelude).some((s) => requiredNames(s).every(canMatch))) {
      out.push(`${rule.prelude} {${mapBody(rule.body)}}`);
    }
  }
  return out.join('\n');
}
