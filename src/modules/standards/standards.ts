// The Participation and Co-Creation Standards as rules over the platform's records. The rule set
// (wording, thresholds, which check a rule uses) is data: data/standards/participation-co-creation.json.
// The checks are pure: they see facts gathered from the records and answer pass, fail or
// not_enough_data, with the evidence and what is missing. What the records cannot decide is never guessed.

export type Result = 'pass' | 'fail' | 'not_enough_data';

export interface Evidence {
  label: string;
  url: string;
}

export interface DatedMeeting {
  title: string;
  /** YYYY-MM-DD when the record gives the day; null otherwise. */
  day: string | null;
  /** The year when the record gives at least the year. */
  year: number | null;
  occurrences: number;
  /** exact | approximate | minimum | not_given */
  occurrences_qualifier: string;
  url: string;
}

export interface Facts {
  plan: { period_start: number; period_end: number; url: string; published: boolean };
  forum: { name: string; start_label: string | null; url: string } | null;
  forumSectors: string[];
  forumMeetings: DatedMeeting[];
  /** Meetings of the forum and of its working groups during implementation. */
  implementationMeetings: DatedMeeting[];
  call: { title: string; opens_on: string | null; timeline_published_on: string | null; url: string } | null;
  proposals: { total: number; answered_with_reason: number; overdue_without_answer: number; url: string };
  repository: { documents_by_half_year: Record<string, number> | null };
}

export interface Outcome {
  result: Result;
  evidence: Evidence[];
  /** Keys of standards.missing.* naming what the records lack. */
  missing: string[];
}

type Check = (f: Facts, params: Record<string, number>) => Outcome;

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const meetingEvidence = (ms: DatedMeeting[]) => ms.map((m) => ({ label: m.title, url: m.url }));

