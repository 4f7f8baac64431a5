// Staff record a body's meeting (kind, date, place, attendance, minutes, decisions, the proposals it
// produced) and, for a monitoring meeting, the progress each commitment's organization presented.
// Each is one transaction with its audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { ImpossibleDateError, parseIsoDay } from '../../action-plans/date-label.ts';
import { claimProposals, insertAttendees, insertMeeting, insertProgress } from '../bodies.repository.ts';
import { datedColumns } from '../seed-dates.ts';

/** The kinds a meeting recorded through the form may have (the seed's counted team and delegation meetings are imported only). */
export const MEETING_FORM_KINDS = ['plenary', 'working_level', 'sub_committee', 'workshop', 'open_forum', 'monitoring'] as const;
export const MAX_TITLE = 200;
export const MAX_PLACE = 200;
export const MAX_TEXT = 20_000;
export const MAX_ATTENDANCE = 1_000_000;

export interface MeetingInput {
  kind: string;
  title: string;
  date: string;
  place: string;
  attendance: string;
  minutes: string;
  decisions: string;
  attendees: string[];
  proposals: string[];
}

export const EMPTY_MEETING: MeetingInput = { kind: '', title: '', date: '', place: '', attendance: '', minutes: '', decisions: '', attendees: [], proposals: [] };

export interface ValidMeeting {
  kind: (typeof MEETING_FORM_KINDS)[number];
  title: string;
  date: string;
  place: string | null;
  attendance: number | null;
  minutes: string | null;
  decisions: string | null;
  attendees: number[];
  proposals: number[];
}

const ids = (raw: string[], allowed: Set<number>) => {
  const out = [...new Set(raw.map((x) => Number(x)))];
  return { out, bad: out.some((n) => !allowed.has(n)) };
};

export function validateMeeting(input: MeetingInput, lookups: { memberIds: Set<number>; proposalIds: Set<number> }): { ok: true; value: ValidMeeting } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = MEETING_FORM_KINDS.find((k) => k === input.kind);
  if (!kind) errors.push(fieldError('kind', 'bodies.errors.kind'));
  const title = input.title.trim();
  if (!title) errors.push(fieldError('title', 'bodies.errors.title'));
  if (title.length > MAX_TITLE) errors.push(fieldError('title', 'error.field.title_too_long', { max: MAX_TITLE }));
  let date = '';
  if (!input.date.trim()) errors.push(fieldError('date', 'bodies.errors.date'));
  else {
    try {
      date = parseIsoDay(input.date.trim());
    } catch (e) {
      if (!(e instanceof ImpossibleDateError)) throw e;
      errors.push(e.field('date', 'bodies.errors.date_what'));
    }
  }
  const place = input.place.trim() || null;
  if (place && place.length > MAX_PLACE) errors.push(fieldError('place', 'bodies.errors.place_long', { max: MAX_PLACE }));
  let attendance: number | null = null;
  if (input.attendance.trim()) {
    const n = Number(input.attendance.trim());
    if (!Number.isInteger(n) || n < 0 || n > MAX_ATTENDANCE) errors.push(fieldError('attendance', 'bodies.errors.attendance'));
    else attendance = n;
  }
  const attendees = ids(input.attendees, lookups.memberIds);
  if (attendees.bad) errors.push(fieldError('attendees', 'bodies.errors.members_only'));
  if (attendance === null && attendees.out.length === 0 && !errors.some((e) => e.field === 'attendance')) {
    errors.push(fieldError('attendance', 'bodies.errors.attendance_or_members'));
  }
  if (attendance !== null && attendees.out.length > attendance) errors.push(fieldError('attendance', 'bodies.errors.attendance_small', { attendance, ticked: attendees.out.length }));
  const minutes = input.minutes.trim() || null;
  const decisions = input.decisions.trim() || null;
  if (minutes && minutes.length > MAX_TEXT) errors.push(fieldError('minutes', 'bodies.errors.minutes_long', { max: MAX_TEXT }));
  if (decisions && decisions.length > MAX_TEXT) errors.push(fieldError('decisions', 'bodies.errors.decisions_long', { max: MAX_TEXT }));
  const proposals = ids(input.proposals, lookups.proposalIds);
  if (proposals.bad) errors.push(fieldError('proposals', 'bodies.errors.proposals'));
  if (errors.length || !kind) return { ok: false, errors };
  return { ok: true, value: { kind, title, date, place, attendance, minutes, decisions, attendees: attendees.out, proposals: proposals.out } };
}

