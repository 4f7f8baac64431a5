// All SQL of the assessments module.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { IrmAssessmentsTable, IrmCommitmentsTable } from './assessments.table.ts';

type DB = Kysely<Database>;
export type IrmCommitmentRow = Selectable<IrmCommitmentsTable>;
export type AssessmentRow = Selectable<IrmAssessmentsTable>;

export async function listIrmCommitments(db: DB, planId: number): Promise<IrmCommitmentRow[]> {
  return db.selectFrom('irm_commitments').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('irm_id').execute();
}

export async function findIrmCommitment(db: DB, planId: number, irmId: string): Promise<IrmCommitmentRow | undefined> {
  return db.selectFrom('irm_commitments').selectAll().where('plan_id', '=', planId).where('irm_id', '=', irmId).executeTakeFirst();
}

/** The government commitments each IRM commitment covers, with their codes, in the plan's order. */
export async function listLinks(db: DB, irmCommitmentIds: number[]) {
  if (irmCommitmentIds.length === 0) return [];
  return db
    .selectFrom('irm_commitment_links')
    .innerJoin('commitments', 'commitments.id', 'irm_commitment_links.commitment_id')
    .select(['irm_commitment_links.irm_commitment_id', 'commitments.id as commitment_id', 'commitments.code', 'commitments.position'])
    .where('irm_commitment_links.irm_commitment_id', 'in', irmCommitmentIds)
    .orderBy('commitments.position')
    .execute();
}

export async function listAssessments(db: DB, irmCommitmentIds: number[]): Promise<AssessmentRow[]> {
  if (irmCommitmentIds.length === 0) return [];
  return db.selectFrom('irm_assessments').selectAll().where('irm_commitment_id', 'in', irmCommitmentIds).orderBy('id').execute();
}

export async function findAssessment(db: DB, irmCommitmentId: number, report: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('irm_assessments').selectAll().where('irm_commitment_id', '=', irmCommitmentId).where('report', '=', report).executeTakeFirst();
}

export async function insertIrmCommitment(db: DB, row: Insertable<IrmCommitmentsTable>): Promise<number> {
  return (await db.insertInto('irm_commitments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateIrmTitle(db: DB, id: number, title: string | null) {
  await db.updateTable('irm_commitments').set({ title }).where('id', '=', id).execute();
}

export async function nextIrmPosition(db: DB, planId: number): Promise<number> {
  const r = await db.selectFrom('irm_commitments').select((eb) => eb.fn.max('position').as('m')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** Sets the government commitments an IRM commitment covers, replacing the previous set. */
export async function replaceLinks(db: DB, irmCommitmentId: number, commitmentIds: number[]) {
  await db.deleteFrom('irm_commitment_links').where('irm_commitment_id', '=', irmCommitmentId).execute();
  for (const id of new Set(commitmentIds)) await db.insertInto('irm_commitment_links').values({ irm_commitment_id: irmCommitmentId, commitment_id: id }).execute();
}

export async function insertAssessment(db: DB, row: Insertable<IrmAssessmentsTable>) {
  await db.insertInto('irm_assessments').values(row).execute();
}

export async function updateAssessment(db: DB, id: number, row: Partial<Insertable<IrmAssessmentsTable>>) {
  await db.updateTable('irm_assessments').set(row).where('id', '=', id).execute();
}

/** The plan's commitment ids by code, to resolve the codes a form or a file gives. */
export async function commitmentIdsByCode(db: DB, planId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('commitments').select(['id', 'code']).where('plan_id', '=', planId).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
