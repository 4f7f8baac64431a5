import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PlanTree } from '../plan-tree.ts';
import { SummaryChart } from './components.tsx';
import { textLang, MarkedText } from '../../../platform/views/lang.tsx';

function PlanCard({ ctx, tree, headingLevel }: { ctx: ViewContext; tree: PlanTree; headingLevel: 2 | 3 }) {
  const { t } = ctx;
  const { plan } = tree;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="plan-card">
      <p class="eyebrow">
        <MarkedText ctx={ctx} k="plan.country_plan" params={{ country: plan.country_name, number: plan.number }} />
      </p>
      <Heading>
        <a href={`/plans/${plan.slug}`} lang={textLang(ctx, plan, plan.title)} safe>
          {plan.title}
        </a>
      </Heading>
      {tree.commitments.length === 0 ? (
        <p safe>{`${t(`plan.status.${plan.status}`, { defaultValue: plan.status })} · ${t('plan.no_commitments')}`}</p>
      ) : (
        <>
          <p safe>{t('home.commitments_count', { count: tree.summary.total })}</p>
          <SummaryChart ctx={ctx} summary={tree.summary} id={`summary-${plan.slug}`} />
        </>
      )}
      <p class="card-actions">
        <a class="krds-btn primary" href={`/plans/${plan.slug}`} safe>
          {t('home.view_plan')}
        </a>
        {tree.commitments.length > 0 ? (
          <a class="krds-btn secondary" href={`/plans/${plan.slug}/report`} safe>
            {t('home.read_report')}
          </a>
        ) : (
          ''
        )}
      </p>
    </article>
  );
}

export function PlansPage({ ctx, plans, canImport }: { ctx: ViewContext; plans: PlanTree[]; canImport: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('plan.plans_title') }}>
      <h1 safe>{t('plan.plans_title')}</h1>
      {canImport ? (
        <p>
          <a class="krds-btn secondary" href="/plans/import-ogp" safe>
            {t('ogp_import.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {plans.map((tree) => (
        <PlanCard ctx={ctx} tree={tree} headingLevel={2} />
      ))}
    </Layout>
  );
}
