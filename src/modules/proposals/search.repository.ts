// What the proposals offer to search: every proposal not hidden by moderation, as the public lists show them.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { joinText, numericIds, type SearchDocument, type SearchSource } from '../../platform/search-source.ts';
import { detectLang } from '../search/search-text.ts';
import { STATES } from './proposal-state.ts';

async function proposals(db: Kysely<Database>, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('proposals as p')
    .leftJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.id', 'p.title', 'p.body', 'p.state', 'p.policy_text', 'p.organization_text', 'p.submitted_at', 'p.period_label', 'p.author_locale', 'o.key as org'])
    .where('p.hidden_at', 'is', null);
  if (only) q = q.where('p.id', 'in', only);
  return (await q.execute()).map((p) => {
    const body = joinText(p.body, p.policy_text, p.organization_text);
    const lang = p.author_locale === 'ko' || p.author_locale === 'en' ? p.author_locale : detectLang(p.title + body);
    return { kind: 'proposal', entityType: 'proposal', entityId: String(p.id), url: `/proposals/${p.id}`, title: p.title, body, organization: p.org, state: p.state, date: p.submitted_at ?? p.period_label, plan: null, lang };
  });
}

export const proposalSearchSources: SearchSource[] = [{ entityType: 'proposal', kind: 'proposal', states: STATES, stateLabels: 'proposals.state', load: proposals }];
