// Every public shape of the module. The API, the CSV files and the open-data exports all come
// from here, so that a field has one name and one meaning everywhere.
import type { Selectable } from 'kysely';
import type { ActionPlansTable, DatedRow } from './action-plans.table.ts';
import type { MilestoneRow } from './action-plans.repository.ts';
import { notes, type CommitmentNode, type PlanTree, type TimelineEntry } from './plan-tree.ts';

export function presentDates(row: DatedRow) {
  return {
    start: row.start_value,
    start_label: row.start_label,
    start_precision: row.start_precision,
    end: row.end_value,
    end_label: row.end_label,
    end_precision: row.end_precision,
  };
}

export function presentMilestone(m: MilestoneRow) {
  return {
    position: m.position,
    title: m.title,
    ...presentDates(m),
    level: m.level,
    level_label: m.level_label,
    source: m.source,
    source_notes: notes(m.source_notes),
  };
}

export function planPaths(baseUrl: string, slug: string) {
  return {
    html: `${baseUrl}/plans/${slug}`,
    api: `${baseUrl}/api/v1/plans/${slug}`,
    report: `${baseUrl}/plans/${slug}/report`,
    report_api: `${baseUrl}/api/v1/plans/${slug}/report`,
    commitments_csv: `${baseUrl}/plans/${slug}/commitments.csv`,
    milestones_csv: `${baseUrl}/plans/${slug}/milestones.csv`,
  };
}

export function presentCommitmentSummary(c: CommitmentNode, baseUrl: string, slug: string) {
  return {
    code: c.code,
    title: c.title,
    lead_organization: c.lead_organization_name,
    lead_organization_key: c.lead_organization_key,
    lead_division: c.lead_division_name,
    level: c.level,
    level_label: c.level_label,
    ...presentDates(c),
    ogp_values: c.values,
    url: `${baseUrl}/plans/${slug}/commitments/${c.code}`,
    milestones: c.milestones.map(presentMilestone),
  };
}

export function presentTimelineEntry(e: TimelineEntry, baseUrl: string) {
  return {
    id: e.id,
    posted_at: e.posted_at,
    occurred_on: e.occurred_on,
    body: e.body,
    author_organization: e.author_organization,
    level_changes: e.level_changes,
    evidence: e.evidence.map((x) => ({
      kind: x.kind,
      title: x.title,
      url: x.kind === 'file' ? `${baseUrl}/files/${x.file_id}` : x.url,
      content_type: x.content_type,
      size: x.size,
    })),
  };
}

export function presentCommitmentDetail(c: CommitmentNode, baseUrl: string, slug: string, timeline: TimelineEntry[]) {
  return {
    ...presentCommitmentSummary(c, baseUrl, slug),
    table_title: c.table_title,
    lead_agency_text: c.lead_agency_text,
    level_source: c.level_source,
    public_problem: c.public_problem,
    description: c.description,
    contribution: c.contribution,
    ogp_values_text: c.ogp_values_text,
    additional_information: c.additional_information,
    results: c.results,
    next_steps: c.next_steps,
    contacts: c.contacts.map(({ name, title, department, email, phone, organization }) => ({ name, title, department, email, phone, organization })),
    other_actors: { state: c.other_actors_state, civil_society: c.other_actors_civil_society },
    contact_additional_information: c.contact_additional_information,
    source: c.source,
    source_notes: notes(c.source_notes),
    updated_at: c.updated_at,
    progress_updates: timeline.map((e) => presentTimelineEntry(e, baseUrl)),
  };
}

export function presentPlanHeader(p: Selectable<ActionPlansTable>, baseUrl: string) {
  return {
    slug: p.slug,
    title: p.title,
    country_code: p.country_code,
    country_name: p.country_name,
    number: p.number,
    period_start: p.period_start,
    period_end: p.period_end,
    status: p.status,
    links: planPaths(baseUrl, p.slug),
  };
}

export function presentPlan(tree: PlanTree, baseUrl: string) {
  return {
    ...presentPlanHeader(tree.plan, baseUrl),
    summary: tree.summary,
    commitments: tree.commitments.map((c) => presentCommitmentSummary(c, baseUrl, tree.plan.slug)),
    irm_recommendations: tree.irm.map(({ number, title, response, source }) => ({ number, title, response, source })),
  };
}

export const COMMITMENT_CSV_COLUMNS = [
  'plan', 'code', 'title', 'lead_organization', 'lead_division', 'level', 'level_label',
  'start', 'start_label', 'end', 'end_label', 'ogp_values', 'milestones_total', 'milestones_completed', 'url',
] as const;

export function commitmentCsvRows(tree: PlanTree, baseUrl: string) {
  return tree.commitments.map((c) => {
    const s = presentCommitmentSummary(c, baseUrl, tree.plan.slug);
    return {
      plan: tree.plan.slug,
      code: s.code,
      title: s.title,
      lead_organization: s.lead_organization,
      lead_division: s.lead_division ?? '',
      level: s.level,
      level_label: s.level_label ?? '',
      start: s.start ?? '',
      start_label: s.start_label ?? '',
      end: s.end ?? '',
      end_label: s.end_label ?? '',
      ogp_values: s.ogp_values.join(';'),
      milestones_total: c.milestones.length,
      milestones_completed: c.milestones.filter((m) => m.level === 'completed').length,
      url: s.url,
    };
  });
}

export const MILESTONE_CSV_COLUMNS = [
  'plan', 'commitment_code', 'position', 'title', 'start', 'start_label', 'end', 'end_label', 'level', 'level_label', 'source',
] as const;

export function milestoneCsvRows(tree: PlanTree) {
  return tree.commitments.flatMap((c) =>
    c.milestones.map((m) => ({
      plan: tree.plan.slug,
      commitment_code: c.code,
      position: m.position,
      title: m.title,
      start: m.start_value ?? '',
      start_label: m.start_label ?? '',
      end: m.end_value ?? '',
      end_label: m.end_label ?? '',
      level: m.level ?? '',
      level_label: m.level_label ?? '',
      source: m.source ?? '',
    })),
  );
}
