// The staff form that records a meeting, and a meeting's own page (with the progress form of a monitoring meeting).
import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Check, CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { DateRange, Prose } from '../../action-plans/views/components.tsx';
import type { BodyRow, MeetingRow } from '../bodies.repository.ts';
import { MEETING_FORM_KINDS, type MeetingInput } from '../commands/record-meeting.ts';
import { countText, meetingKindName } from './parts.tsx';
import { textLang, langOfText, JoinedText } from '../../../platform/views/lang.tsx';


function Checks(props: { name: string; legend: string; error?: string; items: { id: number; label: string }[]; checked: string[]; empty: string }) {
  return (
    <fieldset id={props.name} class={props.error ? 'is-error' : ''}>
      <legend safe>{props.legend}</legend>
      {props.error ? (
        <p class="form-error" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      {props.items.length === 0 ? (
        <p class="muted" safe>{props.empty}</p>
      ) : (
        props.items.map((i) => <Check type="checkbox" id={`${props.name}-${i.id}`} name={props.name} value={String(i.id)} label={i.label} checked={props.checked.includes(String(i.id))} />)
      )}
    </fieldset>
  );
}

export function MeetingFormPage(props: { ctx: ViewContext; body: BodyRow; members: { id: number; name: string }[]; proposals: { id: number; title: string }[]; values: MeetingInput; errors: FieldError[] }) {
  const { ctx, body, values, errors } = props;
  const { t } = ctx;
  const err = (f: string) => errorFor(t, errors, f);
  const title = t('bodies.record.title', { body: body.name });
  return (
    <Layout ctx={ctx} meta={{ title, breadcrumbs: [{ href: '/bodies', label: t('bodies.title') }, { href: `/bodies/${body.key}`, label: body.name }] }}>
      <div class="narrow">
        <h1 safe>{title}</h1>
        <p class="lead" safe>{t('bodies.record.intro')}</p>
        <ErrorSummary t={t} title={t('bodies.record.errors_title')} errors={errors} />
        <form method="post" action={`/bodies/${body.key}/meetings`} class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field id="kind" label={t('bodies.record.kind')} error={err('kind')}>
            <select id="kind" name="kind" class="krds-form-select" required>
              <option value="" selected={values.kind === ''} safe>
                {t('bodies.record.choose')}
              </option>
              {MEETING_FORM_KINDS.map((k) => (
                <option value={k} selected={values.kind === k} safe>
                  {meetingKindName(ctx, k)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="title" label={t('bodies.record.meeting_title')} error={err('title')}>
            <input id="title" name="title" class="krds-input" value={values.title} maxlength="200" required />
          </Field>
          <Field id="date" label={t('bodies.record.date')} hint={t('bodies.record.date_hint')} error={err('date')}>
            <input id="date" name="date" type="date" class="krds-input" value={values.date} aria-describedby="date-hint" required />
          </Field>
          <Field id="place" label={t('bodies.record.place')} error={err('place')}>
            <input id="place" name="place" class="krds-input" value={values.place} maxlength="200" />
          </Field>
          <Field id="attendance" label={t('bodies.record.attendance')} hint={t('bodies.record.attendance_hint')} error={err('attendance')}>
            <input id="attendance" name="attendance" type="number" min="0" inputmode="numeric" class="krds-input" value={values.attendance} aria-describedby="attendance-hint" />
          </Field>
          <Checks name="attendees" legend={t('bodies.record.attendees')} error={err('attendees')} items={props.members.map((m) => ({ id: m.id, label: m.name }))} checked={values.attendees} empty={t('bodies.record.no_members')} />
          <Field id="minutes" label={t('bodies.record.minutes')} error={err('minutes')}>
            <textarea id="minutes" name="minutes" class="krds-input" rows="8" safe>
              {values.minutes}
            </textarea>
          </Field>
          <Field id="decisions" label={t('bodies.record.decisions')} error={err('decisions')}>
            <textarea id="decisions" name="decisions" class="krds-input" rows="5" safe>
              {values.decisions}
            </textarea>
          </Field>
          <Checks name="proposals" legend={t('bodies.record.produced')} error={err('proposals')} items={props.proposals.map((p) => ({ id: p.id, label: p.title }))} checked={values.proposals} empty={t('bodies.record.no_proposals')} />
          <button type="submit" class="krds-btn primary" safe>
            {t('bodies.record.save')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function MeetingPage(props: {
  ctx: ViewContext;
  body: BodyRow;
  meeting: MeetingRow;
  attendees: { name: string }[];
  progress: { body: string; code: string; title: string }[];
  produced: { id: number; title: string }[];
  progressForm: { commitments: { id: number; code: string; title: string }[]; values: { commitment: string; text: string }; errors: FieldError[] } | null;
}) {
  const { ctx, body, meeting: m } = props;
  const { t } = ctx;
  const err = (f: string) => errorFor(t, props.progressForm?.errors ?? [], f);
  return (
    <Layout ctx={ctx} meta={{ title: m.title, breadcrumbs: [{ href: '/bodies', label: t('bodies.title') }, { href: `/bodies/${body.key}`, label: body.name }] }}>
      <p class="eyebrow">
        <JoinedText ctx={ctx} parts={[body.name, meetingKindName(ctx, m.kind)]} />
      </p>
      <h1 lang={textLang(ctx, m)} safe>{m.title}</h1>
      <dl class="facts">
        <div>
          <dt safe>{t('bodies.date')}</dt>
          <dd>{m.start_label ? <DateRange ctx={ctx} row={m} /> : <span class="muted" safe>{t('date.unknown')}</span>}</dd>
        </div>
        {m.place ? (
          <div>
            <dt safe>{t('bodies.place')}</dt>
            <dd lang={langOfText(ctx, m.place)} safe>{m.place}</dd>
          </div>
        ) : (
          ''
        )}
        <div>
          <dt safe>{t('bodies.attendance')}</dt>
          <dd safe>{m.attendance === null ? t('bodies.count.not_given') : countText(ctx, m.attendance, m.attendance_qualifier, 'people')}</dd>
        </div>
      </dl>
      {props.attendees.length > 0 ? (
        <section aria-labelledby="attendees-title">
          <h2 id="attendees-title" safe>
            {t('bodies.record.attendees_named')}
          </h2>
          <ul>
            {props.attendees.map((a) => (
              <li lang={langOfText(ctx, a.name)} safe>{a.name}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {m.minutes ? (
        <section aria-labelledby="minutes-title">
          <h2 id="minutes-title" safe>
            {t('bodies.minutes')}
          </h2>
          <Prose ctx={ctx} text={m.minutes} />
        </section>
      ) : (
        ''
      )}
      {m.decisions ? (
        <section aria-labelledby="decisions-title">
          <h2 id="decisions-title" safe>
            {t('bodies.decisions')}
          </h2>
          <Prose ctx={ctx} text={m.decisions} />
        </section>
      ) : (
        ''
      )}
      {props.produced.length > 0 ? (
        <section aria-labelledby="produced-title">
          <h2 id="produced-title" safe>
            {t('bodies.proposals')}
          </h2>
          <ul>
            {props.produced.map((p) => (
              <li>
                <a href={`/proposals/${p.id}`} lang={langOfText(ctx, p.title)} safe>
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {m.kind === 'monitoring' ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title" safe>
            {t('bodies.progress')}
          </h2>
          {props.progress.length === 0 ? (
            <p class="muted" safe>{t('bodies.record.no_progress')}</p>
          ) : (
            <ul>
              {props.progress.map((p) => (
                <li safe>{`${p.code}. ${p.title}: ${p.body}`}</li>
              ))}
            </ul>
          )}
          {props.progressForm ? (
            <div class="narrow">
              <h3 safe>{t('bodies.record.progress_title')}</h3>
              <p safe>{t('bodies.record.progress_intro')}</p>
              <ErrorSummary t={t} title={t('bodies.record.errors_title')} errors={props.progressForm.errors} />
              <form method="post" action={`/bodies/${body.key}/meetings/${m.id}/progress`} class="stack" novalidate>
                <CsrfField token={ctx.csrfToken} />
                <Field id="commitment" label={t('bodies.record.commitment')} error={err('commitment')}>
                  <select id="commitment" name="commitment" class="krds-form-select" required>
                    <option value="" safe>
                      {t('bodies.record.choose')}
                    </option>
                    {props.progressForm.commitments.map((c) => (
                      <option value={String(c.id)} selected={props.progressForm!.values.commitment === String(c.id)} safe>
                        {`${c.code}. ${c.title}`}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id="text" label={t('bodies.record.progress_text')} error={err('text')}>
                  <textarea id="text" name="text" class="krds-input" rows="6" required safe>
                    {props.progressForm.values.text}
                  </textarea>
                </Field>
                <button type="submit" class="krds-btn primary" safe>
                  {t('bodies.record.progress_save')}
                </button>
              </form>
            </div>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      <p class="muted small" safe>{m.source ? t('bodies.source', { source: m.source }) : t('bodies.record.recorded_by_staff')}</p>
    </Layout>
  );
}