export async function recordMeeting(
  db: Kysely<Database>,
  args: { actor: Actor; body: { id: number; name: string }; meeting: ValidMeeting; now: Date; requestId: string },
): Promise<{ ok: true; id: number } | { ok: false; reason: 'proposal_claimed' }> {
  const { actor, meeting: m, now } = args;
  return db.transaction().execute(async (trx) => {
    const id = await insertMeeting(trx, {
      body_id: args.body.id,
      kind: m.kind,
      title: m.title,
      ...datedColumns(m.date, null),
      place: m.place,
      occurrences: 1,
      occurrences_qualifier: 'exact',
      attendance: m.attendance ?? m.attendees.length,
      attendance_qualifier: 'exact',
      minutes: m.minutes,
      decisions: m.decisions,
      position: 0,
      source: null,
      source_notes: '[]',
      created_at: now.toISOString(),
      created_by: actor.id,
    });
    await insertAttendees(trx, id, m.attendees);
    // Checked in the transaction: another meeting may have claimed one of them since the form was read.
    if ((await claimProposals(trx, id, m.proposals)) !== m.proposals.length) throw new ProposalClaimed();
    await recordAudit(trx, {
      actor,
      at: now,
      requestId: args.requestId,
      public: true,
      action: 'meeting.recorded',
      entityType: 'meeting',
      entityId: id,
      entityLabel: `${args.body.name}: ${m.title}`,
      after: { body_id: args.body.id, ...m },
    });
    return { ok: true as const, id };
  }).catch((e) => {
    if (e instanceof ProposalClaimed) return { ok: false as const, reason: 'proposal_claimed' as const };
    throw e;
  });
}

class ProposalClaimed extends Error {}

export const MAX_PROGRESS = 10_000;

export function validateProgress(input: { commitment: string; text: string }, commitments: { id: number; lead_organization_id: number }[]) {
  const errors: FieldError[] = [];
  const commitment = commitments.find((c) => String(c.id) === input.commitment.trim());
  if (!commitment) errors.push(fieldError('commitment', 'bodies.errors.commitment'));
  const text = input.text.trim();
  if (!text) errors.push(fieldError('text', 'bodies.errors.text'));
  if (text.length > MAX_PROGRESS) errors.push(fieldError('text', 'error.field.text_too_long', { max: MAX_PROGRESS }));
  if (errors.length || !commitment) return { ok: false as const, errors };
  return { ok: true as const, value: { commitmentId: commitment.id, organizationId: commitment.lead_organization_id, text } };
}

export async function recordProgress(
  db: Kysely<Database>,
  args: { actor: Actor; meeting: { id: number; title: string }; progress: { commitmentId: number; organizationId: number; text: string }; now: Date; requestId: string },
): Promise<number> {
  const { actor, meeting, progress, now } = args;
  return db.transaction().execute(async (trx) => {
    const id = await insertProgress(trx, { meeting_id: meeting.id, commitment_id: progress.commitmentId, organization_id: progress.organizationId, body: progress.text, source: null });
    await recordAudit(trx, {
      actor,
      at: now,
      requestId: args.requestId,
      public: true,
      action: 'meeting.progress_recorded',
      entityType: 'meeting',
      entityId: meeting.id,
      entityLabel: meeting.title,
      after: { commitment_id: progress.commitmentId, organization_id: progress.organizationId, text: progress.text },
    });
    return id;
  });
}
