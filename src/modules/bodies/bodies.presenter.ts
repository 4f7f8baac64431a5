// Every public shape of the bodies module; the API, CSV and pages reuse it.
import type { Selectable } from 'kysely';
import type { AgreementRow, BodyRow, MeetingRow } from './bodies.repository.ts';
import type { BodyCompositionTable } from './bodies.table.ts';

const dates = (r: { start_label: string | null; start_value: string | null; start_precision: string | null; end_label: string | null; end_value: string | null; end_precision: string | null }) => ({
  start: r.start_value,
  start_label: r.start_label,
  start_precision: r.start_precision,
  end: r.end_value,
  end_label: r.end_label,
  end_precision: r.end_precision,
});

export function presentBodySummary(b: BodyRow, parentKey: string | null, base: string) {
  return {
    key: b.key,
    name: b.name,
    kind: b.kind,
    parent: parentKey,
    organization: b.organization_key,
    plan: b.plan_slug,
    ...dates(b),
    url: `${base}/bodies/${b.key}`,
  };
}

export function presentComposition(c: Selectable<BodyCompositionTable>) {
  return { label: c.label, role: c.role, sector: c.sector, unit: c.unit, count: c.count, qualifier: c.qualifier, source: c.source };
}

export function presentMeeting(m: MeetingRow) {
  return {
    kind: m.kind,
    title: m.title,
    ...dates(m),
    place: m.place,
    occurrences: m.occurrences_qualifier === 'not_given' ? null : m.occurrences,
    occurrences_qualifier: m.occurrences_qualifier,
    attendance: m.attendance,
    attendance_qualifier: m.attendance_qualifier,
    minutes: m.minutes,
    decisions: m.decisions,
    source: m.source,
  };
}

export function presentAgreement(a: AgreementRow, base: string) {
  return {
    key: a.key,
    title: a.title,
    scope: a.scope,
    sector: a.sector_label,
    ...dates(a),
    signatory_count: a.signatory_count,
    signatory_qualifier: a.signatory_qualifier,
    signatories: a.signatory_label,
    commitment: a.commitment_code && a.plan_slug ? `${base}/plans/${a.plan_slug}/commitments/${a.commitment_code}` : null,
    source: a.source,
  };
}

export const AGREEMENT_CSV_COLUMNS = ['key', 'title', 'scope', 'sector', 'start_label', 'end_label', 'signatory_count', 'signatory_qualifier', 'signatories', 'source'] as const;
export const MEETING_CSV_COLUMNS = ['body', 'kind', 'title', 'start_label', 'end_label', 'place', 'occurrences', 'occurrences_qualifier', 'attendance', 'attendance_qualifier', 'decisions', 'source'] as const;
