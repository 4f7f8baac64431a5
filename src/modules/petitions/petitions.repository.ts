// All SQL of the petitions module.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PetitionState } from './petition-state.ts';

type DB = Kysely<Database>;

const petitionColumns = [
  'petitions.id',
  'petitions.key',
  'petitions.ordinal',
  'petitions.title',
  'petitions.body',
  'petitions.state',
  'petitions.threshold',
  'petitions.signature_count',
  'petitions.signature_count_note',
  'petitions.closes_at',
  'petitions.created_at',
  'petitions.pending_moderation_at',
  'petitions.open_at',
  'petitions.threshold_reached_at',
  'petitions.under_review_at',
  'petitions.accepted_at',
  'petitions.results_published_at',
  'petitions.closed_at',
  'petitions.rejected_at',
  'petitions.rejection_reason',
  'petitions.anonymised_at',
  'petitions.author_user_id',
  'petitions.source',
  'petitions.source_notes',
  'petitions.updated_at',
  'petitions.channel_id',
  'channels.key as channel_key',
  'channels.title as channel_title',
  'channels.organization_id',
  'channels.committee_id',
  'organizations.name as organization_name',
  'organizations.key as organization_key',
] as const;

function petitionQuery(db: DB) {
  return db
    .selectFrom('petitions')
    .innerJoin('channels', 'channels.id', 'petitions.channel_id')
    .innerJoin('organizations', 'organizations.id', 'channels.organization_id')
    .select(petitionColumns);
}

export type PetitionRow = Awaited<ReturnType<typeof findPetition>> & object;

export async function findPetition(db: DB, id: number) {
  return petitionQuery(db).where('petitions.id', '=', id).executeTakeFirst();
}

