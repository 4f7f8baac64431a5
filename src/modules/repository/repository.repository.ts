// All SQL of the repository module.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type DB = Kysely<Database>;

export interface DocumentRow {
  id: number;
  plan_id: number;
  commitment_id: number | null;
  commitment_code: string | null;
  commitment_title: string | null;
  kind: string;
  title: string;
  description: string | null;
  document_date: string;
  file_id: number;
  filename: string;
  content_type: string;
  size: number;
  uploaded_label: string;
  uploader_organization: string | null;
  published_at: string;
}

function documentQuery(db: DB) {
  return db
    .selectFrom('repository_documents as d')
    .innerJoin('files', 'files.id', 'd.file_id')
    .leftJoin('commitments', 'commitments.id', 'd.commitment_id')
    .leftJoin('users', 'users.id', 'd.uploaded_by')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'd.id',
      'd.plan_id',
      'd.commitment_id',
      'commitments.code as commitment_code',
      'commitments.title as commitment_title',
      'd.kind',
      'd.title',
      'd.description',
      'd.document_date',
      'd.file_id',
      'files.filename',
      'files.content_type',
      'files.size',
      'd.uploaded_label',
      'organizations.name as uploader_organization',
      'd.published_at',
    ]);
}

/** A plan's documents, newest first; with a commitment id, only that commitment's. */
export async function listDocuments(db: DB, planId: number, commitmentId?: number): Promise<DocumentRow[]> {
  let q = documentQuery(db).where('d.plan_id', '=', planId);
  if (commitmentId !== undefined) q = q.where('d.commitment_id', '=', commitmentId);
  return q.orderBy('d.document_date', 'desc').orderBy('d.id', 'desc').execute();
}

export async function findDocument(db: DB, planId: number, id: number) {
  return db
    .selectFrom('repository_documents as d')
    .innerJoin('files', 'files.id', 'd.file_id')
    .select(['d.id', 'files.filename', 'files.content_type', 'files.size', 'files.data', 'files.sha256'])
    .where('d.plan_id', '=', planId)
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function insertDocument(
  db: DB,
  d: { plan_id: number; commitment_id: number | null; kind: string; title: string; description: string | null; document_date: string; file_id: number; uploaded_by: number; uploaded_label: string; published_at: string },
): Promise<number> {
  return (await db.insertInto('repository_documents').values(d).returning('id').executeTakeFirstOrThrow()).id;
}
