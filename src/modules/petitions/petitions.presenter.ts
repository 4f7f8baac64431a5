// Every public shape of a petition. Signers never appear: only counts.
import type { PetitionRow } from './petitions.repository.ts';

export function presentPetitionSummary(p: PetitionRow, baseUrl: string) {
  return {
    id: p.id,
    title: p.title,
    state: p.state,
    channel: { key: p.channel_key, title: p.channel_title, organization: p.organization_name, organization_key: p.organization_key },
    signature_count: p.signature_count_note ? null : Number(p.signature_count),
    signature_count_note: p.signature_count_note,
    threshold: p.threshold,
    threshold_reached_at: p.threshold_reached_at,
    closes_at: p.closes_at,
    url: `${baseUrl}/petitions/${p.id}`,
  };
}

export interface PetitionExtras {
  review: { decision: string | null; reason: string | null; sub_committee_name: string | null; decided_at: string | null; started_at: string | null } | undefined;
  action: { title: string; planned_start: string | null; planned_end: string | null; actual_label: string | null; actual_start: string | null; actual_end: string | null; tested: string | null; findings: string | null; published_at: string | null } | undefined;
  measures: { description: string; date_label: string | null }[];
  attachments: { title: string; file_id: number; content_type: string; size: number }[];
}

export function presentPetition(p: PetitionRow, x: PetitionExtras, baseUrl: string) {
  return {
    ...presentPetitionSummary(p, baseUrl),
    body: p.body,
    open_at: p.open_at,
    under_review_at: p.under_review_at,
    accepted_at: p.accepted_at,
    results_published_at: p.results_published_at,
    closed_at: p.closed_at,
    rejected_at: p.rejected_at,
    rejection_reason: p.rejection_reason,
    review: x.review?.decided_at ? { decision: x.review.decision, reason: x.review.reason, sub_committee: x.review.sub_committee_name, decided_at: x.review.decided_at } : null,
    result: x.action
      ? {
          title: x.action.title,
          planned_start: x.action.planned_start,
          planned_end: x.action.planned_end,
          actual_label: x.action.actual_label,
          actual_start: x.action.actual_start,
          actual_end: x.action.actual_end,
          tested: x.action.tested,
          findings: x.action.findings,
          published_at: x.action.published_at,
          measures: x.measures.map((m) => ({ description: m.description, date_label: m.date_label })),
          attachments: x.attachments.map((a) => ({ title: a.title, url: `${baseUrl}/files/${a.file_id}`, content_type: a.content_type, size: a.size })),
        }
      : null,
    source: p.source,
  };
}
