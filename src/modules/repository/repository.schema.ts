// The repository's JSON shape, for the response schema and the OpenAPI document.
import { Type } from 'typebox';

const NString = Type.Union([Type.String(), Type.Null()]);

export const HalfYearSchema = Type.Object({
  half: Type.String({ examples: ['2019-H1'] }),
  start: Type.String(),
  end: Type.String(),
  process: Type.Integer({ description: 'Items on the process (co-creation, forum) added in this half-year' }),
  implementation: Type.Integer({ description: 'Items on implementation (progress updates, reports, evidence) added in this half-year' }),
  total: Type.Integer(),
});

export const RepositoryItemSchema = Type.Object({
  type: Type.Union([Type.Literal('document'), Type.Literal('progress_update')]),
  id: Type.Integer(),
  published_at: Type.String({ description: 'When the item was added to the repository (ISO 8601)' }),
  date: Type.String({ description: 'The day the item is about: the date of the document, or the day of the progress (YYYY-MM-DD)' }),
  stream: Type.Union([Type.Literal('process'), Type.Literal('implementation')]),
  commitment: Type.Union([Type.String(), Type.Null()], { description: 'Commitment code, or null for the plan as a whole' }),
  by: Type.String({ description: 'The organization (or person) that published it' }),
  url: Type.String(),
  kind: Type.String({ examples: ['forum_minutes', 'progress_update'] }),
  title: NString,
  description: NString,
  body: NString,
  files: Type.Array(Type.Object({ title: Type.String(), url: Type.String(), content_type: NString, size: Type.Union([Type.Integer(), Type.Null()]) })),
});

export const RepositorySchema = Type.Object(
  {
    plan: Type.String(),
    commitment: NString,
    links: Type.Object({ html: Type.String(), atom: Type.String() }),
    half_years: Type.Array(HalfYearSchema, { description: 'Items added per half-year, from the first to the last, empty half-years included' }),
    items: Type.Array(RepositoryItemSchema),
  },
  { description: 'The OGP repository of a plan or of one commitment: documents published by staff and progress updates with their evidence, newest first' },
);
