// Request and response schemas of the module's API, for validation and the OpenAPI document.
import { Type } from 'typebox';

const NString = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
const NNumber = Type.Union([Type.Number(), Type.Null()]);

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

export const Resource = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'link, file or table' }),
  title: Type.String(),
  format: Type.String(),
  media_type: NString,
  access_url: NString,
  download_url: Type.String({ description: 'Counts the download, then redirects or sends the data' }),
  download_count: Type.Integer(),
  translations: Type.Record(Type.String(), Type.Object({ title: Type.String() }), { description: 'The title in other languages than its own, by language tag (the platform writes its collections in Korean and English)' }),
});

export const TableSummary = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  row_count: Type.Integer(),
  columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String(), filterable: Type.Boolean() })),
  created_at: Type.String(),
  url: Type.String(),
  api: Type.String(),
});

export const Dataset = Type.Object({
  slug: Type.String(),
  title: Type.String(),
  description: NString,
  publisher: NString,
  publisher_key: NString,
  theme: NString,
  keywords: Type.Array(Type.String()),
  licence: NString,
  formats: Type.Array(Type.String()),
  temporal_coverage: NString,
  spatial_coverage: NString,
  update_frequency: NString,
  issued: NString,
  modified: NString,
  contact_point: NString,
  landing_page: NString,
  origin: Type.String({ description: 'seed, platform or officer' }),
  figures: Type.Array(Type.Object({ label: Type.String(), value: Type.String(), as_of: NString, source: Type.String() })),
  source: NString,
  source_notes: Type.Array(Type.String()),
  url: Type.String(),
  resources: Type.Array(Resource),
  tables: Type.Array(TableSummary),
  translations: Type.Record(Type.String(), Type.Object({ title: NString, description: NString, keywords: Type.Union([Type.Array(Type.String()), Type.Null()]) }), {
    description: 'The texts in other languages than its own, by language tag; null where a text is not translated',
  }),
});

export const CatalogQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  organization: Type.Optional(Type.String({ maxLength: 100 })),
  theme: Type.Optional(Type.String({ maxLength: 100 })),
  format: Type.Optional(Type.String({ maxLength: 40 })),
  lang: Type.Optional(Type.String({ maxLength: 5 })),
  notice: Type.Optional(Type.String({ maxLength: 40 })),
});

export const DatasetParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
export const TableParams = Type.Object({ slug: Type.String({ maxLength: 100 }), table: Type.String({ maxLength: 100 }) });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

/** Filters are f_<column>=value for the declared filterable columns; other f_ names are refused with a 400. */
export const RowsQuerystring = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    sort: Type.Optional(Type.String({ maxLength: 40 })),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    lang: Type.Optional(Type.String({ maxLength: 5 })),
  },
  { additionalProperties: Type.String({ maxLength: 200 }) },
);

export const RowsPage = Type.Object({
  table: TableSummary,
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
  rows: Type.Array(Type.Object({ row: Type.Integer(), values: Type.Record(Type.String(), Type.String()) })),
});

export const ErrorReport = Type.Object({
  id: Type.Integer(),
  dataset: Type.String(),
  table: NString,
  row: NInt,
  organization: NString,
  body: Type.String(),
  state: Type.String({ description: 'received, accepted, resolved or declined' }),
  received_at: Type.String(),
  due_at: Type.String(),
  accepted_at: NString,
  resolved_at: NString,
  declined_at: NString,
  response: NString,
  overdue: Type.Boolean(),
  url: Type.String(),
});

export const Evaluation = Type.Object({
  deadline_days: Type.Integer(),
  organizations: Type.Array(
    Type.Object({
      organization_key: NString,
      organization: NString,
      reports: Type.Integer(),
      open: Type.Integer(),
      overdue: Type.Integer(),
      resolved: Type.Integer(),
      declined: Type.Integer(),
      answered: Type.Integer(),
      median_first_answer_days: NNumber,
      answered_on_time_rate: NNumber,
      resolution_rate: NNumber,
    }),
  ),
});
