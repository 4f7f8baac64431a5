// The cycle between plans on the plan page: the plan before and after, the starting points of this
// plan's co-creation with the forum's decisions, and the maturation list while no plan follows.
import type { ViewContext } from '../../../platform/views/context.ts';
import { langOfText } from '../../../platform/views/lang.tsx';
import type { PlanCycle, PlanLink } from '../cycle.ts';
import type { StartingPointRow } from '../next-plan.repository.ts';

const DECISION_BADGE: Record<string, string> = { taken_up: 'bg-light-success', not_taken_up: 'bg-light-gray' };

export function DecisionBadge({ ctx, decision }: { ctx: ViewContext; decision: string | null }) {
  const key = decision ?? 'pending';
  return (
    <span class={`krds-badge ${DECISION_BADGE[key] ?? 'bg-light-warning'} decision-${key}`} safe>
      {ctx.t(`cycle.decision.${key}`)}
    </span>
  );
}

function PlanRef({ ctx, p }: { ctx: ViewContext; p: PlanLink }) {
  return (
    <a href={`/plans/${p.slug}`} lang={langOfText(ctx, p.title)} safe>
      {p.title}
    </a>
  );
}

/** "Follows the 4th plan" / "Followed by the 5th plan", under the plan's title. */
export function CycleLinks({ ctx, cycle }: { ctx: ViewContext; cycle: PlanCycle }) {
  if (!cycle.previous && !cycle.next) return '';
  const { t } = ctx;
  return (
    <ul class="cycle-links" aria-label={t('cycle.links')}>
      {cycle.previous ? (
        <li>
          <span safe>{t('cycle.follows')}</span> <PlanRef ctx={ctx} p={cycle.previous} />
        </li>
      ) : (
        ''
      )}
      {cycle.next ? (
        <li>
          <span safe>{t('cycle.followed_by')}</span> <PlanRef ctx={ctx} p={cycle.next} />
        </li>
      ) : (
        ''
      )}
    </ul>
  );
}

function PointSource({ ctx, p }: { ctx: ViewContext; p: StartingPointRow }) {
  const { t } = ctx;
  if (p.kind === 'matured_proposal')
    return (
      <a href={`/proposals/${p.proposal_id}`} safe>
        {t('cycle.kind.matured_proposal')}
      </a>
    );
  return (
    <a href={`/plans/${p.from_plan_slug}#irm-title`} safe>
      {t('cycle.recommendation_of', { number: p.recommendation_number ?? '', plan: p.from_plan_title })}
    </a>
  );
}

export function StartingPointsSection({ ctx, slug, cycle }: { ctx: ViewContext; slug: string; cycle: PlanCycle }) {
  if (!cycle.previous) return '';
  const { t } = ctx;
  const points = cycle.startingPoints;
  const decided = points.filter((p) => p.decision !== null).length;
  const proposals = points.filter((p) => p.kind === 'matured_proposal').length;
  return (
    <section aria-labelledby="starting-points-title">
      <h2 id="starting-points-title" safe>
        {t('cycle.starting_points')}
      </h2>
      <p safe>{t('cycle.starting_points_intro', { plan: cycle.previous.title })}</p>
      <p class="result-count" safe>
        {t('cycle.starting_points_count', { count: points.length, decided, proposals })}
      </p>
      {proposals === 0 ? (
        <p class="empty" safe>
          {t('cycle.no_matured')}
        </p>
      ) : (
        ''
      )}
      {points.length > 0 ? (
        <ol class="starting-points">
          {points.map((p) => (
            <li>
              <a href={`/plans/${slug}/starting-points/${p.id}`} class="starting-point-title" lang={langOfText(ctx, p.title)} safe>
                {p.title}
              </a>
              <div class="muted small">
                <PointSource ctx={ctx} p={p} /> · <DecisionBadge ctx={ctx} decision={p.decision} />
                {p.commitment_code ? (
                  <>
                    {' '}
                    ·{' '}
                    <a href={`/plans/${slug}/commitments/${p.commitment_code}`} safe>
                      {t('cycle.commitment', { code: p.commitment_code })}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </div>
            </li>
          ))}
        </ol>
      ) : (
        ''
      )}
    </section>
  );
}

/** On the plan no plan follows yet: what the forum is maturing for the next plan, and the way to start it. */
export function MaturationSection({ ctx, slug, cycle, canStart }: { ctx: ViewContext; slug: string; cycle: PlanCycle; canStart: boolean }) {
  const { t } = ctx;
  if (cycle.next) return '';
  if (cycle.maturationList.length === 0 && !canStart) return '';
  return (
    <section aria-labelledby="maturation-title">
      <h2 id="maturation-title" safe>
        {t('cycle.maturation')}
      </h2>
      <p safe>{t('cycle.maturation_intro')}</p>
      {cycle.maturationList.length > 0 ? (
        <ul class="link-list">
          {cycle.maturationList.map((m) => (
            <li>
              <a href={`/proposals/${m.id}`} lang={langOfText(ctx, m.title)} safe>
                {m.title}
              </a>
              {m.body_name ? <span class="muted small" safe>{` · ${m.body_name}`}</span> : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty" safe>
          {t('cycle.maturation_empty')}
        </p>
      )}
      {canStart ? (
        <p>
          <a class="krds-btn secondary" href={`/plans/${slug}/next/new`} safe>
            {t('cycle.start_next')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
