// Loads data/plans/<slug>/irm-commitments.json: the IRM's commitment ids, the government commitments
// each covers, and any assessments the sources give. Idempotent by (plan, IRM id): an existing IRM
// commitment is left as it is, so staff corrections are never overwritten by a re-import.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { SeedFileError } from '../../action-plans/seed-files.ts';
import { readChecked } from '../../bodies/seed-files.ts';
import { commitmentIdsByCode, findIrmCommitment, insertAssessment, insertIrmCommitment, replaceLinks } from '../assessments.repository.ts';
import { IrmCommitmentsFile, type IrmCommitmentData } from '../assessments.schema.ts';
import { IRM_FIELDS } from '../irm.ts';

export const IRM_FILE = 'irm-commitments.json';

/** The IRM file of a plan folder, or null when the folder has none. */
export function readIrmFile(planDir: string): { slug: string; units: IrmCommitmentData[] } | null {
  const path = join(planDir, IRM_FILE);
  if (!existsSync(path)) return null;
  return { slug: basename(planDir), units: readChecked(path, IrmCommitmentsFile) };
}

export async function importIrm(db: Kysely<Database>, slug: string, units: IrmCommitmentData[], at: Date): Promise<{ created: number; unchanged: number }> {
  return db.transaction().execute((trx) => importIrmIn(trx, slug, units, at));
}

/** The import inside a transaction the caller holds. */
export async function importIrmIn(trx: Kysely<Database>, slug: string, units: IrmCommitmentData[], at: Date): Promise<{ created: number; unchanged: number }> {
  const now = at.toISOString();
  {
    const plan = await trx.selectFrom('action_plans').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!plan) throw new SeedFileError(`${IRM_FILE}: there is no plan "${slug}"`);
    const codes = await commitmentIdsByCode(trx, plan.id);
    let created = 0;
    let unchanged = 0;
    let position = 0;
    for (const u of units) {
      position += 1;
      if (await findIrmCommitment(trx, plan.id, u.irm_id)) {
        unchanged += 1;
        continue;
      }
      const unknown = u.commitments.filter((c) => !codes.has(c));
      if (unknown.length) throw new SeedFileError(`${IRM_FILE} ${u.irm_id}: plan ${slug} has no commitment ${unknown.join(', ')}`);
      const id = await insertIrmCommitment(trx, { plan_id: plan.id, irm_id: u.irm_id, position, title: u.title, source: u.source, source_notes: JSON.stringify(u.source_notes) });
      await replaceLinks(trx, id, u.commitments.map((c) => codes.get(c)!));
      for (const a of u.assessments) {
        const values = Object.fromEntries(IRM_FIELDS.map((f) => [f, (a as Record<string, string | null>)[f] ?? null]));
        await insertAssessment(trx, { irm_commitment_id: id, report: a.report, ...values, source: a.source, notes: a.notes, updated_at: now, updated_by: null });
      }
      created += 1;
    }
    if (created) await recordAudit(trx, { actor: null, systemActor: 'import', action: 'irm.imported', entityType: 'action_plan', entityId: plan.id, entityLabel: slug, public: true, after: { irm_commitments: created }, at });
    return { created, unchanged };
  }
}
