// An officer's progress update: dated text, evidence (links and files) and level changes,
// written in one transaction with its audit events. Expected failures are returned, not thrown.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import {
  insertEvidence,
  insertFile,
  insertLevelChange,
  insertProgressUpdate,
  updateCommitmentLevel,
  updateMilestoneLevel,
  type CommitmentRow,
  type MilestoneRow,
} from '../action-plans.repository.ts';
import { ImpossibleDateError, parseIsoDay } from '../date-label.ts';
import { isLevel, type Level } from '../level.ts';
import { sniffContentType } from '../uploads.ts';
import { msg } from '../../../platform/i18n/message.ts';

export const MAX_BODY = 10_000;
export const MAX_LINKS = 10;

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export interface ProgressInput {
  body: string;
  occurred_on: string;
  commitment_level: string;
  /** Milestone id → requested level ('' for unchanged). */
  milestone_levels: Record<string, string>;
  links: string;
  files: UploadedFile[];
}

export interface UploadRules {
  maxBytes: number;
  allowedTypes: string[];
}

export type PostResult =
  | { ok: true; updateId: number }
  | { ok: false; status: 400 | 413 | 415; errors: FieldError[] };

export interface ValidProgress {
  body: string;
  occurredOn: string;
  commitmentLevel: Level | null;
  milestoneLevels: { milestone: MilestoneRow; level: Level }[];
  links: string[];
  files: UploadedFile[];
}

/** A file name without a path or characters a file system or a header would choke on. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return (cleaned || 'file').slice(0, 200);
}

/** Checks an update before anything is written. Pure: the same input always gives the same answer. */
export function validateProgress(
  input: ProgressInput,
  commitment: CommitmentRow,
  milestones: MilestoneRow[],
  today: string,
  rules: UploadRules,
): { ok: true; value: ValidProgress } | { ok: false; status: 400 | 413 | 415; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let status: 400 | 413 | 415 = 400;
  const body = input.body.trim();
  if (body.length === 0) errors.push(fieldError('body', 'cycle.errors.progress_empty'));
  if (body.length > MAX_BODY) errors.push(fieldError('body', 'error.field.text_too_long', { max: MAX_BODY }));

  let occurredOn = today;
  if (input.occurred_on.trim() !== '') {
    try {
      occurredOn = parseIsoDay(input.occurred_on);
      if (occurredOn > today) errors.push(fieldError('occurred_on', 'error.field.future_day', { what: msg('cycle.errors.progress_date') }));
    } catch (e) {
      if (!(e instanceof ImpossibleDateError)) throw e;
      errors.push(e.field('occurred_on'));
    }
  }

  let commitmentLevel: Level | null = null;
  if (input.commitment_level !== '') {
    if (!isLevel(input.commitment_level)) errors.push(fieldError('commitment_level', 'cycle.errors.not_level', { value: input.commitment_level }));
    else if (input.commitment_level !== commitment.level || commitment.level_label !== null) commitmentLevel = input.commitment_level;
  }

  const byId = new Map(milestones.map((m) => [String(m.id), m]));
  const milestoneLevels: ValidProgress['milestoneLevels'] = [];
  for (const [id, level] of Object.entries(input.milestone_levels)) {
    if (level === '') continue;
    const milestone = byId.get(id);
    if (!milestone) {
      errors.push(fieldError(`milestone_${id}`, 'cycle.errors.milestone_elsewhere', { id }));
      continue;
    }
    if (!isLevel(level)) errors.push(fieldError(`milestone_${id}`, 'cycle.errors.not_level_short', { value: level }));
    else if (level !== milestone.level) milestoneLevels.push({ milestone, level });
  }

  const links = input.links.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (links.length > MAX_LINKS) errors.push(fieldError('links', 'cycle.errors.max_links', { max: MAX_LINKS }));
  for (const link of links) {
    let ok = false;
    try {
      const u = new URL(link);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && link.length <= 2000;
    } catch {
      ok = false;
    }
    if (!ok) errors.push(fieldError('links', 'cycle.errors.not_link', { value: link.slice(0, 100) }));
  }

  const files: UploadedFile[] = [];
  for (const f of input.files) {
    const name = cleanFilename(f.filename);
    if (f.data.length === 0) continue;
    if (f.data.length > rules.maxBytes) {
      errors.push(fieldError('files', 'error.field.file_too_large', { name, max: rules.maxBytes }));
      status = 413;
      continue;
    }
    const sniffed = sniffContentType(f.data, f.mimetype);
    if (!sniffed || !rules.allowedTypes.includes(sniffed)) {
      errors.push(fieldError('files', 'error.field.file_kind', { name, types: rules.allowedTypes.join(', ') }));
      if (status !== 413) status = 415;
      continue;
    }
    files.push({ filename: name, mimetype: sniffed, data: f.data });
  }

  if (errors.length > 0) return { ok: false, status: errors.every((e) => e.field === 'files') ? status : 400, errors };
  return { ok: true, value: { body, occurredOn, commitmentLevel, milestoneLevels, links, files } };
}

