import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import type { CatalogQuery } from '../catalog.repository.ts';
import { datasetIn, type DatasetShape } from '../open-data.presenter.ts';
import { Select, TextFilter, themeLabel } from './parts.tsx';
import { textLang, langOfText, JoinedText } from '../../../platform/views/lang.tsx';

export interface Facets {
  themes: string[];
  formats: string[];
  organizations: { key: string; name: string; source: string | null }[];
}

/** The data sets in the page's language, in the catalog's order (by origin, then title) with the titles as the page shows them. */
function inPageOrder(datasets: DatasetShape[], locale: string): DatasetShape[] {
  const collator = new Intl.Collator(locale);
  const shown = datasets.map((d) => datasetIn(d, locale));
  return shown.map((d, i) => ({ d, i })).sort((a, b) => (a.d.origin === b.d.origin ? collator.compare(a.d.title, b.d.title) : a.i - b.i)).map((x) => x.d);
}

export function CatalogPage(props: { ctx: ViewContext; datasets: DatasetShape[]; query: CatalogQuery; facets: Facets; canPublish: boolean }) {
  const { ctx, datasets, query, facets } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: t('open_data.title'),
        alternates: [
          { href: '/api/v1/catalog.jsonld', type: 'application/ld+json', title: t('open_data.jsonld') },
          { href: '/open-data/catalog.csv', type: 'text/csv', title: t('open_data.csv') },
        ],
      }}
    >
      <h1 safe>{t('open_data.title')}</h1>
      <p class="lead" safe>{t('open_data.lead')}</p>
      {props.canPublish ? (
        <p class="page-actions">
          <a class="krds-btn primary" href="/open-data/datasets/new" safe>
            {t('open_data.dataset_form.new_link')}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/open-data" class="filters" role="search" aria-label={t('open_data.search')}>
        <TextFilter id="q" label={t('open_data.search_label')} value={query.q} />
        <Select id="organization" label={t('open_data.publisher')} value={query.organization} all={t('open_data.all')} options={facets.organizations.map((o) => ({ value: o.key, label: o.name, lang: textLang(ctx, o) }))} />
        <Select id="theme" label={t('open_data.theme')} value={query.theme} all={t('open_data.all')} options={facets.themes.map((x) => ({ value: x, label: themeLabel(ctx, x) }))} />
        <Select id="format" label={t('open_data.format')} value={query.format} all={t('open_data.all')} options={facets.formats.map((x) => ({ value: x, label: x }))} />
        <div class="filter-actions">
          <button type="submit" class="krds-btn primary" safe>
            {t('open_data.search_button')}
          </button>
          <a class="krds-btn tertiary" href="/open-data" safe>
            {t('open_data.reset')}
          </a>
        </div>
      </form>
      <p class="result-count" role="status" safe>
        {t('open_data.found', { count: datasets.length })}
      </p>
      {datasets.length === 0 ? (
        <p class="empty" safe>
          {t('open_data.none')}
        </p>
      ) : (
        <ul class="dataset-list">
          {inPageOrder(datasets, ctx.locale).map((d) => (
            <li class="plan-card dataset-card">
              <h2>
                <a href={`/open-data/datasets/${d.slug}`} lang={langOfText(ctx, d.title)} safe>
                  {d.title}
                </a>
              </h2>
              <p class="muted small">
                <JoinedText ctx={ctx} parts={[d.publisher ?? t('open_data.platform'), d.theme ? themeLabel(ctx, d.theme) : '', t(`open_data.origin.${d.origin}`)]} />
              </p>
              {d.description ? <p lang={langOfText(ctx, d.description)} safe>{d.description}</p> : ''}
              <p class="small">
                {d.formats.map((f) => (
                  <span class="format-tag" safe>
                    {f}
                  </span>
                ))}
                {d.tables.length > 0 ? (
                  <span class="format-tag" safe>
                    {t('open_data.tables')}
                  </span>
                ) : (
                  ''
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 safe>{t('open_data.exports')}</h2>
      <ul>
        <li>
          <a href="/api/v1/catalog.jsonld" safe>{t('open_data.jsonld')}</a>
        </li>
        <li>
          <a href="/open-data/catalog.csv" safe>{t('open_data.csv')}</a>
        </li>
        <li>
          <a href="/api/v1/datasets" safe>{t('open_data.json')}</a>
        </li>
        <li>
          <a href="/open-data/evaluation" safe>{t('open_data.evaluation_link')}</a>
        </li>
        <li>
          <a href="/open-data/requests" safe>{t('open_data.requests.title')}</a>
        </li>
        <li>
          <a href="/open-data/rounds" safe>{t('open_data.rounds.title')}</a>
        </li>
        <li>
          <a href="/policy-registry" safe>{t('policy_registry.title')}</a>
        </li>
      </ul>
    </Layout>
  );
}
