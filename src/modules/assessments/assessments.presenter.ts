// The read model of a plan's IRM commitments and every public shape of them: the API, the commitment
// page, the plan API and the OGP export all come from here.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notes } from '../action-plans/plan-tree.ts';
import { listAssessments, listIrmCommitments, listLinks, type AssessmentRow } from './assessments.repository.ts';
import { evaluateAll, IRM_FIELDS, IRM_REPORTS, isUnassessed, type IrmRule, type IrmValues, type RuleResult } from './irm.ts';

export interface AssessmentNode {
  report: string;
  values: IrmValues;
  rules: Record<IrmRule, RuleResult>;
  source: string | null;
  notes: string | null;
  updated_at: string;
}

export interface IrmNode {
  id: number;
  irm_id: string;
  title: string | null;
  position: number;
  commitment_ids: number[];
  codes: string[];
  assessments: AssessmentNode[];
  source: string | null;
  source_notes: string[];
}

export function valuesOf(row: AssessmentRow): IrmValues {
  return Object.fromEntries(IRM_FIELDS.map((f) => [f, row[f]])) as IrmValues;
}

const reportOrder = (r: string) => (IRM_REPORTS as readonly string[]).indexOf(r);

/** Every IRM commitment of a plan, with the government codes it covers and its assessments, in a fixed number of queries. */
export async function loadIrm(db: Kysely<Database>, planId: number): Promise<IrmNode[]> {
  const units = await listIrmCommitments(db, planId);
  const ids = units.map((u) => u.id);
  const [links, assessments] = await Promise.all([listLinks(db, ids), listAssessments(db, ids)]);
  return units.map((u) => ({
    id: u.id,
    irm_id: u.irm_id,
    title: u.title,
    position: u.position,
    commitment_ids: links.filter((l) => l.irm_commitment_id === u.id).map((l) => l.commitment_id),
    codes: links.filter((l) => l.irm_commitment_id === u.id).map((l) => l.code),
    assessments: assessments
      .filter((a) => a.irm_commitment_id === u.id)
      .sort((a, b) => reportOrder(a.report) - reportOrder(b.report))
      .map((a) => {
        const values = valuesOf(a);
        return { report: a.report, values, rules: evaluateAll(values), source: a.source, notes: a.notes, updated_at: a.updated_at };
      }),
    source: u.source,
    source_notes: notes(u.source_notes),
  }));
}

/** The IRM commitments covering each government commitment (one, several when the IRM splits it, none). */
export function irmByCommitment(nodes: IrmNode[]): Map<number, IrmNode[]> {
  const out = new Map<number, IrmNode[]>();
  for (const n of nodes) for (const id of n.commitment_ids) out.set(id, [...(out.get(id) ?? []), n]);
  return out;
}

export function isAssessed(n: IrmNode): boolean {
  return n.assessments.some((a) => !isUnassessed(a.values));
}

export function presentIrm(n: IrmNode) {
  return {
    irm_id: n.irm_id,
    title: n.title,
    commitments: n.codes,
    assessed: isAssessed(n),
    assessments: n.assessments.map((a) => ({ report: a.report, ...a.values, rules: a.rules, source: a.source, notes: a.notes, updated_at: a.updated_at })),
    source: n.source,
    source_notes: n.source_notes,
  };
}
