// All SQL of the bodies module.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AgreementsTable, BodiesTable, MeetingsTable } from './bodies.table.ts';

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
