// The staff forms (create a survey, add a question) and the form a person answers.
import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Check, CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { OwnerChoice, QuestionInput, SurveyInput } from '../commands/create-survey.ts';
import { QUESTION_KINDS, scaleValues } from '../survey-rules.ts';


export function SurveyFormPage(props: { ctx: ViewContext; owners: OwnerChoice[]; commitments: { id: number; code: string; title: string }[]; values: SurveyInput; errors: FieldError[] }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const err = (f: string) => errorFor(t, errors, f);
  return (
    <Layout ctx={ctx} meta={{ title: t('surveys.form.title'), breadcrumbs: [{ href: '/surveys', label: t('surveys.title') }] }}>
      <div class="narrow">
        <h1 safe>{t('surveys.form.title')}</h1>
        <p class="lead" safe>{t('surveys.form.intro')}</p>
        <ErrorSummary t={t} title={t('surveys.form.errors_title')} errors={errors} />
        <form method="post" action="/surveys" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="title" label={t('surveys.form.survey_title')} error={err('title')}>
            <input id="title" name="title" class="krds-input" value={values.title} maxlength="200" required />
          </Field>
          <Field id="owner" label={t('surveys.form.owner')} error={err('owner')}>
            <select id="owner" name="owner" class="krds-form-select" required>
              <option value="" safe>
                {t('surveys.form.choose')}
              </option>
              {props.owners.map((o) => (
                <option value={o.value} selected={values.owner === o.value} lang={langOfText(ctx, o.label)} safe>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="purpose" label={t('surveys.form.purpose')} error={err('purpose')}>
            <textarea id="purpose" name="purpose" class="krds-input" rows="4" safe>
              {values.purpose}
            </textarea>
          </Field>
          <Field id="opens_on" label={t('surveys.form.opens_on')} hint={t('surveys.form.date_hint')} error={err('opens_on')}>
            <input id="opens_on" name="opens_on" type="date" class="krds-input" value={values.opens_on} aria-describedby="opens_on-hint" required />
          </Field>
          <Field id="closes_on" label={t('surveys.form.closes_on')} hint={t('surveys.form.date_hint')} error={err('closes_on')}>
            <input id="closes_on" name="closes_on" type="date" class="krds-input" value={values.closes_on} aria-describedby="closes_on-hint" />
          </Field>
          <Field id="commitment" label={t('surveys.form.commitment')} error={err('commitment')}>
            <select id="commitment" name="commitment" class="krds-form-select">
              <option value="" safe>
                {t('surveys.form.none')}
              </option>
              {props.commitments.map((c) => (
                <option value={String(c.id)} selected={values.commitment === String(c.id)} safe>
                  {`${c.code}. ${c.title}`}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('surveys.form.save')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function QuestionForm({ ctx, action, values, errors }: { ctx: ViewContext; action: string; values: QuestionInput; errors: FieldError[] }) {
  const { t } = ctx;
  const err = (f: string) => errorFor(t, errors, f);
  return (
    <div class="narrow">
      <h2 id="question-form" safe>
        {t('surveys.question_form.title')}
      </h2>
      <ErrorSummary t={t} title={t('surveys.form.errors_title')} errors={errors} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field id="kind" label={t('surveys.question_form.kind')} error={err('kind')}>
          <select id="kind" name="kind" class="krds-form-select" required>
            <option value="" safe>
              {t('surveys.form.choose')}
            </option>
            {QUESTION_KINDS.map((k) => (
              <option value={k} selected={values.kind === k} safe>
                {t(`surveys.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="prompt" label={t('surveys.question_form.prompt')} error={err('prompt')}>
          <input id="prompt" name="prompt" class="krds-input" value={values.prompt} maxlength="500" required />
        </Field>
        <Check type="checkbox" id="required" name="required" value="1" label={t('surveys.question_form.required')} checked={values.required === '1'} />
        <Field id="options" label={t('surveys.question_form.options')} hint={t('surveys.question_form.options_hint')} error={err('options')}>
          <textarea id="options" name="options" class="krds-input" rows="5" aria-describedby="options-hint" safe>
            {values.options}
          </textarea>
        </Field>
        <Field id="scale_min" label={t('surveys.question_form.scale_min')} error={err('scale_min')}>
          <input id="scale_min" name="scale_min" type="number" min="0" max="10" class="krds-input" value={values.scale_min} />
        </Field>
        <Field id="scale_max" label={t('surveys.question_form.scale_max')}>
          <input id="scale_max" name="scale_max" type="number" min="0" max="10" class="krds-input" value={values.scale_max} />
        </Field>
        <Field id="scale_min_label" label={t('surveys.question_form.scale_min_label')}>
          <input id="scale_min_label" name="scale_min_label" class="krds-input" value={values.scale_min_label} maxlength="100" />
        </Field>
        <Field id="scale_max_label" label={t('surveys.question_form.scale_max_label')}>
          <input id="scale_max_label" name="scale_max_label" class="krds-input" value={values.scale_max_label} maxlength="100" />
        </Field>
        <button type="submit" class="krds-btn secondary" safe>
          {t('surveys.question_form.save')}
        </button>
      </form>
    </div>
  );
}

export interface AnswerQuestion {
  id: number;
  kind: string;
  prompt: string;
  required: number;
  scale_min: number | null;
  scale_max: number | null;
  scale_min_label: string | null;
  scale_max_label: string | null;
  options: { id: number; label: string }[];
}

/** Radio buttons, checkboxes, a scale of radio buttons or a text area: each question a fieldset with its legend. */
export function AnswerForm({ ctx, action, questions, values, errors }: { ctx: ViewContext; action: string; questions: AnswerQuestion[]; values: Record<string, string[]>; errors: FieldError[] }) {
  const { t } = ctx;
  const err = (f: string) => errorFor(t, errors, f);
  const has = (q: AnswerQuestion, v: string) => (values[`q${q.id}`] ?? []).includes(v);
  return (
    <div class="narrow">
      <h2 id="answer-title" safe>
        {t('surveys.answer_title')}
      </h2>
      <ErrorSummary t={t} title={t('surveys.form.errors_title')} errors={errors} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {questions.map((q, i) => {
          const name = `q${q.id}`;
          const e = err(name);
          return (
            <fieldset id={name} class={`survey-question${e ? ' is-error' : ''}`}>
              <legend safe>{`${i + 1}. ${q.prompt}${q.required ? '' : ` ${t('surveys.optional')}`}`}</legend>
              {e ? (
                <p class="form-error" safe>
                  {e}
                </p>
              ) : (
                ''
              )}
              {q.kind === 'single' || q.kind === 'multiple'
                ? q.options.map((o) => <Check type={q.kind === 'single' ? 'radio' : 'checkbox'} id={`${name}-${o.id}`} name={name} value={String(o.id)} label={o.label} checked={has(q, String(o.id))} />)
                : q.kind === 'scale'
                  ? scaleValues(q).map((v) => (
                      <Check type="radio" id={`${name}-v${v}`} name={name} value={String(v)} checked={has(q, String(v))} label={`${v}${v === q.scale_min && q.scale_min_label ? ` – ${q.scale_min_label}` : ''}${v === q.scale_max && q.scale_max_label ? ` – ${q.scale_max_label}` : ''}`} />
                    ))
                  : (
                      <textarea name={name} class="krds-input" rows="4" aria-label={q.prompt} safe>
                        {(values[name] ?? [])[0] ?? ''}
                      </textarea>
                    )}
            </fieldset>
          );
        })}
        <button type="submit" class="krds-btn primary" safe>
          {t('surveys.answer_send')}
        </button>
      </form>
    </div>
  );
}
