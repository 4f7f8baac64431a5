import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCsv, normalizeCell, parseDeclaredSchema } from './table-schema.ts';

const schema = (text: string) => {
  const r = parseDeclaredSchema(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.columns;
};

test('a declared schema gives each filterable column a slot, in order', () => {
  const cols = schema('food:text:filter\nsubstance:text:filter\nyear:integer:filter\namount:number');
  assert.deepEqual(cols.map((c) => [c.name, c.type, c.slot]), [['food', 'text', 'f1'], ['substance', 'text', 'f2'], ['year', 'integer', 'f3'], ['amount', 'number', null]]);
});

test('a bad schema is refused with a message naming the line', () => {
  for (const [text, message] of [
    ['', /at least one column/],
    ['Food:text', /lowercase/],
    ['food:string', /type must be one of/],
    ['food:text\nfood:text', /declared twice/],
    ['a:text:filter\nb:text:filter\nc:text:filter\nd:text:filter\ne:text:filter', /at most 4/],
    ['food:text:sort', /only "filter"/],
  ] as const) {
    const r = parseDeclaredSchema(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.errors.map((e) => e.message).join(' '), message, text);
  }
});

test('cells are normalized so that filters and sorting agree', () => {
  assert.deepEqual(normalizeCell('integer', ' 2019 '), { ok: true, value: '2019' });
  assert.deepEqual(normalizeCell('number', '1,234.50'), { ok: true, value: '1234.5' });
  assert.equal(normalizeCell('number', 'abc').ok, false);
  assert.equal(normalizeCell('date', '2019-02-30').ok, false);
  assert.deepEqual(normalizeCell('date', '2019-02-28'), { ok: true, value: '2019-02-28' });
  assert.deepEqual(normalizeCell('integer', ''), { ok: true, value: '' });
});

test('every error in a CSV names its row and column, and nothing is returned to store', () => {
  const cols = schema('food:text:filter\nyear:integer:filter\namount:number');
  const csv = Buffer.from('food,year,amount\nrice,2019,0.5\nwheat,twenty,0.1\nbarley,2019\nmilk,2020,much\n');
  const r = checkCsv(csv, cols, 1000);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const messages = r.errors.map((e) => e.message);
  assert.ok(messages.includes('Row 3, column "year": "twenty" is not a whole number.'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('Row 4: has 2 cells')));
  assert.ok(messages.includes('Row 5, column "amount": "much" is not a number.'));
});

test('the header must name the declared columns in order; empty, binary and oversized files are refused', () => {
  const cols = schema('food:text\nyear:integer');
  const header = checkCsv(Buffer.from('year,food\n2019,rice\n'), cols, 10);
  assert.equal(header.ok, false);
  if (!header.ok) assert.match(header.errors[0]!.message, /Row 1 \(the header\) must name the declared columns in order: food, year/);
  assert.equal(checkCsv(Buffer.from(''), cols, 10).ok, false);
  assert.equal(checkCsv(Buffer.from('food,year\n'), cols, 10).ok, false);
  assert.equal(checkCsv(Buffer.from([0xff, 0xfe, 0x00, 0x41]), cols, 10).ok, false);
  assert.equal(checkCsv(Buffer.from('food,year\n"rice,2019\n'), cols, 10).ok, false, 'an unclosed quote');
  const big = checkCsv(Buffer.from('food,year\n' + 'rice,2019\n'.repeat(11)), cols, 10);
  assert.equal(big.ok, false);
  const good = checkCsv(Buffer.from('\uFEFFfood,year\r\nrice,2019\r\n'), cols, 10);
  assert.ok(good.ok);
  if (good.ok) assert.deepEqual(good.rows[0]!.cells, ['rice', '2019']);
});
