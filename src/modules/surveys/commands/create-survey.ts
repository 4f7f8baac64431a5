// Staff create a survey for a body or an organization, add its questions while it is a draft, then
// open and close it. Each write is one transaction with its audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import type { MessageKey } from '../../../platform/i18n/message.ts';
import { ImpossibleDateError, parseIsoDay } from '../../action-plans/date-label.ts';
import { datedColumns } from '../../bodies/seed-dates.ts';
import { LIMITS, QUESTION_KINDS, type QuestionKind } from '../survey-rules.ts';
import { applyTransition, EDITABLE, type TransitionName } from '../survey-state.ts';
import { countQuestions, insertQuestion, insertSurvey } from '../surveys.repository.ts';

export interface SurveyInput {
  title: string;
  purpose: string;
  owner: string;
  opens_on: string;
  closes_on: string;
  commitment: string;
}
export const EMPTY_SURVEY: SurveyInput = { title: '', purpose: '', owner: '', opens_on: '', closes_on: '', commitment: '' };

/** An owner the actor may choose, as the form's value: "body:<key>" or "organization:<key>". */
export interface OwnerChoice {
  value: string;
  label: string;
  bodyId: number | null;
  organizationId: number | null;
}

export interface ValidSurvey {
  title: string;
  purpose: string | null;
  owner: OwnerChoice;
  opensOn: string;
  closesOn: string | null;
  commitmentId: number | null;
}

function isoDay(errors: FieldError[], field: string, raw: string, what: MessageKey): string | null {
  if (!raw.trim()) return null;
  try {
    return parseIsoDay(raw.trim());
  } catch (e) {
    if (!(e instanceof ImpossibleDateError)) throw e;
    errors.push(e.field(field, what));
    return null;
  }
}

export function validateSurvey(input: SurveyInput, lookups: { owners: OwnerChoice[]; commitments: { id: number }[] }): { ok: true; value: ValidSurvey } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (!title) errors.push(fieldError('title', 'surveys.errors.title'));
  if (title.length > 200) errors.push(fieldError('title', 'error.field.title_too_long', { max: 200 }));
  const purpose = input.purpose.trim() || null;
  if (purpose && purpose.length > 5000) errors.push(fieldError('purpose', 'surveys.errors.purpose_long', { max: 5000 }));
  const owner = lookups.owners.find((o) => o.value === input.owner);
  if (!owner) errors.push(fieldError('owner', 'surveys.errors.owner'));
  const opensOn = isoDay(errors, 'opens_on', input.opens_on, 'surveys.errors.date_first');
  if (!input.opens_on.trim()) errors.push(fieldError('opens_on', 'surveys.errors.opens_on'));
  const closesOn = isoDay(errors, 'closes_on', input.closes_on, 'surveys.errors.date_last');
  if (opensOn && closesOn && closesOn < opensOn) errors.push(fieldError('closes_on', 'surveys.errors.closes_before'));
  let commitmentId: number | null = null;
  if (input.commitment.trim()) {
    commitmentId = Number(input.commitment.trim());
    if (!lookups.commitments.some((c) => c.id === commitmentId)) errors.push(fieldError('commitment', 'error.field.choose_commitment'));
  }
  if (errors.length || !owner || !opensOn) return { ok: false, errors };
  return { ok: true, value: { title, purpose, owner, opensOn, closesOn, commitmentId } };
}

export async function createSurvey(db: Kysely<Database>, args: { actor: Actor; survey: ValidSurvey; now: Date; requestId: string }): Promise<number> {
  const { actor, survey: s, now } = args;
  return db.transaction().execute(async (trx) => {
    const id = await insertSurvey(trx, {
      title: s.title,
      purpose: s.purpose,
      body_id: s.owner.bodyId,
      organization_id: s.owner.organizationId,
      commitment_id: s.commitmentId,
      milestone_id: null,
      state: 'draft',
      ...datedColumns(s.opensOn, s.closesOn),
      opened_at: null,
      closed_at: null,
      source: null,
      source_key: null,
      source_notes: '[]',
      created_at: now.toISOString(),
      created_by: actor.id,
    });
    await recordAudit(trx, { actor, at: now, requestId: args.requestId, public: true, action: 'survey.created', entityType: 'survey', entityId: id, entityLabel: s.title, after: { ...s, owner: s.owner.value } });
    return id;
  });
}

export interface QuestionInput {
  kind: string;
  prompt: string;
  required: string;
  options: string;
  scale_min: string;
  scale_max: string;
  scale_min_label: string;
  scale_max_label: string;
}
export const EMPTY_QUESTION: QuestionInput = { kind: '', prompt: '', required: '1', options: '', scale_min: '1', scale_max: '5', scale_min_label: '', scale_max_label: '' };

