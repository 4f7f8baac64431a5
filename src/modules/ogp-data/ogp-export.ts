// A plan as OGP's commitment table: one row per government commitment, in the plan's order.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { csvText } from '../../platform/http/csv.ts';
import type { PlanTree } from '../action-plans/plan-tree.ts';
import { irmByCommitment, loadIrm, type IrmNode } from '../assessments/assessments.presenter.ts';
import { IRM_COLUMNS, OGP_COLUMNS, ogpLabel, VALUE_COLUMNS, type OgpRow } from './ogp-columns.ts';
import { findPlanRegion, listCommitmentData } from './ogp-data.repository.ts';

/** The value of one IRM field for the export: from the first report in the column's list that gives it. */
function irmCell(units: IrmNode[], field: (typeof IRM_COLUMNS)[number]): string {
  const unit = units[0];
  if (!unit) return '';
  for (const report of field.reports) {
    const v = unit.assessments.find((a) => a.report === report)?.values[field.field];
    if (v) return ogpLabel(v);
  }
  return '';
}

export async function ogpRows(db: Kysely<Database>, tree: PlanTree, baseUrl: string): Promise<OgpRow[]> {
  const irm = irmByCommitment(await loadIrm(db, tree.plan.id));
  const region = await findPlanRegion(db, tree.plan.id);
  const extra = new Map((await listCommitmentData(db, tree.commitments.map((c) => c.id))).map((d) => [d.commitment_id, d]));
  return tree.commitments.map((c) => {
    const units = irm.get(c.id) ?? [];
    const row = {
      'Commitment Unique Identifier': units.map((u) => u.irm_id).join('; '),
      'Country/Locality': tree.plan.country_name,
      Region: region ?? '',
      Theme: extra.get(c.id)?.theme ?? '',
      'Year Of Submission': tree.plan.period_start,
      'Action Plan Number': String(tree.plan.number),
      'Commitment Number': c.code,
      'Lead Institution': c.lead_organization_name,
      'Supporting Institution(s)': c.other_actors_state ?? '',
      URL: extra.get(c.id)?.url ?? `${baseUrl}/plans/${tree.plan.slug}/commitments/${c.code}`,
      'Commitment Title': c.title,
      'Short Title': c.table_title ?? '',
      'Full Text': c.description ?? '',
    } as OgpRow;
    for (const [column, value] of VALUE_COLUMNS) row[column] = c.values.includes(value) ? '1' : '0';
    for (const f of IRM_COLUMNS) row[f.column] = irmCell(units, f);
    return row;
  });
}

export async function ogpCsv(db: Kysely<Database>, tree: PlanTree, baseUrl: string): Promise<string> {
  return csvText(OGP_COLUMNS, await ogpRows(db, tree, baseUrl));
}
