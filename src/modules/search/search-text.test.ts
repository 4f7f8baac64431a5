import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestCorrection, buildGrams, correctable, detectLang, facetQuery, facetToken, facetTokens, filingDate, fts5Quote, highlight, levenshtein, MAX_FACET_YEARS, parseQuery, trigrams, vocabularyWords } from './search-text.ts';

test('Hangul runs are indexed by their bigrams, short other words whole, each once', () => {
  assert.equal(buildGrams('광화문 광장'), '광화 화문 광장');
  assert.equal(buildGrams('OGP를 위한 AI와 5G, AI'), '위한 ai 5g');
  assert.equal(buildGrams('the open data portal'), '');
  assert.equal(buildGrams('한'), '');
  assert.equal(buildGrams('공개정보'), '공개 개정 정보');
});

test('a query is read as required words; one-character words are left out and said so', () => {
  assert.deepEqual(parseQuery('  화문  Open, data! 가 "x" '), {
    terms: [
      { text: '화문', mode: 'gram' },
      { text: 'open', mode: 'substring' },
      { text: 'data', mode: 'substring' },
    ],
    ignored: ['가', 'x'],
  });
  assert.deepEqual(parseQuery('광화문 광화문 AI').terms, [
    { text: '광화문', mode: 'substring' },
    { text: 'ai', mode: 'gram' },
  ]);
  assert.deepEqual(parseQuery('').terms, []);
  const many = parseQuery('one two three four five six seven eight nine ten');
  assert.equal(many.terms.length, 8);
  assert.deepEqual(many.ignored, ['nine', 'ten']);
});

test('FTS5 strings take any character literally', () => {
  assert.equal(fts5Quote('a"b'), '"a""b"');
  assert.equal(fts5Quote('OR'), '"OR"');
});

test('trigrams and the vocabulary', () => {
  assert.deepEqual(trigrams('data'), ['dat', 'ata']);
  assert.deepEqual(trigrams('ab'), []);
  assert.deepEqual(vocabularyWords('Open data, OPEN government 광화문 in 2019'), ['open', 'data', 'government']);
  assert.equal(correctable('transparancy'), true);
  assert.equal(correctable('광화문광장'), false);
  assert.equal(correctable('abc'), false);
});

test('a typo is corrected to the closest word within one edit (two from eight letters)', () => {
  assert.equal(levenshtein('kitten', 'sitting'), 3);
  assert.equal(levenshtein('', 'abc'), 3);
  assert.equal(bestCorrection('transparancy', ['transport', 'transparency', 'transparent']), 'transparency');
  assert.equal(bestCorrection('dota', ['data', 'date']), 'data');
  assert.equal(bestCorrection('dxtx', ['data']), null, 'two edits in a four-letter word is too far');
  assert.equal(bestCorrection('data', ['data']), null, 'the word itself is no correction');
});

test('dates are filed under their first day at the precision given', () => {
  assert.equal(filingDate('2018-09-01'), '2018-09-01');
  assert.equal(filingDate('2018-09'), '2018-09-01');
  assert.equal(filingDate('2019-H2'), '2019-07-01');
  assert.equal(filingDate('2020'), '2020-01-01');
  assert.equal(filingDate('2026-11-20T03:00:00.000Z'), '2026-11-20');
  assert.equal(filingDate('First half of 2019'), null);
  assert.equal(filingDate(null), null);
});

test('language: Korean when the text has Hangul', () => {
  assert.equal(detectLang('Open data 공개'), 'ko');
  assert.equal(detectLang('Open data'), 'en');
});

