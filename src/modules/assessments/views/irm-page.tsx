import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { IrmNode } from '../assessments.presenter.ts';
import { IrmUnit } from './irm-panel.tsx';

/** Every IRM commitment of a plan, with the government commitments it covers and its assessments. */
export function IrmPage(props: { ctx: ViewContext; slug: string; planTitle: string; units: IrmNode[]; canEdit: boolean }) {
  const { ctx, slug } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${t('irm.page_title')} · ${props.planTitle}`,
        breadcrumbs: [
          { href: '/plans', label: t('nav.plans') },
          { href: `/plans/${slug}`, label: props.planTitle },
        ],
        alternates: [{ href: `/api/v1/plans/${slug}/irm`, type: 'application/json', title: 'JSON' }],
      }}
    >
      <h1 safe>{t('irm.page_title')}</h1>
      <p class="lead" safe>{t('irm.page_lead')}</p>
      <ul class="inline-links">
        <li>
          <a href={`/api/v1/plans/${slug}/irm`} safe>
            {t('irm.api')}
          </a>
        </li>
        <li>
          <a href={`/plans/${slug}/ogp-commitments.csv`} safe>
            {t('irm.ogp_csv')}
          </a>
        </li>
        <li>
          <a href={`/plans/${slug}/compliance`} safe>
            {t('standards.link')}
          </a>
        </li>
        <li>
          <a href="/api/v1/schemas/plan.json" safe>
            {t('irm.plan_schema')}
          </a>
        </li>
      </ul>
      {props.units.length === 0 ? <p class="empty" safe>{t('irm.none')}</p> : ''}
      <ul class="irm-page-list">
        {props.units.map((u) => (
          <li id={u.irm_id}>
            <IrmUnit ctx={ctx} slug={slug} unit={u} ownCode={null} canEdit={props.canEdit} />
          </li>
        ))}
      </ul>
    </Layout>
  );
}
