// The forms officers and committee members see on a petition page, each for the state it acts on.
import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Check, CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import type { PetitionRow } from '../petitions.repository.ts';

export interface StaffView {
  canModerate: boolean;
  canReview: boolean;
  canPublish: boolean;
  subCommittees: { id: number; name: string }[];
  errors: FieldError[];
}


export function StaffPanel({ ctx, p, view }: { ctx: ViewContext; p: PetitionRow; view: StaffView }) {
  const { t } = ctx;
  const moderation = view.canModerate && p.state === 'pending_moderation';
  const startReview = view.canReview && p.state === 'threshold_reached';
  const decide = view.canReview && p.state === 'under_review';
  const publish = view.canPublish && p.state === 'accepted';
  if (!moderation && !startReview && !decide && !publish) return '';
  return (
    <section class="staff-panel" aria-labelledby="staff-title">
      <h2 id="staff-title" safe>
        {moderation ? t('petitions.moderate') : publish ? t('petitions.publish') : t('petitions.review')}
      </h2>
      <ErrorSummary t={t} title={t('petitions.errors_title')} errors={view.errors} />
      {moderation ? (
        <form method="post" action={`/petitions/${p.id}/moderate`} class="stack">
          <CsrfField token={ctx.csrfToken} />
          <Field id="reason" label={t('petitions.reason')} error={errorFor(t, view.errors, 'reason')}>
            <textarea id="reason" name="reason" class="krds-input" rows="3"></textarea>
          </Field>
          <div class="button-row">
            <button type="submit" name="decision" value="open" class="krds-btn primary" safe>
              {t('petitions.approve')}
            </button>
            <button type="submit" name="decision" value="rejected" class="krds-btn secondary" safe>
              {t('petitions.reject')}
            </button>
          </div>
        </form>
      ) : (
        ''
      )}
      {startReview ? (
        <form method="post" action={`/petitions/${p.id}/review/start`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="krds-btn primary" safe>
            {t('petitions.start_review')}
          </button>
        </form>
      ) : (
        ''
      )}
      {decide ? (
        <form method="post" action={`/petitions/${p.id}/review`} class="stack">
          <CsrfField token={ctx.csrfToken} />
          <fieldset>
            <legend safe>{t('petitions.decision')}</legend>
            <Check type="radio" id="decision-accepted" name="decision" value="accepted" label={t('petitions.decision_accepted')} checked />
            <Check type="radio" id="decision-rejected" name="decision" value="rejected" label={t('petitions.decision_rejected')} checked={false} />
          </fieldset>
          <Field id="sub_committee" label={t('petitions.sub_committee')}>
            <select id="sub_committee" name="sub_committee" class="krds-form-select">
              <option value="">—</option>
              {view.subCommittees.map((s) => (
                <option value={String(s.id)} lang={langOfText(ctx, s.name)} safe>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="reason" label={t('petitions.reason')} error={errorFor(t, view.errors, 'reason')}>
            <textarea id="reason" name="reason" class="krds-input" rows="4" required></textarea>
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('petitions.decide')}
          </button>
        </form>
      ) : (
        ''
      )}
      {publish ? (
        <form method="post" action={`/petitions/${p.id}/result`} enctype="multipart/form-data" class="stack">
          <CsrfField token={ctx.csrfToken} />
          <Field id="action_title" label={t('petitions.inspection')} error={errorFor(t, view.errors, 'action_title')}>
            <input id="action_title" name="action_title" class="krds-input" required value={p.title} />
          </Field>
          <div class="date-pair">
            <Field id="actual_start" label={`${t('petitions.actual')} (${t('commitment.start')})`} error={errorFor(t, view.errors, 'actual_start')}>
              <input id="actual_start" name="actual_start" type="date" class="krds-input" />
            </Field>
            <Field id="actual_end" label={`${t('petitions.actual')} (${t('commitment.end')})`} error={errorFor(t, view.errors, 'actual_end')}>
              <input id="actual_end" name="actual_end" type="date" class="krds-input" />
            </Field>
          </div>
          <Field id="tested" label={t('petitions.tested')} error={errorFor(t, view.errors, 'tested')}>
            <textarea id="tested" name="tested" class="krds-input" rows="3" required></textarea>
          </Field>
          <Field id="findings" label={t('petitions.findings')} error={errorFor(t, view.errors, 'findings')}>
            <textarea id="findings" name="findings" class="krds-input" rows="5" required></textarea>
          </Field>
          <Field id="measures" label={t('petitions.measures')} hint={t('petitions.measures_hint')}>
            <textarea id="measures" name="measures" class="krds-input" rows="3"></textarea>
          </Field>
          <Field id="files" label={t('petitions.files')} error={errorFor(t, view.errors, 'files')}>
            <input id="files" name="files" type="file" multiple class="krds-input" />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('petitions.publish')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}
