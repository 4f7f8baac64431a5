// The plan's reports with public comment: the list, and one report with its state, its comment
// form, the staff's answers and the report itself (with the comments and responses at its end).
import { errorFor as fieldErrorText, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PlanReportRow } from '../plan-reports.repository.ts';
import type { ReportModel } from '../report-model.ts';
import { REPORT_KINDS, takesComments, type ReportKind } from '../report-state.ts';
import { ReportBody, reportContents } from './report-body.tsx';

const STATE_BADGE: Record<string, string> = { draft: 'bg-light-gray', open_for_comment: 'bg-light-information', final: 'bg-light-success' };

export const planReportPath = (slug: string, kind: string) => `/plans/${encodeURIComponent(slug)}/reports/${kind}`;

function StateBadge({ ctx, state }: { ctx: ViewContext; state: string }) {
  return <span class={`krds-badge ${STATE_BADGE[state] ?? 'bg-light-gray'}`} safe>{ctx.t(`plan_reports.state.${state}` as 'plan_reports.state.draft')}</span>;
}

export function PlanReportsPage(props: { ctx: ViewContext; plan: { slug: string; title: string }; reports: (PlanReportRow & { comments: number })[]; canRun: boolean; commentDays: number }) {
  const { ctx, plan } = props;
  const { t } = ctx;
  const byKind = new Map(props.reports.map((r) => [r.kind, r]));
  return (
    <Layout ctx={ctx} meta={{ title: `${t('plan_reports.title')} · ${plan.title}`, breadcrumbs: [{ href: '/plans', label: t('nav.plans') }, { href: `/plans/${plan.slug}`, label: plan.title }] }}>
      <h1 safe>{t('plan_reports.title')}</h1>
      <p class="lead" lang={langOfText(ctx, plan.title)} safe>{plan.title}</p>
      <p safe>{t('plan_reports.lead', { days: props.commentDays })}</p>
      <ul class="report-records">
        {REPORT_KINDS.map((kind) => {
          const r = byKind.get(kind);
          const name = t(`plan_reports.kind.${kind}`);
          return (
            <li class="report-record">
              <h2 safe>{name}</h2>
              <p>
                <StateBadge ctx={ctx} state={r?.state ?? 'none'} />
                {r ? <span class="muted small" safe>{` · ${t('plan_reports.comments_count', { count: r.comments })}`}</span> : ''}
              </p>
              {r ? (
                <p>
                  <a href={planReportPath(plan.slug, kind)} safe>{t('plan_reports.view', { kind: name })}</a>
                </p>
              ) : props.canRun ? (
                <form method="post" action={`/plans/${plan.slug}/reports`}>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="kind" value={kind} />
                  <button type="submit" class="krds-btn secondary" safe>{t('plan_reports.create', { kind: name })}</button>
                </form>
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

export interface PlanReportForms {
  comment?: { errors: FieldError[]; section: string; body: string };
  response?: { id: number; errors: FieldError[]; response: string };
  transition?: FieldError[];
}

export function PlanReportPage(props: {
  ctx: ViewContext;
  plan: { slug: string; title: string };
  report: PlanReportRow;
  model: ReportModel;
  sections: { id: string; label: string }[];
  now: Date;
  can: { run: boolean; comment: boolean; respond: boolean };
  commentDays: number;
  forms?: PlanReportForms;
}) {
  const { ctx, plan, report, model, can } = props;
  const { t } = ctx;
  const kind = report.kind as ReportKind;
  const path = planReportPath(plan.slug, kind);
  const name = t(`plan_reports.kind.${kind}`);
  const open = takesComments(report, props.now);
  const comments = model.consultation?.comments ?? [];
  const unanswered = comments.filter((c) => !c.response);
  const formats = [
    { href: `${path}/report.pdf`, label: t('report.download_pdf') },
    { href: `${path}/report.docx`, label: t('report.download_docx') },
    { href: `${path}/report.md`, label: t('report.download_md') },
    { href: `/api/v1/plans/${plan.slug}/reports/${kind}`, label: t('report.download_json') },
  ];
  const day = (iso: string) => formatDateTime(ctx.locale, iso);
  const f = props.forms ?? {};
  const errorFor = (errors: FieldError[] | undefined, field: string) => fieldErrorText(t, errors ?? [], field);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${name}: ${plan.title}`,
        breadcrumbs: [
          { href: `/plans/${plan.slug}`, label: plan.title },
          { href: `/plans/${plan.slug}/reports`, label: t('plan_reports.title') },
        ],
      }}
    >
      <article class="report">
        <header class="report-head">
          <p class="eyebrow" safe>{name}</p>
          <h1 lang="en" safe>{model.title}</h1>
          <p>
            <StateBadge ctx={ctx} state={report.state} />
          </p>
          {report.state === 'draft' ? <p safe>{t('plan_reports.draft_note')}</p> : ''}
          {report.state === 'open_for_comment' && report.comment_closes_at ? (
            <p safe>{open ? t('plan_reports.open_note', { date: day(report.comment_closes_at) }) : t('plan_reports.window_ended', { date: day(report.comment_closes_at) })}</p>
          ) : (
            ''
          )}
          {report.state === 'final' && report.final_at ? <p safe>{t('plan_reports.finalised', { date: day(report.final_at) })}</p> : ''}
          {model.consultation ? (
            <p>
              <a href="#public-comments" safe>{`${t('plan_reports.comments_link')} (${comments.length})`}</a>
            </p>
          ) : (
            ''
          )}
        </header>

        <nav class="report-formats" aria-labelledby="report-formats-title">
          <h2 id="report-formats-title" safe>{t('plan_reports.formats')}</h2>
          <ul class="link-list">
            {formats.map((x) => (
              <li>
                <a href={x.href} lang={langOfText(ctx, x.label)} safe>{x.label}</a>
              </li>
            ))}
          </ul>
        </nav>

        {can.run && report.state !== 'final' ? (
          <section class="admin-tools" aria-labelledby="report-actions-title">
            <h2 id="report-actions-title" safe>{t('plan_reports.actions')}</h2>
            <ErrorSummary t={t} title={t('plan_reports.actions')} errors={f.transition ?? []} />
            <form method="post" action={`${path}/transitions`}>
              <CsrfField token={ctx.csrfToken} />
              {report.state === 'draft' ? (
                <button type="submit" name="action" value="open" class="krds-btn primary" safe>{t('plan_reports.open', { days: props.commentDays })}</button>
              ) : (
                <>
                  <p class="form-hint" safe>{t('plan_reports.finalise_hint')}</p>
                  {unanswered.length > 0 ? <p class="muted" safe>{t('plan_reports.unanswered', { count: unanswered.length })}</p> : ''}
                  <button type="submit" name="action" value="finalise" class="krds-btn primary" safe>{t('plan_reports.finalise')}</button>
                </>
              )}
            </form>
          </section>
        ) : (
          ''
        )}

        {report.state === 'open_for_comment' ? (
          <section aria-labelledby="comment-form-title">
            <h2 id="comment-form-title" safe>{t('plan_reports.comment_title')}</h2>
            {!open ? (
              <p safe>{t('plan_reports.closed')}</p>
            ) : can.comment ? (
              <form method="post" action={`${path}/comments`} class="stack" novalidate>
                <ErrorSummary t={t} title={t('plan_reports.comment_errors')} errors={f.comment?.errors ?? []} />
                <CsrfField token={ctx.csrfToken} />
                <Field id="section" label={t('plan_reports.comment_section')} error={errorFor(f.comment?.errors, 'section')}>
                  <select id="section" name="section" class="krds-form-select" lang="en">
                    {props.sections.map((s) => (
                      <option value={s.id} selected={f.comment?.section === s.id} lang={langOfText(ctx, s.label)} safe>{s.label}</option>
                    ))}
                  </select>
                </Field>
                <Field id="body" label={t('plan_reports.comment_body')} error={errorFor(f.comment?.errors, 'body')}>
                  <textarea id="body" name="body" class="krds-input" rows="5" required safe>{f.comment?.body ?? ''}</textarea>
                </Field>
                <button type="submit" class="krds-btn primary" safe>{t('plan_reports.comment_submit')}</button>
              </form>
            ) : (
              <p>
                <a href={`/sign-in?next=${encodeURIComponent(path)}`} safe>{t('plan_reports.sign_in')}</a>
              </p>
            )}
          </section>
        ) : (
          ''
        )}

        {can.respond && report.state === 'open_for_comment' && unanswered.length > 0 ? (
          <section class="admin-tools" aria-labelledby="respond-title">
            <h2 id="respond-title" safe>{t('plan_reports.unanswered', { count: unanswered.length })}</h2>
            {unanswered.map((c) => {
              const mine = f.response?.id === c.id ? f.response : undefined;
              const id = `response-${c.id}`;
              return (
                <form method="post" action={`${path}/comments/${c.id}/response`} class="stack respond-form">
                  <ErrorSummary t={t} title={t('plan_reports.respond_errors')} errors={(mine?.errors ?? []).map((e) => ({ ...e, field: id }))} />
                  <CsrfField token={ctx.csrfToken} />
                  <blockquote lang="en">
                    <p class="muted small" safe>{`#${c.id} · ${c.section_label} · ${c.author_label}`}</p>
                    <p lang={langOfText(ctx, c.body)} safe>{c.body}</p>
                  </blockquote>
                  <Field id={id} label={t('plan_reports.respond', { id: c.id })} error={errorFor(mine?.errors, 'response')}>
                    <textarea id={id} name="response" class="krds-input" rows="3" required safe>{mine?.response ?? ''}</textarea>
                  </Field>
                  <button type="submit" class="krds-btn secondary" safe>{t('plan_reports.respond_submit')}</button>
                </form>
              );
            })}
          </section>
        ) : (
          ''
        )}

        <nav class="report-contents" aria-labelledby="report-contents-title">
          <h2 id="report-contents-title" safe>{t('report.contents')}</h2>
          <ol lang="en">
            {reportContents(model).map((c) => (
              <li>
                <a href={`#${c.id}`} lang={langOfText(ctx, c.text)} safe>{c.text}</a>
              </li>
            ))}
          </ol>
        </nav>
        <p class="muted small" safe>{t('report.language_note')}</p>
        <ReportBody model={model} />
      </article>
    </Layout>
  );
}
