import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barLayout, BarChart } from './bar.tsx';
import { drawable, LineChart, lineLayout, spreadLabels } from './line.tsx';
import { STYLES } from './palette.tsx';
import { clip, linearScale, niceStep, niceTicks } from './scale.ts';
import { legendLayout, StackedBarChart, stackLayout } from './stacked-bar.tsx';

test('linear scale maps the domain onto the range, and a one-value domain onto its start', () => {
  const x = linearScale([0, 10], [100, 200]);
  assert.equal(x(0), 100);
  assert.equal(x(5), 150);
  assert.equal(x(10), 200);
  assert.equal(linearScale([3, 3], [40, 90])(3), 40);
  const inverted = linearScale([0, 4], [200, 0]);
  assert.equal(inverted(1), 150);
});

test('nice steps and ticks cover the maximum with round numbers', () => {
  assert.equal(niceStep(100, 4), 50);
  assert.equal(niceStep(13, 4), 5);
  assert.equal(niceStep(0.7, 4), 0.2);
  assert.deepEqual(niceTicks(13), [0, 5, 10, 15]);
  assert.deepEqual(niceTicks(2000), [0, 500, 1000, 1500, 2000]);
  assert.deepEqual(niceTicks(3), [0, 1, 2, 3]);
  // Counts: never a step below one, and an empty or zero series still gets an axis.
  assert.deepEqual(niceTicks(1), [0, 1]);
  assert.deepEqual(niceTicks(0), [0, 1]);
  assert.deepEqual(niceTicks(Number.NaN), [0, 1]);
  assert.deepEqual(niceTicks(0.5, 5, false), [0, 0.1, 0.2, 0.3, 0.4, 0.5]);
});

test('labels are clipped by characters, Hangul included', () => {
  assert.equal(clip('abc', 5), 'abc');
  assert.equal(clip('행정안전부 공공데이터', 6), '행정안전부…');
});

test('bars: widths proportional to the values, a fixed maximum respected, negatives drawn as nothing', () => {
  const geo = barLayout([{ label: 'a', value: 50 }, { label: 'b', value: 100 }, { label: 'c', value: -3 }], 200);
  assert.equal(geo[1]!.w, geo[0]!.w * 2);
  assert.equal(geo[2]!.w, 0);
  assert.equal(barLayout([], 10).length, 0);
});

test('stacked bars: the parts follow each other and the longest row fills the width', () => {
  const geo = stackLayout([{ label: 'a', values: [1, 2, 1] }, { label: 'b', values: [2, 0, 0] }]);
  const a = geo[0]!;
  assert.equal(a.parts[0]!.x, 0);
  assert.equal(a.parts[1]!.x, a.parts[0]!.w);
  assert.equal(a.total, 4);
  assert.equal(geo[1]!.end, a.end / 2);
  assert.equal(geo[1]!.parts[1]!.w, 0);
  // All rows empty: no division by zero.
  assert.deepEqual(stackLayout([{ label: 'z', values: [0, 0] }])[0]!.end, 0);
});

test('the legend wraps when its items do not fit the width', () => {
  const items = legendLayout(['Not started', 'Limited', 'Substantial', 'Completed'], 200);
  assert.equal(items[0]!.line, 0);
  assert.ok(items[3]!.line >= 1);
  assert.ok(items.every((i) => i.x >= 0 && i.x < 200));
});

test('a line needs two points on two different days', () => {
  assert.equal(drawable([]), false);
  assert.equal(drawable([{ label: 'a', points: [] }]), false);
  assert.equal(drawable([{ label: 'a', points: [{ x: '2020-01-01', y: 1 }] }]), false);
  assert.equal(drawable([{ label: 'a', points: [{ x: '2020-01-01', y: 1 }, { x: '2020-01-01', y: 2 }] }]), false);
  assert.equal(drawable([{ label: 'a', points: [{ x: '2020-01-01', y: 1 }, { x: '2020-01-03', y: 2 }] }]), true);
  assert.equal(LineChart({ id: 'x', title: 't', series: [{ label: 'a', points: [{ x: '2020-01-01', y: 5 }] }], formatX: (d) => d }), null);
});

test('line layout: points sorted by day, later days further right, higher values higher up', () => {
  const geo = lineLayout([{ label: 'a', points: [{ x: '2020-03-01', y: 10 }, { x: '2020-01-01', y: 0 }] }]);
  const [p0, p1] = geo.points[0]!;
  assert.equal(p0!.x, '2020-01-01');
  assert.ok(p1!.px > p0!.px);
  assert.ok(p1!.py < p0!.py);
  assert.equal(geo.xTicks[0]!.day, '2020-01-01');
  assert.equal(geo.xTicks[geo.xTicks.length - 1]!.day, '2020-03-01');
  assert.equal(new Set(geo.xTicks.map((t) => t.day)).size, geo.xTicks.length);
});

test('end labels are pushed apart and kept inside the plot', () => {
  const ys = spreadLabels([100, 101, 102], 16, 0, 300);
  assert.deepEqual(ys, [100, 116, 132]);
  const bottom = spreadLabels([290, 291], 16, 0, 295);
  assert.ok(Math.max(...bottom) <= 295);
  assert.ok(Math.abs(bottom[0]! - bottom[1]!) >= 16);
});

test('every chart is an image with a title and a description, and escapes its labels', async () => {
  const evil = '<script>alert(1)</script>&';
  const outputs = [
    await BarChart({ id: 'b', title: evil, rows: [{ label: evil, value: 3 }] }),
    await StackedBarChart({ id: 's', title: 'Levels', series: [evil, 'B'], rows: [{ label: evil, values: [1, 2] }] }),
    await LineChart({ id: 'l', title: 'Signatures', series: [{ label: evil, points: [{ x: '2020-01-01', y: 1 }, { x: '2020-01-02', y: 3 }] }], formatX: (d) => d })!,
  ];
  for (const svg of outputs) {
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-labelledby="(\w)-t \1-d"/);
    assert.match(svg, /<title id="\w-t">/);
    assert.match(svg, /<desc id="\w-d">/);
    assert.doesNotMatch(svg, /<script>/);
    assert.match(svg, /&lt;script>alert\(1\)/);
    assert.match(svg, /&amp;/);
  }
});

test('series differ by more than colour: patterns, dashes and markers are distinct', () => {
  assert.equal(new Set(STYLES.map((s) => s.pattern)).size, STYLES.length);
  assert.equal(new Set(STYLES.map((s) => s.dash)).size, STYLES.length);
  for (const s of STYLES) {
    // Contrast with white at least 4.5:1 (WCAG relative luminance).
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(s.color.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const lum = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    assert.ok(1.05 / (lum + 0.05) >= 4.5, `${s.color} contrast`);
  }
});

test('normalized stacked bars: every row fills the width, whatever its total', () => {
  const geo = stackLayout([{ label: 'a', values: [1, 1] }, { label: 'b', values: [30, 40] }], true);
  assert.equal(geo[0]!.end, geo[1]!.end);
  assert.equal(geo[0]!.parts[1]!.x, geo[0]!.end / 2);
});

test('day labels: never more than asked for, the first and the last day always among them', () => {
  const series = [{ label: 'a', points: [{ x: '2020-01-01', y: 1 }, { x: '2020-01-31', y: 2 }] }];
  const two = lineLayout(series, 2).xTicks.map((t) => t.day);
  assert.deepEqual(two, ['2020-01-01', '2020-01-31']);
  assert.equal(lineLayout(series, 5).xTicks.length, 5);
});
