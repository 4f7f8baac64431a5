import { Type } from 'typebox';

const N = Type.Union([Type.String(), Type.Null()]);
const NI = Type.Union([Type.Integer(), Type.Null()]);
const NN = Type.Union([Type.Number(), Type.Null()]);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) });

export const SurveySummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  purpose: N,
  state: Type.String({ description: 'draft, open, closed, or record (conducted outside the platform, recorded from a source)' }),
  owner: Type.Object({ kind: Type.String({ description: 'body or organization' }), key: Type.String(), name: Type.String() }),
  commitment: N,
  commitment_code: N,
  milestone: N,
  start: N,
  start_label: N,
  end: N,
  end_label: N,
  responses: Type.Integer({ description: 'Responses given on this platform' }),
  source: N,
  source_notes: Type.Array(Type.String()),
  url: Type.String(),
});

export const ResultRow = Type.Object({ label: Type.String(), count: Type.Union([Type.Integer(), Type.Null()], { description: 'null when the source publishes only a share' }), percent: Type.Union([Type.Number(), Type.Null()], { description: 'Of the people who answered the question, one decimal' }) });

export const Survey = Type.Object({
  ...SurveySummary.properties,
  note: Type.Union([Type.String(), Type.Null()], { description: 'Set when the source records a survey without its questions or results' }),
  questions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      position: Type.Integer(),
      kind: Type.String({ description: 'single, multiple, scale, text' }),
      prompt: Type.String(),
      required: Type.Boolean(),
      options: Type.Array(Type.String()),
      scale_min: NI,
      scale_max: NI,
      scale_min_label: N,
      scale_max_label: N,
      source: N,
      result: Type.Object({
        basis: Type.String({ description: 'collected (counted here) or published (shares the source gives without counts)' }),
        respondents: Type.Integer(),
        answered: Type.Integer(),
        rows: Type.Array(ResultRow),
        mean: NN,
        text_answers: Type.Integer({ description: 'Free-text questions: how many answered. The texts are not published.' }),
      }),
    }),
  ),
});
