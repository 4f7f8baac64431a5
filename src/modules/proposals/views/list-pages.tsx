import type { ViewContext } from '../../../platform/views/context.ts';
import { MarkedText } from '../../../platform/views/lang.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { isOverdue, STATES } from '../proposal-state.ts';
import type { ProposalRow } from '../proposals.repository.ts';
import { ProposalTable } from './parts.tsx';

export function ProposalsPage({ ctx, rows, today, state, title }: { ctx: ViewContext; rows: ProposalRow[]; today: string; state: string; title?: string }) {
  const { t } = ctx;
  const heading = title ?? t('proposals.list_title');
  return (
    <Layout ctx={ctx} meta={{ title: heading, alternates: [{ href: '/api/v1/proposals', type: 'application/json', title: 'JSON' }, { href: '/proposals.csv', type: 'text/csv', title: 'CSV' }] }}>
      <h1 safe>{heading}</h1>
      <p class="lead" safe>{t('proposals.list_lead')}</p>
      <form method="get" action="/proposals" class="filters">
        <div class="form-group">
          <div class="form-tit">
            <label for="state" safe>{t('proposals.filter_state')}</label>
          </div>
          <select id="state" name="state" class="krds-form-select">
            <option value="" selected={state === ''} safe>
              {t('proposals.all')}
            </option>
            {STATES.map((s) => (
              <option value={s} selected={state === s} safe>
                {t(`proposals.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="filter-actions">
          <button type="submit" class="krds-btn secondary" safe>
            {t('proposals.apply')}
          </button>
        </div>
      </form>
      <p class="result-count muted" safe>{`${rows.length}`}</p>
      <ProposalTable ctx={ctx} rows={rows} today={today} caption={heading} />
      <p>
        <a href="/proposals.csv">CSV</a> · <a href="/api/v1/proposals">JSON</a>
      </p>
    </Layout>
  );
}

export function QueuePage({ ctx, org, rows, today }: { ctx: ViewContext; org: { key: string; name: string }; rows: ProposalRow[]; today: string }) {
  const { t } = ctx;
  const overdue = rows.filter((p) => isOverdue(p, today));
  const awaiting = rows.filter((p) => p.state === 'submitted' || p.state === 'routed');
  const sorted = [...overdue, ...rows.filter((p) => !isOverdue(p, today))];
  const title = t('proposals.queue_title', { org: org.name });
  return (
    <Layout ctx={ctx} meta={{ title, breadcrumbs: [{ href: '/organizations', label: t('org.title') }, { href: `/organizations/${org.key}`, label: org.name }] }}>
      <h1>
        <MarkedText ctx={ctx} k="proposals.queue_title" params={{ org: org.name }} />
      </h1>
      <p class="lead" safe>{t('proposals.queue_lead')}</p>
      <p class="queue-counts">
        <span class={`krds-badge ${overdue.length > 0 ? 'bg-light-danger' : 'bg-light-gray'}`} safe>
          {t('proposals.queue_overdue', { count: overdue.length })}
        </span>{' '}
        <span class="krds-badge bg-light-information" safe>
          {t('proposals.queue_awaiting', { count: awaiting.length })}
        </span>
      </p>
      <ProposalTable ctx={ctx} rows={sorted} today={today} caption={title} />
    </Layout>
  );
}
