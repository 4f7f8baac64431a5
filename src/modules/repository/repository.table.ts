import type { Generated } from 'kysely';

/** A document a member of staff published to the OGP repository of a plan, or of one of its commitments. */
export interface RepositoryDocumentsTable {
  id: Generated<number>;
  plan_id: number;
  /** null: the document belongs to the plan as a whole. */
  commitment_id: number | null;
  kind: string;
  title: string;
  description: string | null;
  /** The day of the document itself (YYYY-MM-DD), as staff gave it. */
  document_date: string;
  file_id: number;
  uploaded_by: number | null;
  uploaded_label: string;
  /** When it was added to the repository: what "updated at least twice a year" counts. */
  published_at: string;
}
