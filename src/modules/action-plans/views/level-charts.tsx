// The plan's charts: levels at a glance, levels by organization, progress over time. Each is a figure
// with its data table; the levels keep the same colour and pattern wherever they are drawn.
import { formatDay, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { ChartFigure } from '../../../platform/views/charts/figure.tsx';
import { LineChart } from '../../../platform/views/charts/line.tsx';
import { StackedBarChart } from '../../../platform/views/charts/stacked-bar.tsx';
import { LEVELS, summarize, type LevelSummary } from '../level.ts';
import type { PlanTree } from '../plan-tree.ts';
import { levelsByOrganization, levelValues, type ProgressPoint } from '../progress-history.ts';

/** Styles of not started, limited, substantial, completed: completed is solid green everywhere. */
export const LEVEL_STYLES = [3, 2, 1, 0];

/** Records whose level the source does not give are counted apart, never spread over the levels. */
function unknown(s: LevelSummary): number {
  return s.total - levelValues(s).reduce((a, b) => a + b, 0);
}

/** The series of a levels chart: the four levels, and "not readable" only where some record has no level. */
function levelSeries(ctx: ViewContext, summaries: LevelSummary[]) {
  const withUnknown = summaries.some((s) => unknown(s) > 0);
  return {
    names: [...LEVELS.map((l) => ctx.t(`level.${l}`)), ...(withUnknown ? [ctx.t('level.unknown')] : [])],
    styles: [...LEVEL_STYLES, ...(withUnknown ? [4] : [])],
    values: (s: LevelSummary) => [...levelValues(s), ...(withUnknown ? [unknown(s)] : [])],
  };
}

function levelColumns(ctx: ViewContext, first: string, names: string[]): string[] {
  return [first, ...names, ctx.t('charts.total')];
}

function summaryCells(ctx: ViewContext, values: number[], s: LevelSummary): string[] {
  return [...values, s.total].map((n) => formatNumber(ctx.locale, n));
}

export function milestoneSummary(tree: PlanTree): LevelSummary {
  return summarize(tree.commitments.flatMap((c) => c.milestones.map((m) => m.level)));
}

/** Commitments and milestones by level, two stacked bars: the plan at a glance. */
export function PlanLevelsFigure({ ctx, tree, id }: { ctx: ViewContext; tree: PlanTree; id: string }) {
  const { t } = ctx;
  const milestones = milestoneSummary(tree);
  const rows = [
    { label: t('home_page.progress.commitments'), s: tree.summary },
    { label: t('home_page.progress.milestones'), s: milestones },
  ];
  const ls = levelSeries(ctx, rows.map((r) => r.s));
  return (
    <ChartFigure
      ctx={ctx}
      id={id}
      caption={t('home_page.progress.chart_title')}
      chart={<StackedBarChart id={`${id}-chart`} title={`${tree.plan.title}: ${t('home_page.progress.chart_title')}`} series={ls.names} styles={ls.styles} normalize rows={rows.map((r) => ({ label: r.label, values: ls.values(r.s) }))} format={(n) => formatNumber(ctx.locale, n)} />}
      table={{ caption: t('home_page.progress.chart_title'), columns: levelColumns(ctx, t('home_page.progress.level'), ls.names), rows: rows.map((r) => ({ header: r.label, cells: summaryCells(ctx, ls.values(r.s), r.s) })) }}
    />
  );
}

export function LevelsByOrganizationFigure({ ctx, tree, id }: { ctx: ViewContext; tree: PlanTree; id: string }) {
  const { t } = ctx;
  const orgs = levelsByOrganization(tree.commitments);
  const ls = levelSeries(ctx, orgs.map((o) => o.summary));
  return (
    <ChartFigure
      ctx={ctx}
      id={id}
      caption={t('charts.by_org_title')}
      chart={orgs.length ? <StackedBarChart id={`${id}-chart`} title={t('charts.by_org_title')} series={ls.names} styles={ls.styles} rows={orgs.map((o) => ({ label: o.name, lang: langOfText(ctx, o.name), values: ls.values(o.summary) }))} format={(n) => formatNumber(ctx.locale, n)} /> : null}
      table={{ caption: t('charts.by_org_title'), columns: levelColumns(ctx, t('charts.organization'), ls.names), rows: orgs.map((o) => ({ header: o.name, lang: langOfText(ctx, o.name), href: `/organizations/${o.key}`, cells: summaryCells(ctx, ls.values(o.summary), o.summary) })) }}
    />
  );
}

/** Lines of commitments per level after each day a level changed; in words when fewer than two days are recorded. */
export function ProgressOverTimeFigure({ ctx, points, id }: { ctx: ViewContext; points: ProgressPoint[]; id: string }) {
  const { t } = ctx;
  const series = LEVELS.map((l) => ({ label: t(`level.${l}`), points: points.map((p) => ({ x: p.day, y: p.summary[l] })) }));
  return (
    <ChartFigure
      ctx={ctx}
      id={id}
      caption={t('charts.over_time_title')}
      chart={LineChart({ id: `${id}-chart`, title: t('charts.over_time_title'), series, styles: LEVEL_STYLES, step: true, formatX: (d) => formatDay(ctx.locale, d), format: (n) => formatNumber(ctx.locale, n) })}
      empty={t('chart.not_enough_points', { count: points.length })}
      note={t('charts.over_time_note')}
      table={{ caption: t('charts.over_time_title'), columns: levelColumns(ctx, t('charts.day'), LEVELS.map((l) => t(`level.${l}`))), rows: points.map((p) => ({ header: formatDay(ctx.locale, p.day), cells: summaryCells(ctx, levelValues(p.summary), p.summary) })) }}
    />
  );
}
