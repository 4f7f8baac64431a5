import type { ViewContext } from '../../../platform/views/context.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { DateRange } from '../../action-plans/views/components.tsx';
import type { AgreementRow } from '../bodies.repository.ts';
import { countText } from './parts.tsx';

export function AgreementsPage({ ctx, agreements }: { ctx: ViewContext; agreements: AgreementRow[] }) {
  const { t } = ctx;
  const scopes = ['regional', 'sectoral'] as const;
  return (
    <Layout ctx={ctx} meta={{ title: t('bodies.agreements_title'), breadcrumbs: [{ href: '/bodies', label: t('bodies.title') }], alternates: [{ href: '/api/v1/agreements', type: 'application/json', title: 'JSON' }, { href: '/agreements.csv', type: 'text/csv', title: 'CSV' }] }}>
      <h1 safe>{t('bodies.agreements_title')}</h1>
      <p class="lead" safe>{t('bodies.agreements_lead')}</p>
      {scopes.map((scope) => {
        const rows = agreements.filter((a) => a.scope === scope);
        if (rows.length === 0) return '';
        return (
          <section aria-labelledby={`scope-${scope}`}>
            <h2 id={`scope-${scope}`} safe>
              {t(`bodies.scope.${scope}`)}
            </h2>
            <div class="krds-table-wrap">
              <table class="tbl agreements-table">
                <caption class="sr-only" safe>{`${t('bodies.agreements_title')} · ${t(`bodies.scope.${scope}`)}`}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('bodies.agreement')}</th>
                    <th scope="col" safe>{t('bodies.date')}</th>
                    <th scope="col" safe>{t('bodies.signatories')}</th>
                    <th scope="col" safe>{t('bodies.commitment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr id={a.key}>
                      <td lang={langOfText(ctx, a.title)} safe>{a.title}</td>
                      <td>
                        <DateRange ctx={ctx} row={a} />
                      </td>
                      <td>
                        <span safe>{a.signatory_count === null ? t('bodies.not_given') : countText(ctx, a.signatory_count, a.signatory_qualifier, 'organizations')}</span>
                        {a.signatory_label ? (
                          <span class="muted small" lang={langOfText(ctx, a.signatory_label)} safe>
                            {` (${a.signatory_label})`}
                          </span>
                        ) : (
                          ''
                        )}
                      </td>
                      <td>{a.commitment_code && a.plan_slug ? <a href={`/plans/${a.plan_slug}/commitments/${a.commitment_code}`} safe>{a.commitment_code}</a> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p class="muted small" safe>{t('bodies.source', { source: [...new Set(agreements.map((a) => a.source).filter(Boolean))].join('; ') })}</p>
      <p>
        <a href="/agreements.csv">CSV</a> · <a href="/api/v1/agreements">JSON</a>
      </p>
    </Layout>
  );
}
