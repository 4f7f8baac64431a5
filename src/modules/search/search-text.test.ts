import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestCorrection, buildGrams, correctable, detectLang, filingDate, fts5Quote, highlight, levenshtein, parseQuery, trigrams, vocabularyWords } from './search-text.ts';

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
