// What the open-data catalog offers to search: every data set of the catalog (all are public).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { joinText, numericIds, type SearchDocument, type SearchSource } from '../../platform/search-source.ts';
import { detectLang } from '../search/search-text.ts';

async function datasets(db: Kysely<Database>, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('od_datasets as d')
    .leftJoin('organizations as o', 'o.id', 'd.organization_id')
    .select(['d.id', 'd.slug', 'd.title', 'd.description', 'd.theme', 'd.keywords', 'd.issued', 'd.modified', 'd.created_at', 'o.key as org']);
  if (only) q = q.where('d.id', 'in', only);
  return (await q.execute()).map((d) => {
    const body = joinText(d.description, d.theme, d.keywords.split(';').join(', '));
    return { kind: 'dataset', entityType: 'dataset', entityId: String(d.id), url: `/open-data/datasets/${d.slug}`, title: d.title, body, organization: d.org, state: null, date: d.issued ?? d.modified ?? d.created_at, plan: null, lang: detectLang(d.title + body) };
  });
}

export const openDataSearchSources: SearchSource[] = [{ entityType: 'dataset', kind: 'dataset', load: datasets }];
