import { FollowButton, type FollowView } from '../../notifications/views/follow-button.tsx';
import type { Selectable } from 'kysely';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { DateRange, Prose } from '../../action-plans/views/components.tsx';
import type { BodyRow, MeetingRow } from '../bodies.repository.ts';
import type { BodyCompositionTable } from '../bodies.table.ts';
import type { SurveyRow } from '../../surveys/surveys.repository.ts';
import { SurveyList } from '../../surveys/views/survey-pages.tsx';
import { countText, kindName, meetingKindName, roleName, sectorName } from './parts.tsx';
import { textLang, langOfText } from '../../../platform/views/lang.tsx';

function Tree({ ctx, all, parentId }: { ctx: ViewContext; all: BodyRow[]; parentId: number | null }) {
  const level = all.filter((b) => b.parent_id === parentId);
  if (level.length === 0) return '';
  return (
    <ul class="body-tree">
      {level.map((b) => (
        <li>
          <a href={`/bodies/${b.key}`} lang={textLang(ctx, b)} safe>
            {b.name}
          </a>
          <span class="muted" safe>{` · ${kindName(ctx, b.kind)}`}</span>
          {b.organization_name ? <span class="muted" lang={textLang(ctx, b)} safe>{` · ${b.organization_name}`}</span> : ''}
          <Tree ctx={ctx} all={all} parentId={b.id} />
        </li>
      ))}
    </ul>
  );
}

export function BodiesPage({ ctx, bodies }: { ctx: ViewContext; bodies: BodyRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('bodies.title'), alternates: [{ href: '/api/v1/bodies', type: 'application/json', title: 'JSON' }] }}>
      <h1 safe>{t('bodies.title')}</h1>
      <p class="lead" safe>{t('bodies.lead')}</p>
      <p class="lead-actions">
        <a class="krds-btn secondary" href="/agreements" safe>{t('bodies.agreements_title')}</a>
        <a class="krds-btn secondary" href="/proposals/statistics" safe>{t('proposals.stats.nav')}</a>
        <a class="krds-btn secondary" href="/surveys" safe>{t('surveys.title')}</a>
      </p>
      {bodies.length === 0 ? <p class="empty" safe>{t('bodies.none')}</p> : <Tree ctx={ctx} all={bodies} parentId={null} />}
    </Layout>
  );
}

