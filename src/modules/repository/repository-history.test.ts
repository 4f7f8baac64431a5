import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseXml } from '../../../test/support/xml.ts';
import { xmlEscape } from './atom.ts';
import { DOCUMENT_KINDS, halfYearOf, isDocumentKind, updatesPerHalfYear } from './repository-history.ts';

test('the half-year of an instant is read on the Seoul calendar', () => {
  assert.equal(halfYearOf('2019-06-30T14:59:59Z'), '2019-H1', '23:59 on 30 June in Seoul');
  assert.equal(halfYearOf('2019-06-30T15:00:00Z'), '2019-H2', 'midnight on 1 July in Seoul');
  assert.equal(halfYearOf('2019-12-31T15:00:00Z'), '2020-H1', 'New Year in Seoul');
});

test('updates are counted per half-year and per stream, gaps included as zeros', () => {
  const rows = updatesPerHalfYear([
    { published_at: '2018-10-01T00:00:00Z', stream: 'process' },
    { published_at: '2018-11-01T00:00:00Z', stream: 'implementation' },
    { published_at: '2020-02-01T00:00:00Z', stream: 'implementation' },
  ]);
  assert.deepEqual(
    rows.map((r) => [r.half, r.process, r.implementation, r.total]),
    [
      ['2018-H2', 1, 1, 2],
      ['2019-H1', 0, 0, 0],
      ['2019-H2', 0, 0, 0],
      ['2020-H1', 0, 1, 1],
    ],
  );
  assert.deepEqual([rows[0]!.start, rows[0]!.end, rows[1]!.start, rows[1]!.end], ['2018-07-01', '2018-12-31', '2019-01-01', '2019-06-30']);
});

test('a range fixes the span: empty half-years at both ends, items outside it left out', () => {
  const rows = updatesPerHalfYear(
    [
      { published_at: '2017-03-01T00:00:00Z', stream: 'process' },
      { published_at: '2019-03-01T00:00:00Z', stream: 'process' },
    ],
    { from: '2018-09-01', to: '2020-08-31' },
  );
  assert.deepEqual(rows.map((r) => r.half), ['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2']);
  assert.equal(rows.reduce((n, r) => n + r.total, 0), 1);
  assert.equal(rows[1]!.process, 1);
});

test('nothing and no range gives no half-year; a reversed range too', () => {
  assert.deepEqual(updatesPerHalfYear([]), []);
  assert.deepEqual(updatesPerHalfYear([], { from: '2020-01-01', to: '2019-01-01' }), []);
});

test('every document kind counts for the process or for implementation', () => {
  for (const [kind, stream] of Object.entries(DOCUMENT_KINDS)) {
    assert.ok(isDocumentKind(kind));
    assert.ok(stream === 'process' || stream === 'implementation');
  }
  assert.equal(isDocumentKind('constructor'), false);
  assert.equal(isDocumentKind('minutes'), false);
});

test('text escaped for XML parses back to itself', () => {
  const nasty = `a & b < c > d "e" 'f' \u0001 ]]> 회의록`;
  const root = parseXml(`<x a="${xmlEscape(nasty)}">${xmlEscape(nasty)}</x>`);
  assert.equal(root.text, nasty.replace('\u0001', ''));
  assert.equal(root.attrs.a, nasty.replace('\u0001', ''));
  assert.throws(() => parseXml('<x>a & b</x>'));
  assert.throws(() => parseXml('<x><y></x>'));
});
