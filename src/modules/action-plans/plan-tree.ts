// The read model of a plan: everything the pages, the API, the CSV files and the report show,
// gathered in a fixed number of queries whatever the plan's size.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionPlansTable, CommitmentContactsTable, IrmRecommendationsTable, PlanSectionsTable } from './action-plans.table.ts';
import {
  findPlanBySlug,
  listCommitments,
  listContacts,
  listEvidence,
  listIrmRecommendations,
  listLevelChanges,
  listMilestones,
  listProgressUpdates,
  listSections,
  listValues,
  type CommitmentRow,
  type MilestoneRow,
} from './action-plans.repository.ts';
import { summarize, type LevelSummary } from './level.ts';

export interface TimelineEntry {
  id: number;
  posted_at: string;
  occurred_on: string;
  body: string;
  author_label: string;
  author_organization: string | null;
  level_changes: { target_type: string; target_label: string; level_from: string | null; label_from: string | null; level_to: string }[];
  evidence: { kind: string; title: string; url: string | null; file_id: number | null; content_type: string | null; size: number | null }[];
}

export interface CommitmentNode extends CommitmentRow {
  values: string[];
  milestones: MilestoneRow[];
  contacts: Selectable<CommitmentContactsTable>[];
}

export interface PlanTree {
  plan: Selectable<ActionPlansTable>;
  sections: Selectable<PlanSectionsTable>[];
  irm: Selectable<IrmRecommendationsTable>[];
  commitments: CommitmentNode[];
  summary: LevelSummary;
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export async function loadPlanTree(db: Kysely<Database>, slug: string): Promise<PlanTree | null> {
  const plan = await findPlanBySlug(db, slug);
  if (!plan) return null;
  const [sections, irm, commitments] = await Promise.all([listSections(db, plan.id), listIrmRecommendations(db, plan.id), listCommitments(db, [plan.id])]);
  const ids = commitments.map((c) => c.id);
  const [milestones, values, contacts] = await Promise.all([listMilestones(db, ids), listValues(db, ids), listContacts(db, ids)]);
  const ms = groupBy(milestones, (m) => m.commitment_id);
  const vs = groupBy(values, (v) => v.commitment_id);
  const cs = groupBy(contacts, (c) => c.commitment_id);
  const nodes = commitments.map((c) => ({
    ...c,
    values: (vs.get(c.id) ?? []).map((v) => v.value),
    milestones: ms.get(c.id) ?? [],
    contacts: cs.get(c.id) ?? [],
  }));
  return { plan, sections, irm, commitments: nodes, summary: summarize(nodes.map((c) => c.level)) };
}

/** The public timeline of some commitments: progress updates with their level changes and evidence. */
export async function loadTimeline(db: Kysely<Database>, commitmentIds: number[]): Promise<Map<number, TimelineEntry[]>> {
  const updates = await listProgressUpdates(db, commitmentIds);
  const updateIds = updates.map((u) => u.id);
  const [changes, evidence] = await Promise.all([listLevelChanges(db, updateIds), listEvidence(db, updateIds)]);
  const ch = groupBy(changes, (c) => c.update_id);
  const ev = groupBy(evidence, (e) => e.update_id);
  const out = new Map<number, TimelineEntry[]>();
  for (const u of updates) {
    const entry: TimelineEntry = {
      id: u.id,
      posted_at: u.posted_at,
      occurred_on: u.occurred_on,
      body: u.body,
      author_label: u.author_label,
      author_organization: u.author_organization,
      level_changes: (ch.get(u.id) ?? []).map(({ target_type, target_label, level_from, label_from, level_to }) => ({ target_type, target_label, level_from, label_from, level_to })),
      evidence: (ev.get(u.id) ?? []).map(({ kind, title, url, file_id, content_type, size }) => ({ kind, title, url, file_id, content_type, size })),
    };
    const list = out.get(u.commitment_id);
    if (list) list.push(entry);
    else out.set(u.commitment_id, [entry]);
  }
  return out;
}

export function notes(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
