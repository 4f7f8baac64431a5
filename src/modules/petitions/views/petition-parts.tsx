import type { ViewContext } from '../../../platform/views/context.ts';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import { ShareBar } from '../../action-plans/views/components.tsx';
import type { PetitionRow } from '../petitions.repository.ts';
import { textLang, langOfText } from '../../../platform/views/lang.tsx';

const STATE_BADGE: Record<string, string> = {
  pending_moderation: 'bg-light-gray',
  open: 'bg-light-primary',
  threshold_reached: 'bg-light-information',
  under_review: 'bg-light-information',
  accepted: 'bg-light-success',
  results_published: 'bg-light-success',
  closed: 'bg-light-gray',
  rejected: 'bg-light-danger',
  draft: 'bg-light-gray',
};

export function StateBadge({ ctx, state }: { ctx: ViewContext; state: string }) {
  return (
    <span class={`krds-badge ${STATE_BADGE[state] ?? 'bg-light-gray'} petition-state`} safe>
      {ctx.t(`petitions.state.${state}`)}
    </span>
  );
}

export function daysLeft(closesAt: string | null, now: Date): number | null {
  if (!closesAt) return null;
  return Math.ceil((new Date(closesAt).getTime() - now.getTime()) / 86_400_000);
}

/** The count, a bar to the threshold and the time left: what a signer wants to see first. */
export function CountPanel({ ctx, p, now }: { ctx: ViewContext; p: PetitionRow; now: Date }) {
  const { t } = ctx;
  const count = Number(p.signature_count);
  const left = daysLeft(p.closes_at, now);
  const signing = ['open', 'threshold_reached', 'under_review'].includes(p.state);
  return (
    <div class="count-panel">
      {p.signature_count_note ? (
        <p class="count-note" safe>
          {t('petitions.count_not_given')}
        </p>
      ) : (
        <p class="count">
          <strong class="count-number" safe>
            {formatNumber(ctx.locale, count)}
          </strong>
          <span safe>{` ${t('petitions.signature_unit', { count })}`}</span>
        </p>
      )}
      {p.threshold !== null && !p.signature_count_note ? (
        <div class="threshold">
          <ShareBar percent={Math.min(100, Math.round((count * 100) / Math.max(1, p.threshold)))} color={p.threshold_reached_at ? '#228738' : '#0b50d0'} />
          <span safe>{t('petitions.of_threshold', { threshold: formatNumber(ctx.locale, p.threshold) })}</span>
        </div>
      ) : p.threshold === null ? (
        <p class="muted small" safe>
          {t('petitions.no_threshold')}
        </p>
      ) : (
        ''
      )}
      {p.threshold_reached_at ? (
        <p class="muted small" safe>
          {t('petitions.threshold_reached', { date: formatDateTime(ctx.locale, p.threshold_reached_at) })}
        </p>
      ) : (
        ''
      )}
      {signing && left !== null ? (
        <p class="time-left" safe>
          {left <= 0 ? t('petitions.ended') : left === 1 ? t('petitions.closes_today') : t('petitions.time_left', { count: left })}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export function PetitionCard({ ctx, p, now }: { ctx: ViewContext; p: PetitionRow; now: Date }) {
  return (
    <li class="petition-card">
      <p class="eyebrow" lang={langOfText(ctx, p.organization_name)} safe>
        {p.organization_name}
      </p>
      <h2 class="petition-title">
        <a href={`/petitions/${p.id}`} lang={textLang(ctx, p, p.title)} safe>
          {p.title}
        </a>
      </h2>
      <StateBadge ctx={ctx} state={p.state} />
      <CountPanel ctx={ctx} p={p} now={now} />
    </li>
  );
}
