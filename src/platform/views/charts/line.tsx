// Lines over time: one line per series, each with its own dash and marker and its name written at its
// end. A series needs two points on two different days to be a line; with fewer, callers say so in words.
import { ChartSvg } from './svg.tsx';
import { Marker, styleAt } from './palette.tsx';
import { dayNumber, linearScale, niceTicks, r2 } from './scale.ts';
import { textWidth } from './stacked-bar.tsx';

export interface LinePoint {
  /** The day, YYYY-MM-DD. */
  x: string;
  y: number;
}

export interface LineSeries {
  label: string;
  points: LinePoint[];
}

export interface LineChartProps {
  id: string;
  title: string;
  desc?: string;
  series: LineSeries[];
  /** How the axis and the description write a day. */
  formatX: (day: string) => string;
  format?: (n: number) => string;
  /** Draw steps (the value holds until the next point), for counts that change at events. */
  step?: boolean;
  styles?: number[];
}

export const LINE = { width: 640, height: 280, left: 48, right: 170, top: 16, bottom: 40, labelGap: 16 } as const;

/** True when at least one series has points on two different days: only then is a line honest. */
export function drawable(series: LineSeries[]): boolean {
  return series.some((s) => new Set(s.points.map((p) => p.x.slice(0, 10))).size >= 2);
}

/** Ends of the lines, pushed apart so that two names never overlap, kept inside the plot. */
export function spreadLabels(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = new Array<number>(ys.length);
  let last = -Infinity;
  for (const o of order) {
    const y = Math.max(o.y, last + gap, min);
    out[o.i] = y;
    last = y;
  }
  // If the last label went past the bottom, shift the whole run up.
  const over = Math.max(0, ...out) - max;
  if (over > 0) {
    for (let k = order.length - 1, limit = max; k >= 0; k--) {
      const i = order[k]!.i;
      out[i] = Math.min(out[i]!, limit);
      limit = out[i]! - gap;
    }
  }
  return out;
}

/** Screen coordinates of every point, and the axes' ticks. */
export function lineLayout(series: LineSeries[], maxTicks = 5) {
  const days = series.flatMap((s) => s.points.map((p) => dayNumber(p.x)));
  const d0 = Math.min(...days);
  const d1 = Math.max(...days);
  const yTicks = niceTicks(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y))));
  const x = linearScale([d0, d1], [LINE.left, LINE.width - LINE.right]);
  const y = linearScale([0, yTicks[yTicks.length - 1]!], [LINE.height - LINE.bottom, LINE.top]);
  const points = series.map((s) => [...s.points].sort((a, b) => a.x.localeCompare(b.x)).map((p) => ({ ...p, px: x(dayNumber(p.x)), py: y(p.y) })));
  // Day labels along the axis (as many as fit): the first, the last and evenly between, never twice the same day.
  const n = Math.max(1, Math.min(maxTicks, d1 - d0 + 1));
  const xTicks = [...new Set(Array.from({ length: n }, (_, i) => Math.round(d0 + ((d1 - d0) * i) / Math.max(1, n - 1))))];
  return { points, yTicks, y, xTicks: xTicks.map((d) => ({ day: new Date(d * 86_400_000).toISOString().slice(0, 10), px: x(d) })) };
}

function pathOf(pts: { px: number; py: number }[], step: boolean): string {
  return pts
    .map((p, i) => {
      if (i === 0) return `M${r2(p.px)},${r2(p.py)}`;
      return step ? `H${r2(p.px)} V${r2(p.py)}` : `L${r2(p.px)},${r2(p.py)}`;
    })
    .join(' ');
}

export function describeLines(series: LineSeries[], formatX: (d: string) => string, format: (n: number) => string): string {
  return series.map((s) => `${s.label}: ${[...s.points].sort((a, b) => a.x.localeCompare(b.x)).map((p) => `${formatX(p.x)} ${format(p.y)}`).join(', ')}`).join('; ');
}

/** The drawing, or null when no series has two days to join (the figure then says so in words). */
export function LineChart(p: LineChartProps): JSX.Element | null {
  if (!drawable(p.series)) return null;
  const format = p.format ?? String;
  const styles = p.styles ?? p.series.map((_, i) => i);
  // As many day labels as fit side by side under the plot, two at least (the first and the last day).
  const sample = p.formatX(p.series.flatMap((s) => s.points.map((pt) => pt.x))[0] ?? '2000-01-01');
  const fit = Math.floor((LINE.width - LINE.left - LINE.right) / (textWidth(sample) + 24));
  const geo = lineLayout(p.series, Math.max(2, Math.min(5, fit)));
  const ends = geo.points.map((pts) => pts[pts.length - 1]);
  const labelYs = spreadLabels(ends.map((e) => e?.py ?? 0), LINE.labelGap, LINE.top + 4, LINE.height - LINE.bottom);
  const base = LINE.height - LINE.bottom;
  return (
    <ChartSvg id={p.id} kind="line" width={LINE.width} height={LINE.height} title={p.title} desc={p.desc ?? describeLines(p.series, p.formatX, format)}>
      <g class="chart-axis">
        {geo.yTicks.map((t) => (
          <g>
            <line x1={String(LINE.left)} x2={String(LINE.width - LINE.right)} y1={r2(geo.y(t))} y2={r2(geo.y(t))} stroke="#d6dadf" stroke-width="1" />
            <text x={String(LINE.left - 6)} y={r2(geo.y(t) + 4)} text-anchor="end" class="chart-tick" safe>
              {format(t)}
            </text>
          </g>
        ))}
        <line x1={String(LINE.left)} x2={String(LINE.width - LINE.right)} y1={String(base)} y2={String(base)} stroke="#58616a" stroke-width="1" />
        {geo.xTicks.map((t, i) => (
          <text x={r2(t.px)} y={String(base + 20)} text-anchor={i === 0 && geo.xTicks.length > 1 ? 'start' : i === geo.xTicks.length - 1 && i > 0 ? 'end' : 'middle'} class="chart-tick" safe>
            {p.formatX(t.day)}
          </text>
        ))}
      </g>
      {geo.points.map((pts, si) => {
        const st = styleAt(styles[si]!);
        const end = pts[pts.length - 1];
        return (
          <g class="chart-series">
            {pts.length >= 2 ? <path d={pathOf(pts, p.step ?? false)} fill="none" stroke={st.color} stroke-width="2.5" stroke-dasharray={st.dash || undefined} /> : ''}
            {pts.map((pt) => (
              <Marker kind={st.marker} x={pt.px} y={pt.py} color={st.color} />
            ))}
            {end ? (
              <text x={r2(LINE.width - LINE.right + 10)} y={r2(labelYs[si]! + 4)} class="chart-series-label" fill={st.color} safe>
                {`${p.series[si]!.label} ${format(end.y)}`}
              </text>
            ) : (
              ''
            )}
          </g>
        );
      })}
    </ChartSvg>
  );
}