export async function listPetitions(db: DB, states: readonly PetitionState[], limit: number, offset: number) {
  return petitionQuery(db)
    .where('petitions.state', 'in', states as PetitionState[])
    .orderBy('petitions.updated_at', 'desc')
    .orderBy('petitions.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function listPetitionsForOrganization(db: DB, organizationId: number, states: readonly PetitionState[]) {
  return petitionQuery(db).where('channels.organization_id', '=', organizationId).where('petitions.state', 'in', states as PetitionState[]).orderBy('petitions.id').execute();
}

export async function listPetitionsForCommittees(db: DB, committeeIds: number[], states: readonly PetitionState[]) {
  if (committeeIds.length === 0) return [];
  return petitionQuery(db).where('channels.committee_id', 'in', committeeIds).where('petitions.state', 'in', states as PetitionState[]).orderBy('petitions.id').execute();
}

export async function petitionCount(db: DB, id: number) {
  return db.selectFrom('petitions').select(['id', 'signature_count', 'threshold', 'threshold_reached_at', 'state', 'updated_at']).where('id', '=', id).executeTakeFirst();
}

export async function findChannel(db: DB, key: string) {
  return db.selectFrom('channels').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findChannelById(db: DB, id: number) {
  return db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listChannels(db: DB, kind: 'petition' | 'vote') {
  return db
    .selectFrom('channels')
    .innerJoin('organizations', 'organizations.id', 'channels.organization_id')
    .selectAll('channels')
    .select('organizations.name as organization_name')
    .where('channels.kind', '=', kind)
    .orderBy('channels.id')
    .execute();
}

export async function findCommittee(db: DB, id: number) {
  return db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSubCommittees(db: DB, committeeId: number) {
  return db.selectFrom('sub_committees').selectAll().where('committee_id', '=', committeeId).orderBy('position').execute();
}

export async function committeeIdsOfUser(db: DB, userId: number): Promise<number[]> {
  return (await db.selectFrom('committee_members').select('committee_id').where('user_id', '=', userId).execute()).map((r) => r.committee_id);
}

export async function findReview(db: DB, petitionId: number) {
  return db
    .selectFrom('petition_reviews')
    .leftJoin('sub_committees', 'sub_committees.id', 'petition_reviews.sub_committee_id')
    .selectAll('petition_reviews')
    .select('sub_committees.name as sub_committee_name')
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
}

export async function findAction(db: DB, petitionId: number) {
  return db.selectFrom('petition_actions').selectAll().where('petition_id', '=', petitionId).executeTakeFirst();
}

export async function listMeasures(db: DB, petitionId: number) {
  return db.selectFrom('petition_measures').selectAll().where('petition_id', '=', petitionId).orderBy('position').execute();
}

export async function listAttachments(db: DB, petitionId: number) {
  return db
    .selectFrom('petition_attachments')
    .innerJoin('files', 'files.id', 'petition_attachments.file_id')
    .select(['petition_attachments.title', 'files.id as file_id', 'files.content_type', 'files.size'])
    .where('petition_id', '=', petitionId)
    .execute();
}

export async function hasSigned(db: DB, petitionId: number, identityId: number): Promise<boolean> {
  return (await db.selectFrom('signatures').select('id').where('petition_id', '=', petitionId).where('identity_id', '=', identityId).executeTakeFirst()) !== undefined;
}

/** Every petition whose stored count differs from its signature rows. */
export async function countDrift(db: DB) {
  const rows = await db
    .selectFrom('petitions')
    .leftJoin('signatures', 'signatures.petition_id', 'petitions.id')
    .select((eb) => ['petitions.id', 'petitions.signature_count', eb.fn.count<number>('signatures.id').as('rows')])
    .where('petitions.signature_count_note', 'is', null)
    .groupBy(['petitions.id', 'petitions.signature_count'])
    .execute();
  return rows.map((r) => ({ id: r.id, count: Number(r.signature_count), rows: Number(r.rows) })).filter((r) => r.count !== r.rows);
}

/** Open petitions whose count has reached `percent` of their threshold and whose window is still open, the nearest first. */
export async function listPetitionsNearThreshold(db: DB, percent: number, nowIso: string, limit: number) {
  return petitionQuery(db)
    .where('petitions.state', '=', 'open')
    .where('petitions.threshold', 'is not', null)
    .where('petitions.threshold', '>', 0)
    .where((eb) => eb.or([eb('petitions.closes_at', 'is', null), eb('petitions.closes_at', '>', nowIso)]))
    .where(sql<boolean>`petitions.signature_count * 100 >= petitions.threshold * ${percent}`)
    .orderBy(sql`petitions.signature_count * 1.0 / petitions.threshold`, 'desc')
    .orderBy('petitions.id')
    .limit(limit)
    .execute();
}

/** Petitions past their threshold still awaiting the committee's answer, with the channel's days to answer where it sets them. */
export async function listAwaitingCommittee(db: DB) {
  return db
    .selectFrom('petitions')
    .innerJoin('channels', 'channels.id', 'petitions.channel_id')
    .innerJoin('organizations', 'organizations.id', 'channels.organization_id')
    .select(['petitions.id', 'petitions.title', 'petitions.state', 'petitions.threshold_reached_at', 'channels.response_days', 'organizations.key as organization_key', 'organizations.name as organization_name'])
    .where('petitions.state', 'in', ['threshold_reached', 'under_review'])
    .orderBy('petitions.threshold_reached_at')
    .orderBy('petitions.id')
    .execute();
}

/** Signatures of one petition counted per hour (UTC, as stored): the chart adds them up by day in the reader's zone. */
export async function signaturesPerHour(db: DB, petitionId: number) {
  const rows = await db
    .selectFrom('signatures')
    .select([sql<string>`substr(created_at, 1, 13)`.as('hour'), sql<number>`count(*)`.as('n')])
    .where('petition_id', '=', petitionId)
    .groupBy(sql`substr(created_at, 1, 13)`)
    .orderBy(sql`substr(created_at, 1, 13)`)
    .execute();
  return rows.map((r) => ({ hour: r.hour, n: Number(r.n) }));
}
