import { errorFor as fieldErrorText, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { isLevel, LEVELS } from '../level.ts';
import type { CommitmentNode } from '../plan-tree.ts';

export interface UpdateFormValues {
  body: string;
  occurred_on: string;
  commitment_level: string;
  milestone_levels: Record<string, string>;
  links: string;
}

function LevelSelect({ ctx, id, name, current, selected }: { ctx: ViewContext; id: string; name: string; current: string | null; selected: string }) {
  const { t } = ctx;
  const currentName = isLevel(current) ? t(`level.${current}`) : t('level.unknown');
  return (
    <select id={id} name={name} class="krds-form-select">
      <option value="" selected={selected === ''} safe>
        {t('update.unchanged', { level: currentName })}
      </option>
      {LEVELS.map((l) => (
        <option value={l} selected={selected === l} safe>
          {t(`level.${l}`)}
        </option>
      ))}
    </select>
  );
}

export function UpdateFormPage(props: { ctx: ViewContext; slug: string; c: CommitmentNode; values: UpdateFormValues; errors: FieldError[]; maxBytes: number }) {
  const { ctx, c, values, errors } = props;
  const { t } = ctx;
  const errorFor = (field: string) => fieldErrorText(t, errors, field);
  const sizeMb = `${Math.round(props.maxBytes / (1024 * 1024))} MB`;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${t('update.title')} · ${c.code}`,
        breadcrumbs: [
          { href: `/plans/${props.slug}`, label: t('nav.plans') },
          { href: `/plans/${props.slug}/commitments/${c.code}`, label: `${c.code}. ${c.title}` },
        ],
      }}
    >
      <div class="narrow">
        <h1 safe>{t('update.title')}</h1>
        <p class="lead" safe>{`${c.code}. ${c.title}`}</p>
        <p safe>{t('update.intro')}</p>
        <ErrorSummary t={t} title={t('update.errors_title')} errors={errors} />
        <form method="post" action={`/plans/${props.slug}/commitments/${c.code}/updates`} enctype="multipart/form-data" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="body" label={t('update.body')} hint={t('update.body_hint')} error={errorFor('body')}>
            <textarea id="body" name="body" class="krds-input" rows="8" required aria-describedby="body-hint" safe>
              {values.body}
            </textarea>
          </Field>
          <Field id="occurred_on" label={t('update.occurred_on')} error={errorFor('occurred_on')}>
            <input id="occurred_on" name="occurred_on" type="date" class="krds-input" value={values.occurred_on} />
          </Field>
          <Field id="commitment_level" label={t('update.commitment_level')} error={errorFor('commitment_level')}>
            <LevelSelect ctx={ctx} id="commitment_level" name="commitment_level" current={c.level} selected={values.commitment_level} />
          </Field>
          <fieldset class="milestone-levels">
            <legend safe>{t('commitment.milestones')}</legend>
            {c.milestones.map((m) => (
              <Field id={`milestone_${m.id}`} label={t('update.milestone_level', { title: m.title })} error={errorFor(`milestone_${m.id}`)}>
                <LevelSelect ctx={ctx} id={`milestone_${m.id}`} name={`milestone_${m.id}`} current={m.level} selected={values.milestone_levels[String(m.id)] ?? ''} />
              </Field>
            ))}
          </fieldset>
          <fieldset>
            <legend safe>{t('update.evidence')}</legend>
            <Field id="links" label={t('update.evidence_links')} error={errorFor('links')}>
              <textarea id="links" name="links" class="krds-input" rows="3" safe>
                {values.links}
              </textarea>
            </Field>
            <Field id="files" label={t('update.evidence_files', { size: sizeMb })} error={errorFor('files')}>
              <input id="files" name="files" type="file" multiple class="krds-input" />
            </Field>
          </fieldset>
          <button type="submit" class="krds-btn primary" safe>
            {t('update.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
