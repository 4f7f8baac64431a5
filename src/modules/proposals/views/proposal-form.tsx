import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ProposalInput } from '../commands/submit-proposal.ts';

export function ProposalFormPage(props: {
  ctx: ViewContext;
  mode: 'new' | 'edit';
  action: string;
  call: { slug: string; title: string } | null;
  categories: { id: number; title: string }[];
  values: ProposalInput;
  errors: FieldError[];
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const err = (f: string) => errorFor(t, errors, f);
  const title = props.mode === 'new' ? t('proposals.form_title') : t('proposals.edit_title');
  const crumbs = [{ href: '/calls', label: t('proposals.calls_title') }];
  if (props.call) crumbs.push({ href: `/calls/${props.call.slug}`, label: props.call.title });
  return (
    <Layout ctx={ctx} meta={{ title, breadcrumbs: crumbs }}>
      <div class="narrow">
        <h1 safe>{title}</h1>
        {props.call ? <p class="lead" lang={langOfText(ctx, props.call.title)} safe>{props.call.title}</p> : ''}
        {props.mode === 'edit' ? <p safe>{t('proposals.editable_note')}</p> : ''}
        <ErrorSummary t={t} title={t('proposals.errors_title')} errors={errors} />
        <form method="post" action={props.action} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="title" label={t('proposals.title')} error={err('title')}>
            <input id="title" name="title" class="krds-input" value={values.title} maxlength="200" required />
          </Field>
          {props.categories.length > 0 ? (
            <Field id="category" label={t('proposals.category')} error={err('category')}>
              <select id="category" name="category" class="krds-form-select">
                <option value="" selected={values.category === ''} safe>
                  {t('proposals.choose')}
                </option>
                {props.categories.map((c) => (
                  <option value={String(c.id)} selected={values.category === String(c.id)} lang={langOfText(ctx, c.title)} safe>
                    {c.title}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            ''
          )}
          <Field id="body" label={t('proposals.body')} hint={t('proposals.body_hint')} error={err('body')}>
            <textarea id="body" name="body" class="krds-input" rows="10" aria-describedby="body-hint" required safe>
              {values.body}
            </textarea>
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {props.mode === 'new' ? t('proposals.send') : t('proposals.save')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
