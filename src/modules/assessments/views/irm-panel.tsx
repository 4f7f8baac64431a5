// The commitment page's "self-assessment beside the independent assessment" panel, and the table of
// one IRM commitment's fields, shared with the plan's IRM page.
import type { ViewContext } from '../../../platform/views/context.ts';
import { LevelBadge } from '../../action-plans/views/components.tsx';
import { isAssessed, type AssessmentNode, type IrmNode } from '../assessments.presenter.ts';
import { shownFor } from '../irm.ts';
import { textLang, langOfText } from '../../../platform/views/lang.tsx';

export function fieldValue(ctx: ViewContext, v: string | null): string {
  return v === null ? ctx.t('irm.empty') : ctx.t(`irm.scale.${v}`);
}

export function AssessmentTable({ ctx, a, captionId }: { ctx: ViewContext; a: AssessmentNode; captionId: string }) {
  const { t } = ctx;
  const { fields, rules } = shownFor(a.report);
  // KRDS hides every caption (sr-only, !important): the report's name is shown once more for sighted readers.
  return (
    <>
    <p class="irm-report-name" aria-hidden="true" safe>
      {t(`irm.reports.${a.report}`)}
    </p>
    <table class="tbl data irm-table" aria-describedby={captionId}>
      <caption safe>{t(`irm.reports.${a.report}`)}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('irm.field')}</th>
          <th scope="col" safe>{t('irm.value')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr>
            <th scope="row" safe>{t(`irm.fields.${f}`)}</th>
            <td safe>{fieldValue(ctx, a.values[f])}</td>
          </tr>
        ))}
        {rules.map((r) => (
          <tr class={`irm-rule result-${a.rules[r]}`}>
            <th scope="row" safe>{`${t(`irm.rule.${r}`)} (${t('irm.rules')})`}</th>
            <td safe>{t(`irm.result.${a.rules[r]}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}

/** One IRM commitment: its id, how it maps to the government's numbering, its fields or "not assessed". */
export function IrmUnit({ ctx, slug, unit, ownCode, canEdit }: { ctx: ViewContext; slug: string; unit: IrmNode; ownCode: string | null; canEdit: boolean }) {
  const { t } = ctx;
  const others = unit.codes.filter((c) => c !== ownCode);
  const descId = `irm-${unit.irm_id}-desc`;
  return (
    <div class="irm-unit">
      <p class="irm-id">
        <strong safe>{`${t('irm.irm_id')} ${unit.irm_id}`}</strong>
        {unit.title ? <span lang={textLang(ctx, unit)} safe>{` · ${unit.title}`}</span> : ''}
      </p>
      <div id={descId}>
        {ownCode !== null && others.length > 0 ? <p safe>{t('irm.clustered', { codes: others.join(', ') })}</p> : ''}
        {ownCode === null ? <p safe>{`${t('irm.covers')}: ${unit.codes.join(', ')}`}</p> : ''}
        {!isAssessed(unit) ? <p class="irm-not-assessed" safe>{t('irm.not_assessed')}</p> : ''}
      </div>
      {unit.assessments
        .filter((a) => Object.values(a.values).some((x) => x !== null))
        .map((a) => (
          <div class="irm-report">
            <AssessmentTable ctx={ctx} a={a} captionId={descId} />
            {a.source ? <p class="muted small" safe>{t('irm.source', { source: a.source })}</p> : ''}
            {a.notes ? <p class="small" safe>{`${t('irm.notes')}: ${a.notes}`}</p> : ''}
          </div>
        ))}
      {unit.source_notes.length ? (
        <ul class="muted small">
          {unit.source_notes.map((n) => (
            <li lang={langOfText(ctx, n)} safe>
                {n}
              </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {canEdit ? (
        <p>
          <a class="krds-btn secondary small" href={`/plans/${slug}/irm/${unit.irm_id}/edit`} safe>
            {`${t('irm.edit')} (${unit.irm_id})`}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

export interface SelfAssessment {
  code: string;
  level: string;
  level_label: string | null;
  level_source: string | null;
}

export function IrmPanel(props: { ctx: ViewContext; slug: string; c: SelfAssessment; units: IrmNode[]; canEdit: boolean }) {
  const { ctx, c, units } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="assessments-title" class="assessment-pair-section">
      <h2 id="assessments-title" safe>
        {t('irm.beside')}
      </h2>
      <div class="assessment-pair">
        <div class="assessment-side">
          <h3 safe>{t('irm.government')}</h3>
          <p>
            <LevelBadge ctx={ctx} level={c.level} label={c.level_label} />
          </p>
          {c.level_source ? <p class="muted small" safe>{t('irm.source', { source: c.level_source })}</p> : ''}
        </div>
        <div class="assessment-side">
          <h3 safe>{t('irm.title')}</h3>
          {units.length === 0 ? <p safe>{t('irm.none')}</p> : ''}
          {units.length > 1 ? <p safe>{t('irm.split', { count: units.length })}</p> : ''}
          {units.map((u) => (
            <IrmUnit ctx={ctx} slug={props.slug} unit={u} ownCode={c.code} canEdit={props.canEdit} />
          ))}
          <p class="small">
            <a href={`/plans/${props.slug}/irm`} safe>
              {t('irm.page_title')}
            </a>
          </p>
        </div>
      </div>
    </section>
  );
}
