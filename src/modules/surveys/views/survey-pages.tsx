// The list of surveys, a survey's page (facts, questions, the answer form, the staff's steps) and its results.
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatDay, formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { DateRange, Prose } from '../../action-plans/views/components.tsx';
import type { QuestionInput } from '../commands/create-survey.ts';
import type { QuestionResult, Window } from '../survey-rules.ts';
import type { SurveyRow } from '../surveys.repository.ts';
import { notes } from '../surveys.presenter.ts';
import { QuestionResultView } from './results.tsx';
import { AnswerForm, QuestionForm, type AnswerQuestion } from './survey-forms.tsx';
import { textLang, langOfText } from '../../../platform/views/lang.tsx';


function Owner({ ctx, s }: { ctx: ViewContext; s: SurveyRow }) {
  return s.body_key ? (
    <a href={`/bodies/${s.body_key}`} lang={langOfText(ctx, s.body_name ?? s.body_key)} safe>
      {s.body_name ?? s.body_key}
    </a>
  ) : (
    <a href={`/organizations/${s.organization_key ?? ''}`} lang={langOfText(ctx, s.organization_name)} safe>
      {s.organization_name ?? ''}
    </a>
  );
}

/** The period as the source gives it; for a survey run here, its answering days (an open end said so). */
function Period({ ctx, s }: { ctx: ViewContext; s: SurveyRow }) {
  if (s.source === null && s.start_value) {
    return <span safe>{`${formatDay(ctx.locale, s.start_value)} – ${s.end_value ? formatDay(ctx.locale, s.end_value) : ctx.t('surveys.open_end')}`}</span>;
  }
  return s.start_label || s.end_label ? <DateRange ctx={ctx} row={s} /> : <span class="muted" safe>{ctx.t('surveys.not_given')}</span>;
}

/** The surveys of a body or organization, as a short list other pages embed. */
export function SurveyList({ ctx, surveys }: { ctx: ViewContext; surveys: SurveyRow[] }) {
  const { t } = ctx;
  return (
    <ul class="survey-list">
      {surveys.map((s) => (
        <li>
          <a href={`/surveys/${s.id}`} lang={langOfText(ctx, s.title)} safe>
            {s.title}
          </a>
          <span class="muted" safe>{` · ${t(`surveys.state.${s.state}`)}${s.responses ? ` · ${t('surveys.responses')}: ${formatNumber(ctx.locale, s.responses)}` : ''}`}</span>
        </li>
      ))}
    </ul>
  );
}

