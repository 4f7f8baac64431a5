import { formatDay } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { isOverdue, isState } from '../proposal-state.ts';
import type { CallStatus } from '../proposal-rules.ts';
import type { ProposalRow } from '../proposals.repository.ts';
import { textLang } from '../../../platform/views/lang.tsx';

const STATE_BADGE: Record<string, string> = {
  submitted: 'bg-light-gray',
  routed: 'bg-light-information',
  under_review: 'bg-light-warning',
  adopted: 'bg-light-success',
  partially_adopted: 'bg-light-success',
  not_adopted: 'bg-light-gray',
  matured: 'bg-light-information',
};

export function StateBadge({ ctx, state }: { ctx: ViewContext; state: string }) {
  return (
    <span class={`krds-badge ${STATE_BADGE[state] ?? 'bg-light-gray'} state-badge state-${state}`} safe>
      {isState(state) ? ctx.t(`proposals.state.${state}`) : state}
    </span>
  );
}

export function CallStatusBadge({ ctx, status }: { ctx: ViewContext; status: CallStatus }) {
  const cls = status === 'open' ? 'bg-light-success' : status === 'upcoming' ? 'bg-light-information' : 'bg-light-gray';
  return (
    <span class={`krds-badge ${cls}`} safe>
      {ctx.t(`proposals.status_${status}`)}
    </span>
  );
}

export function OverdueFlag({ ctx }: { ctx: ViewContext }) {
  return (
    <span class="krds-badge bg-light-danger overdue-flag" safe>
      {ctx.t('proposals.overdue')}
    </span>
  );
}

export function channelLabel(ctx: ViewContext, channel: string): string {
  return ['call', 'open_forum', 'committee', 'contest', 'idea_box'].includes(channel) ? ctx.t(`proposals.channel.${channel}`) : ctx.t('proposals.channel.other');
}

export function Due({ ctx, p, today }: { ctx: ViewContext; p: ProposalRow; today: string }) {
  if (!p.response_due_on) return <span class="muted" safe>{ctx.t('proposals.no_deadline')}</span>;
  return (
    <span>
      <time datetime={p.response_due_on} safe>
        {formatDay(ctx.locale, p.response_due_on)}
      </time>{' '}
      {isOverdue(p, today) ? <OverdueFlag ctx={ctx} /> : ''}
    </span>
  );
}

export function ProposalTable({ ctx, rows, today, caption }: { ctx: ViewContext; rows: ProposalRow[]; today: string; caption: string }) {
  const { t } = ctx;
  if (rows.length === 0) return <p class="empty" safe>{t('proposals.no_proposals')}</p>;
  return (
    <div class="krds-table-wrap">
      <table class="tbl proposals-table">
        <caption class="sr-only" safe>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('proposals.col_title')}</th>
            <th scope="col" safe>{t('proposals.col_state')}</th>
            <th scope="col" safe>{t('proposals.col_organization')}</th>
            <th scope="col" safe>{t('proposals.col_due')}</th>
            <th scope="col" safe>{t('proposals.col_supports')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr class={isOverdue(p, today) ? 'is-overdue' : ''}>
              <td>
                <a href={`/proposals/${p.id}`} lang={textLang(ctx, p)} safe>
                  {p.title}
                </a>
              </td>
              <td>
                <StateBadge ctx={ctx} state={p.state} />
              </td>
              <td lang={p.organization_name ?? p.organization_text ? textLang(ctx, p) : undefined} safe>{p.organization_name ?? p.organization_text ?? t('proposals.unrouted')}</td>
              <td>
                <Due ctx={ctx} p={p} today={today} />
              </td>
              <td safe>{String(p.supports)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
