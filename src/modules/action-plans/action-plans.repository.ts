// All SQL of the action-plans module.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CommitmentsTable, MilestonesTable } from './action-plans.table.ts';
import type { Level } from './level.ts';

type DB = Kysely<Database>;

export type CommitmentRow = Selectable<CommitmentsTable> & {
  lead_organization_key: string;
  lead_organization_name: string;
  lead_division_name: string | null;
};
export type MilestoneRow = Selectable<MilestonesTable>;

export async function listPlans(db: DB) {
  return db.selectFrom('action_plans').selectAll().orderBy('number', 'desc').execute();
}

export async function findPlanBySlug(db: DB, slug: string) {
  return db.selectFrom('action_plans').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listSections(db: DB, planId: number) {
  return db.selectFrom('plan_sections').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function listIrmRecommendations(db: DB, planId: number) {
  return db.selectFrom('irm_recommendations').selectAll().where('plan_id', '=', planId).orderBy('number').execute();
}

function commitmentQuery(db: DB) {
  return db
    .selectFrom('commitments')
    .innerJoin('organizations as lead', 'lead.id', 'commitments.lead_organization_id')
    .leftJoin('organizations as division', 'division.id', 'commitments.lead_division_id')
    .selectAll('commitments')
    .select(['lead.key as lead_organization_key', 'lead.name as lead_organization_name', 'division.name as lead_division_name']);
}

export async function listCommitments(db: DB, planIds: number[]): Promise<CommitmentRow[]> {
  if (planIds.length === 0) return [];
  return commitmentQuery(db).where('commitments.plan_id', 'in', planIds).orderBy('commitments.position').execute();
}

export async function listCommitmentsLedBy(db: DB, organizationIds: number[]): Promise<(CommitmentRow & { plan_slug: string; plan_title: string })[]> {
  if (organizationIds.length === 0) return [];
  return commitmentQuery(db)
    .innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
    .select(['action_plans.slug as plan_slug', 'action_plans.title as plan_title'])
    .where((eb) => eb.or([eb('commitments.lead_organization_id', 'in', organizationIds), eb('commitments.lead_division_id', 'in', organizationIds)]))
    .orderBy('action_plans.number', 'desc')
    .orderBy('commitments.position')
    .execute();
}

export async function findCommitment(db: DB, planId: number, code: string): Promise<CommitmentRow | undefined> {
  return commitmentQuery(db).where('commitments.plan_id', '=', planId).where('commitments.code', '=', code).executeTakeFirst();
}

export async function listMilestones(db: DB, commitmentIds: number[]): Promise<MilestoneRow[]> {
  if (commitmentIds.length === 0) return [];
  return db.selectFrom('milestones').selectAll().where('commitment_id', 'in', commitmentIds).orderBy('commitment_id').orderBy('position').execute();
}

export async function listValues(db: DB, commitmentIds: number[]) {
  if (commitmentIds.length === 0) return [];
  return db.selectFrom('commitment_values').selectAll().where('commitment_id', 'in', commitmentIds).orderBy('value').execute();
}

export async function listContacts(db: DB, commitmentIds: number[]) {
  if (commitmentIds.length === 0) return [];
  return db.selectFrom('commitment_contacts').selectAll().where('commitment_id', 'in', commitmentIds).orderBy('commitment_id').orderBy('position').execute();
}

export async function listOrganizations(db: DB) {
  return db.selectFrom('organizations').selectAll().orderBy('name').execute();
}

export async function findOrganizationByKey(db: DB, key: string) {
  return db.selectFrom('organizations').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listProgressUpdates(db: DB, commitmentIds: number[]) {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('progress_updates')
    .leftJoin('users', 'users.id', 'progress_updates.author_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'progress_updates.id',
      'progress_updates.commitment_id',
      'progress_updates.posted_at',
      'progress_updates.occurred_on',
      'progress_updates.body',
      'progress_updates.author_label',
      'organizations.name as author_organization',
    ])
    .where('progress_updates.commitment_id', 'in', commitmentIds)
    .orderBy('progress_updates.occurred_on', 'desc')
    .orderBy('progress_updates.id', 'desc')
    .execute();
}

export async function listLevelChanges(db: DB, updateIds: number[]) {
  if (updateIds.length === 0) return [];
  return db.selectFrom('level_changes').selectAll().where('update_id', 'in', updateIds).orderBy('id').execute();
}

export async function listEvidence(db: DB, updateIds: number[]) {
  if (updateIds.length === 0) return [];
  return db
    .selectFrom('evidence')
    .leftJoin('files', 'files.id', 'evidence.file_id')
    .select(['evidence.id', 'evidence.update_id', 'evidence.kind', 'evidence.title', 'evidence.url', 'evidence.file_id', 'files.content_type', 'files.size'])
    .where('evidence.update_id', 'in', updateIds)
    .orderBy('evidence.id')
    .execute();
}

/** An evidence file with the commitment it belongs to, for download. */
export async function findEvidenceFile(db: DB, fileId: number) {
  return db
    .selectFrom('files')
    .innerJoin('evidence', 'evidence.file_id', 'files.id')
    .select(['files.id', 'files.filename', 'files.content_type', 'files.size', 'files.data', 'files.sha256', 'files.created_at'])
    .where('files.id', '=', fileId)
    .executeTakeFirst();
}

// ---- writes (called inside a transaction by the commands) ----

export async function updateCommitmentLevel(db: DB, id: number, level: Level, label: string | null, source: string, now: Date) {
  await db.updateTable('commitments').set({ level, level_label: label, level_source: source, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function updateMilestoneLevel(db: DB, id: number, level: Level, label: string | null, now: Date) {
  await db.updateTable('milestones').set({ level, level_label: label, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function insertProgressUpdate(
  db: DB,
  u: { commitment_id: number; posted_at: string; occurred_on: string; author_id: number | null; author_label: string; body: string },
): Promise<number> {
  return (await db.insertInto('progress_updates').values(u).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertLevelChange(
  db: DB,
  c: { update_id: number; target_type: 'commitment' | 'milestone'; target_id: number; target_label: string; level_from: string | null; label_from: string | null; level_to: string },
) {
  await db.insertInto('level_changes').values(c).execute();
}

export async function insertFile(
  db: DB,
  f: { sha256: string; filename: string; content_type: string; size: number; data: Buffer; uploaded_by: number | null; created_at: string },
): Promise<number> {
  return (await db.insertInto('files').values(f).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertEvidence(db: DB, e: { update_id: number; kind: 'link' | 'file'; title: string; url: string | null; file_id: number | null }) {
  await db.insertInto('evidence').values(e).execute();
}

/** Commitments with a progress update posted since an instant, with their latest update (the home page's "updated this month"). */
export async function listCommitmentsUpdatedSince(db: DB, sinceIso: string, limit: number) {
  return db
    .selectFrom('progress_updates')
    .innerJoin('commitments', 'commitments.id', 'progress_updates.commitment_id')
    .innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
    .innerJoin('organizations', 'organizations.id', 'commitments.lead_organization_id')
    .select((eb) => [
      'commitments.id',
      'commitments.code',
      'commitments.title',
      'commitments.level',
      'action_plans.slug as plan_slug',
      'organizations.name as organization_name',
      eb.fn.max('progress_updates.posted_at').as('last_posted_at'),
      eb.fn.max('progress_updates.id').as('last_update_id'),
      eb.fn.countAll<number>().as('updates'),
    ])
    .where('progress_updates.posted_at', '>=', sinceIso)
    .groupBy(['commitments.id', 'commitments.code', 'commitments.title', 'commitments.level', 'action_plans.slug', 'organizations.name'])
    .orderBy(sql`max(progress_updates.posted_at)`, 'desc')
    .limit(limit)
    .execute();
}

/** Every change of a commitment's level in a plan, dated by the update that made it: the plan's progress over time. */
export async function listCommitmentLevelChanges(db: DB, planId: number) {
  return db
    .selectFrom('level_changes')
    .innerJoin('progress_updates', 'progress_updates.id', 'level_changes.update_id')
    .innerJoin('commitments', 'commitments.id', 'level_changes.target_id')
    .select(['commitments.id as commitment_id', 'progress_updates.occurred_on', 'level_changes.level_from', 'level_changes.level_to'])
    .where('level_changes.target_type', '=', 'commitment')
    .where('commitments.plan_id', '=', planId)
    .orderBy('progress_updates.occurred_on')
    .orderBy('progress_updates.posted_at')
    .orderBy('level_changes.id')
    .execute();
}
