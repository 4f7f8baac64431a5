import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { EntryInput } from '../commands/demand-rounds.ts';
import type { EntryRow } from '../demand-rounds.repository.ts';
import type { presentRound } from '../demand-rounds.routes.tsx';
import { FiguresTable } from './parts.tsx';
import { textLang, langOfText, JoinedText, MarkedText } from '../../../platform/views/lang.tsx';

type RoundShape = ReturnType<typeof presentRound>;

function Period({ ctx, r }: { ctx: ViewContext; r: RoundShape }) {
  const { t } = ctx;
  const none = t('open_data.not_given');
  return (
    <p class="muted small">
      <JoinedText ctx={ctx} parts={[r.organization ?? t('open_data.platform')]} />
      {' · '}
      <MarkedText ctx={ctx} k="open_data.rounds.period" params={{ start: r.period_start ?? none, end: r.period_end ?? none }} />
    </p>
  );
}

export function RoundsPage({ ctx, rounds }: { ctx: ViewContext; rounds: RoundShape[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('open_data.rounds.title'), breadcrumbs: [{ href: '/open-data', label: t('open_data.title') }], alternates: [{ href: '/api/v1/demand-rounds', type: 'application/json', title: 'JSON' }] }}>
      <h1 safe>{t('open_data.rounds.title')}</h1>
      <p class="lead" safe>{t('open_data.rounds.lead')}</p>
      <ul class="dataset-list">
        {rounds.map((r) => (
          <li class="plan-card">
            <h2>
              <a href={`/open-data/rounds/${r.slug}`} lang={langOfText(ctx, r.title)} safe>
                {r.title}
              </a>
            </h2>
            <Period ctx={ctx} r={r} />
            <p class="small" safe>{t('open_data.rounds.counts', { selected: r.selected.length, not_selected: r.not_selected.length })}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

function Entries({ ctx, entries, title }: { ctx: ViewContext; entries: EntryRow[]; title: string }) {
  const { t } = ctx;
  return (
    <>
      <h2 safe>{title}</h2>
      {entries.length === 0 ? (
        <p class="empty" safe>{t('open_data.rounds.none')}</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li>
              <a href={`/open-data/requests/${e.request_id}`} lang={langOfText(ctx, e.title)} safe>
                {e.title}
              </a>{' '}
              <span class="muted small" safe>{t('open_data.requests.supports', { count: e.support_count })}</span>
              {e.dataset_slug ? (
                <>
                  {' · '}
                  <a href={`/open-data/datasets/${e.dataset_slug}`} safe>
                    {t('open_data.rounds.published_as', { title: e.dataset_title ?? e.dataset_slug })}
                  </a>
                </>
              ) : (
                ''
              )}
              {e.note ? <p class="small" lang={langOfText(ctx, e.note)} safe>{e.note}</p> : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function RoundPage(props: { ctx: ViewContext; round: RoundShape; entries: EntryRow[]; canSelect: boolean; values: EntryInput; errors: FieldError[] }) {
  const { ctx, round: r, values, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: r.title, breadcrumbs: [{ href: '/open-data', label: t('open_data.title') }, { href: '/open-data/rounds', label: t('open_data.rounds.title') }] }}>
      <h1 lang={textLang(ctx, r)} safe>{r.title}</h1>
      <Period ctx={ctx} r={r} />
      {r.description ? <p lang={textLang(ctx, r)} safe>{r.description}</p> : ''}
      {r.figures.length ? <FiguresTable ctx={ctx} figures={r.figures} /> : ''}
      <Entries ctx={ctx} entries={props.entries.filter((e) => e.selected === 1)} title={t('open_data.rounds.selected')} />
      <Entries ctx={ctx} entries={props.entries.filter((e) => e.selected !== 1)} title={t('open_data.rounds.not_selected')} />
      {r.source_notes.length ? (
        <ul class="muted small">
          {r.source_notes.map((n) => (
            <li lang={langOfText(ctx, n)} safe>
                {n}
              </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {props.canSelect ? (
        <div class="narrow handle-form">
          <h2 safe>{t('open_data.rounds.decide_title')}</h2>
          <ErrorSummary t={t} title={t('open_data.requests.answer_errors')} errors={errors} />
          <form method="post" action={`/open-data/rounds/${r.slug}/entries`} class="stack" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Field id="request" label={t('open_data.rounds.request_label')} error={errorFor(t, errors, 'request')}>
              <input id="request" name="request" class="krds-input" value={values.request} maxlength="9" inputmode="numeric" />
            </Field>
            <Field id="selected" label={t('open_data.rounds.selected_label')} error={errorFor(t, errors, 'selected')}>
              <select id="selected" name="selected" class="krds-form-select">
                {(['yes', 'no'] as const).map((v) => (
                  <option value={v} selected={values.selected === v} safe>
                    {t(`open_data.rounds.choice.${v}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="note" label={t('open_data.rounds.note_label')} error={errorFor(t, errors, 'note')}>
              <textarea id="note" name="note" class="krds-input" rows="3" safe>
                {values.note}
              </textarea>
            </Field>
            <button type="submit" class="krds-btn primary" safe>
              {t('open_data.rounds.decide')}
            </button>
          </form>
        </div>
      ) : (
        ''
      )}
    </Layout>
  );
}
