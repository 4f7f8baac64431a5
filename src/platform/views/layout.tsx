import type { Children } from '@kitajs/html';
import { staticHref } from '../http/assets.ts';
import { krdsSubsetHref } from '../http/krds-subset.ts';
import { WEB_FONTS } from '../http/web-fonts.ts';
import { withQuery, type ViewContext } from './context.ts';
import { langOfText } from './lang.tsx';

export interface PageMeta {
  title: string;
  description?: string;
  /** Alternate formats of this page (JSON, CSV, Markdown), as <link rel="alternate">. */
  alternates?: { href: string; type: string; title: string }[];
  breadcrumbs?: { href: string; label: string }[];
  /**
   * A page that must not be indexed or linked by its address (one opened by a secret link in a mail):
   * a robots noindex, and no canonical or hreflang links, which would repeat the address's secret.
   */
  noindex?: boolean;
}

function LanguageSwitch({ ctx }: { ctx: ViewContext }) {
  const other = ctx.locale === 'ko' ? 'en' : 'ko';
  return (
    <a class="lang-switch krds-btn small tertiary" href={withQuery(ctx.url, 'lang', other)} hreflang={other} lang={other}>
      {other === 'en' ? 'English' : '한국어'}
    </a>
  );
}

/** The inbox in the menu, with the unread count, for whoever has one (an account, or a confirmed e-mail that follows). */
async function InboxNavItem({ ctx }: { ctx: ViewContext }) {
  const unread = ctx.inboxUnread ? await ctx.inboxUnread() : null;
  if (unread === null) return '';
  const { t } = ctx;
  return (
    <li>
      <a href="/inbox" class="inbox-link">
        <span safe>{t('notifications.inbox')}</span>
        {unread > 0 ? (
          <>
            {' '}
            <span class="krds-badge bg-light-information" aria-hidden="true" safe>
              {String(unread)}
            </span>
            <span class="sr-only" safe>{` ${t('notifications.unread_count', { count: unread })}`}</span>
          </>
        ) : (
          ''
        )}
      </a>
    </li>
  );
}

/** `noindex`: the page's address holds a secret, which the sign-in link must not carry on. */
function Header({ ctx, noindex }: { ctx: ViewContext; noindex?: boolean }) {
  const { t, actor } = ctx;
  return (
    <header class="site-header">
      <div class="inner header-row">
        <a class="brand" href="/">
          <span class="brand-mark" aria-hidden="true">
            마
          </span>
          <span class="brand-name" safe>{t('site.name')}</span>
          <span class="brand-tagline" safe>{t('site.tagline')}</span>
        </a>
        <div class="header-tools">
          <form method="get" action="/search" class="header-search" role="search" aria-label={t('search.header_label')}>
            <label for="site-search" class="sr-only" safe>{t('search.header_label')}</label>
            <input type="search" id="site-search" name="q" class="krds-input small" placeholder={t('search.header_placeholder')} maxlength="200" />
            <button type="submit" class="krds-btn small secondary" safe>{t('search.header_submit')}</button>
          </form>
          <LanguageSwitch ctx={ctx} />
          {actor ? (
            <form method="post" action="/sign-out" class="inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <span class="who" safe>{t('nav.signed_in_as', { name: actor.name })}</span>
              <button type="submit" class="krds-btn small secondary" safe>
                {t('nav.sign_out')}
              </button>
            </form>
          ) : (
            <a class="krds-btn small secondary" href={noindex ? '/sign-in' : `/sign-in?next=${encodeURIComponent(ctx.url)}`} safe>
              {t('nav.sign_in')}
            </a>
          )}
        </div>
      </div>
      <nav class="main-nav" aria-label={t('site.menu')}>
        <ul class="inner">
          <li>
            <a href="/" safe>{t('nav.home')}</a>
          </li>
          <li>
            <a href="/plans" safe>{t('nav.plans')}</a>
          </li>
          <li>
            <a href="/petitions" safe>{t('nav.petitions')}</a>
          </li>
          <li>
            <a href="/votes" safe>{t('nav.votes')}</a>
          </li>
          <li>
            <a href="/organizations" safe>{t('nav.organizations')}</a>
          </li>
          <li>
            <a href="/open-data" safe>{t('open_data.nav')}</a>
          </li>
          <li>
            <a href="/calls" safe>{t('proposals.nav')}</a>
          </li>
          <li>
            <a href="/bodies" safe>{t('bodies.nav')}</a>
          </li>
          <li>
            <a href="/proposals/statistics" safe>{t('proposals.stats.nav')}</a>
          </li>
          {actor ? (
            <li>
              <a href="/me/proposals" safe>{t('proposals.mine')}</a>
            </li>
          ) : null}
          <InboxNavItem ctx={ctx} />
          {actor?.role === 'admin' ? (
            <li>
              <a href="/admin/audit" safe>{t('nav.audit')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}

export function Layout(props: { ctx: ViewContext; meta: PageMeta; children?: Children }) {
  const { ctx, meta } = props;
  const { t } = ctx;
  const canonical = withQuery(ctx.url, 'lang', null);
  return (
    <>
      <html lang={ctx.locale} class={ctx.webFonts ? WEB_FONTS.htmlClass : undefined}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${meta.title} · ${t('site.name')}`}</title>
          <meta name="description" content={meta.description ?? t('site.description')} />
          {meta.noindex ? (
            <meta name="robots" content="noindex" />
          ) : (
            <>
              <link rel="canonical" href={ctx.baseUrl + canonical} />
              <link rel="alternate" hreflang="ko" href={ctx.baseUrl + withQuery(ctx.url, 'lang', 'ko')} />
              <link rel="alternate" hreflang="en" href={ctx.baseUrl + withQuery(ctx.url, 'lang', 'en')} />
              <link rel="alternate" hreflang="x-default" href={ctx.baseUrl + canonical} />
            </>
          )}
          {(meta.alternates ?? []).map((a) => (
            <link rel="alternate" type={a.type} href={a.href} title={a.title} />
          ))}
          <link rel="icon" href={staticHref('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={krdsSubsetHref()} />
          <link rel="stylesheet" href={staticHref('madang.css')} />
          {ctx.webFonts ? null : (
            <script src={staticHref('fonts.js')} defer data-files={WEB_FONTS.files.join(' ')} data-cookie={WEB_FONTS.cookie} data-version={WEB_FONTS.version} data-delay-ms={String(WEB_FONTS.delayMs)}></script>
          )}
        </head>
        <body>
          <div id="krds-skip-link">
            <a href="#main" safe>{t('site.skip')}</a>
          </div>
          {ctx.masthead ? (
            <div id="krds-masthead">
              <div class="inner">
                <span class="nuri-txt" safe>{t('site.masthead')}</span>
              </div>
            </div>
          ) : null}
          <Header ctx={ctx} noindex={meta.noindex} />
          {meta.breadcrumbs && meta.breadcrumbs.length > 0 ? (
            <nav class="breadcrumbs inner" aria-label={t('site.breadcrumb')}>
              <ol>
                {meta.breadcrumbs.map((b) => (
                  <li>
                    <a href={b.href} lang={langOfText(ctx, b.label)} safe>
                      {b.label}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <main id="main" class="inner" tabindex="-1">
            {ctx.flash ? (
              <p class="flash" role="status" safe>
                {ctx.flash}
              </p>
            ) : null}
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="inner">
              <p safe>{t('site.footer')}</p>
              <p>
                <a href="/api/v1/openapi.json" safe>{t('site.api')}</a> · <a href="/api/v1/plans" safe>{t('site.open_data')}</a>
              </p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
