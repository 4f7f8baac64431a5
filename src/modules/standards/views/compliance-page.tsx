import type { ViewContext } from '../../../platform/views/context.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { evaluate, RuleSetVersion } from '../standards.ts';

const BADGE: Record<string, string> = { pass: 'bg-light-success', fail: 'bg-light-danger', not_enough_data: 'bg-light-gray' };

export function CompliancePage(props: { ctx: ViewContext; slug: string; planTitle: string; version: RuleSetVersion; results: ReturnType<typeof evaluate> }) {
  const { ctx, slug, version } = props;
  const { t } = ctx;
  const lang = ctx.locale === 'ko' ? 'ko' : 'en';
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${t('standards.title')} · ${props.planTitle}`,
        breadcrumbs: [
          { href: '/plans', label: t('nav.plans') },
          { href: `/plans/${slug}`, label: props.planTitle },
        ],
        alternates: [{ href: `/api/v1/plans/${slug}/compliance`, type: 'application/json', title: 'JSON' }],
      }}
    >
      <h1 safe>{t('standards.title')}</h1>
      <p class="lead" safe>{version.title[lang]}</p>
      <p safe>{t('standards.lead')}</p>
      <ol class="compliance-list">
        {props.results.map((r) => (
          <li class={`compliance-rule result-${r.result}`} id={`rule-${r.id}`}>
            <p class="compliance-head">
              <span class={`krds-badge ${BADGE[r.result]}`} safe>
                {t(`standards.result.${r.result}`)}
              </span>{' '}
              <strong safe>{r.id}</strong> <span safe>{r.requirement[lang]}</span>
            </p>
            {r.evidence.length ? (
              <div>
                <p class="small muted" safe>{t('standards.evidence')}</p>
                <ul class="small">
                  {r.evidence.map((e) => (
                    <li>
                      <a href={e.url} lang={langOfText(ctx, e.label)} safe>
                        {e.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              ''
            )}
            {r.missing.length ? (
              <p class="small" safe>{`${t('standards.missing_title')}: ${r.missing.map((m) => t(`standards.missing.${m}`)).join(' ')}`}</p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      <p>
        <a href={`/api/v1/plans/${slug}/compliance`}>
          JSON (API)
        </a>
      </p>
    </Layout>
  );
}
