// The IRM's assessment vocabulary and the starred / promising rules (shared/OGP.md, "IRM assessment
// fields"). Pure: no database, no request. Every scale is a table so that a label or a value can be
// corrected in one place; the rules are computed, never stored.

/** The IRM reports a commitment is assessed in. Older cycles (to 2020) and the 2021 refresh. */
export const IRM_REPORTS = ['design_report', 'progress_report', 'end_of_term_report', 'transitional_results_report', 'action_plan_review', 'results_report'] as const;
export type IrmReport = (typeof IRM_REPORTS)[number];

/** The scale of each field. `null` (not assessed, or not in the source) is always allowed besides these. */
export const IRM_SCALES = {
  specificity: ['none', 'low', 'medium', 'high'],
  relevance_access_to_information: ['yes', 'no'],
  relevance_civic_participation: ['yes', 'no'],
  relevance_public_accountability: ['yes', 'no'],
  relevance_technology: ['yes', 'no'],
  potential_impact: ['none', 'minor', 'moderate', 'transformative'],
  completion: ['no_evidence', 'not_started', 'limited', 'substantial', 'complete'],
  did_it_open_government: ['worsened', 'did_not_change', 'marginal', 'major', 'outstanding'],
  verifiable: ['yes', 'no'],
  open_government_lens: ['yes', 'no'],
  potential_for_results: ['unclear', 'modest', 'substantial'],
} as const;

export type IrmField = keyof typeof IRM_SCALES;
export const IRM_FIELDS = Object.keys(IRM_SCALES) as IrmField[];
export type IrmValues = { [K in IrmField]: (typeof IRM_SCALES)[K][number] | null };

/** The fields of the older reports (to 2020) and of the refreshed ones (since 2021), for showing and for the form. */
export const OLDER_FIELDS: IrmField[] = [
  'specificity',
  'relevance_access_to_information',
  'relevance_civic_participation',
  'relevance_public_accountability',
  'relevance_technology',
  'potential_impact',
  'completion',
  'did_it_open_government',
];
export const REFRESH_FIELDS: IrmField[] = ['verifiable', 'open_government_lens', 'potential_for_results', 'completion'];

/** The reports of the 2021 refresh; the others use the older fields and the starred rule. */
export const REFRESH_REPORTS: readonly IrmReport[] = ['action_plan_review', 'results_report'];
export const isRefreshReport = (report: string) => (REFRESH_REPORTS as readonly string[]).includes(report);

export function emptyValues(): IrmValues {
  return Object.fromEntries(IRM_FIELDS.map((f) => [f, null])) as IrmValues;
}

export function isScaleValue<K extends IrmField>(field: K, v: unknown): v is (typeof IRM_SCALES)[K][number] {
  return typeof v === 'string' && (IRM_SCALES[field] as readonly string[]).includes(v);
}

/** A rule's answer: met, not met, or the fields cannot tell (a field it needs is not assessed). */
export type RuleResult = 'yes' | 'no' | 'not_enough_data';

/** A condition over one field: null when the field is not assessed. */
type Condition = (v: IrmValues) => boolean | null;

const inSet =
  (field: IrmField, accepted: readonly string[]): Condition =>
  (v) =>
    v[field] === null ? null : accepted.includes(v[field] as string);

/** Relevant to at least one of the three values the starred rule names (technology alone does not count). */
const relevantToCoreValue: Condition = (v) => {
  const cells = [v.relevance_access_to_information, v.relevance_civic_participation, v.relevance_public_accountability];
  if (cells.includes('yes')) return true;
  return cells.includes(null) ? null : false;
};

/**
 * The rules as data. Starred (older reports): medium or high specificity, relevant to access to
 * information, civic participation or public accountability, transformative potential impact, and
 * substantial or complete. "Potentially starred" is the design-time part, without completion.
 * Promising (refresh, to confirm against the IRM's methodology): verifiable, with an open-government
 * lens, and substantial potential for results.
 */
export const IRM_RULES = {
  potentially_starred: [inSet('specificity', ['medium', 'high']), relevantToCoreValue, inSet('potential_impact', ['transformative'])],
  starred: [inSet('specificity', ['medium', 'high']), relevantToCoreValue, inSet('potential_impact', ['transformative']), inSet('completion', ['substantial', 'complete'])],
  promising: [inSet('verifiable', ['yes']), inSet('open_government_lens', ['yes']), inSet('potential_for_results', ['substantial'])],
} as const satisfies Record<string, readonly Condition[]>;

export type IrmRule = keyof typeof IRM_RULES;
export const IRM_RULE_NAMES = Object.keys(IRM_RULES) as IrmRule[];

/** The fields and rules a report of either family shows (all are computed and published in the API). */
export function shownFor(report: string): { fields: IrmField[]; rules: IrmRule[] } {
  return isRefreshReport(report) ? { fields: REFRESH_FIELDS, rules: ['promising'] } : { fields: OLDER_FIELDS, rules: ['potentially_starred', 'starred'] };
}

/** All conditions must hold: one that fails decides "no" even when others are not assessed. */
export function evaluateRule(rule: IrmRule, v: IrmValues): RuleResult {
  const results = IRM_RULES[rule].map((c) => c(v));
  if (results.includes(false)) return 'no';
  if (results.includes(null)) return 'not_enough_data';
  return 'yes';
}

export function evaluateAll(v: IrmValues): Record<IrmRule, RuleResult> {
  return Object.fromEntries(IRM_RULE_NAMES.map((r) => [r, evaluateRule(r, v)])) as Record<IrmRule, RuleResult>;
}

/** True when no field has been assessed: the page then says so instead of showing a column of blanks. */
export function isUnassessed(v: IrmValues): boolean {
  return IRM_FIELDS.every((f) => v[f] === null);
}

/** An IRM commitment id: the ISO country code and four digits (KR0036). */
export const IRM_ID_PATTERN = '^[A-Z]{2,3}[0-9]{4}$';
