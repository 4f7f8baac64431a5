import type { Children } from '@kitajs/html';
import { MarkedText, textLang, langOfText } from '../../../platform/views/lang.tsx';
// The home page: what is open, what is near, what moved this month, who owes an answer, and the plan at a glance.
import { formatDateTime, formatDay, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { LevelBadge, ShareBar } from '../../action-plans/views/components.tsx';
import { milestoneSummary, PlanLevelsFigure } from '../../action-plans/views/level-charts.tsx';
import { daysBetween, DUE_KINDS, duesByOrganization, overdueItems, type OrganizationDues } from '../dues.ts';
import type { HomeData } from '../home-data.ts';

function Section({ id, title, children, more }: { id: string; title: string; children?: Children; more?: { href: string; label: string } }) {
  return (
    <section class="home-section" aria-labelledby={id}>
      <div class="home-section-head">
        <h2 id={id} safe>
          {title}
        </h2>
        {more ? (
          <a href={more.href} class="home-more" safe>
            {more.label}
          </a>
        ) : (
          ''
        )}
      </div>
      {children}
    </section>
  );
}

function Calls({ ctx, d }: { ctx: ViewContext; d: HomeData }) {
  const { t } = ctx;
  return (
    <Section id="home-calls" title={t('home_page.calls.title')} more={{ href: '/calls', label: t('home_page.calls.all') }}>
      {d.openCalls.length === 0 ? <p class="empty" safe>{t('home_page.calls.none')}</p> : ''}
      <ul class="home-list">
        {d.openCalls.slice(0, d.limit).map((c) => {
          const left = daysBetween(d.today, c.closes_on!);
          return (
            <li>
              <a href={`/calls/${c.slug}`} lang={langOfText(ctx, c.title)} safe>
                {c.title}
              </a>
              <span class="home-meta">
                <time datetime={c.closes_on!} safe>{t('home_page.calls.closes', { date: formatDay(ctx.locale, c.closes_on!) })}</time>
                {' · '}
                <strong safe>{left === 0 ? t('home_page.calls.last_day') : t('home_page.calls.days_left', { count: left })}</strong>
              </span>
            </li>
          );
        })}
        {d.upcomingCalls.slice(0, d.limit).map((c) => (
          <li>
            <a href={`/calls/${c.slug}`} lang={langOfText(ctx, c.title)} safe>
              {c.title}
            </a>
            <span class="home-meta" safe>{t('home_page.calls.upcoming', { date: formatDay(ctx.locale, c.opens_on!) })}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function NearThreshold({ ctx, d }: { ctx: ViewContext; d: HomeData }) {
  const { t } = ctx;
  return (
    <Section id="home-petitions" title={t('home_page.petitions.title')} more={{ href: '/petitions', label: t('home_page.petitions.all') }}>
      <p class="muted small" safe>{t('home_page.petitions.note', { percent: d.nearPercent })}</p>
      {d.nearThreshold.length === 0 ? <p class="empty" safe>{t('home_page.petitions.none')}</p> : ''}
      <ul class="home-list">
        {d.nearThreshold.map((p) => {
          const percent = Math.floor((p.signature_count * 100) / p.threshold!);
          return (
            <li>
              <a href={`/petitions/${p.id}`} lang={langOfText(ctx, p.title)} safe>
                {p.title}
              </a>
              <span class="home-meta home-bar">
                <ShareBar percent={percent} color="#0b5cad" />
                <span safe>{t('home_page.petitions.count', { count: formatNumber(ctx.locale, p.signature_count), threshold: formatNumber(ctx.locale, p.threshold!), percent })}</span>
              </span>
              {p.closes_at ? <span class="home-meta" safe>{t('home_page.petitions.closes', { date: formatDateTime(ctx.locale, p.closes_at) })}</span> : ''}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function Updated({ ctx, d }: { ctx: ViewContext; d: HomeData }) {
  const { t } = ctx;
  return (
    <Section id="home-updated" title={t('home_page.updated.title')}>
      <p class="muted small" safe>{t('home_page.updated.note', { date: formatDay(ctx.locale, `${d.today.slice(0, 7)}-01`) })}</p>
      {d.updated.length === 0 ? <p class="empty" safe>{t('home_page.updated.none')}</p> : ''}
      <ul class="home-list">
        {d.updated.map((c) => (
          <li>
            <a href={`/plans/${c.plan_slug}/commitments/${c.code}#update-${c.last_update_id}`} safe>
              {`${c.code}. ${c.title}`}
            </a>
            <span class="home-meta">
              <LevelBadge ctx={ctx} level={c.level} /> <span safe>{`${c.organization_name} · ${t('home_page.updated.updates', { count: Number(c.updates) })}, ${t('home_page.updated.last', { date: formatDateTime(ctx.locale, String(c.last_posted_at)) })}`}</span>
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function orgName(ctx: ViewContext, o: { key?: string | null; name: string | null }): string {
  return o.name ?? ctx.t('home_page.dues.administrators');
}

function DuesTable({ ctx, rows }: { ctx: ViewContext; rows: OrganizationDues[] }) {
  const { t } = ctx;
  const cell = (r: OrganizationDues, k: (typeof DUE_KINDS)[number]) =>
    r.overdue[k] > 0 ? t('home_page.dues.awaiting_overdue', { awaiting: formatNumber(ctx.locale, r.awaiting[k]), overdue: formatNumber(ctx.locale, r.overdue[k]) }) : formatNumber(ctx.locale, r.awaiting[k]);
  return (
    <div class="krds-table-wrap">
      <table class="tbl data dues-table">
        <caption class="sr-only" safe>{t('home_page.dues.title')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('home_page.dues.organization')}</th>
            {DUE_KINDS.map((k) => (
              <th scope="col" safe>{t(`home_page.dues.${k}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.overdueTotal > 0 ? 'has-overdue' : ''}>
              <th scope="row">{r.key ? <a href={`/organizations/${r.key}`} safe>{orgName(ctx, r)}</a> : <span safe>{orgName(ctx, r)}</span>}</th>
              {DUE_KINDS.map((k) => (
                <td class={r.overdue[k] > 0 ? 'overdue' : ''} safe>{cell(r, k)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Dues({ ctx, d }: { ctx: ViewContext; d: HomeData }) {
  const { t } = ctx;
  const rows = duesByOrganization(d.dues, d.today);
  const overdue = overdueItems(d.dues, d.today);
  return (
    <Section id="home-dues" title={t('home_page.dues.title')}>
      <p class="muted small" safe>{t('home_page.dues.note')}</p>
      {rows.length === 0 ? <p class="empty" safe>{t('home_page.dues.none')}</p> : <DuesTable ctx={ctx} rows={rows} />}
      {rows.length ? <p class="muted small" safe>{t('home_page.dues.no_deadline')}</p> : ''}
      <h3 safe>{t('home_page.dues.overdue_title')}</h3>
      {overdue.length === 0 ? <p class="empty" safe>{t('home_page.dues.overdue_none')}</p> : ''}
      <ul class="home-list">
        {overdue.slice(0, d.limit).map((i) => (
          <li>
            <a href={i.href} lang={langOfText(ctx, i.title)} safe>
              {i.title}
            </a>
            <span class="home-meta overdue" safe>{`${t(`home_page.dues.${i.kind}`)} · ${orgName(ctx, { name: i.organization_name })} · ${t('home_page.dues.overdue_since', { date: formatDay(ctx.locale, i.due_on!), count: daysBetween(i.due_on!, d.today) })}`}</span>
          </li>
        ))}
      </ul>
      {overdue.length > d.limit ? <p class="muted small" safe>{t('home_page.dues.more', { count: overdue.length - d.limit })}</p> : ''}
    </Section>
  );
}

function Progress({ ctx, d }: { ctx: ViewContext; d: HomeData }) {
  const { t } = ctx;
  return (
    <Section id="home-progress" title={t('home_page.progress.title')}>
      {d.plans.length === 0 ? <p class="empty" safe>{t('home_page.progress.none')}</p> : ''}
      {d.plans.map((tree) => {
        const m = milestoneSummary(tree);
        return (
          <article class="plan-card">
            <p class="eyebrow">
              <MarkedText ctx={ctx} k="plan.country_plan" params={{ country: tree.plan.country_name, number: tree.plan.number }} />
            </p>
            <h3>
              <a href={`/plans/${tree.plan.slug}`} lang={textLang(ctx, tree.plan, tree.plan.title)} safe>
                {tree.plan.title}
              </a>
            </h3>
            {tree.commitments.length === 0 ? (
              // A plan in co-creation has no commitments yet: its page says where co-creation starts.
              <p safe>{`${t(`plan.status.${tree.plan.status}`, { defaultValue: tree.plan.status })} · ${t('plan.no_commitments')}`}</p>
            ) : (
              <>
                <p safe>{`${t('home.commitments_count', { count: tree.summary.total })} · ${t('home_page.progress.milestones_done', { done: formatNumber(ctx.locale, m.completed), total: formatNumber(ctx.locale, m.total) })}`}</p>
                <PlanLevelsFigure ctx={ctx} tree={tree} id={`glance-${tree.plan.slug}`} />
              </>
            )}
            <p class="card-actions">
              <a class="krds-btn primary" href={`/plans/${tree.plan.slug}`} safe>
                {t('home.view_plan')}
              </a>
              {tree.commitments.length > 0 ? (
                <a class="krds-btn secondary" href={`/plans/${tree.plan.slug}/report`} safe>
                  {t('home.read_report')}
                </a>
              ) : (
                ''
              )}
            </p>
          </article>
        );
      })}
    </Section>
  );
}

export function HomePage({ ctx, d }: { ctx: ViewContext; d: HomeData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('home.title') }}>
      <section class="hero">
        <h1 safe>{t('home.title')}</h1>
        <p class="lead" safe>
          {t('home.lead')}
        </p>
      </section>
      <div class="home-grid">
        <Calls ctx={ctx} d={d} />
        <NearThreshold ctx={ctx} d={d} />
        <Updated ctx={ctx} d={d} />
      </div>
      <Dues ctx={ctx} d={d} />
      <Progress ctx={ctx} d={d} />
    </Layout>
  );
}
