// Gathers the facts the standards' checks need from the records of other modules (bodies, proposals,
// action plans, the OGP repository), through their own functions.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/schema.ts';
import type { ActionPlansTable } from '../action-plans/action-plans.table.ts';
import { listBodies, listComposition, listMeetings, listMembers, type MeetingRow } from '../bodies/bodies.repository.ts';
import { readChecked } from '../bodies/seed-files.ts';
import { listCalls, listProposals, listResponses } from '../proposals/proposals.repository.ts';
import { seoulDay } from '../proposals/proposal-rules.ts';
import { repositoryHalfYears } from '../repository/index.ts';
import type { Selectable } from 'kysely';
import type { DatedMeeting, Facts, RuleSetVersion } from './standards.ts';

const Wording = Type.Object({ en: Type.String({ minLength: 1 }), ko: Type.String({ minLength: 1 }) });
export const RuleSetFile = Type.Object({
  source: Type.String(),
  versions: Type.Array(
    Type.Object({
      version: Type.String(),
      title: Wording,
      applies_to: Type.String(),
      rules: Type.Array(Type.Object({ id: Type.String(), check: Type.String(), params: Type.Record(Type.String(), Type.Number()), requirement: Wording })),
    }),
  ),
});

/** The rule set an operator edits: data/standards/participation-co-creation.json, read and checked. */
export function readRuleSet(dataDir: string): { source: string; versions: RuleSetVersion[] } {
  return readChecked(join(dataDir, 'standards', 'participation-co-creation.json'), RuleSetFile);
}

function dated(m: MeetingRow, baseUrl: string, bodyKey: string): DatedMeeting {
  const year = m.start_value && /^\d{4}/.test(m.start_value) ? Number(m.start_value.slice(0, 4)) : null;
  return {
    title: m.title,
    day: m.start_precision === 'day' && m.occurrences === 1 ? m.start_value : null,
    year,
    occurrences: m.occurrences,
    occurrences_qualifier: m.occurrences_qualifier,
    url: `${baseUrl}/bodies/${bodyKey}#meeting-${m.id}`,
  };
}

export async function gatherFacts(db: Kysely<Database>, plan: Selectable<ActionPlansTable>, baseUrl: string, today: string): Promise<Facts> {
  const calls = (await listCalls(db)).filter((c) => c.plan_id === plan.id);
  const call = calls[0] ?? null;
  const bodies = await listBodies(db);
  // The multi-stakeholder forum is the body that runs the plan's co-creation (its call's body).
  const forum = bodies.find((b) => b.id === call?.body_id) ?? null;
  const family = forum ? bodies.filter((b) => b.id === forum.id || b.parent_id === forum.id) : [];
  const keyOf = new Map(bodies.map((b) => [b.id, b.key]));
  const [members, composition, meetings] = forum
    ? await Promise.all([listMembers(db, family.map((b) => b.id)), listComposition(db, [forum.id]), listMeetings(db, family.map((b) => b.id))])
    : [[], [], []];
  const sectors = [...new Set([...members.filter((m) => m.body_id === forum?.id).map((m) => m.sector), ...composition.map((c) => c.sector).filter((s): s is string => !!s)])];

  const proposals = (await Promise.all(calls.map((c) => listProposals(db, { callId: c.id })))).flat();
  const responses = await listResponses(db, proposals.map((p) => p.id));
  const answered = new Set(responses.filter((r) => r.reason.trim() !== '').map((r) => r.proposal_id));
  const overdue = proposals.filter((p) => !answered.has(p.id) && p.response_due_on !== null && p.response_due_on < today).length;

  const start = Number(plan.period_start.slice(0, 4));
  const end = Number(plan.period_end.slice(0, 4));
  return {
    plan: { period_start: start, period_end: end, url: `${baseUrl}/plans/${plan.slug}`, published: true },
    forum: forum ? { name: forum.name, start_label: forum.start_label, url: `${baseUrl}/bodies/${forum.key}` } : null,
    forumSectors: sectors,
    forumMeetings: meetings.filter((m) => m.body_id === forum?.id).map((m) => dated(m, baseUrl, forum!.key)),
    implementationMeetings: meetings.map((m) => dated(m, baseUrl, keyOf.get(m.body_id) ?? '')),
    // A call opened on the platform publishes its timeline with it, so its creation day is the
    // publication day; an imported call (the seed's) has no such record, and the rule says so.
    call: call ? { title: call.title, opens_on: call.opens_on, timeline_published_on: call.created_by !== null ? seoulDay(new Date(call.created_at)) : null, url: `${baseUrl}/calls/${call.slug}` } : null,
    proposals: { total: proposals.length, answered_with_reason: answered.size, overdue_without_answer: overdue, url: call ? `${baseUrl}/calls/${call.slug}` : `${baseUrl}/proposals` },
    repository: { documents_by_half_year: await documentsByHalfYear(db, plan) },
  };
}

/**
 * The items added to the plan's repository on this platform in each half-year of the plan's period.
 * None at all in the period says only that the platform was not where the repository was kept (a
 * plan imported after its end): that is not enough data, not a failure.
 */
/** A period bound as the plan records it (year, month or day) as a day: the first or the last of it. */
const firstDay = (v: string) => (v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v);
const lastDay = (v: string) => (v.length === 4 ? `${v}-12-31` : v.length === 7 ? `${v}-28` : v);

async function documentsByHalfYear(db: Kysely<Database>, plan: Selectable<ActionPlansTable>): Promise<Record<string, number> | null> {
  const halves = await repositoryHalfYears(db, plan.slug, { from: firstDay(plan.period_start), to: lastDay(plan.period_end) });
  if (!halves || halves.every((h) => h.total === 0)) return null;
  return Object.fromEntries(halves.map((h) => [h.half, h.total]));
}
