// All SQL of the proposals module.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ProposalCallsTable, ProposalsTable } from './proposals.table.ts';

type DB = Kysely<Database>;

export type CallRow = Selectable<ProposalCallsTable> & { plan_slug: string | null; plan_title: string | null };
export type ProposalRow = Selectable<ProposalsTable> & {
  call_slug: string | null;
  call_title: string | null;
  category_title: string | null;
  organization_key: string | null;
  organization_name: string | null;
  commitment_code: string | null;
  commitment_title: string | null;
  commitment_plan_slug: string | null;
  supports: number;
};

function callQuery(db: DB) {
  return db
    .selectFrom('proposal_calls')
    .leftJoin('action_plans', 'action_plans.id', 'proposal_calls.plan_id')
    .selectAll('proposal_calls')
    .select(['action_plans.slug as plan_slug', 'action_plans.title as plan_title']);
}

export async function listCalls(db: DB): Promise<CallRow[]> {
  return callQuery(db).orderBy('proposal_calls.created_at', 'desc').orderBy('proposal_calls.id', 'desc').execute();
}

export async function findCallBySlug(db: DB, slug: string): Promise<CallRow | undefined> {
  return callQuery(db).where('proposal_calls.slug', '=', slug).executeTakeFirst();
}

export async function findCallById(db: DB, id: number): Promise<CallRow | undefined> {
  return callQuery(db).where('proposal_calls.id', '=', id).executeTakeFirst();
}

export async function listCategories(db: DB, callIds: number[]) {
  if (callIds.length === 0) return [];
  return db
    .selectFrom('call_categories')
    .leftJoin('organizations', 'organizations.id', 'call_categories.organization_id')
    .selectAll('call_categories')
    .select(['organizations.key as organization_key', 'organizations.name as organization_name'])
    .where('call_id', 'in', callIds)
    .orderBy('position')
    .execute();
}

export async function listTimeline(db: DB, callId: number) {
  return db.selectFrom('call_timeline').selectAll().where('call_id', '=', callId).orderBy('position').execute();
}

