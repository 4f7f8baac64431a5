import { formatNumber } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';

const KINDS = ['forum', 'committee', 'sub_committee', 'working_group', 'panel', 'term'];
const MEETING_KINDS = ['plenary', 'working_level', 'sub_committee', 'workshop', 'open_forum', 'monitoring', 'team', 'delegation'];
const UNITS = ['people', 'teams', 'organizations', 'agreements', 'meetings'];
const QUALIFIERS = ['exact', 'approximate', 'minimum', 'not_given'];
const ROLES = ['chair', 'delegation', 'team', 'steering_committee', 'member', 'lead'];
const SECTORS = ['government', 'civil_society', 'academia', 'business', 'press', 'citizen', 'mixed'];

export const kindName = (ctx: ViewContext, k: string) => (KINDS.includes(k) ? ctx.t(`bodies.kind.${k}`) : k);
export const meetingKindName = (ctx: ViewContext, k: string) => (MEETING_KINDS.includes(k) ? ctx.t(`bodies.meeting_kind.${k}`) : k);
export const roleName = (ctx: ViewContext, r: string | null) => (r && ROLES.includes(r) ? ctx.t(`bodies.role.${r}`) : (r ?? '—'));
export const sectorName = (ctx: ViewContext, s: string | null) => (s && SECTORS.includes(s) ? ctx.t(`bodies.sector.${s}`) : (s ?? '—'));

/** "nearly 200 people", "more than 100 meetings", "약 200명": a count with the qualifier the source gives. */
export function countText(ctx: ViewContext, count: number | null, qualifier: string, unit: string): string {
  const q = QUALIFIERS.includes(qualifier) ? qualifier : 'exact';
  if (q === 'not_given' || count === null) return ctx.t('bodies.count.not_given');
  return ctx.t(`bodies.count.${q}`, { count: formatNumber(ctx.locale, count) as unknown as number, unit: UNITS.includes(unit) ? ctx.t(`bodies.unit.${unit}`) : unit });
}
