import { FollowButton, type FollowView } from '../../notifications/views/follow-button.tsx';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { datasetIn, type DatasetShape } from '../open-data.presenter.ts';
import { FiguresTable, themeLabel } from './parts.tsx';
import { textLang, langOfText } from '../../../platform/views/lang.tsx';

function Fact({ ctx, label, value, empty }: { ctx: ViewContext; label: string; value: string | null; empty: string }) {
  return (
    <div>
      <dt safe>{label}</dt>
      {value ? (
        <dd lang={langOfText(ctx, value)} safe>
          {value}
        </dd>
      ) : (
        <dd class="muted" safe>
          {empty}
        </dd>
      )}
    </div>
  );
}

export function DatasetPage(props: { ctx: ViewContext; d: DatasetShape; canManage: boolean; reportCount: number; follow?: FollowView }) {
  const { ctx } = props;
  const d = datasetIn(props.d, ctx.locale);
  const { t } = ctx;
  const empty = t('open_data.not_given');
  return (
    <Layout ctx={ctx} meta={{ title: d.title, description: d.description ?? undefined, breadcrumbs: [{ href: '/open-data', label: t('open_data.title') }] }}>
      <p class="eyebrow" lang={langOfText(ctx, d.publisher)} safe>
        {d.publisher ?? t('open_data.platform')}
      </p>
      <h1 lang={textLang(ctx, d, d.title)} safe>{d.title}</h1>
      <FollowButton ctx={ctx} f={props.follow} />
      {d.description ? (
        <p class="lead" lang={textLang(ctx, d, d.description)} safe>
          {d.description}
        </p>
      ) : (
        ''
      )}
      <p class="lead-actions">
        <a class="krds-btn secondary" href={`/open-data/datasets/${d.slug}/reports/new`} safe>
          {t('open_data.report_error')}
        </a>
        <a class="krds-btn tertiary" href={`/open-data/datasets/${d.slug}/reports`} safe>
          {`${t('open_data.reports_link')} (${props.reportCount})`}
        </a>
        {props.canManage ? (
          <>
            <a class="krds-btn primary" href={`/open-data/datasets/${d.slug}/tables/new`} safe>
              {t('open_data.upload_table')}
            </a>{' '}
            <a class="krds-btn secondary" href={`/open-data/datasets/${d.slug}/resources/new`} safe>
              {t('open_data.resource_form.link')}
            </a>{' '}
            <a class="krds-btn tertiary" href={`/open-data/datasets/${d.slug}/edit`} safe>
              {t('open_data.dataset_form.edit_link')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>

      <h2 safe>{t('open_data.metadata')}</h2>
      <dl class="facts">
        <Fact ctx={ctx} label={t('open_data.publisher')} value={d.publisher ?? t('open_data.platform')} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.theme')} value={d.theme ? themeLabel(ctx, d.theme) : null} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.keywords')} value={d.keywords.join(', ') || null} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.licence')} value={d.licence} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.formats')} value={d.formats.join(', ') || null} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.temporal')} value={d.temporal_coverage} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.spatial')} value={d.spatial_coverage} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.frequency')} value={d.origin === 'platform' && d.update_frequency === 'continuous' ? t('open_data.frequency_continuous') : d.update_frequency} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.issued')} value={d.issued} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.modified')} value={d.modified} empty={empty} />
        <Fact ctx={ctx} label={t('open_data.contact')} value={d.contact_point} empty={empty} />
        <div>
          <dt safe>{t('open_data.landing_page')}</dt>
          {d.landing_page ? (
            <dd>
              <a href={d.landing_page} safe>
                {d.landing_page}
              </a>
            </dd>
          ) : (
            <dd class="muted" safe>
              {empty}
            </dd>
          )}
        </div>
        <Fact ctx={ctx} label={t('open_data.source')} value={d.source ?? (d.origin === 'platform' ? t('open_data.origin.platform') : null)} empty={empty} />
      </dl>

      {d.figures.length > 0 ? (
        <>
          <h2 safe>{t('open_data.figures')}</h2>
          <FiguresTable ctx={ctx} figures={d.figures} />
        </>
      ) : (
        ''
      )}
      {d.source_notes.length > 0 ? (
        <>
          <h2 safe>{t('open_data.source_notes')}</h2>
          <ul class="source-notes">
            {d.source_notes.map((n) => (
              <li lang={langOfText(ctx, n)} safe>
                {n}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}

      <h2 safe>{t('open_data.tables')}</h2>
      {d.tables.length === 0 ? (
        <p class="empty" safe>
          {t('open_data.no_tables')}
        </p>
      ) : (
        <ul>
          {d.tables.map((tb) => (
            <li>
              <a href={`/open-data/datasets/${d.slug}/tables/${tb.slug}`} lang={langOfText(ctx, tb.title)} safe>
                {tb.title}
              </a>{' '}
              <span class="muted small" safe>
                {t('open_data.rows', { count: tb.row_count, formatted: formatNumber(ctx.locale, tb.row_count) })}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2 safe>{t('open_data.resources')}</h2>
      {d.resources.length === 0 ? (
        <p class="empty" safe>
          {t('open_data.no_resources')}
        </p>
      ) : (
        <div class="krds-table-wrap">
          <table class="tbl col data resources-table">
            <caption class="sr-only" safe>
              {t('open_data.resources')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('open_data.resource')}</th>
                <th scope="col" safe>{t('open_data.format')}</th>
                <th scope="col" safe>{t('open_data.downloads')}</th>
              </tr>
            </thead>
            <tbody>
              {d.resources.map((r) => (
                <tr>
                  <td>
                    <a href={`/open-data/resources/${r.id}/download`} lang={langOfText(ctx, r.title)} safe>
                      {r.title}
                    </a>
                  </td>
                  <td safe>{r.format}</td>
                  <td class="resource-downloads" safe>
                    {formatNumber(ctx.locale, r.download_count)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
