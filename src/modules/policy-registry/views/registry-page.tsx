import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { FiguresTable, Select, TextFilter } from '../../open-data/views/parts.tsx';
import type { TaskShape } from '../policy-registry.presenter.ts';
import type { SystemFacts } from '../registry.load.ts';
import { textLang, MarkedText, langOfText } from '../../../platform/views/lang.tsx';

export interface RegistryFilter {
  q: string;
  organization: string;
  year: string;
  status: string;
}

function Facts({ ctx, facts }: { ctx: ViewContext; facts: SystemFacts }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="system-title">
      <h2 id="system-title" safe>{t('policy_registry.system')}</h2>
      <p safe>{t('policy_registry.system_lead')}</p>
      {facts.figures.length ? <FiguresTable ctx={ctx} figures={facts.figures} /> : ''}
      {facts.milestones.length ? <h3 safe>{t('policy_registry.milestones')}</h3> : ''}
      {facts.milestones.length ? (
        <div class="krds-table-wrap">
        <table class="tbl col data">
          <caption class="sr-only" safe>
            {t('policy_registry.milestones')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('policy_registry.milestone')}</th>
              <th scope="col" safe>{t('policy_registry.start')}</th>
              <th scope="col" safe>{t('policy_registry.end')}</th>
              <th scope="col" safe>{t('policy_registry.level')}</th>
            </tr>
          </thead>
          <tbody>
            {facts.milestones.map((m) => (
              <tr>
                <td lang={textLang(ctx, m)} safe>{m.title}</td>
                <td safe>{m.start ?? t('policy_registry.empty_cell')}</td>
                <td safe>{m.end ?? t('policy_registry.empty_cell')}</td>
                <td safe>{m.level_label ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : (
        ''
      )}
      <p class="muted small">
        {facts.commitment ? (
          <a href={`/plans/${facts.commitment.plan_slug}/commitments/${facts.commitment.code}`}>
            <MarkedText ctx={ctx} k="policy_registry.commitment_link" params={{ code: facts.commitment.code, title: facts.commitment.title }} />
          </a>
        ) : (
          ''
        )}{' '}
        {facts.dataset_slug ? (
          <a href={`/open-data/datasets/${facts.dataset_slug}`} safe>
            {t('policy_registry.dataset_link')}
          </a>
        ) : (
          ''
        )}
      </p>
      <p class="muted small" safe>{t('policy_registry.no_seed_tasks')}</p>
    </section>
  );
}

export function RegistryPage(props: { ctx: ViewContext; tasks: TaskShape[]; facts: SystemFacts; filter: RegistryFilter; organizations: { key: string; name: string; source: string | null }[]; years: number[]; canRegister: boolean }) {
  const { ctx, tasks, filter } = props;
  const { t } = ctx;
  const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  return (
    <Layout ctx={ctx} meta={{ title: t('policy_registry.title'), alternates: [{ href: '/api/v1/policy-tasks', type: 'application/json', title: 'JSON' }, { href: '/policy-registry.csv', type: 'text/csv', title: 'CSV' }] }}>
      <h1 safe>{t('policy_registry.title')}</h1>
      <p class="lead" safe>{t('policy_registry.lead')}</p>
      {props.canRegister ? (
        <p class="page-actions">
          <a class="krds-btn primary" href="/policy-registry/tasks/new" safe>
            {t('policy_registry.register')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/policy-registry" class="filters" role="search" aria-label={t('policy_registry.search')}>
        <TextFilter id="q" label={t('policy_registry.search_label')} value={filter.q} />
        <Select id="organization" label={t('policy_registry.organization')} value={filter.organization} all={t('policy_registry.all')} options={props.organizations.map((o) => ({ value: o.key, label: o.name, lang: textLang(ctx, o) }))} />
        <Select id="year" label={t('policy_registry.year')} value={filter.year} all={t('policy_registry.all')} options={props.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Select id="status" label={t('policy_registry.status')} value={filter.status} all={t('policy_registry.all')} options={['designated', 'not_designated'].map((s) => ({ value: s, label: t(`policy_registry.state.${s}`) }))} />
        <button type="submit" class="krds-btn secondary" safe>
          {t('policy_registry.apply_filter')}
        </button>
      </form>
      <h2 safe>{t('policy_registry.found', { count: tasks.length })}</h2>
      {tasks.length === 0 ? (
        <p class="empty" safe>{t('policy_registry.none')}</p>
      ) : (
        <ul class="dataset-list">
          {tasks.map((task) => (
            <li class="plan-card">
              <h3>
                <a href={`/policy-registry/tasks/${task.id}`} lang={langOfText(ctx, task.title)} safe>
                  {task.title}
                </a>
              </h3>
              <p class="muted small" safe>
                {[task.organization, task.year ?? t('policy_registry.no_year'), t(`policy_registry.state.${task.status}`)].join(' · ')}
              </p>
              {task.officials.length ? (
                <p class="small" safe>
                  {t('policy_registry.final_approver_is', { name: task.officials.find((o) => o.final_approver)?.name ?? '' })}
                </p>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/policy-registry.csv${qs ? `?${qs}` : ''}`} safe>
          {t('policy_registry.csv')}
        </a>{' '}
        ·{' '}
        <a href={`/api/v1/policy-tasks${qs ? `?${qs}` : ''}`} safe>
          {t('policy_registry.json')}
        </a>
      </p>
      <Facts ctx={ctx} facts={props.facts} />
    </Layout>
  );
}
