import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { BreakdownRow, presentAggregate } from '../proposals.presenter.ts';

type Aggregate = ReturnType<typeof presentAggregate>;

function pct(ctx: ViewContext, rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)}%`;
}

/** Grouped bars (suggestions, adopted) per year, drawn on the server; the table beside it carries the same figures. */
export function AggregateChart({ ctx, rows }: { ctx: ViewContext; rows: Aggregate[] }) {
  const { t } = ctx;
  const max = Math.max(1, ...rows.map((r) => r.suggestions));
  const W = 560;
  const rowH = 64;
  const left = 70;
  const barMax = W - left - 140;
  const H = rows.length * rowH + 40;
  return (
    <svg class="summary-chart stats-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="agg-chart-title">
      <title id="agg-chart-title" safe>
        {t('proposals.stats.chart_title')}
      </title>
      {rows.map((r, i) => {
        const y = 10 + i * rowH;
        const ws = Math.round((r.suggestions / max) * barMax);
        const wa = Math.round((r.adopted / max) * barMax);
        return (
          <g>
            <text x="0" y={String(y + 26)} class="chart-label" safe>
              {String(r.year)}
            </text>
            <rect x={String(left)} y={String(y)} width={String(ws)} height="22" fill="#8fb6ee" />
            <text x={String(left + ws + 6)} y={String(y + 16)} class="chart-value" safe>
              {`${formatNumber(ctx.locale, r.suggestions)} ${t('proposals.stats.legend_suggestions')}`}
            </text>
            <rect x={String(left)} y={String(y + 26)} width={String(wa)} height="22" fill="#0b50d0" />
            <text x={String(left + wa + 6)} y={String(y + 42)} class="chart-value" safe>
              {`${formatNumber(ctx.locale, r.adopted)} ${t('proposals.stats.legend_adopted')} · ${pct(ctx, r.adoption_rate)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function BreakdownTable({ ctx, title, rows }: { ctx: ViewContext; title: string; rows: BreakdownRow[] }) {
  const { t } = ctx;
  return (
    <div class="krds-table-wrap">
      <table class="tbl breakdown-table">
        <caption safe>{title}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{title}</th>
            <th scope="col" safe>{t('proposals.stats.total')}</th>
            <th scope="col" safe>{t('proposals.stats.decided')}</th>
            <th scope="col" safe>{t('proposals.stats.adopted')}</th>
            <th scope="col" safe>{t('proposals.stats.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row" safe>{r.label}</th>
              <td safe>{formatNumber(ctx.locale, r.proposals)}</td>
              <td safe>{formatNumber(ctx.locale, r.decided)}</td>
              <td safe>{formatNumber(ctx.locale, r.adopted)}</td>
              <td safe>{pct(ctx, r.adoption_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatsPage(props: {
  ctx: ViewContext;
  aggregates: Aggregate[];
  records: { total: number; by_year: BreakdownRow[]; by_organization: BreakdownRow[]; by_channel: BreakdownRow[] };
}) {
  const { ctx, aggregates, records } = props;
  const { t } = ctx;
  const n = (v: number | null) => (v === null ? '—' : formatNumber(ctx.locale, v));
  const channels = [...new Set(aggregates.map((a) => a.channel))];
  return (
    <Layout ctx={ctx} meta={{ title: t('proposals.stats.title'), alternates: [{ href: '/api/v1/proposals/statistics', type: 'application/json', title: 'JSON' }, { href: '/proposals/statistics.csv', type: 'text/csv', title: 'CSV' }] }}>
      <h1 safe>{t('proposals.stats.title')}</h1>
      <p class="lead" safe>{t('proposals.stats.lead')}</p>
      <p class="lead-actions">
        <a class="krds-btn secondary" href="/surveys" safe>
          {t('surveys.title')}
        </a>
      </p>
      {channels.map((ch) => {
        const rows = aggregates.filter((a) => a.channel === ch);
        return (
          <section aria-labelledby={`agg-${ch}`}>
            <h2 id={`agg-${ch}`} safe>{`${rows[0]!.channel_label} · ${t('proposals.stats.aggregate_label')}`}</h2>
            <p class="muted" safe>{t('proposals.stats.aggregate_note')}</p>
            <div class="stats-stack">
              <figure class="summary-figure">
                <figcaption safe>{t('proposals.stats.chart_title')}</figcaption>
                <AggregateChart ctx={ctx} rows={rows} />
              </figure>
              <div class="krds-table-wrap">
                <table class="tbl aggregate-table">
                  <caption class="sr-only" safe>{rows[0]!.channel_label}</caption>
                  <thead>
                    <tr>
                      <th scope="col" safe>{t('proposals.stats.year')}</th>
                      <th scope="col" safe>{t('proposals.stats.forums')}</th>
                      <th scope="col" safe>{t('proposals.stats.participants')}</th>
                      <th scope="col" safe>{t('proposals.stats.suggestions')}</th>
                      <th scope="col" safe>{t('proposals.stats.adopted')}</th>
                      <th scope="col" safe>{t('proposals.stats.under_review')}</th>
                      <th scope="col" safe>{t('proposals.stats.rate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr>
                        <th scope="row" safe>{String(r.year)}</th>
                        <td safe>{n(r.forums)}</td>
                        <td safe>{n(r.participants)}</td>
                        <td safe>{n(r.suggestions)}</td>
                        <td safe>{n(r.adopted)}</td>
                        <td safe>{r.under_review === null ? '—' : `${n(r.under_review)}${r.as_of ? ` (${r.as_of})` : ''}`}</td>
                        <td class="rate" safe>{pct(ctx, r.adoption_rate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p class="muted small" safe>{`${t('proposals.stats.source')}: ${[...new Set(rows.map((r) => r.source).filter(Boolean))].join('; ')}`}</p>
              </div>
            </div>
          </section>
        );
      })}
      <section aria-labelledby="records-title">
        <h2 id="records-title" safe>{`${t('proposals.stats.from_records')} (${formatNumber(ctx.locale, records.total)})`}</h2>
        <p class="muted" safe>{t('proposals.stats.rate_note')}</p>
        {records.total === 0 ? (
          <p class="empty" safe>{t('proposals.stats.no_records')}</p>
        ) : (
          <div class="stack">
            <BreakdownTable ctx={ctx} title={t('proposals.stats.by_year')} rows={records.by_year} />
            <BreakdownTable ctx={ctx} title={t('proposals.stats.by_organization')} rows={records.by_organization} />
            <BreakdownTable ctx={ctx} title={t('proposals.stats.by_channel')} rows={records.by_channel} />
          </div>
        )}
      </section>
      <p>
        <a href="/proposals/statistics.csv">CSV</a> · <a href="/api/v1/proposals/statistics">JSON</a>
      </p>
    </Layout>
  );
}
