// What the action plans offer to search: commitments (with their progress updates), milestones and
// the IRM's recommendations. Every plan record is public.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { joinText, numericIds, type SearchDocument, type SearchSource } from '../../platform/search-source.ts';
import { detectLang } from '../search/search-text.ts';
import { LEVELS } from './level.ts';

type DB = Kysely<Database>;

async function commitments(db: DB, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('commitments as c')
    .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
    .innerJoin('organizations as o', 'o.id', 'c.lead_organization_id')
    .select(['c.id', 'c.code', 'c.title', 'c.description', 'c.public_problem', 'c.results', 'c.next_steps', 'c.lead_agency_text', 'c.level', 'c.start_sort', 'p.slug', 'o.key as org']);
  if (only) q = q.where('c.id', 'in', only);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  let u = db.selectFrom('progress_updates').select(['commitment_id', 'body']).orderBy('id');
  if (only) u = u.where('commitment_id', 'in', only);
  const updates = new Map<number, string[]>();
  for (const r of await u.execute()) updates.set(r.commitment_id, [...(updates.get(r.commitment_id) ?? []), r.body]);
  return rows.map((c) => {
    const body = joinText(c.description, c.public_problem, c.results, c.next_steps, c.lead_agency_text, ...(updates.get(c.id) ?? []));
    return { kind: 'commitment', entityType: 'commitment', entityId: String(c.id), url: `/plans/${c.slug}/commitments/${c.code}`, title: `${c.code}. ${c.title}`, body, organization: c.org, state: c.level, date: c.start_sort, plan: c.slug, lang: detectLang(c.title + body) };
  });
}

async function milestones(db: DB, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('milestones as m')
    .innerJoin('commitments as c', 'c.id', 'm.commitment_id')
    .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
    .innerJoin('organizations as o', 'o.id', 'c.lead_organization_id')
    .select(['m.id', 'm.title', 'm.level', 'm.start_sort', 'c.code', 'c.title as commitment_title', 'p.slug', 'o.key as org']);
  if (only) q = q.where('m.id', 'in', only);
  return (await q.execute()).map((m) => ({
    kind: 'milestone',
    entityType: 'milestone',
    entityId: String(m.id),
    url: `/plans/${m.slug}/commitments/${m.code}`,
    title: m.title,
    body: `${m.code}. ${m.commitment_title}`,
    organization: m.org,
    state: m.level,
    date: m.start_sort,
    plan: m.slug,
    lang: detectLang(m.title),
  }));
}

async function irmRecommendations(db: DB, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db.selectFrom('irm_recommendations as r').innerJoin('action_plans as p', 'p.id', 'r.plan_id').select(['r.id', 'r.number', 'r.title', 'r.response', 'p.slug', 'p.period_start']);
  if (only) q = q.where('r.id', 'in', only);
  return (await q.execute()).map((r) => ({
    kind: 'irm_recommendation',
    entityType: 'irm_recommendation',
    entityId: String(r.id),
    url: `/plans/${r.slug}`,
    title: r.title,
    body: r.response ?? '',
    organization: null,
    state: null,
    date: r.period_start,
    plan: r.slug,
    lang: detectLang(r.title),
  }));
}

export const planSearchSources: SearchSource[] = [
  { entityType: 'commitment', kind: 'commitment', states: LEVELS, stateLabels: 'level', load: commitments },
  { entityType: 'milestone', kind: 'milestone', states: LEVELS, stateLabels: 'level', load: milestones },
  { entityType: 'irm_recommendation', kind: 'irm_recommendation', load: irmRecommendations },
];
