import { errorFor as fieldErrorText, type FieldError } from '../../../platform/http/errors.ts';
import { MarkedText, langOfText } from '../../../platform/views/lang.tsx';
import { formatDateTime, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { DatasetRow } from '../catalog.repository.ts';
import { allowedActions } from '../error-report-state.ts';
import type { OrganizationEvaluation, presentErrorReport } from '../open-data.presenter.ts';
import type { TableRow } from '../tables.repository.ts';
import { StateBadge } from './parts.tsx';

type ReportShape = ReturnType<typeof presentErrorReport>;

export interface ReportFormValues {
  table: string;
  row: string;
  body: string;
}

export function ReportFormPage(props: { ctx: ViewContext; d: DatasetRow; tables: TableRow[]; values: ReportFormValues; errors: FieldError[]; deadlineDays: number }) {
  const { ctx, d, values, errors } = props;
  const { t } = ctx;
  const errorFor = (field: string) => fieldErrorText(t, errors, field);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${t('open_data.report.title')} · ${d.title}`,
        breadcrumbs: [
          { href: '/open-data', label: t('open_data.title') },
          { href: `/open-data/datasets/${d.slug}`, label: d.title },
        ],
      }}
    >
      <div class="narrow">
        <h1 safe>{t('open_data.report.title')}</h1>
        <p class="lead" lang={langOfText(ctx, d.title)} safe>
          {d.title}
        </p>
        <p safe>{t('open_data.report.intro', { organization: d.organization_name ?? t('open_data.platform'), days: props.deadlineDays })}</p>
        <ErrorSummary t={t} title={t('open_data.report.errors_title')} errors={errors} />
        <form method="post" action={`/open-data/datasets/${d.slug}/reports`} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          {props.tables.length > 0 ? (
            <>
              <Field id="table" label={t('open_data.report.about')} error={errorFor('table')}>
                <select id="table" name="table" class="krds-form-select">
                  <option value="" selected={values.table === ''} safe>
                    {t('open_data.report.whole_dataset')}
                  </option>
                  {props.tables.map((tb) => (
                    <option value={tb.slug} selected={values.table === tb.slug} lang={langOfText(ctx, tb.title)} safe>
                      {tb.title}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="row" label={t('open_data.report.row')} hint={t('open_data.report.row_hint')} error={errorFor('row')}>
                <input id="row" name="row" class="krds-input" inputmode="numeric" value={values.row} aria-describedby="row-hint" />
              </Field>
            </>
          ) : (
            ''
          )}
          <Field id="body" label={t('open_data.report.body')} hint={t('open_data.report.body_hint')} error={errorFor('body')}>
            <textarea id="body" name="body" class="krds-input" rows="6" required aria-describedby="body-hint" safe>
              {values.body}
            </textarea>
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('open_data.report.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

function HandleForm({ ctx, r, errors }: { ctx: ViewContext; r: ReportShape; errors: FieldError[] }) {
  const { t } = ctx;
  const actions = allowedActions(r.state);
  if (actions.length === 0) return '';
  const id = `r${r.id}`;
  const errorFor = (field: string) => fieldErrorText(t, errors, field);
  return (
    <form method="post" action={`/open-data/reports/${r.id}/transition`} class="stack handle-form">
      <CsrfField token={ctx.csrfToken} />
      <h3 safe>{t("open_data.reports_page.handle")}</h3>
      <ErrorSummary t={t} title={t('open_data.reports_page.errors_title')} errors={errors.map((e) => ({ ...e, field: `${id}-${e.field}` }))} />
      <Field id={`${id}-action`} label={t('open_data.reports_page.action')} error={errorFor('action')}>
        <select id={`${id}-action`} name="action" class="krds-form-select">
          {actions.map((a) => (
            <option value={a} safe>
              {t(`open_data.action.${a}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-response`} label={t('open_data.reports_page.response_label')} error={errorFor('response')}>
        <textarea id={`${id}-response`} name="response" class="krds-input" rows="3"></textarea>
      </Field>
      <button type="submit" class="krds-btn primary small" safe>
        {t('open_data.reports_page.submit')}
      </button>
    </form>
  );
}

export function ReportsPage(props: { ctx: ViewContext; d: DatasetRow; reports: ReportShape[]; canHandle: boolean; errorsFor: { id: number; errors: FieldError[] } | null }) {
  const { ctx, d, reports } = props;
  const { t } = ctx;
  const when = (iso: string | null) => (iso ? formatDateTime(ctx.locale, iso) : '');
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: t('open_data.reports_page.title', { dataset: d.title }),
        breadcrumbs: [
          { href: '/open-data', label: t('open_data.title') },
          { href: `/open-data/datasets/${d.slug}`, label: d.title },
        ],
        alternates: [{ href: `/api/v1/datasets/${d.slug}/error-reports`, type: 'application/json', title: 'JSON' }],
      }}
    >
      <h1>
        <MarkedText ctx={ctx} k="open_data.reports_page.title" params={{ dataset: d.title }} />
      </h1>
      <p class="lead-actions">
        <a class="krds-btn secondary" href={`/open-data/datasets/${d.slug}/reports/new`} safe>
          {t('open_data.report_error')}
        </a>
      </p>
      {reports.length === 0 ? (
        <p class="empty" safe>
          {t('open_data.reports_page.none')}
        </p>
      ) : (
        <ol class="report-list">
          {reports.map((r) => (
            <li id={`report-${r.id}`} class="plan-card error-report">
              <h2 class="report-head">
                <span safe>{`#${r.id}`}</span> <StateBadge ctx={ctx} state={r.state} />
                {r.overdue ? (
                  <span class="state-badge state-overdue" safe>
                    {t('open_data.reports_page.overdue')}
                  </span>
                ) : (
                  ''
                )}
              </h2>
              <p class="muted small" safe>
                {[
                  t('open_data.reports_page.received', { date: when(r.received_at) }),
                  t('open_data.reports_page.due', { date: when(r.due_at) }),
                  t('open_data.reports_page.routed_to', { organization: r.organization ?? t('open_data.platform') }),
                  r.table && r.row ? t('open_data.reports_page.row', { table: r.table, row: formatNumber(ctx.locale, r.row) }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p class="report-body" lang={langOfText(ctx, r.body)} safe>
                {r.body}
              </p>
              {r.response ? (
                <div class="report-response">
                  <h3 safe>{t('open_data.reports_page.response')}</h3>
                  <p lang={langOfText(ctx, r.response)} safe>{r.response}</p>
                </div>
              ) : (
                ''
              )}
              {props.canHandle ? <HandleForm ctx={ctx} r={r} errors={props.errorsFor?.id === r.id ? props.errorsFor.errors : []} /> : ''}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

export function EvaluationPage(props: { ctx: ViewContext; rows: OrganizationEvaluation[]; deadlineDays: number }) {
  const { ctx, rows } = props;
  const { t } = ctx;
  const pct = (x: number | null) => (x === null ? t('open_data.evaluation.not_applicable') : `${Math.round(x * 1000) / 10}%`);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: t('open_data.evaluation.title'),
        breadcrumbs: [{ href: '/open-data', label: t('open_data.title') }],
        alternates: [{ href: '/api/v1/error-reports/evaluation', type: 'application/json', title: 'JSON' }],
      }}
    >
      <h1 safe>{t('open_data.evaluation.title')}</h1>
      <p class="lead" safe>{t('open_data.evaluation.intro', { days: props.deadlineDays })}</p>
      {rows.length === 0 ? (
        <p class="empty" safe>
          {t('open_data.evaluation.none')}
        </p>
      ) : (
        <div class="krds-table-wrap">
          <table class="tbl col data evaluation-table">
            <caption class="sr-only" safe>
              {t('open_data.evaluation.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('open_data.evaluation.organization')}</th>
                <th scope="col" safe>{t('open_data.evaluation.reports')}</th>
                <th scope="col" safe>{t('open_data.evaluation.open')}</th>
                <th scope="col" safe>{t('open_data.evaluation.overdue')}</th>
                <th scope="col" safe>{t('open_data.evaluation.resolved')}</th>
                <th scope="col" safe>{t('open_data.evaluation.declined')}</th>
                <th scope="col" safe>{t('open_data.evaluation.median')}</th>
                <th scope="col" safe>{t('open_data.evaluation.on_time')}</th>
                <th scope="col" safe>{t('open_data.evaluation.resolution_rate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row" safe>
                    {r.organization ?? t('open_data.platform')}
                  </th>
                  <td safe>{String(r.reports)}</td>
                  <td safe>{String(r.open)}</td>
                  <td safe>{String(r.overdue)}</td>
                  <td safe>{String(r.resolved)}</td>
                  <td safe>{String(r.declined)}</td>
                  <td safe>{r.median_first_answer_days === null ? t('open_data.evaluation.not_applicable') : String(r.median_first_answer_days)}</td>
                  <td safe>{pct(r.answered_on_time_rate)}</td>
                  <td safe>{pct(r.resolution_rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
