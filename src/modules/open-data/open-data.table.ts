import type { Generated } from 'kysely';

/** A data set in the catalog, with DCAT-AP / Dublin Core metadata. */
export interface OdDatasetsTable {
  id: Generated<number>;
  slug: string;
  /** null: published by the platform itself, answered by its administrators. */
  organization_id: number | null;
  title: string;
  description: string | null;
  theme: string | null;
  /** Semicolon-separated keywords. */
  keywords: string;
  licence: string | null;
  temporal_coverage: string | null;
  spatial_coverage: string | null;
  update_frequency: string | null;
  issued: string | null;
  modified: string | null;
  contact_point: string | null;
  landing_page: string | null;
  /** Figures the source gives, as JSON: [{ label, value, as_of, source }]. */
  figures_json: string;
  /** seed (from data/open-data), platform (the platform's own collections) or officer. */
  origin: string;
  source: string | null;
  source_notes: string;
  created_at: string;
  updated_at: string;
}

/** A data set's texts in another language than its own (null: not translated). */
export interface OdDatasetTextsTable {
  dataset_id: number;
  lang: string;
  title: string | null;
  description: string | null;
  /** Semicolon-separated, like od_datasets.keywords. */
  keywords: string | null;
}

/** A resource's title in another language than its own. */
export interface OdResourceTextsTable {
  resource_id: number;
  lang: string;
  title: string;
}

export interface OdResourcesTable {
  id: Generated<number>;
  dataset_id: number;
  key: string;
  /** link, file or table. */
  kind: string;
  title: string;
  format: string;
  media_type: string | null;
  url: string | null;
  file_id: number | null;
  table_id: number | null;
  download_count: number;
  created_at: string;
}

/** A searchable table: a CSV uploaded with a declared schema. */
export interface OdTablesTable {
  id: Generated<number>;
  dataset_id: number;
  slug: string;
  title: string;
  /** JSON: [{ name, type, filterable, slot }] where slot is the f1..f4 column holding the filter value. */
  columns_json: string;
  row_count: number;
  created_by: number | null;
  created_at: string;
}

export interface OdTableRowsTable {
  table_id: number;
  row_no: number;
  /** The row as a JSON array of cell values in column order. */
  data: string;
  f1: string | null;
  f2: string | null;
  f3: string | null;
  f4: string | null;
}

export interface OdErrorReportsTable {
  id: Generated<number>;
  dataset_id: number;
  table_id: number | null;
  row_no: number | null;
  /** The owning organization at the time of the report; null for the platform's own data. */
  organization_id: number | null;
  reporter_id: number | null;
  body: string;
  state: string;
  received_at: string;
  due_at: string;
  accepted_at: string | null;
  resolved_at: string | null;
  declined_at: string | null;
  /** The owner's reasoned answer: required to decline, optional when resolving. */
  response: string | null;
}

/** A citizen's request for data that is not published, answered by the organization asked. */
export interface OdDataRequestsTable {
  id: Generated<number>;
  /** The organization asked; null leaves the routing to the administrators. */
  organization_id: number | null;
  requester_id: number | null;
  title: string;
  body: string;
  /** submitted or answered. */
  state: string;
  /** Kept by the support command in the same transaction as the support row. */
  support_count: number;
  /** will_publish, published or declined, once answered. */
  decision: string | null;
  answer: string | null;
  /** The date the organization gives for publication, as YYYY-MM-DD. */
  planned_date: string | null;
  dataset_id: number | null;
  submitted_at: string;
  answered_at: string | null;
}

export interface OdDataRequestSupportsTable {
  request_id: number;
  user_id: number;
  created_at: string;
}

/** A demand round (seed commitment 10): an organization selects priority data among the data requests over a period. */
export interface OdDemandRoundsTable {
  id: Generated<number>;
  slug: string;
  organization_id: number | null;
  title: string;
  description: string | null;
  /** The period as the source writes it ("2017.1.1.", "Continued"); null where it gives none. */
  period_start: string | null;
  period_end: string | null;
  /** Figures the source gives for the round: [{ label, value, as_of, source }]. */
  figures_json: string;
  source: string | null;
  source_notes: string;
  created_at: string;
}

/** A data request considered in a round: selected as priority data, or not, with a note. */
export interface OdDemandRoundEntriesTable {
  round_id: number;
  request_id: number;
  selected: number;
  note: string | null;
  decided_at: string;
}
