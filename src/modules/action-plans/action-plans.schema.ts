// Request and response schemas of the public API; @fastify/swagger turns them into the OpenAPI document.
import { Type } from 'typebox';
import { IrmCommitmentView } from '../assessments/assessments.schema.ts';
import { CycleSchema } from './cycle.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NString = Nullable(Type.String());

export const Level = Type.Union([Type.Literal('not_started'), Type.Literal('limited'), Type.Literal('substantial'), Type.Literal('completed')], {
  description: 'OGP completion level',
});

const Dates = {
  start: Type.Union([Type.String(), Type.Null()], { description: 'Start at the precision the source gives: 2018-09-01, 2018-09, 2019-H1 or 2018; null when open or not given' }),
  start_label: Type.Union([Type.String(), Type.Null()], { description: 'The start date as the source writes it' }),
  start_precision: NString,
  end: Type.Union([Type.String(), Type.Null()], { description: 'End at the precision the source gives; null when open ("Continued") or not given' }),
  end_label: NString,
  end_precision: NString,
};

export const Summary = Type.Object(
  {
    not_started: Type.Integer(),
    limited: Type.Integer(),
    substantial: Type.Integer(),
    completed: Type.Integer(),
    total: Type.Integer(),
  },
  { description: 'Commitments by completion level, computed from the live data' },
);

export const Milestone = Type.Object({
  position: Type.Integer(),
  title: Type.String(),
  ...Dates,
  level: Type.Union([Level, Type.Null()]),
  level_label: Type.Union([Type.String(), Type.Null()], { description: 'The level as the source words it ("Almost completed")' }),
  source: NString,
  source_notes: Type.Array(Type.String()),
});

const CommitmentSummaryProps = {
  code: Type.String({ examples: ['5-1'] }),
  title: Type.String(),
  lead_organization: Type.String(),
  lead_organization_key: Type.String(),
  lead_division: NString,
  level: Level,
  level_label: NString,
  ...Dates,
  ogp_values: Type.Array(Type.String()),
  url: Type.String(),
  milestones: Type.Array(Milestone),
};

export const CommitmentSummary = Type.Object(CommitmentSummaryProps);

/** The IRM commitments covering a commitment (assessments module); optional so that shapes without it stay valid. */
const IrmProp = { irm: Type.Optional(Type.Array(IrmCommitmentView, { description: "The Independent Reporting Mechanism's commitments that cover this one (one; several when the IRM splits it; none when not recorded)" })) };

const Evidence = Type.Object({ kind: Type.String(), title: Type.String(), url: NString, content_type: NString, size: Type.Union([Type.Integer(), Type.Null()]) });
const LevelChange = Type.Object({ target_type: Type.String(), target_label: Type.String(), level_from: NString, label_from: NString, level_to: Type.String() });
export const ProgressUpdate = Type.Object({
  id: Type.Integer(),
  posted_at: Type.String(),
  occurred_on: Type.String(),
  body: Type.String(),
  author_organization: NString,
  level_changes: Type.Array(LevelChange),
  evidence: Type.Array(Evidence),
});

export const CommitmentDetail = Type.Object({
  ...CommitmentSummaryProps,
  ...IrmProp,
  table_title: NString,
  lead_agency_text: NString,
  level_source: NString,
  public_problem: NString,
  description: NString,
  contribution: NString,
  ogp_values_text: NString,
  additional_information: NString,
  results: NString,
  next_steps: NString,
  contacts: Type.Array(Type.Object({ name: NString, title: NString, department: NString, email: NString, phone: NString, organization: NString })),
  other_actors: Type.Object({ state: NString, civil_society: NString }),
  contact_additional_information: NString,
  source: NString,
  source_notes: Type.Array(Type.String()),
  updated_at: Type.String(),
  progress_updates: Type.Array(ProgressUpdate),
});

const Links = Type.Object({
  html: Type.String(),
  api: Type.String(),
  report: Type.String(),
  report_api: Type.String(),
  commitments_csv: Type.String(),
  milestones_csv: Type.String(),
});

const PlanHeaderProps = {
  slug: Type.String({ examples: ['kr-2018-2020'] }),
  title: Type.String(),
  country_code: Type.String(),
  country_name: Type.String(),
  number: Type.Integer(),
  period_start: Type.String(),
  period_end: Type.String(),
  status: Type.String(),
  links: Links,
};

export const PlanListItem = Type.Object({ ...PlanHeaderProps, summary: Summary });

export const Plan = Type.Object({
  ...PlanHeaderProps,
  summary: Summary,
  commitments: Type.Array(Type.Object({ ...CommitmentSummaryProps, ...IrmProp })),
  irm_recommendations: Type.Array(Type.Object({ number: Type.Integer(), title: Type.String(), response: NString, source: NString })),
  cycle: CycleSchema,
});

export const Organization = Type.Object({
  key: Type.String(),
  name: Type.String(),
  abbreviation: NString,
  kind: Type.String(),
  sector: Type.String(),
  parent: NString,
  url: Type.String(),
});

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

// Unknown or malformed identifiers are answered 404 by the lookup, not 400: an address either names a record or not.
export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100, description: 'Plan slug, e.g. kr-2018-2020' }) });
export const CommitmentParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  code: Type.String({ maxLength: 20, description: 'Commitment code as the plan numbers it: 1, 5-1, 12' }),
});
