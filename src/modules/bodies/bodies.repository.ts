// All SQL of the bodies module.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AgreementsTable, BodiesTable, MeetingProgressTable, MeetingsTable } from './bodies.table.ts';

type DB = Kysely<Database>;

export type BodyRow = Selectable<BodiesTable> & { organization_key: string | null; organization_name: string | null; plan_slug: string | null; plan_title: string | null };
export type MeetingRow = Selectable<MeetingsTable>;
export type AgreementRow = Selectable<AgreementsTable> & { commitment_code: string | null; plan_slug: string | null };

function bodyQuery(db: DB) {
  return db
    .selectFrom('bodies')
    .leftJoin('organizations', 'organizations.id', 'bodies.organization_id')
    .leftJoin('action_plans', 'action_plans.id', 'bodies.plan_id')
    .selectAll('bodies')
    .select(['organizations.key as organization_key', 'organizations.name as organization_name', 'action_plans.slug as plan_slug', 'action_plans.title as plan_title']);
}

export async function listBodies(db: DB): Promise<BodyRow[]> {
  return bodyQuery(db).orderBy('bodies.position').orderBy('bodies.id').execute();
}

export async function findBody(db: DB, key: string): Promise<BodyRow | undefined> {
  return bodyQuery(db).where('bodies.key', '=', key).executeTakeFirst();
}

export async function listMembers(db: DB, bodyIds: number[]) {
  if (bodyIds.length === 0) return [];
  return db
    .selectFrom('body_members')
    .leftJoin('organizations', 'organizations.id', 'body_members.organization_id')
    .selectAll('body_members')
    .select(['organizations.key as organization_key'])
    .where('body_id', 'in', bodyIds)
    .orderBy('body_members.id')
    .execute();
}

export async function listComposition(db: DB, bodyIds: number[]) {
  if (bodyIds.length === 0) return [];
  return db.selectFrom('body_composition').selectAll().where('body_id', 'in', bodyIds).orderBy('body_id').orderBy('position').execute();
}

export async function listMeetings(db: DB, bodyIds: number[]): Promise<MeetingRow[]> {
  if (bodyIds.length === 0) return [];
  return db.selectFrom('meetings').selectAll().where('body_id', 'in', bodyIds).orderBy('body_id').orderBy('position').execute();
}

export async function listMeetingProgress(db: DB, meetingIds: number[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_progress')
    .innerJoin('commitments', 'commitments.id', 'meeting_progress.commitment_id')
    .select(['meeting_progress.meeting_id', 'meeting_progress.body', 'commitments.code', 'commitments.title'])
    .where('meeting_id', 'in', meetingIds)
    .execute();
}

/** Proposals a meeting of this body produced. */
export async function listProducedProposals(db: DB, meetingIds: number[]) {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('proposals').select(['id', 'title', 'state', 'meeting_id']).where('meeting_id', 'in', meetingIds).where('hidden_at', 'is', null).execute();
}

export async function listAgreements(db: DB): Promise<AgreementRow[]> {
  return db
    .selectFrom('agreements')
    .leftJoin('commitments', 'commitments.id', 'agreements.commitment_id')
    .leftJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
    .selectAll('agreements')
    .select(['commitments.code as commitment_code', 'action_plans.slug as plan_slug'])
    .orderBy('agreements.position')
    .execute();
}

export async function findMeeting(db: DB, bodyId: number, meetingId: number): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('body_id', '=', bodyId).where('id', '=', meetingId).executeTakeFirst();
}

export async function listAttendees(db: DB, meetingIds: number[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_attendees')
    .innerJoin('body_members', 'body_members.id', 'meeting_attendees.member_id')
    .select(['meeting_attendees.meeting_id', 'body_members.id', 'body_members.name'])
    .where('meeting_attendees.meeting_id', 'in', meetingIds)
    .orderBy('body_members.id')
    .execute();
}

/** Proposals a new meeting may claim: visible, and not yet produced by another meeting. */
export async function listUnclaimedProposals(db: DB) {
  return db.selectFrom('proposals').select(['id', 'title']).where('meeting_id', 'is', null).where('hidden_at', 'is', null).orderBy('id', 'desc').limit(200).execute();
}

/** The commitments whose progress a monitoring meeting of this body hears: its plan's, or every plan's. */
export async function listCommitmentsFor(db: DB, planId: number | null) {
  let q = db.selectFrom('commitments').select(['id', 'code', 'title', 'lead_organization_id']);
  if (planId !== null) q = q.where('plan_id', '=', planId);
  return q.orderBy('plan_id', 'desc').orderBy('position').execute();
}

export async function findOrganizationParent(db: DB, organizationId: number | null): Promise<number | null> {
  if (organizationId === null) return null;
  const row = await db.selectFrom('organizations').select('parent_id').where('id', '=', organizationId).executeTakeFirst();
  return row?.parent_id ?? null;
}

export async function insertMeeting(db: DB, row: Insertable<MeetingsTable>): Promise<number> {
  const last = await db.selectFrom('meetings').select((eb) => eb.fn.max('position').as('p')).where('body_id', '=', row.body_id).executeTakeFirst();
  const r = await db.insertInto('meetings').values({ ...row, position: Number(last?.p ?? 0) + 1 }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertAttendees(db: DB, meetingId: number, memberIds: number[]) {
  if (memberIds.length === 0) return;
  await db.insertInto('meeting_attendees').values(memberIds.map((member_id) => ({ meeting_id: meetingId, member_id }))).execute();
}

/** Claims proposals for the meeting that produced them; a proposal another meeting claimed meanwhile is left alone. */
export async function claimProposals(db: DB, meetingId: number, proposalIds: number[]): Promise<number> {
  if (proposalIds.length === 0) return 0;
  const r = await db.updateTable('proposals').set({ meeting_id: meetingId }).where('id', 'in', proposalIds).where('meeting_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertProgress(db: DB, row: Insertable<MeetingProgressTable>): Promise<number> {
  const r = await db.insertInto('meeting_progress').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
