// Every public shape of the module: API, CSV and pages reuse these.
import type { Selectable } from 'kysely';
import { ADOPTED, DECIDED, isOverdue, type ProposalState } from './proposal-state.ts';
import { adoptionRate, callStatus } from './proposal-rules.ts';
import type { CallRow, ProposalRow } from './proposals.repository.ts';
import type { CallTimelineTable, ParticipationAggregatesTable } from './proposals.table.ts';

export function callUrl(base: string, slug: string) {
  return `${base}/calls/${slug}`;
}
export function proposalUrl(base: string, id: number) {
  return `${base}/proposals/${id}`;
}

export function presentCallSummary(c: CallRow, base: string, today: string) {
  return {
    slug: c.slug,
    title: c.title,
    status: callStatus(c, today),
    opens_on: c.opens_on,
    closes_on: c.closes_on,
    window_label: c.window_label,
    plan: c.plan_slug,
    url: callUrl(base, c.slug),
  };
}

export function presentCall(
  c: CallRow,
  base: string,
  today: string,
  extra: { categories: { title: string; organization_key: string | null }[]; timeline: Selectable<CallTimelineTable>[]; responseDays: number; proposals: number },
) {
  return {
    ...presentCallSummary(c, base, today),
    description: c.description,
    selection_criteria: c.selection_criteria,
    response_days: extra.responseDays,
    categories: extra.categories.map((x) => ({ title: x.title, organization: x.organization_key })),
    timeline: extra.timeline.map((s) => ({ title: s.title, date: s.date_value, date_label: s.date_label, date_precision: s.date_precision })),
    source: c.source,
    proposals: extra.proposals,
  };
}

export function presentProposalSummary(p: ProposalRow, base: string, today: string) {
  return {
    id: p.id,
    title: p.title,
    state: p.state as ProposalState,
    channel: p.channel,
    call: p.call_slug,
    category: p.category_title,
    organization: p.organization_key,
    organization_name: p.organization_name ?? p.organization_text,
    submitted_at: p.submitted_at,
    period_label: p.period_label,
    response_due_on: p.response_due_on,
    overdue: isOverdue(p, today),
    supports: p.supports,
    commitment:
      p.commitment_code && p.commitment_plan_slug
        ? { plan: p.commitment_plan_slug, code: p.commitment_code, title: p.commitment_title ?? '', url: `${base}/plans/${p.commitment_plan_slug}/commitments/${p.commitment_code}` }
        : null,
    policy: p.policy_text,
    url: proposalUrl(base, p.id),
  };
}

export interface ResponseRow {
  decision: string;
  reason: string;
  organization_name: string | null;
  organization_text: string | null;
  responded_at: string | null;
  source: string | null;
}

export function presentProposal(
  p: ProposalRow,
  base: string,
  today: string,
  responses: ResponseRow[],
  comments: { id: number; author_label: string; body: string; created_at: string; hidden_reason: string | null; hidden_at: string | null }[],
) {
  return {
    ...presentProposalSummary(p, base, today),
    body: p.body,
    author: p.author_label,
    routed_at: p.routed_at,
    under_review_at: p.under_review_at,
    adopted_at: p.adopted_at,
    partially_adopted_at: p.partially_adopted_at,
    not_adopted_at: p.not_adopted_at,
    matured_at: p.matured_at,
    responses: responses.map((r) => ({ decision: r.decision, reason: r.reason, organization: r.organization_name ?? r.organization_text, responded_at: r.responded_at, source: r.source })),
    comments: comments.map((c) => ({ id: c.id, author: c.author_label, body: c.hidden_at ? null : c.body, created_at: c.created_at, hidden_reason: c.hidden_at ? c.hidden_reason : null })),
    source: p.source,
  };
}

export const PROPOSAL_CSV_COLUMNS = ['id', 'title', 'state', 'channel', 'call', 'category', 'organization', 'submitted_at', 'period_label', 'response_due_on', 'overdue', 'supports', 'commitment', 'policy', 'url'] as const;

export function proposalCsvRows(rows: ProposalRow[], base: string, today: string) {
  return rows.map((p) => {
    const s = presentProposalSummary(p, base, today);
    return { ...s, organization: s.organization_name, overdue: s.overdue ? 'yes' : 'no', commitment: s.commitment ? `${s.commitment.plan} ${s.commitment.code}` : '' };
  });
}

export function presentAggregate(a: Selectable<ParticipationAggregatesTable>) {
  return {
    channel: a.channel,
    channel_label: a.channel_label,
    year: a.year,
    forums: a.forums,
    participants: a.participants,
    suggestions: a.suggestions,
    adopted: a.adopted,
    under_review: a.under_review,
    adoption_rate: adoptionRate(a.adopted, a.suggestions),
    as_of: a.as_of_label,
    aggregate: true as const,
    source: a.source,
  };
}

export const AGGREGATE_CSV_COLUMNS = ['channel', 'channel_label', 'year', 'forums', 'participants', 'suggestions', 'adopted', 'under_review', 'adoption_rate', 'as_of', 'aggregate', 'source'] as const;

export interface BreakdownRow {
  key: string;
  label: string;
  proposals: number;
  decided: number;
  adopted: number;
  adoption_rate: number | null;
}

/** Figures computed from proposal records: by year of submission, by organization, by channel. */
export function breakdowns(rows: ProposalRow[], labels: { yearUnknown: string; channel: (c: string) => string }) {
  const group = (keyOf: (p: ProposalRow) => [string, string]) => {
    const m = new Map<string, BreakdownRow>();
    for (const p of rows) {
      const [key, label] = keyOf(p);
      const b = m.get(key) ?? { key, label, proposals: 0, decided: 0, adopted: 0, adoption_rate: null };
      b.proposals += 1;
      if ((DECIDED as readonly string[]).includes(p.state)) b.decided += 1;
      if ((ADOPTED as readonly string[]).includes(p.state)) b.adopted += 1;
      m.set(key, b);
    }
    return [...m.values()].map((b) => ({ ...b, adoption_rate: adoptionRate(b.adopted, b.proposals) })).sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    total: rows.length,
    by_year: group((p) => {
      const y = p.submitted_at?.slice(0, 4) ?? p.period_label?.match(/\b(19|20)\d{2}\b/)?.[0] ?? null;
      return y ? [y, y] : ['unknown', labels.yearUnknown];
    }),
    by_organization: group((p) => [p.organization_key ?? `text:${p.organization_text ?? ''}`, p.organization_name ?? p.organization_text ?? '—']),
    by_channel: group((p) => [p.channel, labels.channel(p.channel)]),
  };
}
