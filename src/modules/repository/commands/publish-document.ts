// Staff publish a document to the repository: title, kind, date and a file whose bytes are checked,
// written with its audit event in one transaction. Expected failures are returned, not thrown.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { insertFile } from '../../action-plans/action-plans.repository.ts';
import { cleanFilename, type UploadedFile, type UploadRules } from '../../action-plans/commands/post-progress-update.ts';
import { ImpossibleDateError, parseIsoDay } from '../../action-plans/date-label.ts';
import { sniffContentType } from '../../action-plans/uploads.ts';
import { isDocumentKind, type DocumentKind } from '../repository-history.ts';
import { insertDocument } from '../repository.repository.ts';

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
  if (!title) errors.push({ field: 'title', message: 'Give the document a title.' });
  if (title.length > MAX_TITLE) errors.push({ field: 'title', message: `The title is at most ${MAX_TITLE} characters.` });
  if (!isDocumentKind(input.kind)) errors.push({ field: 'kind', message: 'Choose the kind of document.' });
  let documentDate = '';
  if (!input.document_date.trim()) errors.push({ field: 'document_date', message: 'Give the date of the document (YYYY-MM-DD).' });
  else {
    try {
      documentDate = parseIsoDay(input.document_date.trim());
      if (documentDate > today) errors.push({ field: 'document_date', message: 'The date of the document cannot be in the future.' });
    } catch (e) {
      if (!(e instanceof ImpossibleDateError)) throw e;
      errors.push({ field: 'document_date', message: `${e.message}.` });
    }
  }
  const description = input.description.trim();
  if (description.length > MAX_DESCRIPTION) errors.push({ field: 'description', message: `The description is at most ${MAX_DESCRIPTION} characters.` });
  const code = input.commitment.trim();
  if (code !== '' && !commitmentCodes.includes(code)) errors.push({ field: 'commitment', message: `The plan has no commitment "${code.slice(0, 20)}".` });

  let file: UploadedFile | null = null;
  if (!input.file || input.file.data.length === 0) errors.push({ field: 'file', message: 'Choose the file to publish.' });
  else if (input.file.data.length > rules.maxBytes) {
    errors.push({ field: 'file', message: `The file is larger than ${rules.maxBytes} bytes.` });
    status = 413;
  } else {
    const sniffed = sniffContentType(input.file.data, input.file.mimetype);
    const name = cleanFilename(input.file.filename);
    if (!sniffed || !rules.allowedTypes.includes(sniffed)) {
      errors.push({ field: 'file', message: `"${name}" is not an accepted kind of file (its content is not one of: ${rules.allowedTypes.join(', ')}).` });
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
