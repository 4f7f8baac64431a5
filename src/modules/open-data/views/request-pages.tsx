import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { DECISIONS } from '../commands/data-requests.ts';
import type { DataRequestRow } from '../data-requests.repository.ts';


function Summary({ ctx, r }: { ctx: ViewContext; r: DataRequestRow }) {
  const { t } = ctx;
  return (
    <p class="muted small" safe>
      {[
        t('open_data.requests.submitted', { date: formatDateTime(ctx.locale, r.submitted_at) }),
        t('open_data.requests.to', { organization: r.organization_name ?? t('open_data.platform') }),
        t('open_data.requests.supports', { count: r.support_count }),
        r.decision ? t(`open_data.requests.decision.${r.decision}`) : t(`open_data.requests.state.${r.state}`),
      ].join(' · ')}
    </p>
  );
}

export interface NewRequestValues {
  title: string;
  body: string;
  organization: string;
}

export function RequestsPage(props: { ctx: ViewContext; requests: DataRequestRow[]; organizations: { key: string; name: string }[]; values: NewRequestValues; errors: FieldError[] }) {
  const { ctx, requests, values, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('open_data.requests.title'), breadcrumbs: [{ href: '/open-data', label: t('open_data.title') }], alternates: [{ href: '/api/v1/data-requests', type: 'application/json', title: 'JSON' }] }}>
      <h1 safe>{t('open_data.requests.title')}</h1>
      <p class="lead" safe>{t('open_data.requests.lead')}</p>
      {requests.length === 0 ? (
        <p class="empty" safe>
          {t('open_data.requests.none')}
        </p>
      ) : (
        <ul class="dataset-list">
          {requests.map((r) => (
            <li class="plan-card">
              <h2>
                <a href={`/open-data/requests/${r.id}`} lang={langOfText(ctx, r.title)} safe>
                  {r.title}
                </a>
              </h2>
              <Summary ctx={ctx} r={r} />
            </li>
          ))}
        </ul>
      )}
      <h2 id="new-request" safe>{t('open_data.requests.new')}</h2>
      {ctx.actor ? (
        <div class="narrow">
          <ErrorSummary t={t} title={t('open_data.requests.errors_title')} errors={errors} />
          <form method="post" action="/open-data/requests" class="stack" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Field id="title" label={t('open_data.requests.title_label')} error={errorFor(t, errors, 'title')}>
              <input id="title" name="title" class="krds-input" value={values.title} maxlength="200" required />
            </Field>
            <Field id="body" label={t('open_data.requests.body_label')} error={errorFor(t, errors, 'body')}>
              <textarea id="body" name="body" class="krds-input" rows="5" required safe>
                {values.body}
              </textarea>
            </Field>
            <Field id="organization" label={t('open_data.requests.organization_label')} error={errorFor(t, errors, 'organization')}>
              <select id="organization" name="organization" class="krds-form-select">
                <option value="" safe>
                  {t('open_data.requests.nobody')}
                </option>
                {props.organizations.map((o) => (
                  <option value={o.key} selected={values.organization === o.key} lang={langOfText(ctx, o.name)} safe>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" class="krds-btn primary" safe>
              {t('open_data.requests.submit')}
            </button>
          </form>
        </div>
      ) : (
        <p>
          <a href="/sign-in?next=%2Fopen-data%2Frequests" safe>
            {t('open_data.requests.sign_in')}
          </a>
        </p>
      )}
    </Layout>
  );
}

export interface AnswerValues {
  decision: string;
  answer: string;
  planned_date: string;
  dataset: string;
}

export function RequestPage(props: { ctx: ViewContext; r: DataRequestRow; supported: boolean; canAnswer: boolean; values: AnswerValues; errors: FieldError[] }) {
  const { ctx, r, values, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: r.title, breadcrumbs: [{ href: '/open-data', label: t('open_data.title') }, { href: '/open-data/requests', label: t('open_data.requests.title') }] }}>
      <h1 lang={langOfText(ctx, r.title)} safe>{r.title}</h1>
      <Summary ctx={ctx} r={r} />
      <p class="report-body" lang={langOfText(ctx, r.body)} safe>
        {r.body}
      </p>
      {ctx.actor ? (
        props.supported ? (
          <p safe>{t('open_data.requests.supported')}</p>
        ) : (
          <form method="post" action={`/open-data/requests/${r.id}/supports`} class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="krds-btn secondary" safe>
              {t('open_data.requests.support')}
            </button>
          </form>
        )
      ) : (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(`/open-data/requests/${r.id}`)}`} safe>
            {t('open_data.requests.sign_in')}
          </a>
        </p>
      )}
      {r.answer ? (
        <div class="report-response">
          <h2 safe>{t('open_data.requests.answer')}</h2>
          <p lang={langOfText(ctx, r.answer)} safe>{r.answer}</p>
          {r.planned_date ? <p safe>{t('open_data.requests.planned', { date: r.planned_date })}</p> : ''}
          {r.dataset_slug ? (
            <p>
              <span safe>{t('open_data.requests.dataset')}</span>{' '}
              <a href={`/open-data/datasets/${r.dataset_slug}`} safe>
                {r.dataset_title ?? r.dataset_slug}
              </a>
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      {props.canAnswer ? (
        <div class="narrow handle-form">
          <h2 safe>{t('open_data.requests.answer_title')}</h2>
          <ErrorSummary t={t} title={t('open_data.requests.answer_errors')} errors={errors} />
          <form method="post" action={`/open-data/requests/${r.id}/answer`} class="stack" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Field id="decision" label={t('open_data.requests.decision_label')} error={errorFor(t, errors, 'decision')}>
              <select id="decision" name="decision" class="krds-form-select">
                {DECISIONS.map((d) => (
                  <option value={d} selected={values.decision === d} safe>
                    {t(`open_data.requests.decision.${d}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="answer" label={t('open_data.requests.answer_label')} error={errorFor(t, errors, 'answer')}>
              <textarea id="answer" name="answer" class="krds-input" rows="4" safe>
                {values.answer}
              </textarea>
            </Field>
            <Field id="planned_date" label={t('open_data.requests.planned_label')} error={errorFor(t, errors, 'planned_date')}>
              <input id="planned_date" name="planned_date" class="krds-input" value={values.planned_date} maxlength="10" />
            </Field>
            <Field id="dataset" label={t('open_data.requests.dataset_label')} error={errorFor(t, errors, 'dataset')}>
              <input id="dataset" name="dataset" class="krds-input" value={values.dataset} maxlength="100" />
            </Field>
            <button type="submit" class="krds-btn primary" safe>
              {t('open_data.requests.answer_submit')}
            </button>
          </form>
        </div>
      ) : (
        ''
      )}
    </Layout>
  );
}