export interface ValidQuestion {
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: string[];
  scaleMin: number | null;
  scaleMax: number | null;
  scaleMinLabel: string | null;
  scaleMaxLabel: string | null;
}

export function validateQuestion(input: QuestionInput, existing: number): { ok: true; value: ValidQuestion } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = QUESTION_KINDS.find((k) => k === input.kind);
  if (!kind) errors.push(fieldError('kind', 'surveys.errors.kind'));
  const prompt = input.prompt.trim();
  if (!prompt) errors.push(fieldError('prompt', 'surveys.errors.prompt'));
  if (prompt.length > LIMITS.prompt) errors.push(fieldError('prompt', 'surveys.errors.prompt_long', { max: LIMITS.prompt }));
  if (existing >= LIMITS.questions) errors.push(fieldError('prompt', 'surveys.errors.max_questions', { max: LIMITS.questions }));
  const lines = input.options.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const options = [...new Set(lines)];
  let scaleMin: number | null = null;
  let scaleMax: number | null = null;
  if (kind === 'single' || kind === 'multiple') {
    if (options.length < 2) errors.push(fieldError('options', 'surveys.errors.two_options'));
    if (options.length !== lines.length) errors.push(fieldError('options', 'surveys.errors.option_once'));
    if (options.length > LIMITS.options) errors.push(fieldError('options', 'surveys.errors.max_options', { max: LIMITS.options }));
    if (options.some((o) => o.length > LIMITS.optionLength)) errors.push(fieldError('options', 'surveys.errors.option_long', { max: LIMITS.optionLength }));
  } else if (lines.length > 0) {
    errors.push(fieldError('options', 'surveys.errors.no_options'));
  }
  if (kind === 'scale') {
    scaleMin = Number(input.scale_min.trim());
    scaleMax = Number(input.scale_max.trim());
    const ok = (n: number) => Number.isInteger(n) && n >= LIMITS.scaleLow && n <= LIMITS.scaleHigh;
    if (!ok(scaleMin) || !ok(scaleMax) || scaleMin >= scaleMax) errors.push(fieldError('scale_min', 'surveys.errors.scale', { low: LIMITS.scaleLow, high: LIMITS.scaleHigh }));
  }
  if (errors.length || !kind) return { ok: false, errors };
  const label = (v: string) => (kind === 'scale' ? v.trim().slice(0, 100) || null : null);
  return { ok: true, value: { kind, prompt, required: input.required === '1', options: kind === 'single' || kind === 'multiple' ? options : [], scaleMin, scaleMax, scaleMinLabel: label(input.scale_min_label), scaleMaxLabel: label(input.scale_max_label) } };
}

export type SurveyStepResult = { ok: true } | { ok: false; reason: 'not_draft' | 'no_questions' | 'invalid_transition'; from?: string };

export async function addQuestion(db: Kysely<Database>, args: { actor: Actor; survey: { id: number; title: string }; question: ValidQuestion; now: Date; requestId: string }): Promise<SurveyStepResult> {
  const { actor, question: q, now } = args;
  return db.transaction().execute(async (trx) => {
    const id = await insertQuestion(
      trx,
      args.survey.id,
      { kind: q.kind, prompt: q.prompt, required: q.required ? 1 : 0, scale_min: q.scaleMin, scale_max: q.scaleMax, scale_min_label: q.scaleMinLabel, scale_max_label: q.scaleMaxLabel, source: null },
      q.options.map((label) => ({ label, published_percent: null })),
      EDITABLE,
    );
    if (id === null) return { ok: false, reason: 'not_draft' } as const;
    await recordAudit(trx, { actor, at: now, requestId: args.requestId, public: true, action: 'survey.question_added', entityType: 'survey', entityId: args.survey.id, entityLabel: args.survey.title, after: { question_id: id, ...q } });
    return { ok: true } as const;
  });
}

export async function moveSurvey(db: Kysely<Database>, args: { actor: Actor; survey: { id: number; state: string; title: string }; name: TransitionName; now: Date; requestId: string }): Promise<SurveyStepResult> {
  return db.transaction().execute(async (trx) => {
    if (args.name === 'open' && (await countQuestions(trx, args.survey.id)) === 0) return { ok: false, reason: 'no_questions' } as const;
    const r = await applyTransition(trx, args);
    return r.ok ? r : ({ ok: false, reason: 'invalid_transition', from: r.from } as const);
  });
}
