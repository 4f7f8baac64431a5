// The OGP point of contact imports a plan from OGP's commitment table (CSV): the form, and every
// error of a refused file by row and column.
import { errorFor, errorText, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { OgpCellError } from '../ogp-columns.ts';

export interface ImportFormValues {
  slug: string;
  country: string;
  period_end: string;
}


export function ImportOgpPage(props: { ctx: ViewContext; values: ImportFormValues; errors: FieldError[]; cells: OgpCellError[]; filename: string | null; maxBytes: number }) {
  const { ctx, values, errors, cells } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('ogp_import.title'), breadcrumbs: [{ href: '/plans', label: t('nav.plans') }] }}>
      <div class="narrow">
        <h1 safe>{t('ogp_import.title')}</h1>
        <p safe>{t('ogp_import.intro')}</p>
        <p>
          <a href="/api/v1/schemas/plan.json" safe>
            {t('ogp_import.schema')}
          </a>
        </p>
        <ErrorSummary t={t} title={t('ogp_import.errors_title')} errors={errors} />
        {cells.length > 0 ? (
          <section class="error-summary" aria-labelledby="cells-title" role="alert" tabindex="-1">
            <h2 id="cells-title" safe>
              {t('ogp_import.refused', { file: props.filename ?? '', count: cells.length })}
            </h2>
            <div class="krds-table-wrap">
              <table class="tbl col data import-errors">
                <caption class="sr-only" safe>
                  {t('ogp_import.refused_caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('ogp_import.row')}</th>
                    <th scope="col" safe>{t('ogp_import.column')}</th>
                    <th scope="col" safe>{t('ogp_import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cells.map((c) => (
                    <tr>
                      <td>{c.row > 0 ? c.row : '—'}</td>
                      <td safe>{c.column || '—'}</td>
                      <td safe>{errorText(t, c)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : (
          ''
        )}
        <form method="post" action="/plans/import-ogp" enctype="multipart/form-data" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="file" label={t('ogp_import.file')} hint={t('ogp_import.file_hint', { size: `${Math.round(props.maxBytes / (1024 * 1024))} MB` })} error={errorFor(t, errors, 'file')}>
            <input id="file" name="file" type="file" accept=".csv,text/csv" class="krds-input" aria-describedby="file-hint" />
          </Field>
          <Field id="slug" label={t('ogp_import.slug')} hint={t('ogp_import.slug_hint')} error={errorFor(t, errors, 'slug')}>
            <input id="slug" name="slug" type="text" class="krds-input" value={values.slug} aria-describedby="slug-hint" />
          </Field>
          <Field id="country" label={t('ogp_import.country')} hint={t('ogp_import.country_hint')} error={errorFor(t, errors, 'country')}>
            <input id="country" name="country" type="text" class="krds-input" value={values.country} aria-describedby="country-hint" />
          </Field>
          <Field id="period_end" label={t('ogp_import.period_end')} hint={t('ogp_import.period_end_hint')} error={errorFor(t, errors, 'period_end')}>
            <input id="period_end" name="period_end" type="text" class="krds-input" value={values.period_end} aria-describedby="period_end-hint" />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('ogp_import.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