export function BodyPage(props: {
  ctx: ViewContext;
  body: BodyRow;
  parent: BodyRow | null;
  children: BodyRow[];
  members: { name: string; sector: string; role: string; term_start: string | null; term_end: string | null; organization_key: string | null }[];
  composition: Selectable<BodyCompositionTable>[];
  meetings: MeetingRow[];
  produced: { id: number; title: string; meeting_id: number | null }[];
  progress: { meeting_id: number; body: string; code: string; title: string }[];
  notes: string[];
  canRecord: boolean;
  surveys: SurveyRow[];
  follow?: FollowView;
}) {
  const { ctx, body } = props;
  const { t } = ctx;
  const crumbs = [{ href: '/bodies', label: t('bodies.title') }];
  if (props.parent) crumbs.push({ href: `/bodies/${props.parent.key}`, label: props.parent.name });
  const byUnit = new Map<string, number>();
  for (const c of props.composition) if (c.qualifier === 'exact') byUnit.set(c.unit, (byUnit.get(c.unit) ?? 0) + c.count);
  const summable = props.composition.length > 1 && props.composition.every((c) => c.qualifier === 'exact' && c.unit === props.composition[0]!.unit);
  return (
    <Layout ctx={ctx} meta={{ title: body.name, breadcrumbs: crumbs, alternates: [{ href: `/api/v1/bodies/${body.key}`, type: 'application/json', title: 'JSON' }] }}>
      <p class="eyebrow" safe>
        {kindName(ctx, body.kind)}
      </p>
      <h1 lang={textLang(ctx, body)} safe>{body.name}</h1>
      <FollowButton ctx={ctx} f={props.follow} />
      <dl class="facts">
        <div>
          <dt safe>{t('bodies.period')}</dt>
          <dd>
            <DateRange ctx={ctx} row={body} />
          </dd>
        </div>
        {body.organization_name ? (
          <div>
            <dt safe>{t('bodies.organization')}</dt>
            <dd>
              <a href={`/organizations/${body.organization_key}`} lang={langOfText(ctx, body.organization_name)} safe>
                {body.organization_name}
              </a>
            </dd>
          </div>
        ) : (
          ''
        )}
        {props.parent ? (
          <div>
            <dt safe>{t('bodies.part_of')}</dt>
            <dd>
              <a href={`/bodies/${props.parent.key}`} lang={langOfText(ctx, props.parent.name)} safe>
                {props.parent.name}
              </a>
            </dd>
          </div>
        ) : (
          ''
        )}
        {body.plan_slug ? (
          <div>
            <dt safe>{t('bodies.plan')}</dt>
            <dd>
              <a href={`/plans/${body.plan_slug}`} lang={langOfText(ctx, body.plan_title)} safe>
                {body.plan_title ?? body.plan_slug}
              </a>
            </dd>
          </div>
        ) : (
          ''
        )}
      </dl>
      <Prose ctx={ctx} text={body.description} />

      {props.children.length > 0 ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title" safe>
            {t('bodies.sub_bodies')}
          </h2>
          <ul>
            {props.children.map((c) => (
              <li>
                <a href={`/bodies/${c.key}`} lang={textLang(ctx, c)} safe>
                  {c.name}
                </a>
                <span class="muted" safe>{` · ${kindName(ctx, c.kind)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="members-title">
        <h2 id="members-title" safe>
          {t('bodies.members')}
        </h2>
        {props.composition.length > 0 ? (
          <div class="krds-table-wrap">
            <table class="tbl composition-table">
              <caption safe>{t('bodies.composition')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('bodies.member_name')}</th>
                  <th scope="col" safe>{t('bodies.member_role')}</th>
                  <th scope="col" safe>{t('bodies.member_sector')}</th>
                  <th scope="col" safe>{t('bodies.size')}</th>
                </tr>
              </thead>
              <tbody>
                {props.composition.map((c) => (
                  <tr>
                    <th scope="row" lang={langOfText(ctx, c.label)} safe>{c.label}</th>
                    <td safe>{roleName(ctx, c.role)}</td>
                    <td safe>{sectorName(ctx, c.sector)}</td>
                    <td safe>{countText(ctx, c.count, c.qualifier, c.unit)}</td>
                  </tr>
                ))}
                {summable ? (
                  <tr class="total-row">
                    <th scope="row" safe>{t('bodies.total')}</th>
                    <td></td>
                    <td></td>
                    <td safe>{countText(ctx, byUnit.get(props.composition[0]!.unit) ?? 0, 'exact', props.composition[0]!.unit)}</td>
                  </tr>
                ) : (
                  ''
                )}
              </tbody>
            </table>
          </div>
        ) : (
          ''
        )}
        {props.members.length === 0 ? (
          <p class="muted" safe>{t('bodies.no_members')}</p>
        ) : (
          <ul>
            {props.members.map((m) => (
              <li>
                {m.organization_key ? (
                  <a href={`/organizations/${m.organization_key}`} lang={langOfText(ctx, m.name)} safe>
                    {m.name}
                  </a>
                ) : (
                  <span lang={langOfText(ctx, m.name)} safe>{m.name}</span>
                )}
                <span class="muted" safe>{` · ${roleName(ctx, m.role)} · ${sectorName(ctx, m.sector)}${m.term_start ? ` · ${t('bodies.member_term')}: ${m.term_start}${m.term_end ? ` – ${m.term_end}` : ''}` : ''}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title" safe>
          {t('bodies.meetings')}
        </h2>
        {props.canRecord ? (
          <p class="lead-actions">
            <a class="krds-btn secondary" href={`/bodies/${body.key}/meetings/new`} safe>
              {t('bodies.record.action')}
            </a>
          </p>
        ) : (
          ''
        )}
        {props.meetings.length === 0 ? (
          <p class="empty" safe>{t('bodies.no_meetings')}</p>
        ) : (
          <ol class="timeline">
            {props.meetings.map((m) => {
              const produced = props.produced.filter((p) => p.meeting_id === m.id);
              const progress = props.progress.filter((p) => p.meeting_id === m.id);
              return (
                <li class="timeline-entry" id={`meeting-${m.id}`}>
                  <h3 class="meeting-title">
                    <a href={`/bodies/${body.key}/meetings/${m.id}`} lang={langOfText(ctx, m.title)} safe>
                      {m.title}
                    </a>
                  </h3>
                  <dl class="facts">
                    <div>
                      <dt safe>{t('bodies.meeting_kind_label')}</dt>
                      <dd safe>{meetingKindName(ctx, m.kind)}</dd>
                    </div>
                    <div>
                      <dt safe>{t('bodies.date')}</dt>
                      <dd>{m.start_label || m.end_label ? <DateRange ctx={ctx} row={m} /> : <span class="muted" safe>{m.occurrences > 1 ? t('bodies.counted_note') : t('date.unknown')}</span>}</dd>
                    </div>
                    <div>
                      <dt safe>{t('bodies.occurrences')}</dt>
                      <dd safe>{countText(ctx, m.occurrences, m.occurrences_qualifier, 'meetings')}</dd>
                    </div>
                    {m.place ? (
                      <div>
                        <dt safe>{t('bodies.place')}</dt>
                        <dd lang={langOfText(ctx, m.place)} safe>{m.place}</dd>
                      </div>
                    ) : (
                      ''
                    )}
                    {m.attendance !== null ? (
                      <div>
                        <dt safe>{t('bodies.attendance')}</dt>
                        <dd safe>{countText(ctx, m.attendance, m.attendance_qualifier, 'people')}</dd>
                      </div>
                    ) : (
                      ''
                    )}
                  </dl>
                  {m.minutes ? (
                    <div>
                      <h4 safe>{t('bodies.minutes')}</h4>
                      <Prose ctx={ctx} text={m.minutes} />
                    </div>
                  ) : (
                    ''
                  )}
                  {m.decisions ? (
                    <div>
                      <h4 safe>{t('bodies.decisions')}</h4>
                      <Prose ctx={ctx} text={m.decisions} />
                    </div>
                  ) : (
                    ''
                  )}
                  {progress.length > 0 ? (
                    <div>
                      <h4 safe>{t('bodies.progress')}</h4>
                      <ul>
                        {progress.map((p) => (
                          <li safe>{`${p.code}. ${p.title}: ${p.body}`}</li>
                        ))}
                      </ul>
                    </div>
                  ) : (
                    ''
                  )}
                  {produced.length > 0 ? (
                    <div>
                      <h4 safe>{t('bodies.proposals')}</h4>
                      <ul>
                        {produced.map((p) => (
                          <li>
                            <a href={`/proposals/${p.id}`} lang={langOfText(ctx, p.title)} safe>
                              {p.title}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : (
                    ''
                  )}
                  <p class="muted small" safe>{t('bodies.source', { source: m.source ?? '' })}</p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {props.surveys.length > 0 ? (
        <section aria-labelledby="surveys-title">
          <h2 id="surveys-title" safe>
            {t('surveys.title')}
          </h2>
          <SurveyList ctx={ctx} surveys={props.surveys} />
        </section>
      ) : (
        ''
      )}
      <p class="muted small" safe>{t('bodies.source', { source: body.source ?? '' })}</p>
      {props.notes.length > 0 ? (
        <details class="source-notes">
          <summary safe>{t('commitment.source_notes')}</summary>
          <ul>
            {props.notes.map((n) => (
              <li lang={langOfText(ctx, n)} safe>
                {n}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        ''
      )}
    </Layout>
  );
}
