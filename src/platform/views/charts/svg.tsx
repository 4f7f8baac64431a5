// The frame every chart shares: an image named by its <title> and described by its <desc>.
import type { Children } from '@kitajs/html';

export function ChartSvg(p: { id: string; kind: 'bar' | 'stacked' | 'line'; width: number; height: number; title: string; desc: string; children?: Children }) {
  return (
    <svg class={`chart chart-${p.kind}`} viewBox={`0 0 ${p.width} ${p.height}`} role="img" aria-labelledby={`${p.id}-t ${p.id}-d`} focusable="false">
      <title id={`${p.id}-t`} safe>
        {p.title}
      </title>
      <desc id={`${p.id}-d`} safe>
        {p.desc}
      </desc>
      {p.children}
    </svg>
  );
}
