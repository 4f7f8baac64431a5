// What the bodies offer to search: forums, committees and panels, and their meetings (all public).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { joinText, numericIds, type SearchDocument, type SearchSource } from '../../platform/search-source.ts';
import { MEETING_FORM_KINDS } from './commands/record-meeting.ts';
import { detectLang } from '../search/search-text.ts';

type DB = Kysely<Database>;

async function meetings(db: DB, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .leftJoin('organizations as o', 'o.id', 'b.organization_id')
    .leftJoin('action_plans as p', 'p.id', 'b.plan_id')
    .select(['m.id', 'm.title', 'm.kind', 'm.place', 'm.minutes', 'm.decisions', 'm.start_sort', 'b.key as body_key', 'b.name as body_name', 'o.key as org', 'p.slug as plan']);
  if (only) q = q.where('m.id', 'in', only);
  return (await q.execute()).map((m) => {
    const body = joinText(m.body_name, m.place, m.minutes, m.decisions);
    return { kind: 'meeting', entityType: 'meeting', entityId: String(m.id), url: `/bodies/${m.body_key}/meetings/${m.id}`, title: m.title, body, organization: m.org, state: m.kind, date: m.start_sort, plan: m.plan, lang: detectLang(m.title + body) };
  });
}

async function bodies(db: DB, ids?: readonly string[]): Promise<SearchDocument[]> {
  const only = numericIds(ids);
  if (only?.length === 0) return [];
  let q = db
    .selectFrom('bodies as b')
    .leftJoin('organizations as o', 'o.id', 'b.organization_id')
    .leftJoin('action_plans as p', 'p.id', 'b.plan_id')
    .select(['b.id', 'b.key', 'b.name', 'b.kind', 'b.description', 'b.start_sort', 'o.key as org', 'p.slug as plan']);
  if (only) q = q.where('b.id', 'in', only);
  return (await q.execute()).map((b) => ({ kind: 'body', entityType: 'body', entityId: String(b.id), url: `/bodies/${b.key}`, title: b.name, body: b.description ?? '', organization: b.org, state: null, date: b.start_sort, plan: b.plan, lang: detectLang(b.name + (b.description ?? '')) }));
}

export const bodySearchSources: SearchSource[] = [
  { entityType: 'meeting', kind: 'meeting', states: MEETING_FORM_KINDS, stateLabels: 'bodies.meeting_kind', load: meetings },
  { entityType: 'body', kind: 'body', load: bodies },
];
