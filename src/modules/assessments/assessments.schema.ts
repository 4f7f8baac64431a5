// Schemas of the module: the data file (data/plans/<slug>/irm-commitments.json) and the API shapes.
import { Type, type Static } from 'typebox';
import { IRM_FIELDS, IRM_ID_PATTERN, IRM_REPORTS, IRM_RULE_NAMES, IRM_SCALES, type IrmField } from './irm.ts';

const N = Type.Union([Type.String(), Type.Null()]);
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** One nullable property per IRM field, each limited to its scale. */
// Typed as string | null for TypeScript (the tuple of each scale is lost in the map); validated against the scale at run time.
const NString = Type.Union([Type.String(), Type.Null()]);
const nullableScale = (f: IrmField) => Type.Union([literals(IRM_SCALES[f]), Type.Null()], { description: `One of ${IRM_SCALES[f].join(', ')}; null when not assessed` });
const fieldProps = Object.fromEntries(IRM_FIELDS.map((f) => [f, nullableScale(f)])) as unknown as Record<IrmField, typeof NString>;

export const IrmReportName = literals(IRM_REPORTS);

export const AssessmentData = Type.Object({
  report: IrmReportName,
  ...fieldProps,
  source: N,
  notes: N,
});

export const IrmCommitmentsFile = Type.Array(
  Type.Object({
    irm_id: Type.String({ pattern: IRM_ID_PATTERN, description: 'The IRM commitment id: ISO country code and four digits' }),
    commitments: Type.Array(Type.String({ pattern: '^[0-9]+(-[0-9]+)?$' }), { minItems: 1, description: "The government's commitment codes the IRM commitment covers" }),
    title: N,
    source: Type.String(),
    source_notes: Type.Array(Type.String()),
    assessments: Type.Array(AssessmentData),
  }),
);
export type IrmCommitmentData = Static<typeof IrmCommitmentsFile>[number];

const RuleResult = Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('not_enough_data')]);

export const AssessmentView = Type.Object({
  report: Type.String(),
  ...fieldProps,
  rules: Type.Object(Object.fromEntries(IRM_RULE_NAMES.map((r) => [r, RuleResult])) as Record<string, typeof RuleResult>, {
    description: 'Computed from the fields (shared/OGP.md): yes, no, or not_enough_data when a field the rule needs is not assessed',
  }),
  source: N,
  notes: N,
  updated_at: Type.String(),
});

export const IrmCommitmentView = Type.Object(
  {
    irm_id: Type.String({ examples: ['KR0036'] }),
    title: N,
    commitments: Type.Array(Type.String(), { description: "The government's commitment codes this IRM commitment covers (several when the IRM clusters them)" }),
    assessed: Type.Boolean({ description: 'False when no IRM field has been recorded ("not assessed in the source")' }),
    assessments: Type.Array(AssessmentView),
    source: N,
    source_notes: Type.Array(Type.String()),
  },
  { description: "The Independent Reporting Mechanism's commitment and its assessments" },
);

export const PlanIrm = Type.Object({ plan: Type.String(), irm_commitments: Type.Array(IrmCommitmentView) });

export const IrmParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  irmId: Type.String({ maxLength: 20, description: 'IRM commitment id, e.g. KR0036' }),
});
