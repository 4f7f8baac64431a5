// All SQL of the real-name policy registry.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import type { PrApplicationsTable, PrTaskOfficialsTable, PrTaskStepsTable, PrTasksTable } from './policy-registry.table.ts';
import type { Official, Step } from './task-input.ts';

type DB = Kysely<Database>;

export type TaskRow = Selectable<PrTasksTable> & { organization_key: string; organization_name: string; parent_organization_id: number | null };
export type StepRow = Selectable<PrTaskStepsTable>;
export type OfficialRow = Selectable<PrTaskOfficialsTable>;
export type ApplicationRow = Selectable<PrApplicationsTable>;

export interface RegistryQuery {
  q: string;
  organization: string;
  year: number | null;
  status: string;
}

function tasks(db: DB) {
  return db
    .selectFrom('pr_tasks')
    .innerJoin('organizations', 'organizations.id', 'pr_tasks.organization_id')
    .selectAll('pr_tasks')
    .select(['organizations.key as organization_key', 'organizations.name as organization_name', 'organizations.parent_id as parent_organization_id']);
}

export async function searchTasks(db: DB, q: RegistryQuery): Promise<TaskRow[]> {
  let query = tasks(db);
  if (q.q.trim()) query = query.where((eb) => containsText(eb, ['pr_tasks.title', 'pr_tasks.overview'], q.q));
  if (q.organization) query = query.where('organizations.key', '=', q.organization);
  if (q.year !== null) query = query.where('pr_tasks.year', '=', q.year);
  if (q.status) query = query.where('pr_tasks.status', '=', q.status);
  return query.orderBy('pr_tasks.year', 'desc').orderBy('pr_tasks.id', 'desc').limit(1000).execute();
}

export async function findTask(db: DB, id: number): Promise<TaskRow | undefined> {
  return tasks(db).where('pr_tasks.id', '=', id).executeTakeFirst();
}

export async function registryYears(db: DB): Promise<number[]> {
  const rows = await db.selectFrom('pr_tasks').select('year').distinct().where('year', 'is not', null).orderBy('year', 'desc').execute();
  return rows.map((r) => r.year!);
}

export async function listSteps(db: DB, taskIds: number[]): Promise<StepRow[]> {
  if (taskIds.length === 0) return [];
  return db.selectFrom('pr_task_steps').selectAll().where('task_id', 'in', taskIds).orderBy('task_id').orderBy('position').execute();
}

export async function listOfficials(db: DB, taskIds: number[]): Promise<OfficialRow[]> {
  if (taskIds.length === 0) return [];
  return db.selectFrom('pr_task_officials').selectAll().where('task_id', 'in', taskIds).orderBy('task_id').orderBy('position').execute();
}

export async function insertTask(
  db: DB,
  t: { organization_id: number; title: string; overview: string; year: number | null; status: string; designation_basis: string | null; designated_at: string | null; created_by: number; at: string },
  steps: Step[],
  officials: Official[],
): Promise<number> {
  const { at, ...rest } = t;
  const { id } = await db.insertInto('pr_tasks').values({ ...rest, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  if (steps.length) await db.insertInto('pr_task_steps').values(steps.map((s, i) => ({ task_id: id, position: i + 1, ...s }))).execute();
  if (officials.length) await db.insertInto('pr_task_officials').values(officials.map((o, i) => ({ task_id: id, position: i + 1, role: o.role, name: o.name, department: o.department, final_approver: o.final_approver ? 1 : 0 }))).execute();
  return id;
}

export async function designateTask(db: DB, id: number, basis: string, at: string): Promise<void> {
  await db.updateTable('pr_tasks').set({ status: 'designated', designation_basis: basis, designated_at: at, updated_at: at }).where('id', '=', id).where('status', '!=', 'designated').execute();
}

export async function listApplications(db: DB, taskIds: number[]): Promise<ApplicationRow[]> {
  if (taskIds.length === 0) return [];
  return db.selectFrom('pr_applications').selectAll().where('task_id', 'in', taskIds).orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute();
}

export async function findApplication(db: DB, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('pr_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function hasOpenApplication(db: DB, taskId: number, applicantId: number, open: readonly string[]): Promise<boolean> {
  const r = await db.selectFrom('pr_applications').select('id').where('task_id', '=', taskId).where('applicant_id', '=', applicantId).where('state', 'in', [...open]).executeTakeFirst();
  return r !== undefined;
}

export async function insertApplication(db: DB, a: { task_id: number; applicant_id: number; reason: string; submitted_at: string }): Promise<number> {
  const { id } = await db.insertInto('pr_applications').values({ ...a, state: 'submitted' }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Moves an application only if it is still in the state it was read in; false when someone else moved it meanwhile. */
export async function updateApplicationState(db: DB, id: number, from: string, set: Updateable<PrApplicationsTable>): Promise<boolean> {
  const r = await db.updateTable('pr_applications').set(set).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
