// Horizontal stacked bars: each row split into the series, each part filled with the series' colour
// and pattern, its value written inside when it fits, the total at the end, a legend on top.
import { ChartSvg } from './svg.tsx';
import { PatternDefs, fillOf } from './palette.tsx';
import { clip, linearScale, r2 } from './scale.ts';

export interface StackedRow {
  label: string;
  values: number[];
  /** What the end of the bar says (the total, or a rate); the total by default. */
  display?: string;
  /** The label's language, where it differs from the page's. */
  lang?: string;
}

export interface StackedBarProps {
  id: string;
  title: string;
  desc?: string;
  /** The series' names, in the order of each row's values. */
  series: string[];
  rows: StackedRow[];
  /** Index of the first style, so that a chart of levels keeps the same colours wherever it appears. */
  styles?: number[];
  format?: (n: number) => string;
  /** Scale each row to its own total (shares), for rows of very different sizes. */
  normalize?: boolean;
}

export const STACK = { width: 640, labelWidth: 180, valueWidth: 80, rowHeight: 34, barHeight: 24, legendRow: 24, labelChars: 24, minLabelWidth: 22 } as const;

/** Rough width of a text at 13px: wide for Hangul and CJK, narrow for Latin. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 13.5 : 7.4;
  return w;
}

/** Legend items laid out left to right, wrapping to a new line when the width is used up. */
export function legendLayout(labels: string[], width: number) {
  let x = 0;
  let line = 0;
  return labels.map((l) => {
    const w = 22 + textWidth(l) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      line += 1;
    }
    const at = { x, line };
    x += w;
    return at;
  });
}

/** Each part's x and width, from the row totals; tests check the geometry without markup. */
export function stackLayout(rows: StackedRow[], normalize = false) {
  const sum = (r: StackedRow) => r.values.reduce((a, b) => a + Math.max(0, b), 0);
  const max = Math.max(0, ...rows.map(sum));
  return rows.map((r) => {
    const x = linearScale([0, (normalize ? sum(r) : max) || 1], [0, STACK.width - STACK.labelWidth - STACK.valueWidth]);
    let acc = 0;
    const parts = r.values.map((v) => {
      const from = x(acc);
      acc += Math.max(0, v);
      return { x: from, w: x(acc) - from };
    });
    return { parts, end: x(acc), total: acc };
  });
}

export function describeStack(series: string[], rows: StackedRow[], format: (n: number) => string): string {
  return rows.map((r) => `${r.label}: ${r.values.map((v, i) => `${series[i]} ${format(v)}`).join(', ')}`).join('; ');
}

export function StackedBarChart(p: StackedBarProps) {
  const format = p.format ?? String;
  const styles = p.styles ?? p.series.map((_, i) => i);
  const legend = legendLayout(p.series, STACK.width);
  const legendH = (Math.max(0, ...legend.map((l) => l.line)) + 1) * STACK.legendRow + 8;
  const geo = stackLayout(p.rows, p.normalize ?? false);
  const h = legendH + p.rows.length * STACK.rowHeight + 8;
  const maxStyle = Math.max(0, ...styles) + 1;
  return (
    <ChartSvg id={p.id} kind="stacked" width={STACK.width} height={h} title={p.title} desc={p.desc ?? describeStack(p.series, p.rows, format)}>
      <PatternDefs chartId={p.id} count={maxStyle} />
      <g class="chart-legend">
        {p.series.map((s, i) => (
          <g>
            <rect x={r2(legend[i]!.x)} y={String(legend[i]!.line * STACK.legendRow + 2)} width="16" height="16" fill={fillOf(p.id, styles[i]!)} />
            <text x={r2(legend[i]!.x + 22)} y={String(legend[i]!.line * STACK.legendRow + 15)} class="chart-label" safe>
              {s}
            </text>
          </g>
        ))}
      </g>
      {p.rows.map((r, ri) => {
        const y = legendH + ri * STACK.rowHeight;
        const g = geo[ri]!;
        return (
          <g>
            <text x={String(STACK.labelWidth - 8)} y={r2(y + 17)} text-anchor="end" class="chart-label" lang={r.lang} safe>
              {clip(r.label, STACK.labelChars)}
            </text>
            {g.parts.map((part, i) =>
              part.w > 0 ? (
                <g>
                  <rect x={r2(STACK.labelWidth + part.x)} y={String(y)} width={r2(part.w)} height={String(STACK.barHeight)} fill={fillOf(p.id, styles[i]!)} stroke="#fff" stroke-width="1" />
                  {part.w >= STACK.minLabelWidth + textWidth(format(r.values[i]!)) - 8 ? (
                    <text x={r2(STACK.labelWidth + part.x + part.w / 2)} y={r2(y + 17)} text-anchor="middle" class="chart-inner" safe>
                      {format(r.values[i]!)}
                    </text>
                  ) : (
                    ''
                  )}
                </g>
              ) : (
                ''
              ),
            )}
            <text x={r2(STACK.labelWidth + g.end + 6)} y={r2(y + 17)} class="chart-value" safe>
              {r.display ?? format(g.total)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
