import { FollowButton, type FollowView } from '../../notifications/views/follow-button.tsx';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatDateTime, formatDay } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Prose } from '../../action-plans/views/components.tsx';
import { isDecision, isOverdue } from '../proposal-state.ts';
import type { ProposalRow } from '../proposals.repository.ts';
import { AnswerForm, CommentForm, MatureForm, ModerateForm, RouteForm, type PageForms } from './proposal-forms.tsx';
import { channelLabel, OverdueFlag, StateBadge } from './parts.tsx';
import { textLang, langOfText, JoinedText, MarkedText } from '../../../platform/views/lang.tsx';

export interface ResponseView {
  id: number;
  decision: string;
  reason: string;
  organization_name: string | null;
  organization_text: string | null;
  responded_at: string | null;
}

export interface CommentView {
  id: number;
  author_label: string;
  body: string;
  created_at: string;
  hidden_at: string | null;
  hidden_reason: string | null;
}

export interface ProposalPageProps {
  ctx: ViewContext;
  p: ProposalRow;
  today: string;
  responses: ResponseView[];
  comments: CommentView[];
  notices: { decision: string | null; created_at: string }[];
  maturationBody: { key: string; name: string; plan: { slug: string; title: string; point_id: number } | null } | null;
  can: { edit: boolean; participate: boolean; supported: boolean; respond: boolean; admin: boolean };
  forms: PageForms;
  history: { id: number; occurred_at: string; action: string; actor_organization: string | null; actor_name: string | null; actor_label: string }[];
  errors?: { form: string; errors: FieldError[] };
  follow?: FollowView;
}

function decisionName(ctx: ViewContext, d: string) {
  return isDecision(d) ? ctx.t(`proposals.decision.${d}`) : d;
}

