import { errorFor as fieldErrorText, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { IRM_FIELDS, IRM_REPORTS, IRM_SCALES } from '../irm.ts';

export type AssessmentFormValues = Record<string, string>;

export function AssessmentFormPage(props: { ctx: ViewContext; slug: string; planTitle: string; irmId: string; values: AssessmentFormValues; errors: FieldError[] }) {
  const { ctx, values, errors, slug } = props;
  const { t } = ctx;
  const errorFor = (field: string) => fieldErrorText(t, errors, field);
  const v = (k: string) => values[k] ?? '';
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: t('irm.form_title', { id: props.irmId }),
        breadcrumbs: [
          { href: `/plans/${slug}`, label: props.planTitle },
          { href: `/plans/${slug}/irm`, label: t('irm.page_title') },
        ],
      }}
    >
      <div class="narrow">
        <h1 safe>{t('irm.form_title', { id: props.irmId })}</h1>
        <p safe>{t('irm.form_intro')}</p>
        <ErrorSummary t={t} title={t('irm.form_errors')} errors={errors} />
        <form method="post" action={`/plans/${slug}/irm/${props.irmId}`} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="report" label={t('irm.report')} error={errorFor('report')}>
            <select id="report" name="report" class="krds-form-select">
              {IRM_REPORTS.map((r) => (
                <option value={r} selected={v('report') === r} safe>
                  {t(`irm.reports.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="title" label={t('irm.form_title_field')} error={errorFor('title')}>
            <input id="title" name="title" type="text" class="krds-input" value={v('title')} />
          </Field>
          <Field id="commitments" label={t('irm.form_commitments')} hint={t('irm.form_commitments_hint')} error={errorFor('commitments')}>
            <input id="commitments" name="commitments" type="text" class="krds-input" value={v('commitments')} aria-describedby="commitments-hint" />
          </Field>
          <fieldset>
            <legend safe>{t('irm.title')}</legend>
            {IRM_FIELDS.map((f) => (
              <Field id={f} label={t(`irm.fields.${f}`)} error={errorFor(f)}>
                <select id={f} name={f} class="krds-form-select">
                  <option value="" selected={v(f) === ''} safe>
                    {t('irm.not_assessed_option')}
                  </option>
                  {IRM_SCALES[f].map((s) => (
                    <option value={s} selected={v(f) === s} safe>
                      {t(`irm.scale.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
          </fieldset>
          <Field id="source" label={t('irm.form_source')} error={errorFor('source')}>
            <input id="source" name="source" type="text" class="krds-input" value={v('source')} />
          </Field>
          <Field id="notes" label={t('irm.form_notes')} error={errorFor('notes')}>
            <textarea id="notes" name="notes" class="krds-input" rows="4" safe>
              {v('notes')}
            </textarea>
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('irm.save')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
