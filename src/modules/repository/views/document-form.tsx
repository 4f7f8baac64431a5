// The form with which staff publish a document to the repository.
import { errorFor as fieldErrorText, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { KINDS } from '../repository-history.ts';

export interface DocumentFormValues {
  title: string;
  kind: string;
  document_date: string;
  description: string;
  commitment: string;
}

export function DocumentFormPage(props: {
  ctx: ViewContext;
  plan: { slug: string; title: string };
  /** The commitments this person may publish to; `plan` says whether the whole plan is open to them too. */
  commitments: { code: string; title: string }[];
  plan_wide: boolean;
  values: DocumentFormValues;
  errors: FieldError[];
  maxBytes: number;
}) {
  const { ctx, plan, values, errors } = props;
  const { t } = ctx;
  const errorFor = (field: string) => fieldErrorText(t, errors, field);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: t('repository.form.title'),
        breadcrumbs: [
          { href: `/plans/${plan.slug}`, label: plan.title },
          { href: `/plans/${plan.slug}/repository`, label: t('repository.title') },
        ],
      }}
    >
      <div class="narrow">
        <h1 safe>{t('repository.form.title')}</h1>
        <p class="lead" lang={langOfText(ctx, plan.title)} safe>{plan.title}</p>
        <p safe>{t('repository.form.lead')}</p>
        <ErrorSummary t={t} title={t('repository.form.errors')} errors={errors} />
        <form method="post" action={`/plans/${plan.slug}/repository/documents`} enctype="multipart/form-data" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="title" label={t('repository.form.doc_title')} error={errorFor('title')}>
            <input id="title" name="title" class="krds-input" value={values.title} maxlength="300" required />
          </Field>
          <Field id="kind" label={t('repository.form.kind')} error={errorFor('kind')}>
            <select id="kind" name="kind" class="krds-form-select">
              <option value="" selected={values.kind === ''} safe>{t('repository.form.choose')}</option>
              {KINDS.map((k) => (
                <option value={k} selected={values.kind === k} safe>{t(`repository.kind.${k}`)}</option>
              ))}
            </select>
          </Field>
          <Field id="document_date" label={t('repository.form.date')} hint={t('repository.form.date_hint')} error={errorFor('document_date')}>
            <input id="document_date" name="document_date" type="date" class="krds-input" value={values.document_date} aria-describedby="document_date-hint" required />
          </Field>
          <Field id="commitment" label={t('repository.form.commitment')} error={errorFor('commitment')}>
            <select id="commitment" name="commitment" class="krds-form-select">
              {props.plan_wide ? <option value="" selected={values.commitment === ''} safe>{t('repository.plan_wide')}</option> : ''}
              {props.commitments.map((c) => (
                <option value={c.code} selected={values.commitment === c.code} safe>{`${c.code}. ${c.title}`}</option>
              ))}
            </select>
          </Field>
          <Field id="description" label={t('repository.form.description')} error={errorFor('description')}>
            <textarea id="description" name="description" class="krds-input" rows="4" safe>
              {values.description}
            </textarea>
          </Field>
          <Field id="file" label={t('repository.form.file')} hint={t('repository.form.file_hint', { max: props.maxBytes })} error={errorFor('file')}>
            <input id="file" name="file" type="file" class="krds-input" aria-describedby="file-hint" required />
          </Field>
          <button type="submit" class="krds-btn primary" safe>{t('repository.form.submit')}</button>
        </form>
      </div>
    </Layout>
  );
}
