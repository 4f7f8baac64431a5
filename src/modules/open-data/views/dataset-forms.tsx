import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { DATASET_FIELDS, type DatasetInput } from '../dataset-input.ts';

const TEXTAREAS = new Set(['description']);
const DATES = new Set(['issued', 'modified']);
const HINTS = new Set(['slug', 'keywords', 'licence', 'update_frequency', 'landing_page']);

/** The DCAT-AP / Dublin Core fields of a data set: a new one (slug and organization chosen) or an existing one (both fixed). */
export function DatasetFormPage(props: { ctx: ViewContext; existing: { slug: string; title: string } | null; organizations: { key: string; name: string }[]; values: DatasetInput; errors: FieldError[] }) {
  const { ctx, existing, values, errors } = props;
  const { t } = ctx;
  const title = existing ? t('open_data.dataset_form.edit_title', { title: existing.title }) : t('open_data.dataset_form.new_title');
  const crumbs = [{ href: '/open-data', label: t('open_data.title') }, ...(existing ? [{ href: `/open-data/datasets/${existing.slug}`, label: existing.title }] : [])];
  return (
    <Layout ctx={ctx} meta={{ title, breadcrumbs: crumbs }}>
      <h1 safe>{title}</h1>
      <div class="narrow">
        <ErrorSummary t={t} title={t('open_data.dataset_form.errors')} errors={errors} />
        <form method="post" action={existing ? `/open-data/datasets/${existing.slug}` : '/open-data/datasets'} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          {existing ? (
            <input type="hidden" name="organization" value={values.organization} />
          ) : (
            <Field id="organization" label={t('open_data.dataset_form.organization')} error={errorFor(t, errors, 'organization')}>
              <select id="organization" name="organization" class="krds-form-select">
                {props.organizations.map((o) => (
                  <option value={o.key} selected={values.organization === o.key} lang={langOfText(ctx, o.name)} safe>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {existing ? <input type="hidden" name="slug" value={values.slug} /> : ''}
          {DATASET_FIELDS.filter((f) => f !== 'organization' && !(existing && f === 'slug')).map((f) => (
            <Field id={f} label={t(`open_data.dataset_form.fields.${f}`)} hint={HINTS.has(f) ? t(`open_data.dataset_form.hints.${f}`) : undefined} error={errorFor(t, errors, f)}>
              {TEXTAREAS.has(f) ? (
                <textarea id={f} name={f} class="krds-input" rows="5" safe>
                  {values[f]}
                </textarea>
              ) : (
                <input id={f} name={f} class="krds-input" value={values[f]} type={DATES.has(f) ? 'date' : 'text'} aria-describedby={HINTS.has(f) ? `${f}-hint` : undefined} />
              )}
            </Field>
          ))}
          <button type="submit" class="krds-btn primary" safe>
            {existing ? t('open_data.dataset_form.save') : t('open_data.dataset_form.create')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export interface ResourceValues {
  title: string;
  format: string;
  url: string;
}

export function ResourceFormPage(props: { ctx: ViewContext; d: { slug: string; title: string }; values: ResourceValues; errors: FieldError[] }) {
  const { ctx, d, values, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('open_data.resource_form.title'), breadcrumbs: [{ href: '/open-data', label: t('open_data.title') }, { href: `/open-data/datasets/${d.slug}`, label: d.title }] }}>
      <h1 safe>{t('open_data.resource_form.title')}</h1>
      <p class="lead" safe>{t('open_data.resource_form.intro')}</p>
      <div class="narrow">
        <ErrorSummary t={t} title={t('open_data.dataset_form.errors')} errors={errors} />
        <form method="post" action={`/open-data/datasets/${d.slug}/resources`} enctype="multipart/form-data" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="title" label={t('open_data.resource_form.resource_title')} error={errorFor(t, errors, 'title')}>
            <input id="title" name="title" class="krds-input" value={values.title} maxlength="200" />
          </Field>
          <Field id="format" label={t('open_data.resource_form.format')} hint={t('open_data.resource_form.format_hint')} error={errorFor(t, errors, 'format')}>
            <input id="format" name="format" class="krds-input" value={values.format} maxlength="20" aria-describedby="format-hint" />
          </Field>
          <Field id="url" label={t('open_data.resource_form.url')} error={errorFor(t, errors, 'url')}>
            <input id="url" name="url" class="krds-input" value={values.url} type="url" />
          </Field>
          <Field id="file" label={t('open_data.resource_form.file')} error={errorFor(t, errors, 'file')}>
            <input id="file" name="file" type="file" class="krds-input" />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('open_data.resource_form.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
