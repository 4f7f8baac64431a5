import type { Selectable } from 'kysely';
import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { formatDay } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { Prose } from '../../action-plans/views/components.tsx';
import type { CallInput } from '../commands/create-call.ts';
import { callStatus } from '../proposal-rules.ts';
import type { CallRow, ProposalRow } from '../proposals.repository.ts';
import type { CallTimelineTable } from '../proposals.table.ts';
import { CallStatusBadge, ProposalTable } from './parts.tsx';
import { textLang, langOfText } from '../../../platform/views/lang.tsx';

function Window({ ctx, call }: { ctx: ViewContext; call: CallRow }) {
  if (call.opens_on && call.closes_on) {
    return (
      <span>
        <time datetime={call.opens_on} safe>
          {formatDay(ctx.locale, call.opens_on)}
        </time>
        {' – '}
        <time datetime={call.closes_on} safe>
          {formatDay(ctx.locale, call.closes_on)}
        </time>
      </span>
    );
  }
  return call.window_label ? <span lang={textLang(ctx, call)} safe>{call.window_label}</span> : <span safe>{ctx.t('date.unknown')}</span>;
}

export function CallsPage({ ctx, calls, today, canCreate }: { ctx: ViewContext; calls: CallRow[]; today: string; canCreate: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('proposals.calls_title'), alternates: [{ href: '/api/v1/calls', type: 'application/json', title: 'JSON' }] }}>
      <h1 safe>{t('proposals.calls_title')}</h1>
      <p class="lead" safe>{t('proposals.calls_lead')}</p>
      <p class="lead-actions">
        <a href="/proposals" class="krds-btn secondary" safe>{t('proposals.list_title')}</a>
        <a href="/proposals/statistics" class="krds-btn secondary" safe>{t('proposals.stats.nav')}</a>
        {canCreate ? (
          <a href="/calls/new" class="krds-btn primary" safe>
            {t('proposals.new_call')}
          </a>
        ) : (
          ''
        )}
      </p>
      {calls.length === 0 ? <p class="empty" safe>{t('proposals.no_calls')}</p> : ''}
      {calls.map((c) => (
        <article class="plan-card">
          <p class="eyebrow">
            <CallStatusBadge ctx={ctx} status={callStatus(c, today)} />
          </p>
          <h2>
            <a href={`/calls/${c.slug}`} lang={textLang(ctx, c)} safe>
              {c.title}
            </a>
          </h2>
          <p>
            <span safe>{`${t('proposals.window')}: `}</span>
            <Window ctx={ctx} call={c} />
          </p>
          {c.plan_title ? (
            <p class="muted">
              <span safe>{`${t('proposals.plan')}: `}</span>
              <span lang={langOfText(ctx, c.plan_title)} safe>
                {c.plan_title}
              </span>
            </p>
          ) : (
            ''
          )}
        </article>
      ))}
    </Layout>
  );
}

export function CallPage(props: {
  ctx: ViewContext;
  call: CallRow;
  today: string;
  categories: { id: number; title: string; organization_name: string | null }[];
  timeline: Selectable<CallTimelineTable>[];
  proposals: ProposalRow[];
  responseDays: number;
  canSubmit: boolean;
}) {
  const { ctx, call, today } = props;
  const { t } = ctx;
  const status = callStatus(call, today);
  return (
    <Layout ctx={ctx} meta={{ title: call.title, breadcrumbs: [{ href: '/calls', label: t('proposals.calls_title') }], alternates: [{ href: `/api/v1/calls/${call.slug}`, type: 'application/json', title: 'JSON' }] }}>
      <p class="eyebrow">
        <CallStatusBadge ctx={ctx} status={status} />
      </p>
      <h1 lang={textLang(ctx, call)} safe>{call.title}</h1>
      <Prose ctx={ctx} text={call.description} lang={textLang(ctx, call)} />
      <dl class="facts">
        <div>
          <dt safe>{t('proposals.window')}</dt>
          <dd>
            <Window ctx={ctx} call={call} />
          </dd>
        </div>
        <div>
          <dt safe>{t('proposals.plan')}</dt>
          <dd>
            {call.plan_slug ? (
              <a href={`/plans/${call.plan_slug}`} lang={langOfText(ctx, call.plan_title)} safe>
                {call.plan_title ?? call.plan_slug}
              </a>
            ) : (
              <span>—</span>
            )}
          </dd>
        </div>
        <div>
          <dt safe>{t('proposals.col_due')}</dt>
          <dd safe>{t('proposals.response_rule', { days: props.responseDays })}</dd>
        </div>
      </dl>
      {status === 'open' ? (
        props.canSubmit ? (
          <p>
            <a class="krds-btn primary" href={`/calls/${call.slug}/proposals/new`} safe>
              {t('proposals.submit')}
            </a>
          </p>
        ) : ctx.actor ? (
          ''
        ) : (
          <p>
            <a class="krds-btn primary" href={`/sign-in?next=${encodeURIComponent(`/calls/${call.slug}/proposals/new`)}`} safe>
              {t('proposals.sign_in_to_submit')}
            </a>
          </p>
        )
      ) : (
        <p class="muted" safe>{t('proposals.submit_closed')}</p>
      )}
      <h2 safe>{t('proposals.categories')}</h2>
      <ul>
        {props.categories.map((c) => (
          <li>
            <span lang={textLang(ctx, call)} safe>{c.title}</span>
            {c.organization_name ? <span class="muted" safe>{` · ${t('proposals.routed_to', { org: c.organization_name })}`}</span> : ''}
          </li>
        ))}
      </ul>
      <h2 safe>{t('proposals.timeline')}</h2>
      {props.timeline.length === 0 ? (
        <p class="empty" safe>{t('proposals.no_timeline')}</p>
      ) : (
        <ol class="milestones">
          {props.timeline.map((s) => (
            <li class="milestone">
              <p class="milestone-title" lang={langOfText(ctx, s.title)} safe>
                {s.title}
              </p>
              <p class="milestone-meta" safe>
                {s.date_label ?? t('date.unknown')}
              </p>
            </li>
          ))}
        </ol>
      )}
      <h2 safe>{t('proposals.criteria')}</h2>
      <Prose ctx={ctx} text={call.selection_criteria} />
      <h2 safe>{t('proposals.proposals_in_call')}</h2>
      <ProposalTable ctx={ctx} rows={props.proposals} today={today} caption={t('proposals.proposals_in_call')} />
      {call.source ? <p class="muted small" safe>{t('bodies.source', { source: call.source })}</p> : ''}
    </Layout>
  );
}

