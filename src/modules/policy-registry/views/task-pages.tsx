import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { allowedApplicationActions } from '../application-state.ts';
import type { ApplicationRow } from '../policy-registry.repository.ts';
import type { TaskShape } from '../policy-registry.presenter.ts';
import type { TaskInput } from '../task-input.ts';

const crumbs = (ctx: ViewContext) => [{ href: '/policy-registry', label: ctx.t('policy_registry.title') }];

function Officials({ ctx, task }: { ctx: ViewContext; task: TaskShape }) {
  const { t } = ctx;
  if (task.status !== 'designated') return <p class="muted" safe>{t('policy_registry.officials_hidden')}</p>;
  return (
    <table class="tbl col data">
      <caption class="sr-only" safe>
        {t('policy_registry.officials')}
      </caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('policy_registry.role')}</th>
          <th scope="col" safe>{t('policy_registry.name')}</th>
          <th scope="col" safe>{t('policy_registry.department')}</th>
        </tr>
      </thead>
      <tbody>
        {task.officials.map((o) => (
          <tr>
            <td safe>{o.final_approver ? `${o.role} (${t('policy_registry.final_approver')})` : o.role}</td>
            <td lang={langOfText(ctx, o.name)} safe>{o.name}</td>
            <td safe>{o.department ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TaskPage(props: { ctx: ViewContext; task: TaskShape; staffApplications: ApplicationRow[] | null; errors: FieldError[]; reason: string }) {
  const { ctx, task, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: task.title, breadcrumbs: crumbs(ctx), alternates: [{ href: `/api/v1/policy-tasks/${task.id}`, type: 'application/json', title: 'JSON' }] }}>
      <h1 lang={langOfText(ctx, task.title)} safe>{task.title}</h1>
      <p class="muted" safe>
        {[task.organization, task.year ?? t('policy_registry.no_year'), t(`policy_registry.state.${task.status}`), task.designation_basis ? t(`policy_registry.basis.${task.designation_basis}`) : ''].filter(Boolean).join(' · ')}
      </p>
      <h2 safe>{t('policy_registry.overview')}</h2>
      <p class="report-body" lang={langOfText(ctx, task.overview)} safe>{task.overview}</p>
      <h2 safe>{t('policy_registry.timeline')}</h2>
      {task.timeline.length ? (
        <ol class="timeline">
          {task.timeline.map((s) => (
            <li>
              <strong safe>{s.date}</strong> <span lang={langOfText(ctx, s.step)} safe>{s.step}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted" safe>{t('policy_registry.no_timeline')}</p>
      )}
      <h2 safe>{t('policy_registry.officials')}</h2>
      <Officials ctx={ctx} task={task} />
      <h2 id="applications" safe>{t('policy_registry.applications')}</h2>
      {task.applications.length ? (
        <ul>
          {task.applications.map((a) => (
            <li id={`application-${a.id}`}>
              <span safe>{[formatDateTime(ctx.locale, a.submitted_at), t(`policy_registry.app_state.${a.state}`)].join(' · ')}</span>
              {a.decision_reason ? <p class="report-response" lang={langOfText(ctx, a.decision_reason)} safe>{a.decision_reason}</p> : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" safe>{t('policy_registry.no_applications')}</p>
      )}
      <ErrorSummary t={t} title={t('policy_registry.errors_title')} errors={errors} />
      {task.status === 'designated' ? (
        ''
      ) : ctx.actor ? (
        <div class="narrow">
          <h2 safe>{t('policy_registry.apply')}</h2>
          <p class="muted small" safe>{t('policy_registry.apply_privacy')}</p>
          <form method="post" action={`/policy-registry/tasks/${task.id}/applications`} class="stack" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Field id="reason" label={t('policy_registry.reason_label')} error={errorFor(t, errors, 'reason')}>
              <textarea id="reason" name="reason" class="krds-input" rows="4" required safe>
                {props.reason}
              </textarea>
            </Field>
            <button type="submit" class="krds-btn primary" safe>
              {t('policy_registry.apply_submit')}
            </button>
          </form>
        </div>
      ) : (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(`/policy-registry/tasks/${task.id}`)}`} safe>
            {t('policy_registry.sign_in')}
          </a>
        </p>
      )}
      {props.staffApplications?.some((a) => allowedApplicationActions(a.state).length) ? (
        <section class="handle-form">
          <h2 safe>{t('policy_registry.review')}</h2>
          {props.staffApplications
            .filter((a) => allowedApplicationActions(a.state).length)
            .map((a) => (
              <form method="post" action={`/policy-registry/applications/${a.id}/transition`} class="stack narrow" novalidate>
                <CsrfField token={ctx.csrfToken} />
                <p safe>{t('policy_registry.application_of', { date: formatDateTime(ctx.locale, a.submitted_at), state: t(`policy_registry.app_state.${a.state}`) })}</p>
                <blockquote safe>{a.reason}</blockquote>
                <Field id={`action-${a.id}`} label={t('policy_registry.action_label')}>
                  <select id={`action-${a.id}`} name="action" class="krds-form-select">
                    {allowedApplicationActions(a.state).map((x) => (
                      <option value={x} safe>
                        {t(`policy_registry.action.${x}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={`decision_reason-${a.id}`} label={t('policy_registry.decision_reason_label')} hint={t('policy_registry.decision_reason_hint')}>
                  <textarea id={`decision_reason-${a.id}`} name="decision_reason" class="krds-input" rows="3"></textarea>
                </Field>
                <button type="submit" class="krds-btn primary" safe>
                  {t('policy_registry.decide')}
                </button>
              </form>
            ))}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function TaskFormPage(props: { ctx: ViewContext; organizations: { key: string; name: string }[]; values: TaskInput; errors: FieldError[] }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('policy_registry.form_title'), breadcrumbs: crumbs(ctx) }}>
      <h1 safe>{t('policy_registry.form_title')}</h1>
      <div class="narrow">
        <ErrorSummary t={t} title={t('policy_registry.errors_title')} errors={errors} />
        <form method="post" action="/policy-registry/tasks" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="organization" label={t('policy_registry.organization')} error={errorFor(t, errors, 'organization')}>
            <select id="organization" name="organization" class="krds-form-select">
              {props.organizations.map((o) => (
                <option value={o.key} selected={values.organization === o.key} lang={langOfText(ctx, o.name)} safe>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="title" label={t('policy_registry.title_label')} error={errorFor(t, errors, 'title')}>
            <input id="title" name="title" class="krds-input" value={values.title} maxlength="200" required />
          </Field>
          <Field id="overview" label={t('policy_registry.overview')} error={errorFor(t, errors, 'overview')}>
            <textarea id="overview" name="overview" class="krds-input" rows="5" required safe>
              {values.overview}
            </textarea>
          </Field>
          <Field id="year" label={t('policy_registry.year')} hint={t('policy_registry.year_hint')} error={errorFor(t, errors, 'year')}>
            <input id="year" name="year" class="krds-input" value={values.year} maxlength="4" inputmode="numeric" aria-describedby="year-hint" />
          </Field>
          <Field id="timeline" label={t('policy_registry.timeline')} hint={t('policy_registry.timeline_hint')} error={errorFor(t, errors, 'timeline')}>
            <textarea id="timeline" name="timeline" class="krds-input" rows="5" aria-describedby="timeline-hint" safe>
              {values.timeline}
            </textarea>
          </Field>
          <Field id="officials" label={t('policy_registry.officials')} hint={t('policy_registry.officials_hint')} error={errorFor(t, errors, 'officials')}>
            <textarea id="officials" name="officials" class="krds-input" rows="5" aria-describedby="officials-hint" safe>
              {values.officials}
            </textarea>
          </Field>
          <div class="form-group">
            <div class="krds-form-check">
              <input type="checkbox" id="designate" name="designate" value="yes" checked={values.designate === 'yes'} />
              <label for="designate" safe>
                {t('policy_registry.designate_now')}
              </label>
            </div>
          </div>
          <button type="submit" class="krds-btn primary" safe>
            {t('policy_registry.register_submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
