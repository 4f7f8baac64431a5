// The KRDS subset: the rule reader gives back every rule of KRDS's sheets, pruning drops only rules that
// need a name the sources never use, and every KRDS class the views put in a class attribute is kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseRules, pruneCss, requiredNames, splitSelectors } from './css-prune.ts';
import { absoluteUrls, buildKrdsSubset, KRDS_ROOT, KRDS_SHEETS, krdsSubset, namesIn, sourceTexts } from './krds-subset.ts';

const sheet = (path: string) => readFileSync(join(KRDS_ROOT, path), 'utf8');
/** A stylesheet without comments, @charset, @import and whitespace: what a rule reader must give back. */
const essence = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@(charset|import)[^;]*;/g, '')
    .replace(/\s+/g, '');

/** Every selector of the stylesheet (those inside @media and the like included), whitespace collapsed. */
function selectorsOf(css: string, out: string[] = []): string[] {
  for (const rule of parseRules(css)) {
    if (rule.body === null) continue;
    if (rule.prelude.startsWith('@')) {
      if (/^@(media|supports|layer|container)/.test(rule.prelude)) selectorsOf(rule.body, out);
      continue;
    }
    out.push(...splitSelectors(rule.prelude).map((s) => s.replace(/\s+/g, ' ')));
  }
  return out;
}

/** The class names and ids the views write in attributes: literal ones, and the strings of class={…} expressions. */
function viewNames(): Set<string> {
  const out = new Set<string>();
  for (const text of sourceTexts()) {
    for (const m of text.matchAll(/\b(?:class|id)="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) out.add(c);
    for (const m of text.matchAll(/\bclass=\{([^\n]*)\}/g))
      for (const s of m[1]!.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) for (const c of s[2]!.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (/^[\w-]+$/.test(c)) out.add(c);
  }
  return out;
}

test("the rule reader gives back every rule of KRDS's stylesheets, strings and nesting included", () => {
  for (const { path } of KRDS_SHEETS) {
    const css = sheet(path);
    assert.equal(essence(pruneCss(css, () => true)), essence(css), path);
  }
  const rules = parseRules('a{content:"}{"} /* } */ @media (min-width:1px){.x{color:red}} @import "y.css";');
  assert.deepEqual(rules, [
    { prelude: 'a', body: 'content:"}{"' },
    { prelude: '@media (min-width:1px)', body: '.x{color:red}' },
    { prelude: '@import "y.css"', body: null },
  ]);
});

test('a selector requires the class names and ids outside :not(…), :is(…), attributes and strings', () => {
  assert.deepEqual(requiredNames('.krds-btn.small:hover > span#x'), ['krds-btn', 'small', 'x']);
  assert.deepEqual(requiredNames('.a:not(.b) [href$=".pdf"]'), ['a']);
  assert.deepEqual(requiredNames(':is(.a, .b) p'), []);
  assert.deepEqual(requiredNames('.w-1\\/2'), ['w-1/2']);
  assert.deepEqual(splitSelectors('.a, .b:is(.c, .d), [x="1,2"]'), ['.a', '.b:is(.c, .d)', '[x="1,2"]']);
});

test('pruning keeps a rule whole when one selector can match, and the at-rules around kept rules only', () => {
  const css = '.used, .unused { color: red } .unused2 { color: blue } p { margin: 0 } @media (x) { .unused { a: b } } @media (y) { .used { a: c } } @font-face { font-family: F } @keyframes k { from { opacity: 0 } }';
  const out = pruneCss(css, (n) => n === 'used');
  assert.match(out, /\.used, \.unused \{ color: red \}/);
  assert.doesNotMatch(out, /unused2|@media \(x\)/);
  assert.match(out, /p \{ margin: 0 \}/);
  assert.match(out, /@media \(y\) \{\n\.used \{ a: c \}\n\}/);
  assert.match(out, /@font-face/);
  assert.match(out, /@keyframes k/);
});

test('a name built in a template (`level-${x}`) keeps every class with that prefix; words anywhere count', () => {
  const used = namesIn(['<p class={`level-${n}`} />', "<span class={`krds-badge ${tone}`} />; const tone = 'bg-light-danger';"]);
  assert.deepEqual(used.prefixes, ['level-']);
  assert.ok(used.words.has('bg-light-danger'));
  const out = buildKrdsSubset(used);
  assert.match(out, /\.krds-badge\.bg-light-danger/);
  assert.doesNotMatch(out, /\.krds-btn|\.bg-light-primary/);
});

test("relative url()s of KRDS's sheets point at KRDS's files once the rules are served from elsewhere", () => {
  assert.equal(absoluteUrls('background: url(../../img/a.svg)', '/krds/1.1.0/css/component/component.css'), 'background: url(/krds/1.1.0/img/a.svg)');
  assert.equal(absoluteUrls("src: url('data:font/woff2;base64,AA') url(/x.woff2)", '/krds/1.1.0/css/c.css'), "src: url('data:font/woff2;base64,AA') url(/x.woff2)");
  assert.doesNotMatch(krdsSubset().css, /url\(\s*['"]?\.\.?\//);
});

test('every KRDS selector the names in the views can match is in the served subset, and the subset is under a third of KRDS', () => {
  const names = viewNames();
  const served = new Set(selectorsOf(krdsSubset().css));
  const krds = KRDS_SHEETS.filter((s) => s.prune).flatMap(({ path }) => selectorsOf(sheet(path)));
  const needed = krds.filter((s) => requiredNames(s).every((n) => names.has(n)));
  assert.ok(needed.length >= 300, `KRDS selectors the views can match: ${needed.length}`);
  for (const s of ['.krds-btn.small', '.krds-input', '.krds-badge', '.krds-table-wrap', '#krds-skip-link a:focus']) assert.ok(needed.includes(s), s);
  const missing = needed.filter((s) => !served.has(s));
  assert.deepEqual(missing, [], `KRDS selectors the views can match but missing from the subset: ${missing.slice(0, 20).join(' | ')}`);
  const original = KRDS_SHEETS.reduce((n, { path }) => n + Buffer.byteLength(sheet(path)), 0);
  const size = Buffer.byteLength(krdsSubset().css);
  assert.ok(size < original / 3, `subset ${size} bytes of ${original}`);
});
