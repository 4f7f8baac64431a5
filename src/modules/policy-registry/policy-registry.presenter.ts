// Every public shape of the registry: the API, the CSV and the pages read it. Applicants never appear.
import type { ApplicationRow, OfficialRow, StepRow, TaskRow } from './policy-registry.repository.ts';

export interface TaskDetails {
  steps: StepRow[];
  officials: OfficialRow[];
  applications: ApplicationRow[];
}

const byTask = <T extends { task_id: number }>(rows: T[], id: number) => rows.filter((r) => r.task_id === id);

export function presentTask(t: TaskRow, d: TaskDetails, base: string) {
  const designated = t.status === 'designated';
  return {
    id: t.id,
    title: t.title,
    organization: t.organization_name,
    organization_key: t.organization_key,
    overview: t.overview,
    year: t.year,
    status: t.status,
    designation_basis: t.designation_basis,
    designated_at: t.designated_at,
    timeline: byTask(d.steps, t.id).map((s) => ({ date: s.date_label, step: s.description })),
    // Real names are disclosed once the task is designated, and not before.
    officials: designated ? byTask(d.officials, t.id).map((o) => ({ role: o.role, name: o.name, department: o.department, final_approver: o.final_approver === 1 })) : [],
    applications: byTask(d.applications, t.id).map((a) => ({ id: a.id, state: a.state, submitted_at: a.submitted_at, decided_at: a.designated_at ?? a.declined_at, decision_reason: a.decision_reason })),
    url: `${base}/policy-registry/tasks/${t.id}`,
  };
}
export type TaskShape = ReturnType<typeof presentTask>;

export const REGISTRY_CSV_COLUMNS = ['id', 'title', 'organization', 'year', 'status', 'designation_basis', 'designated_at', 'overview', 'timeline', 'officials', 'final_approver', 'applications', 'url'] as const;

export function registryCsvRows(tasks: TaskShape[]) {
  return tasks.map((t) => {
    const final = t.officials.find((o) => o.final_approver);
    return {
      id: t.id,
      title: t.title,
      organization: t.organization,
      year: t.year ?? '',
      status: t.status,
      designation_basis: t.designation_basis ?? '',
      designated_at: t.designated_at ?? '',
      overview: t.overview,
      timeline: t.timeline.map((s) => `${s.date}: ${s.step}`).join('; '),
      officials: t.officials.map((o) => `${o.role}: ${o.name}${o.department ? ` (${o.department})` : ''}`).join('; '),
      final_approver: final ? `${final.name}${final.department ? ` (${final.department})` : ''}` : '',
      applications: t.applications.length,
      url: t.url,
    };
  });
}
