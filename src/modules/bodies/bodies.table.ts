import type { Generated } from 'kysely';
import type { DatedRow } from '../action-plans/action-plans.table.ts';

export interface BodiesTable extends DatedRow {
  id: Generated<number>;
  key: string;
  name: string;
  kind: string;
  parent_id: number | null;
  organization_id: number | null;
  plan_id: number | null;
  description: string | null;
  position: number;
  source: string | null;
  source_notes: string;
  created_at: string;
}

export interface BodyMembersTable {
  id: Generated<number>;
  body_id: number;
  name: string;
  organization_id: number | null;
  sector: string;
  role: string;
  term_start: string | null;
  term_end: string | null;
  source: string | null;
}

export interface BodyCompositionTable {
  id: Generated<number>;
  body_id: number;
  position: number;
  label: string;
  role: string | null;
  sector: string | null;
  unit: string;
  count: number;
  /** exact | approximate ("nearly 200") | minimum ("more than 100") */
  qualifier: string;
  source: string | null;
}

export interface MeetingsTable extends DatedRow {
  id: Generated<number>;
  body_id: number;
  kind: string;
  title: string;
  place: string | null;
  /** A record may stand for several meetings the source only counts ("11 team meetings"). */
  occurrences: number;
  occurrences_qualifier: string;
  attendance: number | null;
  attendance_qualifier: string;
  minutes: string | null;
  decisions: string | null;
  position: number;
  source: string | null;
  source_notes: string;
  created_at: string;
  /** The staff member who recorded it; null for imported records. */
  created_by: number | null;
}

/** Members of the body who attended a meeting recorded through the form. */
export interface MeetingAttendeesTable {
  meeting_id: number;
  member_id: number;
}

export interface MeetingProgressTable {
  id: Generated<number>;
  meeting_id: number;
  commitment_id: number;
  organization_id: number | null;
  body: string;
  source: string | null;
}

export interface AgreementsTable extends DatedRow {
  id: Generated<number>;
  key: string;
  title: string;
  scope: string;
  sector_label: string | null;
  commitment_id: number | null;
  signatory_count: number | null;
  signatory_qualifier: string;
  signatory_label: string | null;
  position: number;
  source: string | null;
  source_notes: string;
}
