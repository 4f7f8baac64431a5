import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { PetitionRow } from '../petitions.repository.ts';
import { StateBadge } from './petition-parts.tsx';

export function NewPetitionPage(props: { ctx: ViewContext; channels: { id: number; title: string; organization_name: string }[]; values: { channel: string; title: string; body: string }; errors: FieldError[] }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const err = (f: string) => errorFor(t, errors, f);
  return (
    <Layout ctx={ctx} meta={{ title: t('petitions.new_title'), breadcrumbs: [{ href: '/petitions', label: t('petitions.title') }] }}>
      <div class="narrow">
        <h1 safe>{t('petitions.new_title')}</h1>
        <p safe>{t('petitions.new_intro')}</p>
        <ErrorSummary t={t} title={t('petitions.errors_title')} errors={errors} />
        <form method="post" action="/petitions" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="channel" label={t('petitions.field_channel')} error={err('channel')}>
            <select id="channel" name="channel" class="krds-form-select">
              {props.channels.map((c) => (
                <option value={String(c.id)} selected={values.channel === String(c.id)} safe>
                  {`${c.title} (${c.organization_name})`}
                </option>
              ))}
            </select>
          </Field>
          <Field id="title" label={t('petitions.field_title')} error={err('title')}>
            <input id="title" name="title" class="krds-input" maxlength="200" required value={values.title} />
          </Field>
          <Field id="body" label={t('petitions.field_body')} error={err('body')}>
            <textarea id="body" name="body" class="krds-input" rows="8" required safe>
              {values.body}
            </textarea>
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('petitions.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function ConfirmPage({ ctx, token, valid }: { ctx: ViewContext; token: string; valid: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('petitions.confirm_title'), noindex: true }}>
      <div class="narrow">
        <h1 safe>{t('petitions.confirm_title')}</h1>
        {valid ? (
          <form method="post" action="/identity/confirm" class="stack">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="token" value={token} />
            <p safe>{t('petitions.confirm_intro')}</p>
            <button type="submit" class="krds-btn primary" safe>
              {t('petitions.confirm_submit')}
            </button>
          </form>
        ) : (
          <p class="error-summary" role="alert" safe>
            {t('petitions.confirm_invalid')}
          </p>
        )}
      </div>
    </Layout>
  );
}

function QueueList({ ctx, title, rows }: { ctx: ViewContext; title: string; rows: PetitionRow[] }) {
  return (
    <section>
      <h2 safe>{title}</h2>
      {rows.length === 0 ? (
        <p class="empty" safe>
          {ctx.t('petitions.queue_empty')}
        </p>
      ) : (
        <ul class="queue">
          {rows.map((p) => (
            <li>
              <a href={`/petitions/${p.id}`} lang={langOfText(ctx, p.title)} safe>
                {p.title}
              </a>{' '}
              <StateBadge ctx={ctx} state={p.state} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function QueuePage({ ctx, moderation, committee, results }: { ctx: ViewContext; moderation: PetitionRow[]; committee: PetitionRow[]; results: PetitionRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('petitions.queue'), breadcrumbs: [{ href: '/petitions', label: t('petitions.title') }] }}>
      <h1 safe>{t('petitions.queue')}</h1>
      <QueueList ctx={ctx} title={t('petitions.queue_moderation')} rows={moderation} />
      <QueueList ctx={ctx} title={t('petitions.queue_committee')} rows={committee} />
      <QueueList ctx={ctx} title={t('petitions.queue_results')} rows={results} />
    </Layout>
  );
}

export function OutboxPage({ ctx, mails }: { ctx: ViewContext; mails: { id: number; to_address: string; subject: string; body_text: string; created_at: string; sent_at: string | null; headers_json?: string | null }[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('petitions.outbox') }}>
      <h1 safe>{t('petitions.outbox')}</h1>
      <p safe>{t('petitions.outbox_intro')}</p>
      <ol class="outbox">
        {mails.map((m) => (
          <li class="mail" id={`mail-${m.id}`}>
            <p class="mail-meta">
              <span safe>{`${t('petitions.outbox_to')}: ${m.to_address}`}</span>
              <span class="muted" safe>{` · ${formatDateTime(ctx.locale, m.created_at)} · ${m.sent_at ? t('petitions.outbox_sent') : t('petitions.outbox_waiting')}`}</span>
            </p>
            <p class="mail-subject" safe>{`${t('petitions.outbox_subject')}: ${m.subject}`}</p>
            {m.headers_json
              ? Object.entries(JSON.parse(m.headers_json) as Record<string, string>).map(([k, v]) => (
                  <p class="mail-header muted" safe>
                    {`${k}: ${v}`}
                  </p>
                ))
              : ''}
            <pre class="mail-body">
              {m.body_text.split(/(https?:\/\/[^\s]+)/).map((part, i) =>
                i % 2 === 1 ? (
                  <a href={part} safe>
                    {part}
                  </a>
                ) : (
                  <span safe>{part}</span>
                ),
              )}
            </pre>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
