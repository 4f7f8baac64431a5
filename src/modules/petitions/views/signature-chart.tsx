// A petition's signatures over time: a line of the running total, with the figures per day in a table.
import { formatDay, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ChartFigure } from '../../../platform/views/charts/figure.tsx';
import { LineChart } from '../../../platform/views/charts/line.tsx';
import type { SignatureDay } from '../signature-history.ts';

export function SignaturesFigure({ ctx, days, count }: { ctx: ViewContext; days: SignatureDay[]; count: number }) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.locale, v);
  const recorded = days.length ? days[days.length - 1]!.total : 0;
  const series = [{ label: t('charts.signatures'), points: days.map((d) => ({ x: d.day, y: d.total })) }];
  return (
    <section aria-labelledby="signatures-chart-title">
      <h2 id="signatures-chart-title" safe>
        {t('charts.signatures_title')}
      </h2>
      <ChartFigure
        ctx={ctx}
        id="petition-signatures"
        caption={t('charts.signatures_note')}
        chart={LineChart({ id: 'petition-signatures-chart', title: t('charts.signatures_title'), series, styles: [1], formatX: (d) => formatDay(ctx.locale, d), format: n })}
        empty={t('chart.not_enough_points', { count: days.length })}
        note={recorded < count ? t('charts.signatures_partial', { recorded: n(recorded), total: n(count) }) : undefined}
        table={{ caption: t('charts.signatures_title'), columns: [t('charts.day'), t('charts.signatures_day'), t('charts.signatures')], rows: days.map((d) => ({ header: formatDay(ctx.locale, d.day), cells: [n(d.n), n(d.total)] })) }}
      />
    </section>
  );
}
