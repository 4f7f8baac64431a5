// The part of KRDS the pages use, in one stylesheet built at start: KRDS's tokens whole, and the rules of its
// common.css and component.css that can match a class name or id occurring in Madang's sources (src/ and
// public/). KRDS's component.css alone is 541 KB, parsed and matched on every first visit; the pages use a
// small part of it. The scan is deliberately generous: every word of every source file counts as a class name
// that may be used (and `prefix-${…}` in a template counts every class starting with `prefix-`), so a rule is
// only dropped when it needs a name that appears nowhere in the sources.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pruneCss } from './css-prune.ts';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const KRDS_ROOT = root('../../../node_modules/krds-uiux/resources');
export const KRDS_VERSION = (JSON.parse(readFileSync(root('../../../node_modules/krds-uiux/package.json'), 'utf8')) as { version: string }).version;
/** Where the sources that name classes are. */
const SOURCE_ROOTS = [root('../../../src'), root('../../../public')];
const SOURCE_FILE = /\.(tsx?|css|svg|html)$/;

/** The stylesheets of KRDS the subset is made of, in cascade order; tokens are kept whole. */
export const KRDS_SHEETS = [
  { path: 'css/token/krds_tokens.css', prune: false },
  { path: 'css/common/common.css', prune: true },
  { path: 'css/component/component.css', prune: true },
] as const;

export interface UsedNames {
  words: Set<string>;
  prefixes: string[];
}

/** The words of the given source texts, and the prefixes of class names built in templates (`level-${x}`). */
export function namesIn(texts: Iterable<string>): UsedNames {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/[\w-]+/g)) words.add(m[0]);
    for (const m of text.matchAll(/([\w-]+-)(?:\$\{|['"`]\s*\+)/g)) prefixes.add(m[1]!);
  }
  return { words, prefixes: [...prefixes].sort() };
}

/** Every source file's text under the roots (tests included: they only add names). */
export function sourceTexts(roots: string[] = SOURCE_ROOTS): string[] {
  return roots.flatMap((dir) =>
    (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => SOURCE_FILE.test(f))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8')),
  );
}

export function canMatch(used: UsedNames): (name: string) => boolean {
  return (name) => used.words.has(name) || used.prefixes.some((p) => name.startsWith(p));
}

/** A stylesheet's relative url()s made absolute, since the subset is served from elsewhere than the sheet. */
export function absoluteUrls(body: string, sheetHref: string): string {
  return body.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, quote: string, url: string) =>
    /^(data:|[a-z]+:|\/|#)/i.test(url) ? whole : `url(${quote}${new URL(url, `http://x${sheetHref}`).pathname}${quote})`,
  );
}

export function buildKrdsSubset(used: UsedNames = namesIn(sourceTexts())): string {
  const match = canMatch(used);
  const parts = KRDS_SHEETS.map(({ path, prune }) => {
    const css = readFileSync(join(KRDS_ROOT, path), 'utf8');
    const href = `/krds/${KRDS_VERSION}/${path}`;
    const body = (b: string) => absoluteUrls(b, href);
    return `/* ${path}${prune ? ': the rules the pages can match' : ''} */\n${pruneCss(css, prune ? match : () => true, body)}`;
  });
  return `/* KRDS ${KRDS_VERSION}, cut down to what Madang's pages use (src/platform/http/krds-subset.ts) */\n${parts.join('\n')}\n`;
}

let built: { css: string; version: string } | undefined;
/** The subset, built once per process, with the fingerprint of its content. */
export function krdsSubset(): { css: string; version: string } {
  if (!built) {
    const css = buildKrdsSubset();
    built = { css, version: createHash('sha256').update(css).digest('hex').slice(0, 12) };
  }
  return built;
}

export const KRDS_SUBSET_PATH = `/krds/${KRDS_VERSION}/madang-subset.css`;
/** The subset's address with its fingerprint, cached for a year. */
export function krdsSubsetHref(): string {
  return `${KRDS_SUBSET_PATH}?v=${krdsSubset().version}`;
}
