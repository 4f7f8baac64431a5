// The form that starts the next plan's co-creation, and the page of one starting point with the
// forum's reasoned decision on it.
import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Check, CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { DecisionInput, NextPlanInput } from '../commands/start-next-plan.ts';
import type { StartingPointRow } from '../next-plan.repository.ts';
import { Prose } from './components.tsx';
import { DecisionBadge } from './plan-cycle.tsx';


function TextInput({ id, value, type = 'text' }: { id: string; value: string; type?: string }) {
  return <input id={id} name={id} type={type} class="krds-input" value={value} />;
}

export function NextPlanFormPage(props: { ctx: ViewContext; previous: { slug: string; title: string }; counts: { matured: number; recommendations: number }; values: NextPlanInput; errors: FieldError[] }) {
  const { ctx, previous, values, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('cycle.start_next'), breadcrumbs: [{ href: '/plans', label: t('nav.plans') }, { href: `/plans/${previous.slug}`, label: previous.title }] }}>
      <div class="narrow">
        <h1 safe>{t('cycle.start_next')}</h1>
        <p class="lead" safe>{t('cycle.start_intro', { plan: previous.title, matured: props.counts.matured, recommendations: props.counts.recommendations })}</p>
        <ErrorSummary t={t} title={t('cycle.errors_title')} errors={errors} />
        <form method="post" action={`/plans/${previous.slug}/next`} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="title" label={t('cycle.field.title')} error={errorFor(t, errors, 'title')}>
            <TextInput id="title" value={values.title} />
          </Field>
          <Field id="number" label={t('cycle.field.number')} error={errorFor(t, errors, 'number')}>
            <TextInput id="number" value={values.number} type="number" />
          </Field>
          <Field id="slug" label={t('cycle.field.slug')} hint={t('cycle.field.slug_hint')} error={errorFor(t, errors, 'slug')}>
            <TextInput id="slug" value={values.slug} />
          </Field>
          <Field id="period_start" label={t('cycle.field.period_start')} error={errorFor(t, errors, 'period_start')}>
            <TextInput id="period_start" value={values.period_start} />
          </Field>
          <Field id="period_end" label={t('cycle.field.period_end')} error={errorFor(t, errors, 'period_end')}>
            <TextInput id="period_end" value={values.period_end} />
          </Field>
          <Field id="period_source" label={t('cycle.field.period_source')} hint={t('cycle.field.period_source_hint')} error={errorFor(t, errors, 'period_source')}>
            <textarea id="period_source" name="period_source" class="krds-input" rows="3" safe>
              {values.period_source}
            </textarea>
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('cycle.start_submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function StartingPointPage(props: {
  ctx: ViewContext;
  plan: { slug: string; title: string };
  point: StartingPointRow;
  canDecide: boolean;
  values: DecisionInput;
  errors: FieldError[];
}) {
  const { ctx, plan, point, values, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: point.title, breadcrumbs: [{ href: '/plans', label: t('nav.plans') }, { href: `/plans/${plan.slug}#starting-points-title`, label: plan.title }] }}>
      <div class="narrow">
        <p class="eyebrow" safe>
          {t(`cycle.kind.${point.kind}`)}
        </p>
        <h1 lang={langOfText(ctx, point.title)} safe>{point.title}</h1>
        <p>
          <DecisionBadge ctx={ctx} decision={point.decision} />
        </p>
        <dl class="facts">
          <div>
            <dt safe>{t('cycle.from_plan')}</dt>
            <dd>
              <a href={`/plans/${point.from_plan_slug}`} lang={langOfText(ctx, point.from_plan_title)} safe>
                {point.from_plan_title}
              </a>
            </dd>
          </div>
          <div>
            <dt safe>{t('cycle.source')}</dt>
            <dd>
              {point.kind === 'matured_proposal' ? (
                <a href={`/proposals/${point.proposal_id}`} safe>
                  {t('cycle.open_proposal')}
                </a>
              ) : (
                <a href={`/plans/${point.from_plan_slug}#irm-title`} safe>
                  {t('cycle.recommendation_of', { number: point.recommendation_number ?? '', plan: point.from_plan_title })}
                </a>
              )}
            </dd>
          </div>
        </dl>
        {point.recommendation_response ? (
          <section aria-labelledby="response-title">
            <h2 id="response-title" safe>
              {t('report.response')}
            </h2>
            <div lang="en">
              <Prose ctx={ctx} text={point.recommendation_response} />
            </div>
          </section>
        ) : (
          ''
        )}
        <section aria-labelledby="decision-title">
          <h2 id="decision-title" safe>
            {t('cycle.decision_title')}
          </h2>
          {point.decision ? (
            <>
              <Prose ctx={ctx} text={point.reason} />
              {point.commitment_code ? (
                <p>
                  <a href={`/plans/${plan.slug}/commitments/${point.commitment_code}`} safe>
                    {t('cycle.commitment', { code: point.commitment_code })}
                  </a>
                </p>
              ) : (
                ''
              )}
              <p class="muted small" safe>
                {t('cycle.decided_by', { who: point.decided_label ?? '', at: (point.decided_at ?? '').slice(0, 10) })}
              </p>
            </>
          ) : (
            <p class="empty" safe>
              {t('cycle.not_decided')}
            </p>
          )}
        </section>
        {props.canDecide ? (
          <section aria-labelledby="decide-title">
            <h2 id="decide-title" safe>
              {t(point.decision ? 'cycle.revise' : 'cycle.decide')}
            </h2>
            <ErrorSummary t={t} title={t('cycle.errors_title')} errors={errors} />
            <form method="post" action={`/plans/${plan.slug}/starting-points/${point.id}`} class="stack" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <fieldset id="decision" class={errorFor(t, errors, 'decision') ? 'is-error' : ''}>
                <legend safe>{t('cycle.decision_title')}</legend>
                {errorFor(t, errors, 'decision') ? <p class="form-error" safe>{errorFor(t, errors, 'decision')}</p> : ''}
                <Check type="radio" id="decision-taken_up" name="decision" value="taken_up" label={t('cycle.decision.taken_up')} checked={values.decision === 'taken_up'} />
                <Check type="radio" id="decision-not_taken_up" name="decision" value="not_taken_up" label={t('cycle.decision.not_taken_up')} checked={values.decision === 'not_taken_up'} />
              </fieldset>
              <Field id="reason" label={t('cycle.field.reason')} error={errorFor(t, errors, 'reason')}>
                <textarea id="reason" name="reason" class="krds-input" rows="6" safe>
                  {values.reason}
                </textarea>
              </Field>
              <Field id="commitment" label={t('cycle.field.commitment')} hint={t('cycle.field.commitment_hint')} error={errorFor(t, errors, 'commitment')}>
                <TextInput id="commitment" value={values.commitment} />
              </Field>
              <button type="submit" class="krds-btn primary" safe>
                {t('cycle.decide_submit')}
              </button>
            </form>
          </section>
        ) : (
          ''
        )}
      </div>
    </Layout>
  );
}
