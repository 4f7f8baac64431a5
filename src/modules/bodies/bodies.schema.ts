import { Type } from 'typebox';

const N = Type.Union([Type.String(), Type.Null()]);
const NI = Type.Union([Type.Integer(), Type.Null()]);
const Dates = { start: N, start_label: N, start_precision: N, end: N, end_label: N, end_precision: N };

export const KeyParams = Type.Object({ key: Type.String({ maxLength: 100 }) });

export const BodySummary = Type.Object({ key: Type.String(), name: Type.String(), kind: Type.String(), parent: N, organization: N, plan: N, ...Dates, url: Type.String() });

export const Composition = Type.Object(
  { label: Type.String(), role: N, sector: N, unit: Type.String(), count: Type.Integer(), qualifier: Type.String({ description: 'exact, approximate ("nearly"), minimum ("more than")' }), source: N },
  { description: 'A size the source states without naming anyone' },
);

export const Meeting = Type.Object({
  kind: Type.String(),
  title: Type.String(),
  ...Dates,
  place: N,
  occurrences: Type.Union([Type.Integer(), Type.Null()], { description: 'How many meetings the record stands for; null when the source does not count them' }),
  occurrences_qualifier: Type.String(),
  attendance: NI,
  attendance_qualifier: Type.String(),
  minutes: N,
  decisions: N,
  source: N,
});

export const Body = Type.Object({
  ...BodySummary.properties,
  description: N,
  source: N,
  members: Type.Array(Type.Object({ name: Type.String(), organization: N, sector: Type.String(), role: Type.String(), term_start: N, term_end: N })),
  composition: Type.Array(Composition),
  meetings: Type.Array(Meeting),
  children: Type.Array(Type.String()),
});

export const Agreement = Type.Object({
  key: Type.String(),
  title: Type.String(),
  scope: Type.String(),
  sector: N,
  ...Dates,
  signatory_count: NI,
  signatory_qualifier: Type.String(),
  signatories: N,
  commitment: N,
  source: N,
});
