// What the home page tells, loaded through the other modules' repositories (no SQL here).
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { listCommitmentsUpdatedSince, listPlans } from '../action-plans/action-plans.repository.ts';
import { loadPlanTree, type PlanTree } from '../action-plans/plan-tree.ts';
import { listUnansweredDataRequests } from '../open-data/data-requests.repository.ts';
import { listOpenErrorReports } from '../open-data/error-reports.repository.ts';
import { listAwaitingCommittee, listPetitionsNearThreshold } from '../petitions/petitions.repository.ts';
import { callStatus, seoulDay } from '../proposals/proposal-rules.ts';
import { listAwaitingResponse, listCalls, type CallRow } from '../proposals/proposals.repository.ts';
import { dayOfInstant, monthStartIso, petitionDueOn, type DueItem } from './dues.ts';
import { nearThresholdPercent } from './home.settings.ts';

export interface HomeData {
  today: string;
  monthStart: string;
  openCalls: CallRow[];
  upcomingCalls: CallRow[];
  nearPercent: number;
  nearThreshold: Awaited<ReturnType<typeof listPetitionsNearThreshold>>;
  updated: Awaited<ReturnType<typeof listCommitmentsUpdatedSince>>;
  dues: DueItem[];
  plans: PlanTree[];
  limit: number;
}

/** Everything awaiting an answer that the modules record, with its deadline where one is recorded. */
export async function loadDues(db: Kysely<Database>): Promise<DueItem[]> {
  const [proposals, petitions, reports, requests] = await Promise.all([listAwaitingResponse(db), listAwaitingCommittee(db), listOpenErrorReports(db), listUnansweredDataRequests(db)]);
  return [
    ...proposals.map((p): DueItem => ({ kind: 'proposal', title: p.title, href: `/proposals/${p.id}`, organization_key: p.organization_key, organization_name: p.organization_name ?? p.organization_text, due_on: p.response_due_on })),
    ...petitions.map((p): DueItem => ({ kind: 'petition', title: p.title, href: `/petitions/${p.id}`, organization_key: p.organization_key, organization_name: p.organization_name, due_on: petitionDueOn(p.threshold_reached_at, p.response_days) })),
    ...reports.map((r): DueItem => ({ kind: 'error_report', title: r.dataset_title, href: `/open-data/datasets/${r.dataset_slug}/reports#report-${r.id}`, organization_key: null, organization_name: r.organization_name, due_on: dayOfInstant(r.due_at) })),
    ...requests.map((r): DueItem => ({ kind: 'data_request', title: r.title, href: `/open-data/requests/${r.id}`, organization_key: r.organization_key, organization_name: r.organization_name, due_on: null })),
  ];
}

export async function loadHome(db: Kysely<Database>, config: Config, now: Date): Promise<HomeData> {
  const today = seoulDay(now);
  const limit = config.homeListLimit;
  const calls = await listCalls(db);
  const byDeadline = (a: CallRow, b: CallRow) => (a.closes_on ?? '').localeCompare(b.closes_on ?? '') || a.title.localeCompare(b.title);
  const nearPercent = await nearThresholdPercent(db, config);
  const monthStart = monthStartIso(now);
  const plans = (await Promise.all((await listPlans(db)).map((p) => loadPlanTree(db, p.slug)))).filter((t): t is PlanTree => t !== null);
  return {
    today,
    monthStart,
    openCalls: calls.filter((c) => callStatus(c, today) === 'open').sort(byDeadline),
    upcomingCalls: calls.filter((c) => callStatus(c, today) === 'upcoming').sort((a, b) => (a.opens_on ?? '').localeCompare(b.opens_on ?? '')),
    nearPercent,
    nearThreshold: await listPetitionsNearThreshold(db, nearPercent, now.toISOString(), limit),
    updated: await listCommitmentsUpdatedSince(db, monthStart, limit),
    dues: await loadDues(db),
    plans,
    limit,
  };
}
