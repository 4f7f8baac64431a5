// What the OGP repository offers to search: the documents staff published (all public).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { joinText, numericIds, type SearchDocument, type SearchSource } from '../../platform/search-source.ts';
import { KINDS } from './repository-history.ts';
import { detectLang } from '../search/search-text.ts';

async function documents(db: Kysely<Database>, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('repository_documents as d')
    .innerJoin('action_plans as p', 'p.id', 'd.plan_id')
    .leftJoin('commitments as c', 'c.id', 'd.commitment_id')
    .leftJoin('organizations as o', 'o.id', 'c.lead_organization_id')
    .select(['d.id', 'd.kind', 'd.title', 'd.description', 'd.document_date', 'p.slug', 'c.code', 'c.title as commitment_title', 'o.key as org']);
  if (only) q = q.where('d.id', 'in', only);
  return (await q.execute()).map((d) => {
    const body = joinText(d.description, d.code ? `${d.code}. ${d.commitment_title}` : null);
    const url = d.code ? `/plans/${d.slug}/commitments/${d.code}/repository` : `/plans/${d.slug}/repository`;
    return { kind: 'document', entityType: 'repository_document', entityId: String(d.id), url, title: d.title, body, organization: d.org, state: d.kind, date: d.document_date, plan: d.slug, lang: detectLang(d.title + body) };
  });
}

export const repositorySearchSources: SearchSource[] = [{ entityType: 'repository_document', kind: 'document', states: KINDS, stateLabels: 'repository.kind', load: documents }];
