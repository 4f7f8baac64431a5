// Data requests: a citizen asks for data that is not published, others support it, the
// organization answers with a decision, a date and, once published, the data set.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { findDataset } from '../catalog.repository.ts';
import { insertDataRequest, insertSupport, updateDataRequest, type DataRequestRow } from '../data-requests.repository.ts';

export const DECISIONS = ['will_publish', 'published', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface NewRequestInput {
  title: string;
  body: string;
  organization: string;
}

export async function validateNewRequest(db: Kysely<Database>, input: NewRequestInput): Promise<{ ok: true; value: { title: string; body: string; organization_id: number | null } } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const body = input.body.trim();
  if (title === '') errors.push(fieldError('title', 'open_data.errors.request_title'));
  else if (title.length > 200) errors.push(fieldError('title', 'error.field.max_chars', { max: 200 }));
  if (body === '') errors.push(fieldError('body', 'open_data.errors.request_body'));
  else if (body.length > 4000) errors.push(fieldError('body', 'error.field.max_chars', { max: 4000 }));
  let organization_id: number | null = null;
  if (input.organization) {
    const org = await db.selectFrom('organizations').select('id').where('key', '=', input.organization).executeTakeFirst();
    if (!org) errors.push(fieldError('organization', 'error.field.choose_org'));
    else organization_id = org.id;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { title, body, organization_id } };
}

export async function submitDataRequest(db: Kysely<Database>, args: { actor: Actor; value: { title: string; body: string; organization_id: number | null }; now: Date; requestId: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await insertDataRequest(trx, { ...args.value, requester_id: args.actor.id, submitted_at: args.now.toISOString() });
    await recordAudit(trx, { actor: args.actor, action: 'data_request.submitted', entityType: 'data_request', entityId: id, entityLabel: args.value.title, public: true, after: args.value, at: args.now, requestId: args.requestId });
    return id;
  });
}

export async function supportDataRequest(db: Kysely<Database>, args: { actor: Actor; request: DataRequestRow; now: Date; requestId: string }): Promise<{ ok: true } | { ok: false; reason: 'already_supported' }> {
  return db.transaction().execute(async (trx) => {
    const added = await insertSupport(trx, args.request.id, args.actor.id, args.now.toISOString());
    if (!added) return { ok: false as const, reason: 'already_supported' as const };
    await recordAudit(trx, { actor: args.actor, action: 'data_request.supported', entityType: 'data_request', entityId: args.request.id, entityLabel: args.request.title, public: false, at: args.now, requestId: args.requestId });
    return { ok: true as const };
  });
}

export interface AnswerInput {
  decision: string;
  answer: string;
  planned_date: string;
  dataset: string;
}

export async function validateAnswer(db: Kysely<Database>, input: AnswerInput): Promise<{ ok: true; value: { decision: Decision; answer: string; planned_date: string | null; dataset_id: number | null } } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const decision = input.decision as Decision;
  if (!(DECISIONS as readonly string[]).includes(input.decision)) errors.push(fieldError('decision', 'error.field.choose_decision'));
  const answer = input.answer.trim();
  if (answer === '') errors.push(fieldError('answer', 'open_data.errors.answer'));
  else if (answer.length > 4000) errors.push(fieldError('answer', 'error.field.max_chars', { max: 4000 }));
  let planned_date: string | null = null;
  if (input.planned_date.trim() !== '') {
    const v = input.planned_date.trim();
    const d = new Date(`${v}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) errors.push(fieldError('planned_date', 'open_data.errors.iso_date'));
    else planned_date = v;
  } else if (decision === 'will_publish') errors.push(fieldError('planned_date', 'open_data.errors.planned_date'));
  let dataset_id: number | null = null;
  if (input.dataset.trim() !== '') {
    const d = await findDataset(db, input.dataset.trim());
    if (!d) errors.push(fieldError('dataset', 'open_data.errors.no_dataset_in_catalog', { slug: input.dataset.trim().slice(0, 100) }));
    else dataset_id = d.id;
  } else if (decision === 'published') errors.push(fieldError('dataset', 'open_data.errors.published_dataset'));
  return errors.length ? { ok: false, errors } : { ok: true, value: { decision, answer, planned_date, dataset_id } };
}

export async function answerDataRequest(db: Kysely<Database>, args: { actor: Actor; request: DataRequestRow; value: { decision: Decision; answer: string; planned_date: string | null; dataset_id: number | null }; now: Date; requestId: string }): Promise<void> {
  const { request, value, now } = args;
  await db.transaction().execute(async (trx) => {
    await updateDataRequest(trx, request.id, { state: 'answered', ...value, answered_at: now.toISOString() });
    await recordAudit(trx, {
      actor: args.actor,
      action: 'data_request.answered',
      entityType: 'data_request',
      entityId: request.id,
      entityLabel: request.title,
      public: true,
      before: { state: request.state, decision: request.decision, answer: request.answer, planned_date: request.planned_date, dataset_id: request.dataset_id },
      after: value,
      at: now,
      requestId: args.requestId,
    });
  });
}
