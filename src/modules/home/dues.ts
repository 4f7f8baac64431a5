// Answers due and overdue, by organization: pure rules over what each module records as awaiting an answer.
import { addDays, seoulDay } from '../proposals/proposal-rules.ts';

export const DUE_KINDS = ['proposal', 'petition', 'error_report', 'data_request'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  kind: DueKind;
  title: string;
  href: string;
  organization_key: string | null;
  organization_name: string | null;
  /** The last day to answer (YYYY-MM-DD, Korean time), or null where the module records no deadline. */
  due_on: string | null;
}

export interface OrganizationDues {
  key: string | null;
  name: string | null;
  awaiting: Record<DueKind, number>;
  overdue: Record<DueKind, number>;
  total: number;
  overdueTotal: number;
}

/** Overdue: the last day to answer has passed in Korea, where the deadlines are kept. */
export function isPastDue(item: { due_on: string | null }, today: string): boolean {
  return item.due_on !== null && item.due_on < today;
}

/** A petition's last day for the committee's answer: the channel's days counted from the threshold, where the channel sets them. */
export function petitionDueOn(thresholdReachedAt: string | null, responseDays: number | null): string | null {
  if (!thresholdReachedAt || !responseDays) return null;
  return addDays(seoulDay(new Date(thresholdReachedAt)), responseDays);
}

/** An error report's deadline is an instant; its last day is that instant's day in Korea. */
export function dayOfInstant(iso: string): string {
  return seoulDay(new Date(iso));
}

const zero = (): Record<DueKind, number> => ({ proposal: 0, petition: 0, error_report: 0, data_request: 0 });

/** Groups by organization: those with overdue answers first, then by how many they await. Items without an organization are the administrators'. */
export function duesByOrganization(items: DueItem[], today: string): OrganizationDues[] {
  const groups = new Map<string, OrganizationDues>();
  for (const it of items) {
    const id = it.organization_key ?? `text:${it.organization_name ?? ''}`;
    const g = groups.get(id) ?? { key: it.organization_key, name: it.organization_name, awaiting: zero(), overdue: zero(), total: 0, overdueTotal: 0 };
    g.awaiting[it.kind] += 1;
    g.total += 1;
    if (isPastDue(it, today)) {
      g.overdue[it.kind] += 1;
      g.overdueTotal += 1;
    }
    groups.set(id, g);
  }
  return [...groups.values()].sort((a, b) => b.overdueTotal - a.overdueTotal || b.total - a.total || (a.name ?? '').localeCompare(b.name ?? ''));
}

/** The overdue items, the longest overdue first. */
export function overdueItems(items: DueItem[], today: string): DueItem[] {
  return items.filter((i) => isPastDue(i, today)).sort((a, b) => a.due_on!.localeCompare(b.due_on!) || a.title.localeCompare(b.title));
}

/** Whole days from one day to another (negative when it has passed). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first instant of the current month in Korea, as an ISO timestamp: what "this month" means on the home page. */
export function monthStartIso(now: Date): string {
  const month = seoulDay(now).slice(0, 7);
  return new Date(`${month}-01T00:00:00+09:00`).toISOString();
}
