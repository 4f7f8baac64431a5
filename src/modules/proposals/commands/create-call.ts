// The OGP point of contact opens a call for proposals: window, categories (each may name the
// organization proposals in it are routed to), a timeline published in advance, selection criteria.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import type { MessageKey } from '../../../platform/i18n/message.ts';
import { ImpossibleDateError, parseDateLabel, parseIsoDay, sortKey } from '../../action-plans/date-label.ts';
import { insertCall, insertCategory, insertTimelineStep } from '../proposals.repository.ts';

export interface CallInput {
  title: string;
  description: string;
  plan: string;
  opens_on: string;
  closes_on: string;
  selection_criteria: string;
  categories: string;
  timeline: string;
  response_days: string;
}

export interface ValidCall {
  slug: string;
  title: string;
  description: string;
  planId: number | null;
  opensOn: string;
  closesOn: string;
  selectionCriteria: string;
  categories: { title: string; organizationId: number | null }[];
  timeline: { title: string; date: string }[];
  responseDays: number | null;
}

export const EMPTY_CALL: CallInput = { title: '', description: '', plan: '', opens_on: '', closes_on: '', selection_criteria: '', categories: '', timeline: '', response_days: '' };

export function slugify(title: string, suffix: string): string {
  const base = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
  return `${base || 'call'}-${suffix}`;
}

function day(errors: FieldError[], field: string, raw: string, label: MessageKey): string {
  try {
    return parseIsoDay(raw);
  } catch (e) {
    if (!(e instanceof ImpossibleDateError)) throw e;
    errors.push(e.field(field, label));
    return '';
  }
}

export function validateCall(
  input: CallInput,
  lookups: { organizations: Map<string, number>; plans: Map<string, number>; suffix: string },
): { ok: true; value: ValidCall } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title) errors.push(fieldError('title', 'proposals.errors.call_title'));
  if (title.length > 200) errors.push(fieldError('title', 'error.field.title_too_long', { max: 200 }));
  if (!description) errors.push(fieldError('description', 'proposals.errors.call_description'));
  if (description.length > 10_000) errors.push(fieldError('description', 'proposals.errors.description_long', { max: 10_000 }));
  let planId: number | null = null;
  if (input.plan.trim()) {
    planId = lookups.plans.get(input.plan.trim()) ?? null;
    if (planId === null) errors.push(fieldError('plan', 'proposals.errors.no_plan', { slug: input.plan.trim().slice(0, 100) }));
  }
  const opensOn = input.opens_on.trim() ? day(errors, 'opens_on', input.opens_on, 'proposals.call_form.opens_on') : (errors.push(fieldError('opens_on', 'proposals.errors.opens_on')), '');
  const closesOn = input.closes_on.trim() ? day(errors, 'closes_on', input.closes_on, 'proposals.call_form.closes_on') : (errors.push(fieldError('closes_on', 'proposals.errors.closes_on')), '');
  if (opensOn && closesOn && closesOn < opensOn) errors.push(fieldError('closes_on', 'proposals.errors.closes_before'));

  const categories: ValidCall['categories'] = [];
  for (const line of input.categories.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const [name, orgKey] = line.split('|').map((s) => s.trim());
    if (!name) continue;
    let organizationId: number | null = null;
    if (orgKey) {
      organizationId = lookups.organizations.get(orgKey) ?? null;
      if (organizationId === null) errors.push(fieldError('categories', 'proposals.errors.not_org_key', { key: orgKey.slice(0, 100) }));
    }
    if (name.length > 200) errors.push(fieldError('categories', 'proposals.errors.category_long', { max: 200 }));
    categories.push({ title: name, organizationId });
  }
  if (categories.length === 0) errors.push(fieldError('categories', 'proposals.errors.no_category'));
  if (categories.length > 20) errors.push(fieldError('categories', 'proposals.errors.max_categories', { max: 20 }));

  const timeline: ValidCall['timeline'] = [];
  for (const line of input.timeline.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const bar = line.indexOf('|');
    const date = bar >= 0 ? line.slice(0, bar).trim() : '';
    const step = bar >= 0 ? line.slice(bar + 1).trim() : line;
    if (!step) continue;
    try {
      const parsed = parseDateLabel(date);
      if (parsed.precision === 'unrecognized') errors.push(fieldError('timeline', 'proposals.errors.not_timeline_date', { value: date.slice(0, 40) }));
    } catch (e) {
      if (!(e instanceof ImpossibleDateError)) throw e;
      errors.push(e.field('timeline'));
    }
    timeline.push({ title: step.slice(0, 300), date });
  }
  if (timeline.length > 30) errors.push(fieldError('timeline', 'proposals.errors.max_steps', { max: 30 }));

  let responseDays: number | null = null;
  if (input.response_days.trim()) {
    const n = Number(input.response_days.trim());
    if (!Number.isInteger(n) || n < 1 || n > 365) errors.push(fieldError('response_days', 'proposals.errors.response_days'));
    else responseDays = n;
  }
  const criteria = input.selection_criteria.trim();
  if (!criteria) errors.push(fieldError('selection_criteria', 'proposals.errors.criteria'));
  if (criteria.length > 10_000) errors.push(fieldError('selection_criteria', 'proposals.errors.criteria_long', { max: 10_000 }));
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { slug: slugify(title, lookups.suffix), title, description, planId, opensOn, closesOn, selectionCriteria: criteria, categories, timeline, responseDays } };
}

export async function createCall(db: Kysely<Database>, args: { actor: Actor; call: ValidCall; now: Date; requestId: string }): Promise<{ ok: true; id: number; slug: string }> {
  const { call, now, actor } = args;
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertCall(trx, {
      slug: call.slug,
      title: call.title,
      description: call.description,
      plan_id: call.planId,
      body_id: null,
      opens_on: call.opensOn,
      closes_on: call.closesOn,
      window_label: null,
      selection_criteria: call.selectionCriteria,
      response_days: call.responseDays,
      source: null,
      source_notes: '[]',
      created_at: now.toISOString(),
      created_by: actor.id,
    });
    for (const [i, c] of call.categories.entries()) await insertCategory(trx, { call_id: id, position: i + 1, title: c.title, organization_id: c.organizationId });
    for (const [i, s] of call.timeline.entries()) {
      const d = parseDateLabel(s.date);
      await insertTimelineStep(trx, { call_id: id, position: i + 1, title: s.title, date_label: d.label, date_precision: d.precision, date_value: d.value, date_sort: sortKey(d, 'start'), source: null });
    }
    await recordAudit(trx, { actor, at: now, requestId: args.requestId, public: true, action: 'call.opened', entityType: 'call', entityId: id, entityLabel: call.title, after: call });
    return id;
  });
  return { ok: true, id, slug: call.slug };
}