export async function insertCall(db: DB, row: Insertable<ProposalCallsTable>): Promise<number> {
  const r = await db.insertInto('proposal_calls').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertCategory(db: DB, row: { call_id: number; position: number; title: string; organization_id: number | null }) {
  await db.insertInto('call_categories').values(row).execute();
}

export async function insertTimelineStep(db: DB, row: Insertable<Database['call_timeline']>) {
  await db.insertInto('call_timeline').values(row).execute();
}

function proposalQuery(db: DB) {
  return db
    .selectFrom('proposals')
    .leftJoin('proposal_calls', 'proposal_calls.id', 'proposals.call_id')
    .leftJoin('call_categories', 'call_categories.id', 'proposals.category_id')
    .leftJoin('organizations', 'organizations.id', 'proposals.organization_id')
    .leftJoin('commitments', 'commitments.id', 'proposals.commitment_id')
    .leftJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
    .selectAll('proposals')
    .select((eb) => [
      'proposal_calls.slug as call_slug',
      'proposal_calls.title as call_title',
      'call_categories.title as category_title',
      'organizations.key as organization_key',
      'organizations.name as organization_name',
      'commitments.code as commitment_code',
      'commitments.title as commitment_title',
      'action_plans.slug as commitment_plan_slug',
      eb.selectFrom('proposal_supports').select((e) => e.fn.countAll<number>().as('n')).whereRef('proposal_supports.proposal_id', '=', 'proposals.id').as('supports'),
    ]);
}

function normalize<T extends { supports: unknown }>(row: T): T & { supports: number } {
  return { ...row, supports: Number(row.supports ?? 0) };
}

export interface ProposalFilter {
  callId?: number;
  organizationId?: number;
  state?: string;
  authorId?: number;
  commitmentId?: number;
  includeHidden?: boolean;
}

export async function listProposals(db: DB, f: ProposalFilter = {}): Promise<ProposalRow[]> {
  let q = proposalQuery(db);
  if (f.callId !== undefined) q = q.where('proposals.call_id', '=', f.callId);
  if (f.organizationId !== undefined) q = q.where('proposals.organization_id', '=', f.organizationId);
  if (f.state) q = q.where('proposals.state', '=', f.state);
  if (f.authorId !== undefined) q = q.where('proposals.author_id', '=', f.authorId);
  if (f.commitmentId !== undefined) q = q.where('proposals.commitment_id', '=', f.commitmentId);
  if (!f.includeHidden) q = q.where('proposals.hidden_at', 'is', null);
  const rows = await q.orderBy('proposals.id', 'desc').execute();
  return rows.map(normalize) as ProposalRow[];
}

export async function findProposal(db: DB, id: number): Promise<ProposalRow | undefined> {
  const row = await proposalQuery(db).where('proposals.id', '=', id).executeTakeFirst();
  return row ? (normalize(row) as ProposalRow) : undefined;
}

/** Proposals that became this commitment: what the commitment page shows as its origin. */
export async function listOriginsOfCommitment(db: DB, commitmentId: number) {
  return db
    .selectFrom('proposals')
    .select(['id', 'title', 'state', 'author_label', 'channel'])
    .where('commitment_id', '=', commitmentId)
    .where('hidden_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function insertProposal(db: DB, row: Insertable<ProposalsTable>): Promise<number> {
  const r = await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProposalText(db: DB, id: number, fields: { title: string; body: string; category_id: number | null; author_locale: string }, expectState: readonly string[], now: Date) {
  const r = await db
    .updateTable('proposals')
    .set({ ...fields, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('state', 'in', [...expectState])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setHidden(db: DB, id: number, hidden: { at: string; reason: string } | null, now: Date) {
  await db
    .updateTable('proposals')
    .set({ hidden_at: hidden?.at ?? null, hidden_reason: hidden?.reason ?? null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function listResponses(db: DB, proposalIds: number[]) {
  if (proposalIds.length === 0) return [];
  return db
    .selectFrom('proposal_responses')
    .leftJoin('organizations', 'organizations.id', 'proposal_responses.organization_id')
    .leftJoin('users', 'users.id', 'proposal_responses.responder_id')
    .selectAll('proposal_responses')
    .select(['organizations.name as organization_name', 'organizations.key as organization_key', 'users.name as responder_name'])
    .where('proposal_id', 'in', proposalIds)
    .orderBy('proposal_responses.id')
    .execute();
}

export async function insertResponse(db: DB, row: Insertable<Database['proposal_responses']>) {
  const r = await db.insertInto('proposal_responses').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertNotice(db: DB, row: Insertable<Database['proposal_notices']>) {
  await db.insertInto('proposal_notices').values(row).execute();
}

export async function listNotices(db: DB, userId: number, proposalId?: number) {
  let q = db.selectFrom('proposal_notices').selectAll().where('user_id', '=', userId);
  if (proposalId !== undefined) q = q.where('proposal_id', '=', proposalId);
  return q.orderBy('id', 'desc').limit(50).execute();
}

export async function listComments(db: DB, proposalId: number) {
  return db.selectFrom('proposal_comments').selectAll().where('proposal_id', '=', proposalId).orderBy('id').execute();
}

export async function findComment(db: DB, id: number) {
  return db.selectFrom('proposal_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertComment(db: DB, row: Insertable<Database['proposal_comments']>) {
  const r = await db.insertInto('proposal_comments').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function setCommentHidden(db: DB, id: number, hidden: { at: string; reason: string } | null) {
  await db.updateTable('proposal_comments').set({ hidden_at: hidden?.at ?? null, hidden_reason: hidden?.reason ?? null }).where('id', '=', id).execute();
}

export async function hasSupported(db: DB, proposalId: number, userId: number) {
  return !!(await db.selectFrom('proposal_supports').select('user_id').where('proposal_id', '=', proposalId).where('user_id', '=', userId).executeTakeFirst());
}

/** Returns false when this person already supports the proposal. */
export async function insertSupport(db: DB, proposalId: number, userId: number, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('proposal_supports')
    .values({ proposal_id: proposalId, user_id: userId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['proposal_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function listAggregates(db: DB) {
  return db.selectFrom('participation_aggregates').selectAll().orderBy('channel').orderBy('year').execute();
}

/** Where to tell a proposal's author it was answered; a disabled account gets no mail. */
export async function findAuthorContact(db: DB, userId: number) {
  return db.selectFrom('users').select(['email']).where('id', '=', userId).where('disabled_at', 'is', null).executeTakeFirst();
}

export async function findOrganizationById(db: DB, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganization(db: DB, key: string) {
  return db.selectFrom('organizations').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listAllOrganizations(db: DB) {
  return db.selectFrom('organizations').selectAll().orderBy('name').execute();
}

export async function findCommitmentByCode(db: DB, planId: number, code: string) {
  return db.selectFrom('commitments').select(['id', 'code', 'title', 'plan_id']).where('plan_id', '=', planId).where('code', '=', code).executeTakeFirst();
}

export async function listPlanCommitments(db: DB) {
  return db
    .selectFrom('commitments')
    .innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id')
    .select(['commitments.id', 'commitments.code', 'commitments.title', 'commitments.position', 'action_plans.slug as plan_slug', 'action_plans.title as plan_title'])
    .orderBy('action_plans.number', 'desc')
    .orderBy('commitments.position')
    .execute();
}

export async function findCommitmentById(db: DB, id: number) {
  return db.selectFrom('commitments').select(['id', 'code', 'title']).where('id', '=', id).executeTakeFirst();
}

/** The body a matured proposal was carried to, and the plan whose co-creation started from it, if one did. */
export async function findMaturation(db: DB, p: { id: number; maturation_body_id: number | null }) {
  if (p.maturation_body_id === null) return null;
  const body = await db.selectFrom('bodies').select(['key', 'name']).where('id', '=', p.maturation_body_id).executeTakeFirst();
  if (!body) return null;
  const plan = await db
    .selectFrom('plan_starting_points as sp')
    .innerJoin('action_plans as ap', 'ap.id', 'sp.plan_id')
    .select(['ap.slug', 'ap.title', 'sp.id as point_id'])
    .where('sp.proposal_id', '=', p.id)
    .executeTakeFirst();
  return { ...body, plan: plan ?? null };
}

export async function listMaturationBodies(db: DB) {
  return db.selectFrom('bodies').select(['id', 'key', 'name']).where('kind', '=', 'working_group').orderBy('position').execute();
}

/** Counts per proposal state for one organization, used by its queue. */
export async function countByState(db: DB, organizationId: number) {
  const rows = await db
    .selectFrom('proposals')
    .select(['state', sql<number>`count(*)`.as('n')])
    .where('organization_id', '=', organizationId)
    .where('hidden_at', 'is', null)
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** What an organization's page shows of its queue: proposals awaiting its response, and those past the deadline. */
export async function queueCounts(db: DB, organizationId: number, today: string) {
  const rows = await db
    .selectFrom('proposals')
    .select(['response_due_on'])
    .where('organization_id', '=', organizationId)
    .where('hidden_at', 'is', null)
    .where('state', 'in', ['submitted', 'routed'])
    .execute();
  return { awaiting: rows.length, overdue: rows.filter((r) => r.response_due_on !== null && r.response_due_on < today).length };
}

/** Proposals still awaiting their organization's reasoned response, with their deadline (the home page's "answers due"). */
export async function listAwaitingResponse(db: DB) {
  return db
    .selectFrom('proposals')
    .leftJoin('organizations', 'organizations.id', 'proposals.organization_id')
    .select(['proposals.id', 'proposals.title', 'proposals.response_due_on', 'proposals.organization_text', 'organizations.key as organization_key', 'organizations.name as organization_name'])
    .where('proposals.state', 'in', ['submitted', 'routed'])
    .where('proposals.hidden_at', 'is', null)
    .orderBy('proposals.response_due_on')
    .orderBy('proposals.id')
    .execute();
}
