import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Check, CsrfField, ErrorSummary, Field, SelectField } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { Subject } from '../notifications.repository.ts';
import { FREQUENCIES } from '../notify-rules.ts';

export interface InboxItem {
  id: number;
  subject_type: string;
  subject_label: string;
  link: string;
  message: string;
  detail: string | null;
  occurred_at: string;
  read_at: string | null;
}

export function FollowEmailPage({ ctx, subject, email, errors }: { ctx: ViewContext; subject: Subject; email: string; errors: FieldError[] }) {
  const { t } = ctx;
  const title = t('notifications.email_title', { label: subject.label });
  return (
    <Layout ctx={ctx} meta={{ title, breadcrumbs: [{ href: subject.link, label: subject.label }] }}>
      <div class="narrow">
        <ErrorSummary t={t} title={t('notifications.errors_title')} errors={errors} />
        <h1 safe>{title}</h1>
        <p safe>{t('notifications.email_intro')}</p>
        <form method="post" action="/follows/email" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="kind" value={subject.type} />
          <input type="hidden" name="id" value={String(subject.id)} />
          <Field id="email" label={t('notifications.email_label')} hint={t('notifications.email_hint')} error={errorFor(t, errors, 'email')}>
            <input id="email" name="email" type="email" autocomplete="email" class="krds-input" value={email} aria-describedby="email-hint" />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('notifications.email_submit')}
          </button>
        </form>
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(subject.link)}`} safe>
            {t('notifications.or_sign_in')}
          </a>
        </p>
      </div>
    </Layout>
  );
}

export function InboxPage({ ctx, items, unread }: { ctx: ViewContext; items: InboxItem[]; unread: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('notifications.inbox_title') }}>
      <h1 safe>{`${t('notifications.inbox_title')}${unread ? ` (${unread})` : ''}`}</h1>
      <p safe>{t('notifications.inbox_intro')}</p>
      <p>
        <a href="/inbox/settings" safe>
          {t('notifications.settings')}
        </a>
      </p>
      {items.length === 0 ? (
        <p class="empty" safe>
          {t('notifications.inbox_empty')}
        </p>
      ) : (
        <>
          {unread > 0 ? (
            <form method="post" action="/inbox/read" class="inline-form">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="krds-btn small secondary" safe>
                {t('notifications.mark_all_read')}
              </button>
            </form>
          ) : (
            ''
          )}
          <ol class="inbox">
            {items.map((n) => (
              <li class={n.read_at ? 'notification' : 'notification unread'} id={`notification-${n.id}`}>
                <p>
                  {n.read_at ? (
                    ''
                  ) : (
                    <span class="krds-badge bg-light-information" safe>
                      {t('notifications.unread')}
                    </span>
                  )}{' '}
                  <strong safe>{t(`notifications.event.${n.message}`)}</strong>
                </p>
                <p>
                  <span class="muted" safe>{`${t(`notifications.kind.${n.subject_type}`)} · `}</span>
                  <a href={n.link} lang={langOfText(ctx, n.subject_label)} safe>
                    {n.subject_label}
                  </a>
                  {n.detail ? <span safe>{` · ${n.detail}`}</span> : ''}
                </p>
                <p class="muted" safe>
                  {formatDateTime(ctx.locale, n.occurred_at)}
                </p>
                {n.read_at ? (
                  ''
                ) : (
                  <form method="post" action="/inbox/read" class="inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="id" value={String(n.id)} />
                    <button type="submit" class="krds-btn small tertiary" safe>
                      {t('notifications.mark_read')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}

/** Where the settings page's forms go: the signed-in inbox's, or a signed mail link's (no sign-in). */
export interface SettingsActions {
  settings: string;
  unfollow: string;
  /** Where unfollowing returns to, when the action does not decide. */
  next?: string;
  /** Said under the title instead of the usual introduction (the mail link's page names the address). */
  intro?: string;
  /** The one-click unsubscribe link, on the mail link's page. */
  stopAll?: string;
  /** The page's address carries a secret (the mail link's page): not indexed, no canonical links. */
  noindex?: boolean;
}

const INBOX_ACTIONS: SettingsActions = { settings: '/inbox/settings', unfollow: '/follows/remove', next: '/inbox/settings' };

export function SettingsPage({ ctx, frequency, locale, follows, errors, actions = INBOX_ACTIONS }: { ctx: ViewContext; frequency: string; locale: string; follows: Subject[]; errors: FieldError[]; actions?: SettingsActions }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('notifications.settings'), breadcrumbs: [{ href: '/inbox', label: t('notifications.inbox') }], noindex: !!actions.noindex }}>
      <div class="narrow">
        <ErrorSummary t={t} title={t('notifications.errors_title')} errors={errors} />
        <h1 safe>{t('notifications.settings')}</h1>
        <p safe>{actions.intro ?? t('notifications.settings_intro')}</p>
        <form method="post" action={actions.settings} class="stack">
          <CsrfField token={ctx.csrfToken} />
          <fieldset id="frequency" aria-describedby="frequency-hint">
            <legend safe>{t('notifications.frequency')}</legend>
            <p class="form-hint" id="frequency-hint" safe>
              {t('notifications.frequency_hint')}
            </p>
            {FREQUENCIES.map((f) => (
              <Check type="radio" id={`frequency-${f}`} name="frequency" value={f} label={t(`notifications.frequency_options.${f}`)} checked={frequency === f} />
            ))}
          </fieldset>
          <SelectField
            id="locale"
            label={t('notifications.language')}
            value={locale}
            options={[
              { value: 'ko', label: '한국어', lang: 'ko' },
              { value: 'en', label: 'English', lang: 'en' },
            ]}
          />
          <button type="submit" class="krds-btn primary" safe>
            {t('notifications.save')}
          </button>
        </form>
        <h2 id="follows" tabindex="-1" safe>
          {t('notifications.follows_title')}
        </h2>
        {follows.length === 0 ? (
          <p class="empty" safe>
            {t('notifications.follows_empty')}
          </p>
        ) : (
          <ul class="follows">
            {follows.map((s) => (
              <li>
                <span class="muted" safe>{`${t(`notifications.kind.${s.type}`)} · `}</span>
                <a href={s.link} lang={langOfText(ctx, s.label)} safe>
                  {s.label}
                </a>{' '}
                <form method="post" action={actions.unfollow} class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="kind" value={s.type} />
                  <input type="hidden" name="id" value={String(s.id)} />
                  {actions.next ? <input type="hidden" name="next" value={actions.next} /> : ''}
                  <button type="submit" class="krds-btn small tertiary" aria-label={`${t('notifications.unfollow')}: ${s.label}`} safe>
                    {t('notifications.unfollow')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        {actions.stopAll ? (
          <p>
            <a href={actions.stopAll} class="krds-btn secondary" safe>
              {t('notifications.manage_stop_all')}
            </a>
          </p>
        ) : (
          ''
        )}
      </div>
    </Layout>
  );
}

/** For whoever has no inbox on this device: sign in, or have a link mailed to the address they follow with. */
export function InboxAccessPage({ ctx, email, errors }: { ctx: ViewContext; email: string; errors: FieldError[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('notifications.access_title') }}>
      <div class="narrow">
        <ErrorSummary title={t('notifications.errors_title')} errors={errors} />
        <h1 safe>{t('notifications.access_title')}</h1>
        <p safe>{t('notifications.access_intro')}</p>
        <form method="post" action="/inbox/access" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="email" label={t('notifications.access_label')} error={errors.find((e) => e.field === 'email')?.message}>
            <input id="email" name="email" type="email" autocomplete="email" class="krds-input" value={email} />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('notifications.access_submit')}
          </button>
        </form>
        <p>
          <a href="/sign-in?next=%2Finbox" safe>
            {t('notifications.access_sign_in')}
          </a>
        </p>
      </div>
    </Layout>
  );
}

/** A mail link that opens nothing (never made here, expired, or its person gone): why, and how to get a new one. */
export function LinkProblemPage({ ctx, problem, link, ttlDays }: { ctx: ViewContext; problem: 'invalid' | 'expired' | 'gone'; link: 'manage' | 'unsubscribe'; ttlDays: number }) {
  const { t } = ctx;
  const title = t(`notifications.link_problem.title_${problem}`);
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <div class="narrow">
        <h1 safe>{title}</h1>
        <p safe>{problem === 'expired' ? t('notifications.link_problem.expired', { count: ttlDays }) : t(`notifications.link_problem.${problem}`)}</p>
        {problem === 'gone' ? (
          ''
        ) : (
          <>
            <h2 safe>{t('notifications.link_problem.how')}</h2>
            <ul class="stack">
              <li safe>{t('notifications.link_problem.newer_mail')}</li>
              <li>
                <a href={`/inbox/access?lang=${ctx.locale}`} safe>
                  {t('notifications.link_problem.by_mail')}
                </a>
              </li>
              <li>
                <a href="/sign-in?next=%2Finbox%2Fsettings" safe>
                  {t('notifications.link_problem.sign_in')}
                </a>
              </li>
            </ul>
            {link === 'manage' ? <p safe>{t('notifications.link_problem.stop_all')}</p> : ''}
          </>
        )}
      </div>
    </Layout>
  );
}

export function UnsubscribePage({ ctx, state, address, action }: { ctx: ViewContext; state: 'ask' | 'done'; address: string; action: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('notifications.unsubscribe_title'), noindex: true }}>
      <div class="narrow">
        <h1 safe>{t('notifications.unsubscribe_title')}</h1>
        {state === 'done' ? (
          <div class="stack">
            <p class="flash" role="status" safe>
              {t('notifications.unsubscribed')}
            </p>
            <p>
              <span safe>{t('notifications.unsubscribed_next')}</span> <a href="/inbox/settings" safe>{t('notifications.unsubscribed_settings')}</a>
            </p>
          </div>
        ) : (
          // No CSRF field: the signed token in the address is what authorises it (RFC 8058).
          <form method="post" action={action} class="stack">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <p safe>{t('notifications.unsubscribe_intro', { address })}</p>
            <button type="submit" class="krds-btn primary" safe>
              {t('notifications.unsubscribe_submit')}
            </button>
          </form>
        )}
      </div>
    </Layout>
  );
}
