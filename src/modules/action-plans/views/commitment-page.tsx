import { FollowButton, type FollowView } from '../../notifications/views/follow-button.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { formatDateTime, formatDay } from '../../../platform/i18n/i18n.ts';
import { isLevel } from '../level.ts';
import { notes, type CommitmentNode, type TimelineEntry } from '../plan-tree.ts';
import { DateRange, LevelBadge, Prose } from './components.tsx';
import type { IrmNode } from '../../assessments/assessments.presenter.ts';
import { IrmPanel } from '../../assessments/views/irm-panel.tsx';
import { textLang, langOfText } from '../../../platform/views/lang.tsx';

export interface HistoryRow {
  id: number;
  occurred_at: string;
  action: string;
  entity_label: string | null;
  before_json: string | null;
  after_json: string | null;
  actor_name: string | null;
  actor_organization: string | null;
  actor_label: string;
}

function Section({ id, title, text, lang }: { id: string; title: string; text: string | null; lang?: string }) {
  if (!text) return '';
  return (
    <section class="template-field" aria-labelledby={id}>
      <h3 id={id} safe>
        {title}
      </h3>
      <Prose text={text} lang={lang} />
    </section>
  );
}

function levelName(ctx: ViewContext, level: string | null): string {
  return isLevel(level) ? ctx.t(`level.${level}`) : ctx.t('level.unknown');
}

