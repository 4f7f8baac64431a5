// All SQL of the ogp-data module.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type DB = Kysely<Database>;

export async function findPlanRegion(db: DB, planId: number): Promise<string | null> {
  return (await db.selectFrom('ogp_plan_data').select('region').where('plan_id', '=', planId).executeTakeFirst())?.region ?? null;
}

export async function listCommitmentData(db: DB, commitmentIds: number[]) {
  if (commitmentIds.length === 0) return [];
  return db.selectFrom('ogp_commitment_data').selectAll().where('commitment_id', 'in', commitmentIds).execute();
}

export async function insertPlanData(db: DB, planId: number, region: string | null) {
  await db.insertInto('ogp_plan_data').values({ plan_id: planId, region }).execute();
}

export async function insertCommitmentData(db: DB, commitmentId: number, theme: string | null, url: string | null) {
  await db.insertInto('ogp_commitment_data').values({ commitment_id: commitmentId, theme, url }).execute();
}

export async function organizationKeysByName(db: DB): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organizations').select(['key', 'name']).execute();
  return new Map(rows.map((r) => [r.name, r.key]));
}

export async function planExists(db: DB, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('action_plans').select('id').where('slug', '=', slug).executeTakeFirst());
}
