// What the petitions offer to search: public petitions only (never a draft or one awaiting moderation).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { joinText, numericIds, type SearchDocument, type SearchSource } from '../../platform/search-source.ts';
import { detectLang } from '../search/search-text.ts';
import { HIDDEN, PETITION_STATES } from './petition-state.ts';

async function petitions(db: Kysely<Database>, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('petitions as p')
    .innerJoin('channels as c', 'c.id', 'p.channel_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['p.id', 'p.title', 'p.body', 'p.state', 'p.rejection_reason', 'p.open_at', 'p.created_at', 'c.title as channel', 'o.key as org'])
    .where('p.state', 'not in', PETITION_STATES.filter((s) => HIDDEN.has(s)));
  if (only) q = q.where('p.id', 'in', only);
  return (await q.execute()).map((p) => {
    const body = joinText(p.body, p.rejection_reason, p.channel);
    return { kind: 'petition', entityType: 'petition', entityId: String(p.id), url: `/petitions/${p.id}`, title: p.title, body, organization: p.org, state: p.state, date: p.open_at ?? p.created_at, plan: null, lang: detectLang(p.title + body) };
  });
}

export const petitionSearchSources: SearchSource[] = [{ entityType: 'petition', kind: 'petition', states: PETITION_STATES.filter((s) => !HIDDEN.has(s)), stateLabels: 'petitions.state', load: petitions }];
