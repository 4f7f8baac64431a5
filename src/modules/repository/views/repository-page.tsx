// The OGP repository of a plan or of one commitment: updates per half-year, then every item, newest first.
import { formatDateTime, formatDay } from '../../../platform/i18n/i18n.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Prose } from '../../action-plans/views/components.tsx';
import { itemAnchor, type ItemFile, type Repository, type RepositoryItem } from '../repository-load.ts';

function FileLink({ ctx, f }: { ctx: ViewContext; f: ItemFile }) {
  const size = f.size !== null ? ` · ${Math.max(1, Math.round(f.size / 1024))} KB` : '';
  return (
    <li>
      {f.external ? (
        <a href={f.href} rel="noopener noreferrer" safe>
          {`${ctx.t('repository.external')}: ${f.title}`}
        </a>
      ) : (
        <a href={f.href} download="" safe>
          {ctx.t('repository.download', { name: f.title })}
        </a>
      )}
      <span class="muted small" safe>
        {`${f.content_type ?? ''}${size}`}
      </span>
    </li>
  );
}

function Item({ ctx, slug, item, showCommitment }: { ctx: ViewContext; slug: string; item: RepositoryItem; showCommitment: boolean }) {
  const { t } = ctx;
  const files = item.type === 'document' ? [item.file] : item.evidence;
  const heading = item.type === 'document' ? item.title : `${t('repository.progress_update')} · ${formatDay(ctx.locale, item.date)}`;
  const kind = item.type === 'document' ? t(`repository.kind.${item.kind}` as 'repository.kind.evidence') : t('repository.progress_update');
  return (
    <li class="repository-item" id={itemAnchor(item)}>
      <h3 safe>{heading}</h3>
      <p class="badges">
        <span class="krds-badge bg-light-information" safe>{kind}</span>
        <span class="krds-badge bg-light-gray" safe>{t(`repository.stream.${item.stream}`)}</span>
      </p>
      <dl class="facts compact">
        <div>
          <dt safe>{t('repository.dated')}</dt>
          <dd>
            <time datetime={item.date} safe>{formatDay(ctx.locale, item.date)}</time>
          </dd>
        </div>
        <div>
          <dt safe>{t('repository.published')}</dt>
          <dd>
            <time datetime={item.published_at} safe>{formatDateTime(ctx.locale, item.published_at)}</time>
          </dd>
        </div>
        <div>
          <dt safe>{t('repository.by')}</dt>
          <dd lang={langOfText(ctx, item.by)} safe>{item.by}</dd>
        </div>
        {showCommitment ? (
          <div>
            <dt safe>{t('repository.commitment')}</dt>
            <dd>
              {item.commitment ? (
                <a href={`/plans/${slug}/commitments/${item.commitment.code}`} safe>{`${item.commitment.code}. ${item.commitment.title}`}</a>
              ) : (
                <span safe>{t('repository.plan_wide')}</span>
              )}
            </dd>
          </div>
        ) : (
          ''
        )}
      </dl>
      {item.type === 'document' ? <Prose ctx={ctx} text={item.description} /> : <Prose ctx={ctx} text={item.body} />}
      {files.length > 0 ? (
        <ul class="link-list files" aria-label={t('repository.evidence')}>
          {files.map((f) => (
            <FileLink ctx={ctx} f={f} />
          ))}
        </ul>
      ) : (
        <p class="muted small" safe>{t('repository.no_evidence')}</p>
      )}
    </li>
  );
}

export function RepositoryPage({ ctx, repo, canPublish }: { ctx: ViewContext; repo: Repository; canPublish: boolean }) {
  const { t } = ctx;
  const { plan } = repo.tree;
  const c = repo.commitment;
  const title = c ? t('repository.title_of_commitment', { code: c.code }) : t('repository.title');
  const feed = `/plans/${plan.slug}/repository.atom`;
  const api = c ? `/api/v1/plans/${plan.slug}/commitments/${c.code}/repository` : `/api/v1/plans/${plan.slug}/repository`;
  const publishHref = `/plans/${plan.slug}/repository/documents/new${c ? `?commitment=${encodeURIComponent(c.code)}` : ''}`;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${title} · ${plan.title}`,
        breadcrumbs: [
          { href: '/plans', label: t('nav.plans') },
          { href: `/plans/${plan.slug}`, label: plan.title },
          ...(c ? [{ href: `/plans/${plan.slug}/commitments/${c.code}`, label: `${c.code}. ${c.title}` }] : []),
        ],
        alternates: [
          { href: feed, type: 'application/atom+xml', title: t('repository.feed') },
          { href: api, type: 'application/json', title: t('repository.json') },
        ],
      }}
    >
      <h1 safe>{title}</h1>
      {c ? <p class="lead" lang={langOfText(ctx, c.title)} safe>{`${c.code}. ${c.title}`}</p> : ''}
      <p safe>{c ? t('repository.lead_commitment') : t('repository.lead')}</p>
      <ul class="link-list">
        <li>
          <a href={feed} type="application/atom+xml" safe>{t('repository.feed')}</a>
        </li>
        <li>
          <a href={api} type="application/json" safe>{t('repository.json')}</a>
        </li>
        {c ? (
          <li>
            <a href={`/plans/${plan.slug}/repository`} safe>{t('repository.link')}</a>
          </li>
        ) : (
          ''
        )}
      </ul>
      {canPublish ? (
        <p>
          <a class="krds-btn primary" href={publishHref} safe>{t('repository.publish')}</a>
        </p>
      ) : (
        ''
      )}
      <section aria-labelledby="half-years-title">
        <h2 id="half-years-title" safe>{t('repository.half_years')}</h2>
        <p class="muted small" safe>{t('repository.half_years_lead')}</p>
        {repo.half_years.length === 0 ? (
          <p class="empty" safe>{t('repository.none')}</p>
        ) : (
          <div class="krds-table-wrap">
            <table class="tbl col data half-years">
              <caption class="sr-only" safe>{t('repository.half_years')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('repository.half')}</th>
                  <th scope="col" safe>{t('repository.process')}</th>
                  <th scope="col" safe>{t('repository.implementation')}</th>
                  <th scope="col" safe>{t('repository.total')}</th>
                </tr>
              </thead>
              <tbody>
                {repo.half_years.map((h) => (
                  <tr>
                    <th scope="row" safe>{h.half}</th>
                    <td safe>{String(h.process)}</td>
                    <td safe>{String(h.implementation)}</td>
                    <td safe>{String(h.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="items-title">
        <h2 id="items-title" safe>{t('repository.items')}</h2>
        {repo.items.length === 0 ? (
          <p class="empty" safe>{t('repository.none')}</p>
        ) : (
          <>
            <p class="result-count" safe>{t('repository.showing', { count: repo.items.length })}</p>
            <ol class="repository-items">
              {repo.items.map((item) => (
                <Item ctx={ctx} slug={plan.slug} item={item} showCommitment={c === null} />
              ))}
            </ol>
          </>
        )}
      </section>
    </Layout>
  );
}
