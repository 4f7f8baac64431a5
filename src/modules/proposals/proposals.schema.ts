// Request and response schemas of the proposals API.
import { Type } from 'typebox';

const NString = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
const NNumber = Type.Union([Type.Number(), Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
export const OrgParams = Type.Object({ key: Type.String({ maxLength: 100 }) });

export const State = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('routed'),
  Type.Literal('under_review'),
  Type.Literal('adopted'),
  Type.Literal('partially_adopted'),
  Type.Literal('not_adopted'),
  Type.Literal('matured'),
]);

export const CallSummary = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  status: Type.Union([Type.Literal('upcoming'), Type.Literal('open'), Type.Literal('closed')]),
  opens_on: NString,
  closes_on: NString,
  window_label: Type.Union([Type.String(), Type.Null()], { description: 'The window as the source words it, when it gives no dates' }),
  plan: NString,
  url: Type.String(),
});

export const Call = Type.Object({
  ...CallSummary.properties,
  description: Type.String(),
  selection_criteria: NString,
  response_days: Type.Integer({ description: 'Days an organization has to answer a proposal to this call' }),
  categories: Type.Array(Type.Object({ title: Type.String(), organization: NString })),
  timeline: Type.Array(Type.Object({ title: Type.String(), date: NString, date_label: NString, date_precision: NString })),
  source: NString,
  proposals: Type.Number(),
});

export const ResponseItem = Type.Object({
  decision: Type.String(),
  reason: Type.String(),
  organization: NString,
  responded_at: NString,
  source: NString,
});

export const ProposalSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  state: State,
  channel: Type.String(),
  call: NString,
  category: NString,
  organization: Type.Union([Type.String(), Type.Null()], { description: 'Key of the organization it was routed to' }),
  organization_name: NString,
  submitted_at: NString,
  period_label: NString,
  response_due_on: Type.Union([Type.String(), Type.Null()], { description: 'Day by which the organization must publish a reasoned response (Korea time)' }),
  overdue: Type.Boolean(),
  supports: Type.Integer(),
  commitment: Type.Union([Type.Object({ plan: Type.String(), code: Type.String(), title: Type.String(), url: Type.String() }), Type.Null()]),
  policy: NString,
  url: Type.String(),
});

export const Proposal = Type.Object({
  ...ProposalSummary.properties,
  body: Type.String(),
  author: Type.String(),
  routed_at: NString,
  under_review_at: NString,
  adopted_at: NString,
  partially_adopted_at: NString,
  not_adopted_at: NString,
  matured_at: NString,
  responses: Type.Array(ResponseItem),
  comments: Type.Array(Type.Object({ id: Type.Integer(), author: Type.String(), body: NString, created_at: Type.String(), hidden_reason: NString })),
  source: NString,
});

export const AggregateYear = Type.Object({
  channel: Type.String(),
  channel_label: Type.String(),
  year: Type.Integer(),
  forums: NInt,
  participants: NInt,
  suggestions: Type.Integer(),
  adopted: Type.Integer(),
  under_review: NInt,
  adoption_rate: Type.Union([Type.Number(), Type.Null()], { description: 'Computed: adopted ÷ suggestions × 100, one decimal' }),
  as_of: NString,
  aggregate: Type.Literal(true),
  source: NString,
});

const Breakdown = Type.Object({ key: Type.String(), label: Type.String(), proposals: Type.Integer(), decided: Type.Integer(), adopted: Type.Integer(), adoption_rate: NNumber });

export const Statistics = Type.Object({
  aggregates: Type.Array(AggregateYear),
  records: Type.Object({ total: Type.Integer(), by_year: Type.Array(Breakdown), by_organization: Type.Array(Breakdown), by_channel: Type.Array(Breakdown) }),
});
