// Loads tasks in the presenter's shape, and what the seed says of the real-name policy system.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findCommitment, findPlanBySlug, listMilestones } from '../action-plans/action-plans.repository.ts';
import { findDataset } from '../open-data/catalog.repository.ts';
import { parseJsonArray, type Figure } from '../open-data/open-data.presenter.ts';
import { listApplications, listOfficials, listSteps, searchTasks, type RegistryQuery, type TaskRow } from './policy-registry.repository.ts';
import { presentTask, type TaskShape } from './policy-registry.presenter.ts';
import { REGISTRY_SOURCE } from './policy-registry.settings.ts';

export function registryQuery(q: { q?: string; organization?: string; year?: string; status?: string }): RegistryQuery {
  return { q: q.q ?? '', organization: q.organization ?? '', year: q.year ? Number(q.year) : null, status: q.status ?? '' };
}

export async function loadTaskShapes(db: Kysely<Database>, rows: TaskRow[], base: string): Promise<TaskShape[]> {
  const ids = rows.map((t) => t.id);
  const details = { steps: await listSteps(db, ids), officials: await listOfficials(db, ids), applications: await listApplications(db, ids) };
  return rows.map((t) => presentTask(t, details, base));
}

export async function loadRegistry(db: Kysely<Database>, q: RegistryQuery, base: string): Promise<TaskShape[]> {
  return loadTaskShapes(db, await searchTasks(db, q), base);
}

export interface SystemFacts {
  commitment: { plan_slug: string; code: string; title: string } | null;
  milestones: { title: string; start: string | null; end: string | null; level_label: string | null; source: string | null }[];
  figures: Figure[];
  dataset_slug: string | null;
}

/** The real-name policy system as the seed gives it: the commitment's milestones (action plans) and its figures (the catalog entry). */
export async function loadSystemFacts(db: Kysely<Database>): Promise<SystemFacts> {
  const plan = await findPlanBySlug(db, REGISTRY_SOURCE.plan);
  const c = plan ? await findCommitment(db, plan.id, REGISTRY_SOURCE.commitment) : undefined;
  const milestones = c ? await listMilestones(db, [c.id]) : [];
  const d = await findDataset(db, REGISTRY_SOURCE.dataset);
  return {
    commitment: c && plan ? { plan_slug: plan.slug, code: c.code, title: c.title } : null,
    milestones: milestones.map((m) => ({ title: m.title, start: m.start_label, end: m.end_label, level_label: m.level_label, source: m.source })),
    figures: d ? parseJsonArray<Figure>(d.figures_json) : [],
    dataset_slug: d?.slug ?? null,
  };
}
