// An officer creates and edits their organization's data sets and adds resources (a link or a file),
// each write in one transaction with its audit event.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { insertFile } from '../../action-plans/action-plans.repository.ts';
import { sniffContentType } from '../../action-plans/uploads.ts';
import { dropDatasetTexts, type TranslatableField } from '../catalog-texts.repository.ts';
import { insertDatasetIfMissing, insertResourceIfMissing, updateDataset, type DatasetRow } from '../catalog.repository.ts';
import { isWebAddress, type DatasetValue } from '../dataset-input.ts';

type Meta = Omit<DatasetValue, 'organization' | 'slug'>;
const metaOf = (d: DatasetValue): Meta => {
  const { organization: _o, slug: _s, ...meta } = d;
  return meta;
};

export async function createDataset(db: Kysely<Database>, args: { actor: Actor; organizationId: number; value: DatasetValue; now: Date; requestId: string }): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const at = args.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const { id, created } = await insertDatasetIfMissing(trx, { ...metaOf(args.value), slug: args.value.slug, organization_id: args.organizationId, figures_json: '[]', origin: 'officer', source: null, source_notes: '[]', created_at: at, updated_at: at });
    if (!created) return { ok: false as const, errors: [fieldError('slug', 'open_data.errors.slug_taken', { slug: args.value.slug })] };
    await recordAudit(trx, { actor: args.actor, action: 'dataset.created', entityType: 'dataset', entityId: id, entityLabel: args.value.slug, public: true, after: args.value, at: args.now, requestId: args.requestId });
    return { ok: true as const };
  });
}

export async function editDataset(db: Kysely<Database>, args: { actor: Actor; dataset: DatasetRow; value: DatasetValue; now: Date; requestId: string }): Promise<void> {
  const { dataset: d } = args;
  const after = metaOf(args.value);
  const before = Object.fromEntries(Object.keys(after).map((k) => [k, d[k as keyof Meta]]));
  // A text the officer rewrote is theirs alone: its translations (the platform's, for its collections) no longer say the same.
  const rewritten = (['title', 'description', 'keywords'] as const satisfies readonly TranslatableField[]).filter((f) => after[f] !== d[f]);
  await db.transaction().execute(async (trx) => {
    await updateDataset(trx, d.id, { ...after, updated_at: args.now.toISOString() });
    await dropDatasetTexts(trx, d.id, rewritten);
    await recordAudit(trx, { actor: args.actor, action: 'dataset.edited', entityType: 'dataset', entityId: d.id, entityLabel: d.slug, public: true, before, after, at: args.now, requestId: args.requestId });
  });
}

export interface ResourceInput {
  title: string;
  format: string;
  url: string;
  file: { filename: string; mimetype: string; data: Buffer } | null;
}

export type ResourceValue = { title: string; format: string } & ({ kind: 'link'; url: string } | { kind: 'file'; filename: string; mimetype: string; data: Buffer });

export function validateResource(input: ResourceInput, rules: { maxBytes: number; allowedTypes: string[] }): { ok: true; value: ResourceValue } | { ok: false; status: number; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  const format = input.format.trim().toUpperCase();
  const url = input.url.trim();
  let status = 400;
  if (title === '' || title.length > 200) errors.push(fieldError('title', 'open_data.errors.resource_title'));
  if (!/^[A-Z0-9.+-]{1,20}$/.test(format)) errors.push(fieldError('format', 'open_data.errors.format'));
  const file = input.file && input.file.data.length > 0 ? input.file : null;
  if ((file === null) === (url === '')) errors.push(fieldError('url', 'open_data.errors.url_or_file'));
  else if (url !== '' && !isWebAddress(url)) errors.push(fieldError('url', 'error.field.web_address'));
  let sniffed: string | null = null;
  if (file) {
    sniffed = sniffContentType(file.data, file.mimetype);
    if (file.data.length > rules.maxBytes) {
      errors.push(fieldError('file', 'error.field.the_file_too_large', { max: rules.maxBytes }));
      status = 413;
    } else if (!sniffed || !rules.allowedTypes.includes(sniffed)) {
      errors.push(fieldError('file', 'error.field.the_file_kind', { types: rules.allowedTypes.join(', ') }));
      status = 415;
    }
  }
  if (errors.length) return { ok: false, status: errors.every((e) => e.field === 'file') ? status : 400, errors };
  if (file) return { ok: true, value: { title, format, kind: 'file', filename: file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200), mimetype: sniffed!, data: file.data } };
  return { ok: true, value: { title, format, kind: 'link', url } };
}

export async function addResource(db: Kysely<Database>, args: { actor: Actor; dataset: DatasetRow; value: ResourceValue; now: Date; requestId: string }): Promise<void> {
  const { value: v, dataset: d, now } = args;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    // A file is served by the resource's counted download, so it has no address of its own.
    const url = v.kind === 'link' ? v.url : null;
    const fileId = v.kind === 'file' ? await insertFile(trx, { sha256: createHash('sha256').update(v.data).digest('hex'), filename: v.filename, content_type: v.mimetype, size: v.data.length, data: v.data, uploaded_by: args.actor.id, created_at: at }) : null;
    const key = `officer-${createHash('sha256').update(`${at}:${v.title}:${url ?? fileId}`).digest('hex').slice(0, 12)}`;
    await insertResourceIfMissing(trx, { dataset_id: d.id, key, kind: v.kind, title: v.title, format: v.format, media_type: v.kind === 'file' ? v.mimetype : null, url, file_id: fileId, table_id: null, download_count: 0, created_at: at });
    await updateDataset(trx, d.id, { updated_at: at });
    await recordAudit(trx, { actor: args.actor, action: 'dataset.resource_added', entityType: 'dataset', entityId: d.id, entityLabel: d.slug, public: true, after: { title: v.title, format: v.format, kind: v.kind, url }, at: now, requestId: args.requestId });
  });
}
