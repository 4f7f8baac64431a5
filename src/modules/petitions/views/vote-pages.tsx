import type { Selectable } from 'kysely';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { Prose, ShareBar } from '../../action-plans/views/components.tsx';
import type { VoteTasksTable } from '../petitions.table.ts';

type Task = Selectable<VoteTasksTable>;

function Tally({ ctx, task }: { ctx: ViewContext; task: Task }) {
  const { t } = ctx;
  const yes = Number(task.yes_count);
  return (
    <div class="count-panel">
      <p class="count" safe>
        {t('votes.tally', { yes: formatNumber(ctx.locale, yes), no: formatNumber(ctx.locale, Number(task.no_count)) })}
      </p>
      {task.threshold !== null ? (
        <div class="threshold">
          <ShareBar percent={Math.min(100, Math.round((yes * 100) / Math.max(1, task.threshold)))} color={task.threshold_reached_at ? '#228738' : '#0b50d0'} />
          <span safe>{t('votes.of_threshold', { threshold: formatNumber(ctx.locale, task.threshold) })}</span>
        </div>
      ) : (
        <p class="muted small" safe>
          {t('votes.no_threshold')}
        </p>
      )}
    </div>
  );
}

export function VoteListPage(props: { ctx: ViewContext; tasks: Task[]; channels: { id: number; title: string }[]; canCreate: boolean; errors: FieldError[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('votes.title') }}>
      <h1 safe>{t('votes.title')}</h1>
      <p class="lead" safe>
        {t('votes.lead')}
      </p>
      {props.tasks.length === 0 ? (
        <p class="empty" safe>
          {t('votes.none')}
        </p>
      ) : (
        <ul class="petition-list">
          {props.tasks.map((task) => (
            <li class="petition-card">
              <h2 class="petition-title">
                <a href={`/votes/${task.id}`} lang={langOfText(ctx, task.title)} safe>
                  {task.title}
                </a>
              </h2>
              <span class="krds-badge bg-light-primary" safe>
                {t(`votes.state.${task.state}`)}
              </span>
              <Tally ctx={ctx} task={task} />
            </li>
          ))}
        </ul>
      )}
      {props.canCreate ? (
        <section class="staff-panel" aria-labelledby="new-vote">
          <h2 id="new-vote" safe>
            {t('votes.new_title')}
          </h2>
          <ErrorSummary t={t} title={t('petitions.errors_title')} errors={props.errors} />
          <form method="post" action="/votes" class="stack">
            <CsrfField token={ctx.csrfToken} />
            <Field id="channel" label={t('votes.channel')}>
              <select id="channel" name="channel" class="krds-form-select">
                {props.channels.map((c) => (
                  <option value={String(c.id)} lang={langOfText(ctx, c.title)} safe>
                    {c.title}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="title" label={t('votes.field_title')}>
              <input id="title" name="title" class="krds-input" required />
            </Field>
            <Field id="description" label={t('votes.field_description')}>
              <textarea id="description" name="description" class="krds-input" rows="4" required></textarea>
            </Field>
            <Field id="threshold" label={t('votes.field_threshold')}>
              <input id="threshold" name="threshold" type="number" min="1" class="krds-input" />
            </Field>
            <Field id="closes_on" label={t('votes.field_closes')}>
              <input id="closes_on" name="closes_on" type="date" class="krds-input" />
            </Field>
            <button type="submit" class="krds-btn primary" safe>
              {t('votes.create')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function VotePage(props: { ctx: ViewContext; task: Task; identified: boolean; votable: boolean; canReview: boolean; errors: FieldError[] }) {
  const { ctx, task } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: task.title, breadcrumbs: [{ href: '/votes', label: t('votes.title') }] }}>
      <h1 lang={langOfText(ctx, task.title)} safe>{task.title}</h1>
      <span class="krds-badge bg-light-primary" safe>
        {t(`votes.state.${task.state}`)}
      </span>
      <div class="petition-grid">
        <Prose ctx={ctx} text={task.description} />
        <aside>
          <Tally ctx={ctx} task={task} />
          {props.votable ? (
            <section class="sign-box" aria-labelledby="vote-title">
              <h2 id="vote-title" safe>
                {t('votes.vote_title')}
              </h2>
              <ErrorSummary t={t} title={t('petitions.errors_title')} errors={props.errors} />
              {props.identified ? (
                <form method="post" action={`/votes/${task.id}/ballot`} class="button-row">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" name="choice" value="yes" class="krds-btn primary" safe>
                    {t('votes.yes')}
                  </button>
                  <button type="submit" name="choice" value="no" class="krds-btn secondary" safe>
                    {t('votes.no')}
                  </button>
                </form>
              ) : (
                <form method="post" action={`/votes/${task.id}/identity`} class="stack">
                  <CsrfField token={ctx.csrfToken} />
                  <p safe>{t('votes.vote_intro')}</p>
                  <Field id="email" label={t('petitions.email')}>
                    <input id="email" name="email" type="email" class="krds-input" autocomplete="email" required />
                  </Field>
                  <button type="submit" class="krds-btn primary" safe>
                    {t('votes.confirm_first')}
                  </button>
                </form>
              )}
            </section>
          ) : (
            ''
          )}
        </aside>
      </div>
      {task.committee_decision ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title" safe>
            {t('votes.decision')}
          </h2>
          <p lang={langOfText(ctx, task.committee_decision)} safe>{task.committee_decision}</p>
          <Prose ctx={ctx} text={task.committee_reason} />
          {task.strategy_decision ? (
            <p safe>{`${task.strategy_meeting_label ?? t('votes.meeting')}: ${task.strategy_decision}`}</p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {props.canReview && (task.state === 'passed' || task.state === 'under_review') ? (
        <section class="staff-panel" aria-labelledby="review-title">
          <h2 id="review-title" safe>
            {t('votes.decision')}
          </h2>
          <form method="post" action={`/votes/${task.id}/move`} class="stack">
            <CsrfField token={ctx.csrfToken} />
            {task.state === 'passed' ? (
              <button type="submit" name="to" value="under_review" class="krds-btn primary" safe>
                {t('votes.start_review')}
              </button>
            ) : (
              <>
                <Field id="decision" label={t('votes.decision')}>
                  <input id="decision" name="decision" class="krds-input" required />
                </Field>
                <Field id="reason" label={t('votes.reason')}>
                  <textarea id="reason" name="reason" class="krds-input" rows="3" required></textarea>
                </Field>
                <Field id="meeting" label={t('votes.meeting')}>
                  <input id="meeting" name="meeting" class="krds-input" />
                </Field>
                <Field id="strategy" label={t('votes.strategy')}>
                  <input id="strategy" name="strategy" class="krds-input" />
                </Field>
                <button type="submit" name="to" value="decided" class="krds-btn primary" safe>
                  {t('votes.record')}
                </button>
              </>
            )}
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