export function SurveysPage({ ctx, surveys, canCreate }: { ctx: ViewContext; surveys: SurveyRow[]; canCreate: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('surveys.title'), alternates: [{ href: '/api/v1/surveys', type: 'application/json', title: 'JSON' }] }}>
      <h1 safe>{t('surveys.title')}</h1>
      <p class="lead" safe>{t('surveys.lead')}</p>
      {canCreate ? (
        <p class="lead-actions">
          <a class="krds-btn primary" href="/surveys/new" safe>
            {t('surveys.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {surveys.length === 0 ? (
        <p class="empty" safe>{t('surveys.none')}</p>
      ) : (
        <div class="krds-table-wrap">
          <table class="tbl">
            <caption class="sr-only" safe>{t('surveys.title')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('surveys.form.survey_title')}</th>
                <th scope="col" safe>{t('surveys.owner')}</th>
                <th scope="col" safe>{t('surveys.period')}</th>
                <th scope="col" safe>{t('proposals.col_state')}</th>
                <th scope="col" safe>{t('surveys.responses')}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`/surveys/${s.id}`} lang={textLang(ctx, s)} safe>
                      {s.title}
                    </a>
                  </th>
                  <td lang={textLang(ctx, s)}>
                    <Owner ctx={ctx} s={s} />
                  </td>
                  <td>
                    <Period ctx={ctx} s={s} />
                  </td>
                  <td safe>{t(`surveys.state.${s.state}`)}</td>
                  <td safe>{formatNumber(ctx.locale, s.responses)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function Facts({ ctx, s }: { ctx: ViewContext; s: SurveyRow }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <div>
        <dt safe>{t('surveys.owner')}</dt>
        <dd>
          <Owner ctx={ctx} s={s} />
        </dd>
      </div>
      <div>
        <dt safe>{t('surveys.period')}</dt>
        <dd>
          <Period ctx={ctx} s={s} />
        </dd>
      </div>
      {s.commitment_code && s.plan_slug ? (
        <div>
          <dt safe>{t('surveys.commitment')}</dt>
          <dd>
            <a href={`/plans/${s.plan_slug}/commitments/${s.commitment_code}`} lang={langOfText(ctx, s.commitment_title)} safe>
              {`${s.commitment_code}. ${s.commitment_title ?? ''}`}
            </a>
          </dd>
        </div>
      ) : (
        ''
      )}
      {s.milestone_title ? (
        <div>
          <dt safe>{t('surveys.milestone')}</dt>
          <dd>
            <span lang={langOfText(ctx, s.milestone_title)} safe>
              {s.milestone_title}
            </span>
            {s.milestone_level_label ? <span safe>{` (${s.milestone_level_label})`}</span> : ''}
          </dd>
        </div>
      ) : (
        ''
      )}
      <div>
        <dt safe>{t('proposals.col_state')}</dt>
        <dd safe>{t(`surveys.state.${s.state}`)}</dd>
      </div>
    </dl>
  );
}

function SourceNotes({ ctx, s }: { ctx: ViewContext; s: SurveyRow }) {
  const list = notes(s.source_notes);
  return (
    <>
      {s.source ? <p class="muted small" safe>{ctx.t('surveys.source', { source: s.source })}</p> : ''}
      {list.length ? (
        <details class="source-notes">
          <summary safe>{ctx.t('surveys.source_notes')}</summary>
          <ul>
            {list.map((n) => (
              <li lang={langOfText(ctx, n)} safe>
                {n}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        ''
      )}
    </>
  );
}

export function SurveyPage(props: {
  ctx: ViewContext;
  s: SurveyRow;
  questions: AnswerQuestion[];
  window: Window;
  can: { manage: boolean; answer: boolean; answered: boolean };
  answer: { values: Record<string, string[]>; errors: FieldError[] };
  question: { values: QuestionInput; errors: FieldError[] };
}) {
  const { ctx, s, can } = props;
  const { t } = ctx;
  const step = (name: 'open' | 'close', label: string) => (
    <form method="post" action={`/surveys/${s.id}/${name}`} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class="krds-btn secondary" safe>
        {label}
      </button>
    </form>
  );
  return (
    <Layout ctx={ctx} meta={{ title: s.title, breadcrumbs: [{ href: '/surveys', label: t('surveys.title') }], alternates: [{ href: `/api/v1/surveys/${s.id}`, type: 'application/json', title: 'JSON' }] }}>
      <p class="eyebrow" safe>
        {t('surveys.title')}
      </p>
      <h1 lang={textLang(ctx, s)} safe>{s.title}</h1>
      <Facts ctx={ctx} s={s} />
      {s.purpose ? (
        <section aria-labelledby="purpose-title">
          <h2 id="purpose-title" safe>
            {t('surveys.purpose')}
          </h2>
          <Prose ctx={ctx} text={s.purpose} lang={textLang(ctx, s)} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="questions-title">
        <h2 id="questions-title" safe>
          {t('surveys.questions')}
        </h2>
        {props.questions.length === 0 ? (
          <p class="empty" safe>{s.state === 'record' ? t('surveys.no_questions_source') : t('surveys.no_questions')}</p>
        ) : (
          <ol>
            {props.questions.map((q) => (
              <li>
                <span lang={langOfText(ctx, q.prompt)} safe>{q.prompt}</span>
                <span class="muted" safe>{` · ${t(`surveys.kind.${q.kind}`)}${q.options.length ? `: ${q.options.map((o) => o.label).join(' / ')}` : ''}`}</span>
              </li>
            ))}
          </ol>
        )}
        {props.questions.length > 0 && s.state !== 'draft' ? (
          <p class="lead-actions">
            <a class="krds-btn secondary" href={`/surveys/${s.id}/results`} safe>
              {t('surveys.see_results')}
            </a>
          </p>
        ) : (
          ''
        )}
      </section>
      {s.state === 'record' ? (
        ''
      ) : (
        <section aria-labelledby="answering-title">
          <h2 id="answering-title" class="sr-only" safe>
            {t('surveys.answer_title')}
          </h2>
          <p class="survey-window" safe>
            {props.window === 'upcoming' ? t('surveys.window.upcoming', { date: s.start_value ? formatDay(ctx.locale, s.start_value) : '' }) : t(`surveys.window.${props.window}`)}
          </p>
          {props.window !== 'open' ? (
            ''
          ) : can.answered ? (
            <p class="flash" safe>{t('surveys.already')}</p>
          ) : can.answer ? (
            <AnswerForm ctx={ctx} action={`/surveys/${s.id}/responses`} questions={props.questions} values={props.answer.values} errors={props.answer.errors} />
          ) : (
            <p>
              <a class="krds-btn primary" href={`/sign-in?next=${encodeURIComponent(`/surveys/${s.id}`)}`} safe>
                {t('surveys.sign_in')}
              </a>
            </p>
          )}
        </section>
      )}
      {can.manage && s.state === 'draft' ? (
        <section aria-label={t('surveys.question_form.title')}>
          <QuestionForm ctx={ctx} action={`/surveys/${s.id}/questions`} values={props.question.values} errors={props.question.errors} />
          {props.questions.length > 0 ? <p class="lead-actions">{step('open', t('surveys.open_action'))}</p> : ''}
        </section>
      ) : (
        ''
      )}
      {can.manage && s.state === 'open' ? <p class="lead-actions">{step('close', t('surveys.close_action'))}</p> : ''}
      <SourceNotes ctx={ctx} s={s} />
    </Layout>
  );
}

export function ResultsPage({ ctx, s, results, texts }: { ctx: ViewContext; s: SurveyRow; results: QuestionResult[]; texts: Map<number, string[]> | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('surveys.results_title', { title: s.title }), breadcrumbs: [{ href: '/surveys', label: t('surveys.title') }, { href: `/surveys/${s.id}`, label: s.title }], alternates: [{ href: `/surveys/${s.id}/results.csv`, type: 'text/csv', title: 'CSV' }] }}>
      <p class="eyebrow" safe>
        {t('surveys.results')}
      </p>
      <h1 lang={textLang(ctx, s)} safe>{s.title}</h1>
      <Facts ctx={ctx} s={s} />
      {results.length === 0 ? <p class="empty" safe>{s.state === 'record' ? t('surveys.no_questions_source') : t('surveys.no_questions')}</p> : ''}
      {results.map((r, i) => (
        <QuestionResultView ctx={ctx} r={r} index={i + 1} texts={texts?.get(r.question_id) ?? null} />
      ))}
      {results.length > 0 ? (
        <p>
          <a href={`/surveys/${s.id}/results.csv`} download="" safe>
            {t('surveys.result.csv')}
          </a>
          <span class="muted small" safe>{` ${t('surveys.result.csv_note')}`}</span>
        </p>
      ) : (
        ''
      )}
      <SourceNotes ctx={ctx} s={s} />
    </Layout>
  );
}
