import { errorFor, type FieldError } from '../../../platform/http/errors.ts';
import type { SignatureDay } from '../signature-history.ts';
import { SignaturesFigure } from './signature-chart.tsx';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { CsrfField, ErrorSummary, Field } from '../../../platform/views/form.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import { Prose } from '../../action-plans/views/components.tsx';
import type { StateGroup } from '../petition-state.ts';
import type { PetitionExtras } from '../petitions.presenter.ts';
import type { PetitionRow } from '../petitions.repository.ts';
import { CountPanel, PetitionCard, StateBadge } from './petition-parts.tsx';
import { StaffPanel, type StaffView } from './petition-staff.tsx';
import { FollowButton, type FollowView } from '../../notifications/views/follow-button.tsx';
import { JoinedText, langOfText, textLang } from '../../../platform/views/lang.tsx';

const TABS: StateGroup[] = ['open', 'in_review', 'results', 'closed'];

export function PetitionListPage({ ctx, group, petitions, now }: { ctx: ViewContext; group: StateGroup; petitions: PetitionRow[]; now: Date }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('petitions.title'), alternates: [{ href: `/api/v1/petitions?state=${group}`, type: 'application/json', title: t('petitions.api') }] }}>
      <h1 safe>{t('petitions.title')}</h1>
      <p class="lead" safe>
        {t('petitions.lead')}
      </p>
      <p class="lead-actions">
        <a class="krds-btn primary" href="/petitions/new" safe>
          {t('petitions.start')}
        </a>
        {ctx.actor ? (
          <a class="krds-btn secondary" href="/petitions/queue" safe>
            {t('petitions.queue')}
          </a>
        ) : (
          ''
        )}
      </p>
      <nav class="tabs" aria-label={t('petitions.title')}>
        <ul>
          {TABS.map((g) => (
            <li>
              <a href={`/petitions?state=${g}`} aria-current={g === group ? 'page' : undefined} class={g === group ? 'active' : ''} safe>
                {t(`petitions.tab_${g}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {petitions.length === 0 ? (
        <p class="empty" safe>
          {t('petitions.none')}
        </p>
      ) : (
        <ul class="petition-list">
          {petitions.map((p) => (
            <PetitionCard ctx={ctx} p={p} now={now} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

function SignForm({ ctx, p, identified, email, errors }: { ctx: ViewContext; p: PetitionRow; identified: boolean; email: string; errors: FieldError[] }) {
  const { t } = ctx;
  return (
    <section class="sign-box" aria-labelledby="sign-title">
      <h2 id="sign-title" safe>
        {t('petitions.sign_title')}
      </h2>
      <ErrorSummary t={t} title={t('petitions.errors_title')} errors={errors} />
      <form method="post" action={`/petitions/${p.id}/sign`} class="stack" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {identified ? (
          <p safe>{t('petitions.sign_as')}</p>
        ) : (
          <>
            <p safe>{t('petitions.sign_intro')}</p>
            <Field id="email" label={t('petitions.email')} error={errorFor(t, errors, 'email')}>
              <input class="krds-input" type="email" id="email" name="email" autocomplete="email" required value={email} />
            </Field>
          </>
        )}
        <button type="submit" class="krds-btn primary" safe>
          {t('petitions.sign_submit')}
        </button>
      </form>
    </section>
  );
}

function ResultSection({ ctx, x }: { ctx: ViewContext; x: PetitionExtras }) {
  const { t } = ctx;
  const a = x.action;
  if (!a) return '';
  const when = a.actual_label ?? [a.actual_start, a.actual_end].filter(Boolean).join(' – ');
  return (
    <section aria-labelledby="result-title" class="result">
      <h2 id="result-title" safe>
        {t('petitions.result')}
      </h2>
      <dl class="facts">
        <div>
          <dt safe>{t('petitions.inspection')}</dt>
          <dd lang={langOfText(ctx, a.title)} safe>{a.title}</dd>
        </div>
        {when ? (
          <div>
            <dt safe>{t('petitions.when')}</dt>
            <dd safe>{when}</dd>
          </div>
        ) : (
          ''
        )}
        {a.planned_start || a.planned_end ? (
          <div>
            <dt safe>{t('petitions.planned')}</dt>
            <dd safe>{[a.planned_start, a.planned_end].filter(Boolean).join(' – ')}</dd>
          </div>
        ) : (
          ''
        )}
      </dl>
      {a.tested ? (
        <>
          <h3 safe>{t('petitions.tested')}</h3>
          <Prose ctx={ctx} text={a.tested} />
        </>
      ) : (
        ''
      )}
      <h3 safe>{t('petitions.findings')}</h3>
      {a.findings ? <Prose ctx={ctx} text={a.findings} /> : <p class="empty" safe>{t('petitions.no_findings')}</p>}
      {x.measures.length > 0 ? (
        <>
          <h3 safe>{t('petitions.measures')}</h3>
          <ul>
            {x.measures.map((m) => (
              <li safe>{m.date_label ? `${m.description} (${m.date_label})` : m.description}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {x.attachments.length > 0 ? (
        <>
          <h3 safe>{t('petitions.attachments')}</h3>
          <ul>
            {x.attachments.map((f) => (
              <li>
                <a href={`/files/${f.file_id}`} lang={langOfText(ctx, f.title)} safe>
                  {f.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

export interface PetitionPageProps {
  ctx: ViewContext;
  p: PetitionRow;
  x: PetitionExtras;
  now: Date;
  identified: boolean;
  email: string;
  errors: FieldError[];
  history: { occurred_at: string; action: string; after_json: string | null }[];
  staff: StaffView | null;
  follow?: FollowView;
  /** Signatures per day, for the chart; absent where the page does not show it. */
  signatures?: SignatureDay[];
}

export function PetitionPage(props: PetitionPageProps) {
  const { ctx, p, x } = props;
  const { t } = ctx;
  const signing = ['open', 'threshold_reached', 'under_review'].includes(p.state) && (!p.closes_at || p.closes_at > props.now.toISOString());
  return (
    <Layout ctx={ctx} meta={{ title: p.title, breadcrumbs: [{ href: '/petitions', label: t('petitions.title') }], alternates: [{ href: `/api/v1/petitions/${p.id}`, type: 'application/json', title: 'JSON' }] }}>
      <article class="petition">
        <p class="eyebrow">
          <JoinedText ctx={ctx} parts={[t('petitions.organization'), p.organization_name]} separator=": " />
        </p>
        <h1 lang={textLang(ctx, p, p.title)} safe>
          {p.title}
        </h1>
        <StateBadge ctx={ctx} state={p.state} />
        <FollowButton ctx={ctx} f={props.follow} />
        <div class="petition-grid">
          <div>
            {p.body ? <Prose ctx={ctx} text={p.body} lang={textLang(ctx, p)} /> : ''}
            {p.rejection_reason ? (
              <div class="rejection">
                <h2 safe>{t('petitions.reason')}</h2>
                <Prose ctx={ctx} text={p.rejection_reason} />
              </div>
            ) : (
              ''
            )}
          </div>
          <aside>
            <CountPanel ctx={ctx} p={p} now={props.now} />
            {signing ? <SignForm ctx={ctx} p={p} identified={props.identified} email={props.email} errors={props.errors} /> : ''}
          </aside>
        </div>
        {props.signatures ? <SignaturesFigure ctx={ctx} days={props.signatures} count={p.signature_count} /> : ''}
        {x.review?.decided_at ? (
          <section aria-labelledby="review-title">
            <h2 id="review-title" safe>
              {t('petitions.review')}
            </h2>
            <dl class="facts">
              <div>
                <dt safe>{t('petitions.decision')}</dt>
                <dd safe>{t(`petitions.decision_${x.review.decision}`)}</dd>
              </div>
              {x.review.sub_committee_name ? (
                <div>
                  <dt safe>{t('petitions.sub_committee')}</dt>
                  <dd lang={langOfText(ctx, x.review.sub_committee_name)} safe>{x.review.sub_committee_name}</dd>
                </div>
              ) : (
                ''
              )}
            </dl>
            <Prose ctx={ctx} text={x.review.reason} />
          </section>
        ) : (
          ''
        )}
        <ResultSection ctx={ctx} x={x} />
        {props.staff ? <StaffPanel ctx={ctx} p={p} view={props.staff} /> : ''}
        {props.history.length > 0 ? (
          <section aria-labelledby="history-title">
            <h2 id="history-title" safe>
              {t('petitions.history')}
            </h2>
            <ul class="history">
              {props.history.map((h) => (
                <li safe>{`${formatDateTime(ctx.locale, h.occurred_at)} · ${t(`petitions.state.${h.action.replace('petition.', '')}`)}`}</li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        {p.source ? (
          <p class="muted small" safe>
            {t('petitions.source', { source: p.source })}
          </p>
        ) : (
          ''
        )}
      </article>
    </Layout>
  );
}