function Timeline({ ctx, entries }: { ctx: ViewContext; entries: TimelineEntry[] }) {
  const { t } = ctx;
  if (entries.length === 0) return <p class="empty" safe>{t('commitment.no_progress')}</p>;
  return (
    <ol class="timeline">
      {entries.map((e) => (
        <li class="timeline-entry" id={`update-${e.id}`}>
          <p class="timeline-meta">
            <time datetime={e.occurred_on} safe>
              {formatDay(ctx.locale, e.occurred_on)}
            </time>
            <span class="muted" safe>{` · ${t('update.by', { who: e.author_organization ? `${e.author_label} (${e.author_organization})` : e.author_label })}`}</span>
          </p>
          <Prose ctx={ctx} text={e.body} />
          {e.level_changes.length > 0 ? (
            <ul class="level-changes">
              {e.level_changes.map((c) => (
                <li safe>{t('update.level_change', { target: c.target_label, from: levelName(ctx, c.level_from), to: levelName(ctx, c.level_to) })}</li>
              ))}
            </ul>
          ) : (
            ''
          )}
          {e.evidence.length > 0 ? (
            <div class="evidence">
              <p class="evidence-title" safe>
                {t('update.evidence_title')}
              </p>
              <ul>
                {e.evidence.map((x) =>
                  x.kind === 'file' ? (
                    <li>
                      <a href={`/files/${x.file_id}`} lang={langOfText(ctx, x.title)} safe>
                        {x.title}
                      </a>
                      <span class="muted small" safe>{` (${x.content_type ?? ''}, ${Math.ceil((x.size ?? 0) / 1024)} KB)`}</span>
                    </li>
                  ) : (
                    <li>
                      <a href={x.url ?? '#'} rel="nofollow noopener" safe>
                        {x.url ?? ''}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            </div>
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}

function describeChange(ctx: ViewContext, h: HistoryRow): string {
  const parse = (j: string | null) => {
    try {
      return j ? (JSON.parse(j) as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const before = parse(h.before_json);
  const after = parse(h.after_json);
  if (h.action.endsWith('level_changed')) {
    return `${h.entity_label ?? ''}: ${levelName(ctx, (before.level as string) ?? null)} → ${levelName(ctx, (after.level as string) ?? null)}`;
  }
  if (h.action === 'commitment.progress_posted') return ctx.t('commitment.history_progress');
  return h.action;
}

export function CommitmentPage(props: { ctx: ViewContext; slug: string; planTitle: string; c: CommitmentNode; timeline: TimelineEntry[]; history: HistoryRow[]; canUpdate: boolean; origins?: { id: number; title: string }[]; irm?: { units: IrmNode[]; canEdit: boolean }; follow?: FollowView }) {
  const { ctx, c, slug } = props;
  const { t } = ctx;
  const sourceNotes = [...notes(c.source_notes).map((n) => ({ prefix: '', text: n })), ...c.milestones.flatMap((m) => notes(m.source_notes).map((n) => ({ prefix: `${t('commitment.milestone')} ${m.position}: `, text: n })))];
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${c.code}. ${c.title}`,
        description: c.description?.slice(0, 200),
        breadcrumbs: [
          { href: '/plans', label: t('nav.plans') },
          { href: `/plans/${slug}`, label: props.planTitle },
        ],
        alternates: [{ href: `/api/v1/plans/${slug}/commitments/${c.code}`, type: 'application/json', title: 'JSON' }],
      }}
    >
      <article class="commitment">
        <header class="commitment-head">
          <p class="eyebrow" safe>{`${t('plan.code')} ${c.code}`}</p>
          <h1 lang={textLang(ctx, c)} safe>{c.title}</h1>
          <FollowButton ctx={ctx} f={props.follow} />
          <dl class="facts">
            <div>
              <dt safe>{t('commitment.level')}</dt>
              <dd>
                <LevelBadge ctx={ctx} level={c.level} label={c.level_label} />
              </dd>
            </div>
            <div>
              <dt safe>{t('commitment.lead')}</dt>
              <dd>
                <a href={`/organizations/${c.lead_organization_key}`} lang={textLang(ctx, c)} safe>
                  {c.lead_organization_name}
                </a>
                {c.lead_division_name ? (
                  <span class="muted">
                    {' · '}
                    <span lang={langOfText(ctx, c.lead_division_name)} safe>
                      {c.lead_division_name}
                    </span>
                  </span>
                ) : (
                  ''
                )}
              </dd>
            </div>
            <div>
              <dt safe>{t('commitment.period')}</dt>
              <dd>
                <DateRange ctx={ctx} row={c} />
              </dd>
            </div>
            <div>
              <dt safe>{t('plan.value')}</dt>
              <dd safe>{c.values.map((v) => t(`value.${v}`)).join(', ') || '—'}</dd>
            </div>
          </dl>
          {props.canUpdate ? (
            <p>
              <a class="krds-btn primary" href={`/plans/${slug}/commitments/${c.code}/updates/new`} safe>
                {t('commitment.post_update')}
              </a>
            </p>
          ) : (
            ''
          )}
        </header>

        {/* The government's self-assessment beside the IRM's (assessments module). */}
        {props.irm ? <IrmPanel ctx={ctx} slug={slug} c={c} units={props.irm.units} canEdit={props.irm.canEdit} /> : ''}

        <h2 id="template-title" safe>
          {t('commitment.template')}
        </h2>
        <Section id="f-problem" title={t('commitment.public_problem')} text={c.public_problem} lang={textLang(ctx, c)} />
        <Section id="f-description" title={t('commitment.description')} text={c.description} lang={textLang(ctx, c)} />
        <Section id="f-contribution" title={t('commitment.contribution')} text={c.contribution} lang={textLang(ctx, c)} />
        <Section id="f-values" title={t('commitment.values')} text={c.ogp_values_text} lang={textLang(ctx, c)} />
        <Section id="f-additional" title={t('commitment.additional_information')} text={c.additional_information} lang={textLang(ctx, c)} />
        <Section id="f-results" title={t('commitment.results')} text={c.results} lang={textLang(ctx, c)} />
        <Section id="f-next" title={t('commitment.next_steps')} text={c.next_steps} lang={textLang(ctx, c)} />

        {/* Where the commitment came from: proposals adopted into it (proposals module). */}
        {props.origins && props.origins.length > 0 ? (
          <section aria-labelledby="origins-title" class="commitment-origins">
            <h2 id="origins-title" safe>
              {t('proposals.came_from')}
            </h2>
            <p safe>{t('proposals.came_from_intro')}</p>
            <ul>
              {props.origins.map((o) => (
                <li>
                  <a href={`/proposals/${o.id}`} lang={langOfText(ctx, o.title)} safe>
                    {o.title}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}

        <section aria-labelledby="milestones-title">
          <h2 id="milestones-title" safe>
            {t('commitment.milestones')}
          </h2>
          <ol class="milestones">
            {c.milestones.map((m) => (
              <li class={`milestone level-${m.level ?? 'unknown'}`}>
                <p class="milestone-title" lang={textLang(ctx, m)} safe>
                  {m.title}
                </p>
                <p class="milestone-meta">
                  <DateRange ctx={ctx} row={m} /> <LevelBadge ctx={ctx} level={m.level} label={m.level_label} />
                </p>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="progress-title">
          <h2 id="progress-title" safe>
            {t('commitment.progress')}
          </h2>
          <Timeline ctx={ctx} entries={props.timeline} />
          <p>
            <a href={`/plans/${props.slug}/commitments/${c.code}/repository`} safe>
              {t('repository.link_commitment')}
            </a>
          </p>
        </section>

        <section aria-labelledby="contacts-title">
          <h2 id="contacts-title" safe>
            {t('commitment.contacts')}
          </h2>
          {c.contacts.map((p) => (
            <dl class="contact">
              <div>
                <dt safe>{t('commitment.contact_name')}</dt>
                <dd lang={p.name ? textLang(ctx, c) : undefined} safe>{p.name ?? t('commitment.not_given')}</dd>
              </div>
              <div>
                <dt safe>{t('commitment.contact_title')}</dt>
                <dd lang={p.title || p.department ? textLang(ctx, c) : undefined} safe>{[p.title, p.department].filter(Boolean).join(', ') || t('commitment.not_given')}</dd>
              </div>
              <div>
                <dt safe>{t('commitment.contact_email')}</dt>
                <dd lang={langOfText(ctx, p.email)} safe>
                  {p.email ?? t('commitment.not_given')}
                </dd>
              </div>
              <div>
                <dt safe>{t('commitment.contact_phone')}</dt>
                <dd safe>{p.phone ?? t('commitment.not_given')}</dd>
              </div>
            </dl>
          ))}
          <h3 safe>{t('commitment.other_actors')}</h3>
          <dl class="contact">
            <div>
              <dt safe>{t('commitment.state_actors')}</dt>
              <dd lang={c.other_actors_state ? textLang(ctx, c) : undefined} safe>{c.other_actors_state ?? t('commitment.not_given')}</dd>
            </div>
            <div>
              <dt safe>{t('commitment.civil_society')}</dt>
              <dd lang={c.other_actors_civil_society ? textLang(ctx, c) : undefined} safe>{c.other_actors_civil_society ?? t('commitment.not_given')}</dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="history-title">
          <h2 id="history-title" safe>
            {t('commitment.history')}
          </h2>
          {props.history.length === 0 ? (
            <p class="empty" safe>{t('commitment.no_history')}</p>
          ) : (
            <ul class="history">
              {props.history.map((h) => (
                <li>
                  <time datetime={h.occurred_at} safe>
                    {formatDateTime(ctx.locale, h.occurred_at)}
                  </time>
                  <span safe>{` · ${h.actor_organization ?? h.actor_name ?? h.actor_label} · ${describeChange(ctx, h)}`}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        {sourceNotes.length > 0 ? (
          <details class="source-notes">
            <summary safe>{t('commitment.source_notes')}</summary>
            <p class="muted" safe>{t('commitment.source', { source: c.source ?? '' })}</p>
            <ul>
              {sourceNotes.map((n) => (
                <li>
                  <span safe>{n.prefix}</span>
                  <span lang={langOfText(ctx, n.text)} safe>
                    {n.text}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ) : (
          ''
        )}
        <p>
          <a href={`/plans/${slug}`} safe>{`← ${t('commitment.back')}`}</a>
        </p>
      </article>
    </Layout>
  );
}
