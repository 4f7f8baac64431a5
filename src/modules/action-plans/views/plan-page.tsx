import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../../platform/tables.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { SelectField } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { LEVELS } from '../level.ts';
import type { PlanCycle } from '../cycle.ts';
import { notes, type CommitmentNode, type PlanTree } from '../plan-tree.ts';
import type { ProgressPoint } from '../progress-history.ts';
import { DateRange, LevelBadge, Prose, SummaryChart } from './components.tsx';
import { CycleLinks, MaturationSection, StartingPointsSection } from './plan-cycle.tsx';
import { LevelsByOrganizationFigure, ProgressOverTimeFigure } from './level-charts.tsx';
import { textLang, MarkedText, langOfText } from '../../../platform/views/lang.tsx';

export const OGP_VALUES = ['transparency', 'civic_participation', 'public_accountability', 'technology_innovation'] as const;

export interface PlanFilters {
  organization: string;
  level: string;
  value: string;
}

export function filterCommitments(commitments: CommitmentNode[], f: PlanFilters): CommitmentNode[] {
  return commitments.filter(
    (c) =>
      (f.organization === '' || c.lead_organization_key === f.organization) &&
      (f.level === '' || c.level === f.level) &&
      (f.value === '' || c.values.includes(f.value)),
  );
}