export function ProposalPage(props: ProposalPageProps) {
  const { ctx, p, today } = props;
  const { t } = ctx;
  const crumbs = [{ href: '/proposals', label: t('proposals.list_title') }];
  if (p.call_slug) crumbs.unshift({ href: `/calls/${p.call_slug}`, label: p.call_title ?? p.call_slug });
  const latest = props.responses[props.responses.length - 1];
  const org = p.organization_name ?? p.organization_text;
  return (
    <Layout ctx={ctx} meta={{ title: p.title, breadcrumbs: crumbs, alternates: [{ href: `/api/v1/proposals/${p.id}`, type: 'application/json', title: 'JSON' }] }}>
      <article class="proposal">
        {props.notices.length > 0 && latest ? (
          <div class="notice-box" role="status">
            <p safe>{t('proposals.answered_notice', { decision: decisionName(ctx, latest.decision), org: latest.organization_name ?? latest.organization_text ?? '' })}</p>
          </div>
        ) : (
          ''
        )}
        <header class="commitment-head">
          <p class="eyebrow">
            <StateBadge ctx={ctx} state={p.state} /> {isOverdue(p, today) ? <OverdueFlag ctx={ctx} /> : ''}
          </p>
          <h1 lang={textLang(ctx, p)} safe>{p.title}</h1>
          <FollowButton ctx={ctx} f={props.follow} />
          {p.hidden_at ? <p class="notice-box warn" safe>{t('proposals.hidden_note', { reason: p.hidden_reason ?? '' })}</p> : ''}
          <dl class="facts">
            <div>
              <dt safe>{t('proposals.col_organization')}</dt>
              <dd>
                {p.organization_key ? (
                  <a href={`/organizations/${p.organization_key}/proposals`} lang={langOfText(ctx, org)} safe>
                    {org ?? ''}
                  </a>
                ) : (
                  <span lang={langOfText(ctx, org)} safe>
                    {org ?? t('proposals.unrouted')}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt safe>{t('proposals.col_due')}</dt>
              <dd>
                {p.response_due_on ? (
                  <span safe>{isOverdue(p, today) ? t('proposals.overdue_note', { date: formatDay(ctx.locale, p.response_due_on) }) : t('proposals.due_note', { date: formatDay(ctx.locale, p.response_due_on) })}</span>
                ) : (
                  <span class="muted" safe>{t('proposals.no_deadline')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt safe>{t('proposals.in_call')}</dt>
              <dd>
                <JoinedText ctx={ctx} parts={[channelLabel(ctx, p.channel), p.call_title, p.category_title]} />
              </dd>
            </div>
            <div>
              <dt safe>{t('proposals.proposer')}</dt>
              <dd>
                <span safe>{p.author_id === null && p.author_label === '—' ? t('bodies.not_given') : p.author_label}</span>
                {p.submitted_at ? <span class="muted" safe>{` · ${t('proposals.submitted_on', { date: formatDay(ctx.locale, p.submitted_at.slice(0, 10)) })}`}</span> : ''}
                {p.period_label ? <span class="muted" safe>{` · ${t('proposals.period', { label: p.period_label })}`}</span> : ''}
              </dd>
            </div>
          </dl>
          {props.can.edit ? (
            <p>
              <a class="krds-btn secondary" href={`/proposals/${p.id}/edit`} safe>
                {t('proposals.edit')}
              </a>{' '}
              <span class="muted" safe>{t('proposals.editable_note')}</span>
            </p>
          ) : (
            ''
          )}
        </header>
        <Prose ctx={ctx} text={p.body} />
        {p.commitment_code && p.commitment_plan_slug ? (
          <p class="outcome">
            <strong safe>{`${t('proposals.became_commitment')}: `}</strong>
            <a href={`/plans/${p.commitment_plan_slug}/commitments/${p.commitment_code}`} safe>{`${p.commitment_code}. ${p.commitment_title ?? ''}`}</a>
          </p>
        ) : (
          ''
        )}
        {p.policy_text ? (
          <p class="outcome">
            <strong safe>{`${t('proposals.became_policy')}: `}</strong>
            <span lang={langOfText(ctx, p.policy_text)} safe>{p.policy_text}</span>
          </p>
        ) : (
          ''
        )}
        {props.maturationBody ? (
          <p class="outcome">
            <span safe>{t('proposals.maturation', { body: props.maturationBody.name })}</span>
            {props.maturationBody.plan ? (
              <>
                {' '}
                <a href={`/plans/${props.maturationBody.plan.slug}/starting-points/${props.maturationBody.plan.point_id}`} safe>
                  {t('proposals.carried_into', { plan: props.maturationBody.plan.title })}
                </a>
              </>
            ) : (
              ''
            )}
          </p>
        ) : (
          ''
        )}

        <section aria-labelledby="responses-title">
          <h2 id="responses-title" safe>
            {t('proposals.responses')}
          </h2>
          {props.responses.length === 0 ? (
            <p class="empty" safe>{t('proposals.no_response')}</p>
          ) : (
            <ol class="timeline">
              {props.responses.map((r) => (
                <li class="timeline-entry response" id={`response-${r.id}`}>
                  <p class="timeline-meta">
                    {r.responded_at ? (
                      <MarkedText ctx={ctx} k="proposals.response_by" params={{ decision: decisionName(ctx, r.decision), org: r.organization_name ?? r.organization_text ?? '', date: formatDateTime(ctx.locale, r.responded_at) }} />
                    ) : (
                      <MarkedText ctx={ctx} k="proposals.response_by_undated" params={{ decision: decisionName(ctx, r.decision), org: r.organization_name ?? r.organization_text ?? '' }} />
                    )}
                  </p>
                  <Prose ctx={ctx} text={r.reason} />
                </li>
              ))}
            </ol>
          )}
          {props.can.respond ? <AnswerForm {...props} /> : ''}
        </section>

        <section aria-labelledby="supports-title">
          <h2 id="supports-title" safe>
            {t('proposals.supports', { count: p.supports })}
          </h2>
          {props.can.participate ? (
            props.can.supported ? (
              <p safe>{t('proposals.supported')}</p>
            ) : (
              <form method="post" action={`/proposals/${p.id}/supports`}>
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit" class="krds-btn secondary" safe>
                  {t('proposals.support')}
                </button>
              </form>
            )
          ) : ctx.actor ? (
            ''
          ) : (
            <p>
              <a href={`/sign-in?next=${encodeURIComponent(`/proposals/${p.id}`)}`} safe>
                {t('proposals.sign_in_to_take_part')}
              </a>
            </p>
          )}
        </section>

        <section aria-labelledby="comments-title">
          <h2 id="comments-title" safe>
            {t('proposals.comments')}
          </h2>
          {props.comments.length === 0 ? <p class="empty" safe>{t('proposals.no_comments')}</p> : ''}
          <ol class="comments">
            {props.comments.map((c) => (
              <li id={`comment-${c.id}`}>
                <p class="timeline-meta">
                  <span safe>{`#${c.id} · ${c.author_label} · `}</span>
                  <time datetime={c.created_at} safe>
                    {formatDateTime(ctx.locale, c.created_at)}
                  </time>
                </p>
                {c.hidden_at ? <p class="muted" safe>{t('proposals.comment_hidden', { reason: c.hidden_reason ?? '' })}</p> : <Prose ctx={ctx} text={c.body} />}
              </li>
            ))}
          </ol>
          {props.can.participate ? <CommentForm {...props} /> : ''}
        </section>

        {props.can.admin ? (
          <section aria-labelledby="admin-title" class="admin-tools">
            <h2 id="admin-title" safe>
              {t('proposals.moderate')}
            </h2>
            <RouteForm {...props} />
            <ModerateForm {...props} />
            <MatureForm {...props} />
          </section>
        ) : (
          ''
        )}

        <section aria-labelledby="history-title">
          <h2 id="history-title" safe>
            {t('proposals.history')}
          </h2>
          {props.history.length === 0 ? <p class="empty" safe>{t('commitment.no_history')}</p> : ''}
          <ul class="history">
            {props.history.map((h) => (
              <li>
                <time datetime={h.occurred_at} safe>
                  {formatDateTime(ctx.locale, h.occurred_at)}
                </time>
                <span safe>{` · ${h.actor_organization ?? h.actor_name ?? h.actor_label} · ${h.action}`}</span>
              </li>
            ))}
          </ul>
        </section>
      </article>
    </Layout>
  );
}
