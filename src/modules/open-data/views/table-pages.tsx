import { errorFor as fieldErrorText, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import { withQuery, type ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { DatasetRow } from '../catalog.repository.ts';
import type { ColumnDef } from '../table-schema.ts';
import type { TableRow } from '../tables.repository.ts';
import { Select, TextFilter } from './parts.tsx';

export interface TableSearch {
  filters: Record<string, string>;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  perPage: number;
}

export function TablePage(props: { ctx: ViewContext; d: DatasetRow; table: TableRow; columns: ColumnDef[]; search: TableSearch; rows: { row_no: number; cells: string[] }[]; total: number }) {
  const { ctx, d, table, columns, search, rows, total } = props;
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / search.perPage));
  const base = `/open-data/datasets/${d.slug}/tables/${table.slug}`;
  const sortable = columns.filter((c) => c.filterable);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: table.title,
        breadcrumbs: [
          { href: '/open-data', label: t('open_data.title') },
          { href: `/open-data/datasets/${d.slug}`, label: d.title },
        ],
        alternates: [
          { href: `${base}.csv`, type: 'text/csv', title: t('open_data.table.download_csv') },
          { href: `/api/v1/datasets/${d.slug}/tables/${table.slug}/rows`, type: 'application/json', title: t('open_data.table.api') },
        ],
      }}
    >
      <p class="eyebrow" safe>
        {d.organization_name ?? t('open_data.platform')}
      </p>
      <h1 lang={langOfText(ctx, table.title)} safe>{table.title}</h1>
      <p class="lead-actions">
        <a class="krds-btn secondary" href={`${base}.csv`} safe>
          {t('open_data.table.download_csv')}
        </a>
        <a class="krds-btn tertiary" href={`/api/v1/datasets/${d.slug}/tables/${table.slug}/rows`} safe>
          {t('open_data.table.api')}
        </a>
      </p>
      <form method="get" action={base} class="filters" role="search" aria-label={t('open_data.table.search')}>
        {sortable.map((c) => (
          <TextFilter id={`f_${c.name}`} label={c.name} value={search.filters[c.name] ?? ''} hint={t('open_data.table.filter_hint')} />
        ))}
        <Select id="sort" label={t('open_data.table.sort')} value={search.sort} options={[{ value: '', label: t('open_data.table.row_order') }, ...sortable.map((c) => ({ value: c.name, label: c.name }))]} />
        <Select id="order" label={t('open_data.table.order')} value={search.order} options={[{ value: 'asc', label: t('open_data.table.asc') }, { value: 'desc', label: t('open_data.table.desc') }]} />
        <div class="filter-actions">
          <button type="submit" class="krds-btn primary" safe>
            {t('open_data.table.search_button')}
          </button>
          <a class="krds-btn tertiary" href={base} safe>
            {t('open_data.table.reset')}
          </a>
        </div>
      </form>
      <p class="result-count" role="status" safe>
        {t('open_data.table.results', { count: total })}
      </p>
      {rows.length === 0 ? (
        <p class="empty" safe>
          {t('open_data.table.none')}
        </p>
      ) : (
        <div class="krds-table-wrap">
          <table class="tbl col data table-rows">
            <caption class="sr-only" lang={langOfText(ctx, table.title)} safe>
              {table.title}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('open_data.table.row')}</th>
                {columns.map((c) => (
                  <th scope="col" lang={langOfText(ctx, c.name)} safe>
                    {c.name}
                  </th>
                ))}
                <th scope="col" safe>{t('open_data.reports')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr id={`row-${r.row_no}`}>
                  <td safe>{String(r.row_no)}</td>
                  {r.cells.map((cell) => (
                    <td safe>{cell}</td>
                  ))}
                  <td>
                    <a href={`/open-data/datasets/${d.slug}/reports/new?table=${encodeURIComponent(table.slug)}&row=${r.row_no}`} safe>
                      {t('open_data.table.report_row', { row: r.row_no })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label={t('open_data.table.pages')}>
          {search.page > 1 ? (
            <a class="krds-btn small tertiary" href={withQuery(ctx.url, 'page', String(search.page - 1))} safe>
              {t('open_data.table.previous')}
            </a>
          ) : (
            ''
          )}
          <span safe>{t('open_data.table.page', { page: formatNumber(ctx.locale, search.page), pages: formatNumber(ctx.locale, pages) })}</span>
          {search.page < pages ? (
            <a class="krds-btn small tertiary" href={withQuery(ctx.url, 'page', String(search.page + 1))} safe>
              {t('open_data.table.next')}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
      <h2 safe>{t('open_data.table.columns')}</h2>
      <div class="krds-table-wrap">
        <table class="tbl col data">
          <caption class="sr-only" safe>
            {t('open_data.table.columns')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('open_data.table.columns')}</th>
              <th scope="col" safe>{t('open_data.table.type')}</th>
              <th scope="col" safe>{t('open_data.table.filterable')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr>
                <td lang={langOfText(ctx, c.name)} safe>{c.name}</td>
                <td>{c.type}</td>
                <td safe>{c.filterable ? t('open_data.table.yes') : t('open_data.table.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export interface UploadValues {
  title: string;
  slug: string;
  columns: string;
}

export function UploadTablePage(props: { ctx: ViewContext; d: DatasetRow; values: UploadValues; errors: FieldError[] }) {
  const { ctx, d, values, errors } = props;
  const { t } = ctx;
  const errorFor = (field: string) => fieldErrorText(t, errors, field);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${t('open_data.upload.title')} · ${d.title}`,
        breadcrumbs: [
          { href: '/open-data', label: t('open_data.title') },
          { href: `/open-data/datasets/${d.slug}`, label: d.title },
        ],
      }}
    >
      <div class="narrow">
        <h1 safe>{t('open_data.upload.title')}</h1>
        <p class="lead" lang={langOfText(ctx, d.title)} safe>
          {d.title}
        </p>
        <p safe>{t('open_data.upload.intro')}</p>
        <ErrorSummary t={t} title={t('open_data.upload.errors_title')} errors={errors} />
        <form method="post" action={`/open-data/datasets/${d.slug}/tables`} enctype="multipart/form-data" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="title" label={t('open_data.upload.table_title')} error={errorFor('title')}>
            <input id="title" name="title" class="krds-input" value={values.title} maxlength="200" required />
          </Field>
          <Field id="slug" label={t('open_data.upload.slug')} hint={t('open_data.upload.slug_hint')} error={errorFor('slug')}>
            <input id="slug" name="slug" class="krds-input" value={values.slug} maxlength="60" required aria-describedby="slug-hint" />
          </Field>
          <Field id="columns" label={t('open_data.upload.columns')} hint={t('open_data.upload.columns_hint')} error={errorFor('columns')}>
            <textarea id="columns" name="columns" class="krds-input" rows="6" required aria-describedby="columns-hint" safe>
              {values.columns}
            </textarea>
          </Field>
          <Field id="file" label={t('open_data.upload.file')} error={errorFor('file')}>
            <input id="file" name="file" type="file" accept=".csv,text/csv" class="krds-input" required />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('open_data.upload.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
