// Colours and patterns of the charts. Every colour has at least 4.5:1 contrast with white (so white
// labels on it read, and the shape stands out from the page), and every series also has its own
// pattern, dash and marker: colour is never the only way to tell two series apart.

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'vertical' | 'horizontal';
export type MarkerKind = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  color: string;
  pattern: PatternKind;
  dash: string;
  marker: MarkerKind;
}

export const STYLES: readonly SeriesStyle[] = [
  { color: '#1a6b2e', pattern: 'solid', dash: '', marker: 'circle' },
  { color: '#0b5cad', pattern: 'diagonal', dash: '8 4', marker: 'square' },
  { color: '#8a5a00', pattern: 'dots', dash: '3 3', marker: 'triangle' },
  { color: '#5c6670', pattern: 'cross', dash: '12 4 3 4', marker: 'diamond' },
  { color: '#6b3fa0', pattern: 'vertical', dash: '2 6', marker: 'circle' },
  { color: '#a0302a', pattern: 'horizontal', dash: '6 6', marker: 'square' },
];

export function styleAt(i: number): SeriesStyle {
  return STYLES[((i % STYLES.length) + STYLES.length) % STYLES.length]!;
}

/** The fill of a series: its colour, or the pattern drawn over it (defined once per chart by PatternDefs). */
export function fillOf(chartId: string, i: number): string {
  return styleAt(i).pattern === 'solid' ? styleAt(i).color : `url(#${chartId}-p${i})`;
}

function PatternMarks({ kind }: { kind: PatternKind }) {
  switch (kind) {
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#000" stroke-opacity="0.45" stroke-width="1.6" />;
    case 'dots':
      return <circle cx="4" cy="4" r="1.6" fill="#000" fill-opacity="0.5" />;
    case 'cross':
      return <path d="M0,0 L8,8 M8,0 L0,8" stroke="#000" stroke-opacity="0.45" stroke-width="1.2" />;
    case 'vertical':
      return <path d="M4,0 L4,8" stroke="#000" stroke-opacity="0.45" stroke-width="1.6" />;
    case 'horizontal':
      return <path d="M0,4 L8,4" stroke="#000" stroke-opacity="0.45" stroke-width="1.6" />;
    default:
      return '';
  }
}

/** One <pattern> per series that is not solid; ids are scoped by the chart's id. */
export function PatternDefs({ chartId, count }: { chartId: string; count: number }) {
  const items = Array.from({ length: count }, (_, i) => i).filter((i) => styleAt(i).pattern !== 'solid');
  if (items.length === 0) return '';
  return (
    <defs>
      {items.map((i) => (
        <pattern id={`${chartId}-p${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={styleAt(i).color} />
          <PatternMarks kind={styleAt(i).pattern} />
        </pattern>
      ))}
    </defs>
  );
}

/** A marker shape centred on (x, y), filled with the series' colour. */
export function Marker({ kind, x, y, color }: { kind: MarkerKind; x: number; y: number; color: string }) {
  const f = (n: number) => String(Math.round(n * 100) / 100);
  switch (kind) {
    case 'square':
      return <rect x={f(x - 4)} y={f(y - 4)} width="8" height="8" fill={color} />;
    case 'triangle':
      return <path d={`M${f(x)},${f(y - 5)} L${f(x + 5)},${f(y + 4)} L${f(x - 5)},${f(y + 4)} Z`} fill={color} />;
    case 'diamond':
      return <path d={`M${f(x)},${f(y - 5)} L${f(x + 5)},${f(y)} L${f(x)},${f(y + 5)} L${f(x - 5)},${f(y)} Z`} fill={color} />;
    default:
      return <circle cx={f(x)} cy={f(y)} r="4" fill={color} />;
  }
}
