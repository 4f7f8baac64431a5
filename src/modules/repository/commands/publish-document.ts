// Staff publish a document to the repository: title, kind, date and a file whose bytes are checked,
// written with its audit event in one transaction. Expected failures are returned, not thrown.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { insertFile } from '../../action-plans/action-plans.repository.ts';
import { cleanFilename, type UploadedFile, type UploadRules } from '../../action-plans/commands/post-progress-update.ts';
import { ImpossibleDateError, parseIsoDay } from '../../action-plans/date-label.ts';
import { sniffContentType } from '../../action-plans/uploads.ts';
import { isDocumentKind, type DocumentKind } from '../repository-history.ts';
import { insertDocument } from '../repository.repository.ts';
import { msg } from '../../../platform/i18n/message.ts';

export const MAX_TITLE = 300;
export const MAX_DESCRIPTION = 4000;

export interface DocumentInput {
  title: string;
  kind: string;
  document_date: string;
  description: string;
  /** A commitment code of the plan, or '' for the plan as a whole. */
  commitment: string;
  file: UploadedFile | null;
}

export interface ValidDocument {
  title: string;
  kind: DocumentKind;
  documentDate: string;
  description: string | null;
  commitmentCode: string | null;
  file: UploadedFile;
}

/** Checks a document before anything is written. Pure. */
export function validateDocument(
  input: DocumentInput,
  commitmentCodes: readonly string[],
  today: string,
  rules: UploadRules,
): { ok: true; value: ValidDocument } | { ok: false; status: 400 | 413 | 415; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let status: 400 | 413 | 415 = 400;
  const title = input.title.trim();
  if (!title) errors.push(fieldError('title', 'repository.errors.title'));
  if (title.length > MAX_TITLE) errors.push(fieldError('title', 'repository.errors.title_long', { max: MAX_TITLE }));
  if (!isDocumentKind(input.kind)) errors.push(fieldError('kind', 'repository.errors.kind'));
  let documentDate = '';
  if (!input.document_date.trim()) errors.push(fieldError('document_date', 'repository.errors.date'));
  else {
    try {
      documentDate = parseIsoDay(input.document_date.trim());
      if (documentDate > today) errors.push(fieldError('document_date', 'error.field.future_day', { what: msg('repository.errors.date_what') }));
    } catch (e) {
      if (!(e instanceof ImpossibleDateError)) throw e;
      errors.push(e.field('document_date'));
    }
  }
  const description = input.description.trim();
  if (description.length > MAX_DESCRIPTION) errors.push(fieldError('description', 'repository.errors.description_long', { max: MAX_DESCRIPTION }));
  const code = input.commitment.trim();
  if (code !== '' && !commitmentCodes.includes(code)) errors.push(fieldError('commitment', 'repository.errors.no_commitment', { code: code.slice(0, 20) }));

  let file: UploadedFile | null = null;
  if (!input.file || input.file.data.length === 0) errors.push(fieldError('file', 'repository.errors.file'));
  else if (input.file.data.length > rules.maxBytes) {
    errors.push(fieldError('file', 'error.field.the_file_too_large', { max: rules.maxBytes }));
    status = 413;
  } else {
    const sniffed = sniffContentType(input.file.data, input.file.mimetype);
    const name = cleanFilename(input.file.filename);
    if (!sniffed || !rules.allowedTypes.includes(sniffed)) {
      errors.push(fieldError('file', 'error.field.file_kind', { name, types: rules.allowedTypes.join(', ') }));
      status = 415;
    } else file = { filename: name, mimetype: sniffed, data: input.file.data };
  }
  if (errors.length > 0 || !file || !isDocumentKind(input.kind)) return { ok: false, status: errors.every((e) => e.field === 'file') ? status : 400, errors };
  return { ok: true, value: { title, kind: input.kind, documentDate, description: description || null, commitmentCode: code || null, file } };
}

export async function publishDocument(
  db: Kysely<Database>,
  args: { actor: Actor; plan: { id: number; slug: string }; commitmentId: number | null; doc: ValidDocument; now: Date; requestId: string },
): Promise<{ ok: true; id: number }> {
  const { actor, doc, now } = args;
  const id = await db.transaction().execute(async (trx) => {
    const sha256 = createHash('sha256').update(doc.file.data).digest('hex');
    const fileId = await insertFile(trx, { sha256, filename: doc.file.filename, content_type: doc.file.mimetype, size: doc.file.data.length, data: doc.file.data, uploaded_by: actor.id, created_at: now.toISOString() });
    const documentId = await insertDocument(trx, {
      plan_id: args.plan.id,
      commitment_id: args.commitmentId,
      kind: doc.kind,
      title: doc.title,
      description: doc.description,
      document_date: doc.documentDate,
      file_id: fileId,
      uploaded_by: actor.id,
      uploaded_label: actor.name,
      published_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      at: now,
      requestId: args.requestId,
      public: true,
      action: 'repository.document_published',
      entityType: 'repository_document',
      entityId: documentId,
      entityLabel: doc.title,
      after: { plan: args.plan.slug, commitment: doc.commitmentCode, kind: doc.kind, document_date: doc.documentDate, filename: doc.file.filename, sha256, size: doc.file.data.length },
    });
    return documentId;
  });
  return { ok: true, id };
}