export function CommitmentTable({ ctx, slug, commitments }: { ctx: ViewContext; slug: string; commitments: CommitmentNode[] }) {
  const { t } = ctx;
  return (
    <div class="krds-table-wrap">
      <table class="tbl col data commitments-table">
        <caption class="sr-only" safe>
          {t('plan.commitments')}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('plan.code')}</th>
            <th scope="col" safe>{t('plan.title')}</th>
            <th scope="col" safe>{t('plan.lead')}</th>
            <th scope="col" safe>{t('plan.level')}</th>
            <th scope="col" safe>{t('plan.milestones_done')}</th>
          </tr>
        </thead>
        <tbody>
          {commitments.map((c) => {
            const done = c.milestones.filter((m) => m.level === 'completed').length;
            return (
              <tr>
                <td safe>{c.code}</td>
                <td>
                  <a href={`/plans/${slug}/commitments/${c.code}`} lang={textLang(ctx, c)} safe>
                    {c.title}
                  </a>
                  <div class="muted small">
                    <DateRange ctx={ctx} row={c} />
                  </div>
                </td>
                <td lang={textLang(ctx, c)} safe>{c.lead_organization_name}</td>
                <td>
                  <LevelBadge ctx={ctx} level={c.level} label={c.level_label} />
                </td>
                <td safe>{`${done} / ${c.milestones.length}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PlanPage(props: { ctx: ViewContext; tree: PlanTree; filters: PlanFilters; organizations: Selectable<OrganizationsTable>[]; progress: ProgressPoint[]; cycle: PlanCycle; canStartNext: boolean }) {
  const { ctx, tree, filters } = props;
  const { t } = ctx;
  const { plan } = tree;
  const shown = filterCommitments(tree.commitments, filters);
  const leadIds = new Set(tree.commitments.map((c) => c.lead_organization_id));
  const orgOptions = props.organizations.filter((o) => leadIds.has(o.id)).map((o) => ({ value: o.key, label: o.name, lang: textLang(ctx, o) }));
  const filtered = filters.organization !== '' || filters.level !== '' || filters.value !== '';
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: plan.title,
        breadcrumbs: [{ href: '/plans', label: t('nav.plans') }],
        alternates: [
          { href: `/api/v1/plans/${plan.slug}`, type: 'application/json', title: t('plan.json') },
          { href: `/plans/${plan.slug}/commitments.csv`, type: 'text/csv', title: t('plan.csv_commitments') },
        ],
      }}
    >
      <p class="eyebrow">
        <MarkedText ctx={ctx} k="plan.country_plan" params={{ country: plan.country_name, number: plan.number }} />
      </p>
      <h1 lang={textLang(ctx, plan, plan.title)} safe>
        {plan.title}
      </h1>
      <p class="muted" safe>
        {`${plan.period_start}-${plan.period_end} · ${t(`plan.status.${plan.status}`, { defaultValue: plan.status })}`}
      </p>
      <CycleLinks ctx={ctx} cycle={props.cycle} />
      <p class="lead-actions">
        {tree.commitments.length > 0 ? (
          <>
            <a class="krds-btn primary" href={`/plans/${plan.slug}/report`} safe>
              {t('plan.report')}
            </a>{' '}
          </>
        ) : (
          ''
        )}
        <a class="krds-btn secondary" href={`/plans/${plan.slug}/repository`} safe>
          {t('repository.link')}
        </a>{' '}
        <a class="krds-btn secondary" href={`/plans/${plan.slug}/reports`} safe>
          {t('plan_reports.nav')}
        </a>
      </p>
      <StartingPointsSection ctx={ctx} slug={plan.slug} cycle={props.cycle} />
      {tree.commitments.length === 0 ? (
        <section aria-labelledby="commitments-title">
          <h2 id="commitments-title" safe>
            {t('plan.commitments')}
          </h2>
          <p class="empty" safe>
            {t('plan.no_commitments')}
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="summary-title">
            <h2 id="summary-title" safe>
              {t('plan.summary')}
            </h2>
            <SummaryChart ctx={ctx} summary={tree.summary} id="plan-summary" />
            <LevelsByOrganizationFigure ctx={ctx} tree={tree} id="plan-by-organization" />
            <ProgressOverTimeFigure ctx={ctx} points={props.progress} id="plan-over-time" />
          </section>
          <section aria-labelledby="commitments-title">
            <h2 id="commitments-title" safe>
              {t('plan.commitments')}
            </h2>
            <form method="get" action={`/plans/${plan.slug}`} class="filters" aria-label={t('plan.filters')}>
              <SelectField id="organization" label={t('plan.organization')} value={filters.organization} all={t('plan.all')} options={orgOptions} />
              <SelectField id="level" label={t('plan.level')} value={filters.level} all={t('plan.all')} options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
              <SelectField id="value" label={t('plan.value')} value={filters.value} all={t('plan.all')} options={OGP_VALUES.map((v) => ({ value: v, label: t(`value.${v}`) }))} />
              <div class="filter-actions">
                <button type="submit" class="krds-btn secondary" safe>
                  {t('plan.apply')}
                </button>
                {filtered ? (
                  <a class="krds-btn text" href={`/plans/${plan.slug}`} safe>
                    {t('plan.reset')}
                  </a>
                ) : (
                  ''
                )}
              </div>
            </form>
            <p class="result-count" role="status" safe>
              {t('plan.showing', { count: shown.length })}
            </p>
            {shown.length > 0 ? (
              <CommitmentTable ctx={ctx} slug={plan.slug} commitments={shown} />
            ) : (
              <p class="empty" safe>
                {t('plan.none_match')}
              </p>
            )}
          </section>
        </>
      )}
      {tree.irm.length > 0 ? (
        <section aria-labelledby="irm-title">
          <h2 id="irm-title" safe>
            {t('report.irm')}
          </h2>
          <ol class="irm-list">
            {tree.irm.map((r) => (
              <li>
                <details>
                  <summary lang={textLang(ctx, r)} safe>
                    {r.title}
                  </summary>
                  <p class="muted small" safe>
                    {t('report.response')}
                  </p>
                  <Prose text={r.response} lang={textLang(ctx, r)} />
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      <MaturationSection ctx={ctx} slug={plan.slug} cycle={props.cycle} canStart={props.canStartNext} />
      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title" safe>
          {t('plan.downloads')}
        </h2>
        <ul class="link-list">
          <li>
            <a href={`/plans/${plan.slug}/commitments.csv`} download="" safe>
              {t('plan.csv_commitments')}
            </a>
          </li>
          <li>
            <a href={`/plans/${plan.slug}/milestones.csv`} download="" safe>
              {t('plan.csv_milestones')}
            </a>
          </li>
          <li>
            <a href={`/api/v1/plans/${plan.slug}`} safe>
              {t('plan.json')}
            </a>
          </li>
        </ul>
      </section>
      {notes(plan.source_notes).length > 0 ? (
        <details class="source-notes">
          <summary safe>{t('commitment.source_notes')}</summary>
          <ul>
            {notes(plan.source_notes).map((n) => (
              <li lang={langOfText(ctx, n)} safe>
                {n}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        ''
      )}
    </Layout>
  );
}