export function CallFormPage({ ctx, values, errors, plans }: { ctx: ViewContext; values: CallInput; errors: FieldError[]; plans: { slug: string; title: string }[] }) {
  const { t } = ctx;
  const err = (f: string) => errorFor(t, errors, f);
  return (
    <Layout ctx={ctx} meta={{ title: t('proposals.new_call'), breadcrumbs: [{ href: '/calls', label: t('proposals.calls_title') }] }}>
      <div class="narrow">
        <h1 safe>{t('proposals.new_call')}</h1>
        <ErrorSummary t={t} title={t('proposals.errors_title')} errors={errors} />
        <form method="post" action="/calls" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="title" label={t('proposals.call_form.title')} error={err('title')}>
            <input id="title" name="title" class="krds-input" value={values.title} required />
          </Field>
          <Field id="description" label={t('proposals.call_form.description')} error={err('description')}>
            <textarea id="description" name="description" class="krds-input" rows="5" safe>
              {values.description}
            </textarea>
          </Field>
          <Field id="plan" label={t('proposals.call_form.plan')} error={err('plan')}>
            <select id="plan" name="plan" class="krds-form-select">
              <option value="" selected={values.plan === ''} safe>
                {t('proposals.none')}
              </option>
              {plans.map((p) => (
                <option value={p.slug} selected={values.plan === p.slug} lang={langOfText(ctx, p.title)} safe>
                  {p.title}
                </option>
              ))}
            </select>
          </Field>
          <Field id="opens_on" label={t('proposals.call_form.opens_on')} error={err('opens_on')}>
            <input id="opens_on" name="opens_on" type="date" class="krds-input" value={values.opens_on} />
          </Field>
          <Field id="closes_on" label={t('proposals.call_form.closes_on')} error={err('closes_on')}>
            <input id="closes_on" name="closes_on" type="date" class="krds-input" value={values.closes_on} />
          </Field>
          <Field id="categories" label={t('proposals.call_form.categories')} hint={t('proposals.call_form.categories_hint')} error={err('categories')}>
            <textarea id="categories" name="categories" class="krds-input" rows="4" aria-describedby="categories-hint" safe>
              {values.categories}
            </textarea>
          </Field>
          <Field id="timeline" label={t('proposals.call_form.timeline')} hint={t('proposals.call_form.timeline_hint')} error={err('timeline')}>
            <textarea id="timeline" name="timeline" class="krds-input" rows="5" aria-describedby="timeline-hint" safe>
              {values.timeline}
            </textarea>
          </Field>
          <Field id="selection_criteria" label={t('proposals.call_form.criteria')} error={err('selection_criteria')}>
            <textarea id="selection_criteria" name="selection_criteria" class="krds-input" rows="4" safe>
              {values.selection_criteria}
            </textarea>
          </Field>
          <Field id="response_days" label={t('proposals.call_form.response_days')} error={err('response_days')}>
            <input id="response_days" name="response_days" inputmode="numeric" class="krds-input" value={values.response_days} />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('proposals.call_form.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
