// The repository of a plan or of one commitment, gathered from the records: the documents staff
// published, and the progress updates with the evidence already attached to them (read, not copied).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadPlanTree, loadTimeline, type CommitmentNode, type PlanTree } from '../action-plans/plan-tree.ts';
import { DOCUMENT_KINDS, isDocumentKind, updatesPerHalfYear, type HalfYear, type Stream } from './repository-history.ts';
import { listDocuments } from './repository.repository.ts';

export interface ItemFile {
  title: string;
  /** Site-relative address: a download on this site, or the link as the officer gave it. */
  href: string;
  external: boolean;
  content_type: string | null;
  size: number | null;
}

interface ItemBase {
  id: number;
  published_at: string;
  /** The day the item is about: the document's date, or the day the progress happened. */
  date: string;
  stream: Stream;
  commitment: { code: string; title: string } | null;
  by: string;
}

export type RepositoryItem =
  | (ItemBase & { type: 'document'; kind: string; title: string; description: string | null; file: ItemFile })
  | (ItemBase & { type: 'progress_update'; body: string; evidence: ItemFile[] });

export interface Repository {
  tree: PlanTree;
  commitment: CommitmentNode | null;
  items: RepositoryItem[];
  half_years: HalfYear[];
}

export const documentHref = (slug: string, id: number) => `/plans/${encodeURIComponent(slug)}/repository/documents/${id}`;
export const itemAnchor = (item: { type: string; id: number }) => `${item.type === 'document' ? 'document' : 'update'}-${item.id}`;

/** A plan's repository (or a commitment's, with `code`); null when there is no such plan or commitment. */
export async function loadRepository(db: Kysely<Database>, slug: string, code?: string): Promise<Repository | null> {
  const tree = await loadPlanTree(db, slug);
  if (!tree) return null;
  const commitment = code === undefined ? null : (tree.commitments.find((c) => c.code === code) ?? null);
  if (code !== undefined && !commitment) return null;
  const commitments = commitment ? [commitment] : tree.commitments;
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const [documents, timeline] = await Promise.all([listDocuments(db, tree.plan.id, commitment?.id), loadTimeline(db, [...byId.keys()])]);
  const items: RepositoryItem[] = documents.map((d) => ({
    type: 'document',
    id: d.id,
    published_at: d.published_at,
    date: d.document_date,
    stream: isDocumentKind(d.kind) ? DOCUMENT_KINDS[d.kind] : 'process',
    commitment: d.commitment_code ? { code: d.commitment_code, title: d.commitment_title ?? '' } : null,
    by: d.uploader_organization ?? d.uploaded_label,
    kind: d.kind,
    title: d.title,
    description: d.description,
    file: { title: d.filename, href: documentHref(slug, d.id), external: false, content_type: d.content_type, size: d.size },
  }));
  for (const [commitmentId, entries] of timeline) {
    const c = byId.get(commitmentId)!;
    for (const e of entries) {
      items.push({
        type: 'progress_update',
        id: e.id,
        published_at: e.posted_at,
        date: e.occurred_on,
        stream: 'implementation',
        commitment: { code: c.code, title: c.title },
        by: e.author_organization ?? e.author_label,
        body: e.body,
        evidence: e.evidence.map((x) => ({
          title: x.title,
          href: x.file_id !== null ? `/files/${x.file_id}` : (x.url ?? ''),
          external: x.file_id === null,
          content_type: x.content_type,
          size: x.size,
        })),
      });
    }
  }
  items.sort((a, b) => (a.published_at < b.published_at ? 1 : a.published_at > b.published_at ? -1 : b.id - a.id));
  return { tree, commitment, items, half_years: updatesPerHalfYear(items) };
}

/** The repository's updates per half-year for a plan, for the standards' rule 2.2; null when there is no such plan. */
export async function repositoryHalfYears(db: Kysely<Database>, slug: string, range?: { from: string; to: string }): Promise<HalfYear[] | null> {
  const repo = await loadRepository(db, slug);
  return repo ? updatesPerHalfYear(repo.items, range) : null;
}
