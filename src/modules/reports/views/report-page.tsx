import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { MarkedText, langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { SummaryChart } from '../../action-plans/views/components.tsx';
import type { ReportModel } from '../report-model.ts';
import { reportLinks } from '../report-links.ts';
import { ReportBody, reportContents } from './report-body.tsx';

/** The report on the site: the site's layout and language around the English report body. */
export function ReportPage({ ctx, model }: { ctx: ViewContext; model: ReportModel }) {
  const { t } = ctx;
  const links = reportLinks('', model.slug);
  const formats = [
    { href: links.pdf, type: 'application/pdf', label: t('report.download_pdf') },
    { href: links.docx, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: t('report.download_docx') },
    { href: links.markdown, type: 'text/markdown', label: t('report.download_md') },
    { href: links.json, type: 'application/json', label: t('report.download_json') },
  ];
  const contents = reportContents(model);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${t('report.title')}: ${model.plan.title}`,
        description: model.summary_sentence[ctx.locale],
        breadcrumbs: [
          { href: '/plans', label: t('nav.plans') },
          { href: `/plans/${model.slug}`, label: model.plan.title },
        ],
        alternates: formats.map((f) => ({ href: f.href, type: f.type, title: f.label })),
      }}
    >
      <article class="report">
        <header class="report-head">
          <p class="eyebrow" safe>
            {t('report.title')}
          </p>
          <h1 lang="en" safe>
            {model.title}
          </h1>
          {model.author ? (
            <p class="report-author">
              <MarkedText ctx={ctx} k="report.by" params={{ author: model.author }} />
            </p>
          ) : (
            ''
          )}
          <p class="muted">
            <time datetime={model.generated_at} safe>
              {t('report.generated', { date: formatDateTime(ctx.locale, model.generated_at) })}
            </time>
          </p>
        </header>

        <section class="report-overview" aria-labelledby="report-summary-title">
          <h2 id="report-summary-title" safe>
            {t('report.summary')}
          </h2>
          <p class="lead" lang={ctx.locale} safe>
            {model.summary_sentence[ctx.locale]}
          </p>
          <SummaryChart ctx={ctx} summary={model.summary} id="report-chart" />
        </section>

        <nav class="report-formats" aria-labelledby="report-formats-title">
          <h2 id="report-formats-title" safe>
            {t('report.formats')}
          </h2>
          <ul class="link-list">
            {formats.map((f) => (
              <li>
                <a href={f.href} type={f.type} lang={langOfText(ctx, f.label)} safe>
                  {f.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        {contents.length > 0 ? (
          <nav class="report-contents" aria-labelledby="report-contents-title">
            <h2 id="report-contents-title" safe>
              {t('report.contents')}
            </h2>
            <ol lang="en">
              {contents.map((c) => (
                <li>
                  <a href={`#${c.id}`} lang={langOfText(ctx, c.text)} safe>
                    {c.text}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        ) : (
          ''
        )}

        <p class="muted small" safe>
          {t('report.language_note')}
        </p>
        <ReportBody model={model} summary={ctx.locale !== 'en'} />
      </article>
    </Layout>
  );
}
