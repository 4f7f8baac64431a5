// Staff record or correct the IRM's assessment of one IRM commitment in one report, and which of the
// government's commitments it covers. One transaction, with its audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { findAssessment, insertAssessment, replaceLinks, updateAssessment, updateIrmTitle } from '../assessments.repository.ts';
import type { IrmNode } from '../assessments.presenter.ts';
import { emptyValues, IRM_FIELDS, IRM_REPORTS, isScaleValue, type IrmReport, type IrmValues } from '../irm.ts';

export interface AssessmentInput {
  report: IrmReport;
  title: string | null;
  commitment_ids: number[];
  values: IrmValues;
  source: string | null;
  notes: string | null;
}

const MAX_TEXT = 4000;
const optional = (s: string | undefined) => (s ?? '').trim() || null;

/** Reads the form: every field names its own error; nothing is written unless all are valid. */
export function validateAssessmentForm(form: Record<string, string>, codes: Map<string, number>): { ok: true; value: AssessmentInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const report = form.report ?? '';
  if (!(IRM_REPORTS as readonly string[]).includes(report)) errors.push(fieldError('report', 'irm.errors.report'));
  const values = emptyValues();
  for (const f of IRM_FIELDS) {
    const raw = (form[f] ?? '').trim();
    if (raw === '') continue;
    if (isScaleValue(f, raw)) (values as Record<string, string | null>)[f] = raw;
    else errors.push(fieldError(f, 'irm.errors.not_value', { value: raw.slice(0, 40) }));
  }
  const listed = (form.commitments ?? '').split(/[\s,;]+/).filter(Boolean);
  const unknown = listed.filter((c) => !codes.has(c));
  if (listed.length === 0) errors.push(fieldError('commitments', 'irm.errors.codes'));
  else if (unknown.length) errors.push(fieldError('commitments', 'irm.errors.unknown_codes', { codes: unknown.slice(0, 5).join(', ') }));
  const title = optional(form.title);
  const source = optional(form.source);
  const notes = optional(form.notes);
  for (const [field, v] of [['title', title], ['source', source], ['notes', notes]] as const) {
    if (v && v.length > MAX_TEXT) errors.push(fieldError(field, 'error.field.max_chars', { max: MAX_TEXT }));
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { report: report as IrmReport, title, commitment_ids: listed.map((c) => codes.get(c)!), values, source, notes } };
}

export async function recordAssessment(
  db: Kysely<Database>,
  cmd: { actor: Actor; unit: IrmNode; input: AssessmentInput; now: Date; requestId?: string },
): Promise<{ ok: true; created: boolean }> {
  const { unit, input, actor, now } = cmd;
  return db.transaction().execute(async (trx) => {
    const existing = await findAssessment(trx, unit.id, input.report);
    const row = { ...input.values, source: input.source, notes: input.notes, updated_at: now.toISOString(), updated_by: actor.id };
    if (existing) await updateAssessment(trx, existing.id, row);
    else await insertAssessment(trx, { irm_commitment_id: unit.id, report: input.report, ...row });
    if (input.title !== unit.title) await updateIrmTitle(trx, unit.id, input.title);
    await replaceLinks(trx, unit.id, input.commitment_ids);
    const before = existing ? { report: existing.report, ...Object.fromEntries(IRM_FIELDS.map((f) => [f, existing[f]])), source: existing.source, notes: existing.notes, title: unit.title, commitments: unit.commitment_ids } : null;
    await recordAudit(trx, {
      actor,
      action: existing ? 'irm.assessment_updated' : 'irm.assessment_recorded',
      entityType: 'irm_commitment',
      entityId: unit.id,
      entityLabel: unit.irm_id,
      public: true,
      before,
      after: { report: input.report, ...input.values, source: input.source, notes: input.notes, title: input.title, commitments: input.commitment_ids },
      at: now,
      requestId: cmd.requestId ?? null,
    });
    return { ok: true as const, created: !existing };
  });
}
