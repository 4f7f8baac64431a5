// The forms on a proposal's page, each shown to those the policy allows, with errors in place.
import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { canApply, DECISIONS } from '../proposal-state.ts';
import type { ProposalPageProps } from './proposal-page.tsx';

export interface PageForms {
  commitments: { id: number; code: string; title: string; plan_title: string }[];
  organizations: { id: number; name: string }[];
  maturationBodies: { id: number; name: string }[];
  values: Record<string, string>;
}

function errs(props: ProposalPageProps, form: string): FieldError[] {
  return props.errors && props.errors.form === form ? props.errors.errors : [];
}


export function AnswerForm(props: ProposalPageProps) {
  const { ctx, p, forms } = props;
  const { t } = ctx;
  if (!canApply('adopt', p.state)) return '';
  const e = errs(props, 'answer');
  const v = props.errors?.form === 'answer' ? forms.values : {};
  return (
    <form method="post" action={`/proposals/${p.id}/responses`} class="stack answer-form" novalidate>
      <h3 safe>{t('proposals.answer')}</h3>
      <p class="muted" safe>{t('proposals.answer_intro')}</p>
      <ErrorSummary t={t} title={t('proposals.errors_title')} errors={e} />
      <CsrfField token={ctx.csrfToken} />
      <Field id="decision" label={t('proposals.decision_label')} error={errorFor(t, e, 'decision')}>
        <select id="decision" name="decision" class="krds-form-select">
          <option value="" safe>
            {t('proposals.choose')}
          </option>
          {DECISIONS.filter((d) => d !== 'under_review' || p.state === 'routed').map((d) => (
            <option value={d} selected={v.decision === d} safe>
              {t(`proposals.decision.${d}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reason" label={t('proposals.reason')} error={errorFor(t, e, 'reason')}>
        <textarea id="reason" name="reason" class="krds-input" rows="5" safe>
          {v.reason ?? ''}
        </textarea>
      </Field>
      <Field id="commitment" label={t('proposals.commitment')} error={errorFor(t, e, 'commitment')}>
        <select id="commitment" name="commitment" class="krds-form-select">
          <option value="" safe>
            {t('proposals.none')}
          </option>
          {forms.commitments.map((c) => (
            <option value={String(c.id)} selected={v.commitment === String(c.id)} safe>
              {`${c.code}. ${c.title}`}
            </option>
          ))}
        </select>
      </Field>
      <Field id="policy" label={t('proposals.policy')} error={errorFor(t, e, 'policy')}>
        <input id="policy" name="policy" class="krds-input" value={v.policy ?? ''} />
      </Field>
      <button type="submit" class="krds-btn primary" safe>
        {t('proposals.publish_response')}
      </button>
    </form>
  );
}

export function CommentForm(props: ProposalPageProps) {
  const { ctx, p, forms } = props;
  const { t } = ctx;
  const e = errs(props, 'comment');
  const typed: string = props.errors?.form === 'comment' ? (forms.values.comment ?? '') : '';
  return (
    <form method="post" action={`/proposals/${p.id}/comments`} class="stack" novalidate>
      <ErrorSummary t={t} title={t('proposals.errors_title')} errors={e} />
      <CsrfField token={ctx.csrfToken} />
      <Field id="comment" label={t('proposals.comment')} error={errorFor(t, e, 'comment')}>
        <textarea id="comment" name="comment" class="krds-input" rows="3" safe>
          {typed}
        </textarea>
      </Field>
      <button type="submit" class="krds-btn secondary" safe>
        {t('proposals.post_comment')}
      </button>
    </form>
  );
}

export function RouteForm(props: ProposalPageProps) {
  const { ctx, p, forms } = props;
  const { t } = ctx;
  if (!canApply('route', p.state)) return '';
  const e = errs(props, 'route');
  return (
    <form method="post" action={`/proposals/${p.id}/route`} class="stack" novalidate>
      <h3 safe>{t('proposals.route')}</h3>
      <ErrorSummary t={t} title={t('proposals.errors_title')} errors={e} />
      <CsrfField token={ctx.csrfToken} />
      <Field id="organization" label={t('proposals.col_organization')} error={errorFor(t, e, 'organization')}>
        <select id="organization" name="organization" class="krds-form-select">
          <option value="" safe>
            {t('proposals.choose')}
          </option>
          {forms.organizations.map((o) => (
            <option value={String(o.id)} selected={p.organization_id === o.id} lang={langOfText(ctx, o.name)} safe>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="krds-btn secondary" safe>
        {t('proposals.route_submit')}
      </button>
    </form>
  );
}

export function ModerateForm(props: ProposalPageProps) {
  const { ctx, p, forms } = props;
  const { t } = ctx;
  const e = errs(props, 'moderate');
  const v = props.errors?.form === 'moderate' ? forms.values : {};
  return (
    <form method="post" action={`/proposals/${p.id}/moderation`} class="stack" novalidate>
      <h3 safe>{t('proposals.moderate')}</h3>
      <ErrorSummary t={t} title={t('proposals.errors_title')} errors={e} />
      <CsrfField token={ctx.csrfToken} />
      <Field id="mod_action" label={t('proposals.moderation_action')} error={errorFor(t, e, 'action')}>
        <select id="mod_action" name="action" class="krds-form-select">
          <option value="hide" safe>
            {t('proposals.hide')}
          </option>
          <option value="restore" selected={v.action === 'restore'} safe>
            {t('proposals.restore')}
          </option>
        </select>
      </Field>
      <Field id="mod_comment" label={t('proposals.moderation_comment')} error={errorFor(t, e, 'comment')}>
        <input id="mod_comment" name="comment" inputmode="numeric" class="krds-input" value={v.comment ?? ''} />
      </Field>
      <Field id="mod_reason" label={t('proposals.moderation_reason')} error={errorFor(t, e, 'reason')}>
        <textarea id="mod_reason" name="reason" class="krds-input" rows="2" safe>
          {v.reason ?? ''}
        </textarea>
      </Field>
      <button type="submit" class="krds-btn secondary" safe>
        {t('proposals.moderate_submit')}
      </button>
    </form>
  );
}

export function MatureForm(props: ProposalPageProps) {
  const { ctx, p, forms } = props;
  const { t } = ctx;
  if (!canApply('mature', p.state) || forms.maturationBodies.length === 0) return '';
  const e = errs(props, 'mature');
  return (
    <form method="post" action={`/proposals/${p.id}/maturation`} class="stack" novalidate>
      <h3 safe>{t('proposals.mature')}</h3>
      <ErrorSummary t={t} title={t('proposals.errors_title')} errors={e} />
      <CsrfField token={ctx.csrfToken} />
      <Field id="body_id" label={t('proposals.mature_body')} error={errorFor(t, e, 'body')}>
        <select id="body_id" name="body" class="krds-form-select">
          {forms.maturationBodies.map((b) => (
            <option value={String(b.id)} lang={langOfText(ctx, b.name)} safe>
              {b.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="krds-btn secondary" safe>
        {t('proposals.mature_submit')}
      </button>
    </form>
  );
}
