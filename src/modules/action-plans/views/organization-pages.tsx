import { FollowButton, type FollowView } from '../../notifications/views/follow-button.tsx';
import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../../platform/tables.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { CommitmentRow } from '../action-plans.repository.ts';
import { LevelBadge } from './components.tsx';
import { textLang, MarkedText } from '../../../platform/views/lang.tsx';

type Org = Selectable<OrganizationsTable>;

export function OrganizationsPage({ ctx, organizations, counts }: { ctx: ViewContext; organizations: Org[]; counts: Map<number, number> }) {
  const { t } = ctx;
  const top = organizations.filter((o) => o.parent_id === null);
  return (
    <Layout ctx={ctx} meta={{ title: t('org.title') }}>
      <h1 safe>{t('org.title')}</h1>
      <ul class="org-list">
        {top.map((o) => {
          const children = organizations.filter((c) => c.parent_id === o.id);
          return (
            <li>
              <a href={`/organizations/${o.key}`} lang={textLang(ctx, o)} safe>
                {o.name}
              </a>
              <span class="muted" safe>{` · ${t('org.commitments')}: ${counts.get(o.id) ?? 0}`}</span>
              {children.length > 0 ? (
                <ul>
                  {children.map((c) => (
                    <li>
                      <a href={`/organizations/${c.key}`} lang={textLang(ctx, c)} safe>
                        {c.name}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}

export function OrganizationPage(props: { ctx: ViewContext; org: Org; parent: Org | null; children: Org[]; commitments: (CommitmentRow & { plan_slug: string; plan_title: string })[]; proposals?: { awaiting: number; overdue: number }; follow?: FollowView }) {
  const { ctx, org } = props;
  const { t } = ctx;
  const sector = ['government', 'civil_society', 'academia', 'business', 'press', 'citizen'].includes(org.sector) ? t(`org.sector.${org.sector}`) : org.sector;
  return (
    <Layout ctx={ctx} meta={{ title: org.name, breadcrumbs: [{ href: '/organizations', label: t('org.title') }] }}>
      <p class="eyebrow" safe>
        {sector}
      </p>
      <h1 lang={textLang(ctx, org)} safe>{org.abbreviation ? `${org.name} (${org.abbreviation})` : org.name}</h1>
      <FollowButton ctx={ctx} f={props.follow} />
      {props.parent ? (
        <p>
          <span safe>{`${t('org.parent')}: `}</span>
          <a href={`/organizations/${props.parent.key}`} lang={textLang(ctx, props.parent)} safe>
            {props.parent.name}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.children.length > 0 ? (
        <section aria-labelledby="divisions-title">
          <h2 id="divisions-title" safe>
            {t('org.divisions')}
          </h2>
          <ul>
            {props.children.map((c) => (
              <li>
                <a href={`/organizations/${c.key}`} lang={textLang(ctx, c)} safe>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="org-commitments-title">
        <h2 id="org-commitments-title" safe>
          {t('org.commitments')}
        </h2>
        {props.commitments.length === 0 ? (
          <p class="empty" safe>{t('org.none')}</p>
        ) : (
          <ul class="org-commitments">
            {props.commitments.map((c) => (
              <li>
                <a href={`/plans/${c.plan_slug}/commitments/${c.code}`} lang={textLang(ctx, c)} safe>{`${c.code}. ${c.title}`}</a>
                <span class="muted small" lang={textLang(ctx, c)} safe>{` · ${c.plan_title} `}</span>
                <LevelBadge ctx={ctx} level={c.level} label={c.level_label} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* The organization's queue of proposals (proposals module), with the overdue ones flagged. */}
      {props.proposals ? (
        <section aria-labelledby="org-proposals-title">
          <h2 id="org-proposals-title">
            <MarkedText ctx={ctx} k="proposals.queue_title" params={{ org: org.name }} />
          </h2>
          <p>
            <span class={`krds-badge ${props.proposals.overdue > 0 ? 'bg-light-danger' : 'bg-light-gray'}`} safe>
              {t('proposals.queue_overdue', { count: props.proposals.overdue })}
            </span>{' '}
            <span class="krds-badge bg-light-information" safe>
              {t('proposals.queue_awaiting', { count: props.proposals.awaiting })}
            </span>{' '}
            <a href={`/organizations/${org.key}/proposals`} safe>
              {t('proposals.list_title')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