export const CHECKS: Record<string, Check> = {
  forum_established(f) {
    if (!f.forum) return { result: 'not_enough_data', evidence: [], missing: ['forum'] };
    return { result: 'pass', evidence: [{ label: f.forum.start_label ? `${f.forum.name} (${f.forum.start_label})` : f.forum.name, url: f.forum.url }], missing: [] };
  },

  /** The largest gap between dated meetings, and from the period's start and to its end, against a maximum. */
  forum_meeting_gaps(f, p) {
    if (!f.forum) return { result: 'not_enough_data', evidence: [], missing: ['forum'] };
    const dated = f.forumMeetings.filter((m) => m.day !== null);
    const undatedOrUncounted = f.forumMeetings.some((m) => m.day === null || m.occurrences_qualifier !== 'exact' || m.occurrences !== 1);
    if (dated.length === 0) return { result: 'not_enough_data', evidence: meetingEvidence(f.forumMeetings), missing: ['meeting_days'] };
    const points = [`${f.plan.period_start}-01-01`, ...dated.map((m) => m.day!).sort(), `${f.plan.period_end}-12-31`];
    let largest = 0;
    for (let i = 1; i < points.length; i++) largest = Math.max(largest, days(points[i - 1]!, points[i]!));
    if (largest <= p.max_gap_days!) return { result: 'pass', evidence: meetingEvidence(dated), missing: [] };
    // A gap is decided only when every meeting record is a single dated meeting: a record that counts
    // meetings without their days may hold the meetings that close the gap.
    if (undatedOrUncounted) return { result: 'not_enough_data', evidence: meetingEvidence(f.forumMeetings), missing: ['meeting_days'] };
    return { result: 'fail', evidence: meetingEvidence(dated), missing: [] };
  },

  /** Government and non-governmental members both present (members named or composition by sector). */
  forum_sectors(f) {
    if (!f.forum) return { result: 'not_enough_data', evidence: [], missing: ['forum'] };
    const gov = f.forumSectors.includes('government');
    const other = f.forumSectors.some((s) => s !== 'government');
    const evidence = [{ label: f.forum.name, url: f.forum.url }];
    if (gov && other) return { result: 'pass', evidence, missing: [] };
    return { result: 'not_enough_data', evidence, missing: [gov ? 'non_government_members' : 'government_members'] };
  },

  plan_published(f) {
    return f.plan.published ? { result: 'pass', evidence: [{ label: f.plan.url, url: f.plan.url }], missing: [] } : { result: 'fail', evidence: [], missing: [] };
  },

  /** Dated repository documents per half-year of the period; the repository is another module's. */
  repository_updates(f, p) {
    const counts = f.repository.documents_by_half_year;
    if (!counts) return { result: 'not_enough_data', evidence: [], missing: ['repository'] };
    const perHalf = Math.ceil(p.per_year! / 2);
    const halves: string[] = [];
    for (let y = f.plan.period_start; y <= f.plan.period_end; y++) halves.push(`${y}-H1`, `${y}-H2`);
    const short = halves.filter((h) => (counts[h] ?? 0) < perHalf);
    return short.length === 0 ? { result: 'pass', evidence: [], missing: [] } : { result: 'fail', evidence: [], missing: ['repository_half_years'] };
  },

  timeline_in_advance(f, p) {
    if (!f.call) return { result: 'not_enough_data', evidence: [], missing: ['call'] };
    const evidence = [{ label: f.call.title, url: f.call.url }];
    const missing = [...(f.call.opens_on ? [] : ['call_opening']), ...(f.call.timeline_published_on ? [] : ['timeline_publication'])];
    if (missing.length) return { result: 'not_enough_data', evidence, missing };
    return { result: days(f.call.timeline_published_on!, f.call.opens_on!) >= p.days_before! ? 'pass' : 'fail', evidence, missing: [] };
  },

  reasoned_responses(f) {
    const q = f.proposals;
    const evidence = [{ label: `${q.answered_with_reason} / ${q.total}`, url: q.url }];
    if (q.total === 0) return { result: 'not_enough_data', evidence: [], missing: ['proposals'] };
    if (q.overdue_without_answer > 0) return { result: 'fail', evidence, missing: [] };
    if (q.answered_with_reason === q.total) return { result: 'pass', evidence, missing: [] };
    return { result: 'not_enough_data', evidence, missing: ['responses_pending'] };
  },

  /** Meetings a year during implementation, counted from records that give the year and an exact count. */
  meetings_per_year(f, p) {
    const years: number[] = [];
    for (let y = f.plan.period_start; y <= f.plan.period_end; y++) years.push(y);
    const counted = f.implementationMeetings.filter((m) => m.year !== null && m.occurrences_qualifier !== 'not_given');
    const perYear = new Map(years.map((y) => [y, counted.filter((m) => m.year === y).reduce((n, m) => n + m.occurrences, 0)]));
    const evidence = meetingEvidence(counted);
    if (years.every((y) => perYear.get(y)! >= p.per_year!)) return { result: 'pass', evidence, missing: [] };
    return { result: 'not_enough_data', evidence: meetingEvidence(f.implementationMeetings), missing: ['meetings_by_year'] };
  },
};

export interface RuleSpec {
  id: string;
  check: string;
  params: Record<string, number>;
  requirement: { en: string; ko: string };
}

export interface RuleSetVersion {
  version: string;
  title: { en: string; ko: string };
  applies_to: string;
  rules: RuleSpec[];
}

/** Plans that began before 2022 are held to the 2017 standards, later ones to the 2022 standards. */
export function versionFor(periodStart: number, versions: RuleSetVersion[]): RuleSetVersion | undefined {
  return versions.find((v) => v.version === (periodStart < 2022 ? '2017' : '2022'));
}

export function evaluate(version: RuleSetVersion, facts: Facts) {
  return version.rules.map((r) => {
    const check = CHECKS[r.check];
    if (!check) throw new Error(`rule ${r.id}: no check "${r.check}"`);
    return { id: r.id, requirement: r.requirement, ...check(facts, r.params) };
  });
}
