// Imports data/plans/next-plans.json: each next plan is started by the same command an administrator
// uses, so its starting points are the previous plan's maturation list and IRM recommendations as the
// records hold them at import. A plan already present is left alone.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { findPlanBySlug } from '../action-plans.repository.ts';
import { isPlanSlugTaken } from '../next-plan.repository.ts';
import type { NextPlanData } from '../seed-files.ts';
import { SeedFileError } from '../seed-files.ts';
import { startNextPlan, validateNextPlan } from './start-next-plan.ts';

export async function importNextPlans(db: Kysely<Database>, plans: NextPlanData[], now: Date): Promise<{ created: number; startingPoints: number; unchanged: number }> {
  let created = 0;
  let startingPoints = 0;
  let unchanged = 0;
  for (const p of plans) {
    if (await isPlanSlugTaken(db, p.slug)) {
      unchanged += 1;
      continue;
    }
    const previous = await findPlanBySlug(db, p.from);
    if (!previous) throw new SeedFileError(`next-plans.json: ${p.slug} follows "${p.from}", which is not a plan.`);
    const checked = validateNextPlan({ slug: p.slug, number: String(p.number), title: p.title, period_start: p.period_start, period_end: p.period_end, period_source: p.period_source }, previous);
    if (!checked.ok) throw new SeedFileError(`next-plans.json: ${p.slug}: ${checked.errors.map((e) => e.message).join(' ')}`);
    const r = await startNextPlan(db, { actor: null, systemActor: 'import', previous, plan: checked.value, now });
    if (!r.ok) throw new SeedFileError(`next-plans.json: ${p.slug}: ${r.reason === 'already_followed' ? `${p.from} is already followed by ${r.next}` : 'the address is taken'}.`);
    created += 1;
    startingPoints += r.startingPoints;
  }
  return { created, startingPoints, unchanged };
}