test('highlight marks every occurrence, case-insensitively, in a passage around the first', () => {
  assert.deepEqual(highlight('Open data and open government', ['open']), [
    { text: 'Open', hit: true },
    { text: ' data and ', hit: false },
    { text: 'open', hit: true },
    { text: ' government', hit: false },
  ]);
  const long = `${'x'.repeat(500)} 광화문 ${'y'.repeat(500)}`;
  const segs = highlight(long, ['화문'], 100);
  assert.equal(segs[0]!.text.startsWith('…'), true);
  assert.equal(segs.filter((s) => s.hit).map((s) => s.text).join(), '화문');
  assert.equal(segs[segs.length - 1]!.text.endsWith('…'), true);
  assert.deepEqual(highlight('<b>x</b>', ['b']), [
    { text: '<', hit: false },
    { text: 'b', hit: true },
    { text: '>x</', hit: false },
    { text: 'b', hit: true },
    { text: '>', hit: false },
  ]);
});

test('a combination of filter values is one token of three private-use characters, the same for the same values', () => {
  const t = facetToken({ organization: '행정안전부' });
  assert.equal([...t].length, 3);
  assert.ok([...t].every((c) => c.codePointAt(0)! >= 0xe000 && c.codePointAt(0)! <= 0xf8ff));
  assert.equal(facetToken({ organization: '행정안전부' }), t);
  assert.notEqual(facetToken({ kind: '행정안전부' }), t, 'the prefix names the facets combined');
  assert.notEqual(facetToken({ organization: 'mois' }), facetToken({ organization: 'moi' }));
  assert.notEqual(facetToken({ kind: 'ab', organization: 'c' }), facetToken({ kind: 'a', organization: 'bc' }), 'values do not run into each other');
  // Distinct values rarely share a token: none of ten thousand do.
  const seen = new Set(Array.from({ length: 10_000 }, (_, i) => facetToken({ state: `value-${i}`, year: '2020' })));
  assert.equal(seen.size, 10_000);
  assert.equal(buildGrams(facetTokens({ kind: 'petition', organization: 'mois', state: 'open', date: '2019-05-02' })), '', 'never a Hangul gram');
});

test("a record's facets: every combination of its kind, organization, state and year", () => {
  assert.equal(facetTokens({ kind: 'petition', organization: null, state: null, date: null }), facetToken({ kind: 'petition' }));
  const all = facetTokens({ kind: 'dataset', organization: 'mfds', state: 'open', date: '2020-07-01' }).split(' ');
  assert.equal(all.length, 15);
  assert.equal(new Set(all).size, 15);
  for (const combo of [{ kind: 'dataset' }, { organization: 'mfds', year: '2020' }, { kind: 'dataset', organization: 'mfds', state: 'open', year: '2020' }, { state: 'open' }]) assert.ok(all.includes(facetToken(combo)), JSON.stringify(combo));
  assert.ok(!all.includes(facetToken({ kind: 'dataset', year: '2021' })));
});

test('the filters as a match: their combination, a date range as any of its years, exact only for whole years', () => {
  assert.deepEqual(facetQuery({}), { match: null, exact: true });
  assert.deepEqual(facetQuery({ kind: 'petition', organization: 'mois' }), { match: `{facets} : ${fts5Quote(facetToken({ kind: 'petition', organization: 'mois' }))}`, exact: true });
  const y = (year: string, more = {}) => fts5Quote(facetToken({ ...more, year }));
  assert.deepEqual(facetQuery({ from: '2019-01-01', to: '2021-12-31', state: 'open' }), { match: `{facets} : (${y('2019', { state: 'open' })} OR ${y('2020', { state: 'open' })} OR ${y('2021', { state: 'open' })})`, exact: true });
  assert.deepEqual(facetQuery({ from: '2019-01-01', to: '2019-12-31' }), { match: `{facets} : ${y('2019')}`, exact: true });
  assert.deepEqual(facetQuery({ from: '2019-03-01', to: '2019-12-31' }), { match: `{facets} : ${y('2019')}`, exact: false }, 'part of a year: narrowed, checked again');
  assert.deepEqual(facetQuery({ from: '2019-01-01', kind: 'dataset' }), { match: `{facets} : ${fts5Quote(facetToken({ kind: 'dataset' }))}`, exact: false }, 'an open range is checked on the records');
  assert.deepEqual(facetQuery({ from: '1990-01-01', to: `${1990 + MAX_FACET_YEARS}-12-31` }), { match: null, exact: false }, 'too many years');
});
