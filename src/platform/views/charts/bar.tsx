// Horizontal bars, one series: a label, the bar and its value written at its end.
import { ChartSvg } from './svg.tsx';
import { PatternDefs, fillOf } from './palette.tsx';
import { clip, linearScale, r2 } from './scale.ts';

export interface BarRow {
  label: string;
  value: number;
  /** The value as the page writes it (a percentage, a localised number); the number by default. */
  display?: string;
}

export interface BarChartProps {
  id: string;
  title: string;
  /** A sentence with the figures, for those who do not see the drawing; built from the rows by default. */
  desc?: string;
  rows: BarRow[];
  /** The largest value the axis shows (100 for percentages); the largest row by default. */
  max?: number;
  /** Index of the style (colour and pattern) the bars take. */
  style?: number;
}

export const BAR = { width: 640, labelWidth: 180, valueWidth: 90, rowHeight: 32, barHeight: 22, labelChars: 24 } as const;

export function describeRows(rows: { label: string; display?: string; value: number }[]): string {
  return rows.map((r) => `${r.label}: ${r.display ?? String(r.value)}`).join('; ');
}

/** The bars' geometry, apart from markup, so that tests can check it. */
export function barLayout(rows: BarRow[], max?: number) {
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 0);
  const x = linearScale([0, top || 1], [0, BAR.width - BAR.labelWidth - BAR.valueWidth]);
  return rows.map((r, i) => ({ y: 6 + i * BAR.rowHeight, w: Math.max(0, x(Math.max(0, r.value))) }));
}

export function BarChart(p: BarChartProps) {
  const geo = barLayout(p.rows, p.max);
  const h = p.rows.length * BAR.rowHeight + 12;
  const style = p.style ?? 1;
  return (
    <ChartSvg id={p.id} kind="bar" width={BAR.width} height={h} title={p.title} desc={p.desc ?? describeRows(p.rows)}>
      <PatternDefs chartId={p.id} count={style + 1} />
      {p.rows.map((r, i) => {
        const { y, w } = geo[i]!;
        return (
          <g>
            <text x={String(BAR.labelWidth - 8)} y={r2(y + 16)} text-anchor="end" class="chart-label" safe>
              {clip(r.label, BAR.labelChars)}
            </text>
            <rect x={String(BAR.labelWidth)} y={String(y)} width={r2(Math.max(w, 1))} height={String(BAR.barHeight)} fill={fillOf(p.id, style)} />
            <text x={r2(BAR.labelWidth + w + 6)} y={r2(y + 16)} class="chart-value" safe>
              {r.display ?? String(r.value)}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}
