import { formatNumber } from '../../../platform/i18n/i18n.ts';
import { langOfText, JoinedText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ChartFigure } from '../../../platform/views/charts/figure.tsx';
import { StackedBarChart } from '../../../platform/views/charts/stacked-bar.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { BreakdownRow, presentAggregate } from '../proposals.presenter.ts';

type Aggregate = ReturnType<typeof presentAggregate>;

function pct(ctx: ViewContext, rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)}%`;
}

/**
 * Suggestions by outcome per year, as stacked bars with the adoption rate at the end. The source gives
 * the suggestions, those adopted and (for one year) those under review; the rest is shown as what it is,
 * "not adopted or not stated", never split further.
 */
export function AggregateChart({ ctx, rows, id }: { ctx: ViewContext; rows: Aggregate[]; id: string }) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.locale, v);
  const outcomes = rows.map((r) => {
    const review = r.under_review ?? 0;
    return { r, values: [r.adopted, review, Math.max(0, r.suggestions - r.adopted - review)] };
  });
  const series = [t('charts.adopted'), t('charts.under_review'), t('charts.rest')];
  return (
    <ChartFigure
      ctx={ctx}
      id={id}
      caption={t('charts.adoption_title')}
      chart={<StackedBarChart id={`${id}-chart`} title={`${rows[0]?.channel_label ?? ''}: ${t('charts.adoption_title')}`} series={series} styles={[0, 1, 3]} rows={outcomes.map((o) => ({ label: String(o.r.year), values: o.values, display: pct(ctx, o.r.adoption_rate) }))} format={n} />}
      note={t('charts.rest_note')}
      table={{ caption: t('charts.adoption_title'), columns: [t('charts.year'), ...series, t('proposals.stats.suggestions'), t('proposals.stats.rate')], rows: outcomes.map((o) => ({ header: String(o.r.year), cells: [...o.values.map(n), n(o.r.suggestions), pct(ctx, o.r.adoption_rate)] })) }}
    />
  );
}

/** Proposals recorded here by year of submission: adopted (fully or partially), not adopted, awaiting a decision. */
function RecordsChart({ ctx, rows }: { ctx: ViewContext; rows: BreakdownRow[] }) {
  const { t } = ctx;
  const n = (v: number) => formatNumber(ctx.locale, v);
  const series = [t('charts.adopted_records'), t('charts.not_adopted'), t('charts.pending')];
  const values = (r: BreakdownRow) => [r.adopted, r.decided - r.adopted, r.proposals - r.decided];
  return (
    <ChartFigure
      ctx={ctx}
      id="records-by-year"
      caption={t('charts.records_title')}
      chart={rows.length ? <StackedBarChart id="records-by-year-chart" title={t('charts.records_title')} series={series} styles={[0, 3, 2]} rows={rows.map((r) => ({ label: r.label, values: values(r), display: pct(ctx, r.adoption_rate) }))} format={n} /> : null}
      table={{ caption: t('charts.records_title'), columns: [t('charts.year'), ...series, t('proposals.stats.total'), t('proposals.stats.rate')], rows: rows.map((r) => ({ header: r.label, cells: [...values(r).map(n), n(r.proposals), pct(ctx, r.adoption_rate)] })) }}
    />
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
              <th scope="row" lang={langOfText(ctx, r.label)} safe>{r.label}</th>
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
            <h2 id={`agg-${ch}`}>
              <JoinedText ctx={ctx} parts={[rows[0]!.channel_label, t('proposals.stats.aggregate_label')]} />
            </h2>
            <p class="muted" safe>{t('proposals.stats.aggregate_note')}</p>
            <div class="stats-stack">
              <AggregateChart ctx={ctx} rows={rows} id={`adoption-${ch}`} />
              <div class="krds-table-wrap">
                <table class="tbl aggregate-table">
                  <caption class="sr-only" lang={langOfText(ctx, rows[0]!.channel_label)} safe>
                    {rows[0]!.channel_label}
                  </caption>
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
                        <td>
                          <span safe>{r.under_review === null ? '—' : n(r.under_review)}</span>
                          {r.under_review !== null && r.as_of ? (
                            <span lang={langOfText(ctx, r.as_of)} safe>
                              {` (${r.as_of})`}
                            </span>
                          ) : (
                            ''
                          )}
                        </td>
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
            <RecordsChart ctx={ctx} rows={records.by_year} />
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