export async function postProgressUpdate(
  db: Kysely<Database>,
  args: { actor: Actor; commitment: CommitmentRow; update: ValidProgress; now: Date; requestId: string },
): Promise<PostResult> {
  const { actor, commitment, update, now } = args;
  const updateId = await db.transaction().execute(async (trx) => {
    const id = await insertProgressUpdate(trx, {
      commitment_id: commitment.id,
      posted_at: now.toISOString(),
      occurred_on: update.occurredOn,
      author_id: actor.id,
      author_label: actor.name,
      body: update.body,
    });
    const audit = { actor, at: now, requestId: args.requestId, public: true } as const;

    if (update.commitmentLevel) {
      const before = { level: commitment.level, level_label: commitment.level_label, level_source: commitment.level_source };
      const after = { level: update.commitmentLevel, level_label: null, level_source: `progress update ${id}` };
      await updateCommitmentLevel(trx, commitment.id, after.level, null, after.level_source, now);
      await insertLevelChange(trx, { update_id: id, target_type: 'commitment', target_id: commitment.id, target_label: `${commitment.code}. ${commitment.title}`, level_from: commitment.level, label_from: commitment.level_label, level_to: after.level });
      await recordAudit(trx, { ...audit, action: 'commitment.level_changed', entityType: 'commitment', entityId: commitment.id, entityLabel: commitment.code, before, after });
    }
    for (const { milestone, level } of update.milestoneLevels) {
      await updateMilestoneLevel(trx, milestone.id, level, null, now);
      await insertLevelChange(trx, { update_id: id, target_type: 'milestone', target_id: milestone.id, target_label: milestone.title, level_from: milestone.level, label_from: milestone.level_label, level_to: level });
      await recordAudit(trx, {
        ...audit,
        action: 'milestone.level_changed',
        entityType: 'milestone',
        entityId: milestone.id,
        entityLabel: `${commitment.code} · ${milestone.position}`,
        before: { level: milestone.level, level_label: milestone.level_label },
        after: { level, level_label: null },
      });
    }
    for (const url of update.links) await insertEvidence(trx, { update_id: id, kind: 'link', title: url, url, file_id: null });
    const files: { filename: string; sha256: string; size: number }[] = [];
    for (const f of update.files) {
      const sha256 = createHash('sha256').update(f.data).digest('hex');
      const fileId = await insertFile(trx, { sha256, filename: f.filename, content_type: f.mimetype, size: f.data.length, data: f.data, uploaded_by: actor.id, created_at: now.toISOString() });
      await insertEvidence(trx, { update_id: id, kind: 'file', title: f.filename, url: null, file_id: fileId });
      files.push({ filename: f.filename, sha256, size: f.data.length });
    }
    await recordAudit(trx, {
      ...audit,
      action: 'commitment.progress_posted',
      entityType: 'commitment',
      entityId: commitment.id,
      entityLabel: commitment.code,
      after: { update_id: id, occurred_on: update.occurredOn, body: update.body, links: update.links, files },
    });
    return id;
  });
  return { ok: true, updateId };
}
