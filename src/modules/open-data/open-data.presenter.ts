// Every public shape of the module: the API, the CSV files and the DCAT JSON-LD come from here.
import type { DatasetTextRow, ResourceTextRow } from './catalog-texts.repository.ts';
import type { DatasetRow, ResourceRow } from './catalog.repository.ts';
import { CLOSED_STATES, OPEN_STATES } from './error-report-state.ts';
import type { ErrorReportRow, listReportsForEvaluation } from './error-reports.repository.ts';
import { columnsOf, type TableRow } from './tables.repository.ts';

const abs = (base: string, url: string) => (url.startsWith('/') ? base + url : url);

export function datasetUrl(base: string, slug: string) {
  return `${base}/open-data/datasets/${slug}`;
}

export function parseJsonArray<T>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export interface Figure {
  label: string;
  value: string;
  as_of: string | null;
  source: string;
}

const splitKeywords = (k: string) => k.split(';').filter(Boolean);

export function presentResource(r: ResourceRow, base: string, texts: readonly ResourceTextRow[] = []) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    format: r.format,
    media_type: r.media_type,
    access_url: r.url ? abs(base, r.url) : null,
    download_url: `${base}/open-data/resources/${r.id}/download`,
    download_count: r.download_count,
    translations: Object.fromEntries(texts.filter((x) => x.resource_id === r.id).map((x) => [x.lang, { title: x.title }])),
  };
}

export function presentTableSummary(t: TableRow, datasetSlug: string, base: string) {
  return {
    slug: t.slug,
    title: t.title,
    row_count: t.row_count,
    columns: columnsOf(t).map(({ name, type, filterable }) => ({ name, type, filterable })),
    created_at: t.created_at,
    url: `${datasetUrl(base, datasetSlug)}/tables/${t.slug}`,
    api: `${base}/api/v1/datasets/${datasetSlug}/tables/${t.slug}/rows`,
  };
}

export interface CatalogTexts {
  datasets: readonly DatasetTextRow[];
  resources: readonly ResourceTextRow[];
}

export function presentDataset(d: DatasetRow, resources: ResourceRow[], tables: TableRow[], base: string, texts: CatalogTexts = { datasets: [], resources: [] }) {
  return {
    slug: d.slug,
    title: d.title,
    description: d.description,
    publisher: d.organization_name,
    publisher_key: d.organization_key,
    theme: d.theme,
    keywords: splitKeywords(d.keywords),
    licence: d.licence,
    formats: [...new Set(resources.map((r) => r.format))].sort(),
    temporal_coverage: d.temporal_coverage,
    spatial_coverage: d.spatial_coverage,
    update_frequency: d.update_frequency,
    issued: d.issued,
    modified: d.modified,
    contact_point: d.contact_point,
    landing_page: d.landing_page ? abs(base, d.landing_page) : null,
    origin: d.origin,
    figures: parseJsonArray<Figure>(d.figures_json),
    source: d.source,
    source_notes: parseJsonArray<string>(d.source_notes),
    url: datasetUrl(base, d.slug),
    resources: resources.map((r) => presentResource(r, base, texts.resources)),
    tables: tables.map((t) => presentTableSummary(t, d.slug, base)),
    translations: Object.fromEntries(
      texts.datasets.filter((x) => x.dataset_id === d.id).map((x) => [x.lang, { title: x.title, description: x.description, keywords: x.keywords === null ? null : splitKeywords(x.keywords) }]),
    ),
  };
}
export type DatasetShape = ReturnType<typeof presentDataset>;

/** A data set as a page in this language shows it: its texts translated where a translation exists. */
export function datasetIn<D extends Pick<DatasetShape, 'title' | 'description' | 'keywords' | 'resources' | 'translations'>>(d: D, lang: string): D {
  const x = d.translations[lang];
  return {
    ...d,
    title: x?.title ?? d.title,
    description: x?.description ?? d.description,
    keywords: x?.keywords ?? d.keywords,
    resources: d.resources.map((r) => ({ ...r, title: r.translations[lang]?.title ?? r.title })),
  };
}

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'https://schema.org/',
} as const;

const lit = (v: string | null | undefined) => (v ? v : undefined);
const date = (v: string | null) => (v ? { '@value': v, '@type': /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'xsd:date' : 'xsd:string' } : undefined);

/** The catalog as DCAT-AP in JSON-LD: compact IRIs under one @context, absolute @id everywhere. */
export function presentDcatCatalog(datasets: DatasetShape[], base: string, language: string) {
  /** A text with its language, and beside it each translation with its own: one literal, or several. */
  const texts = (own: string | null, translations: Record<string, string | null | undefined>) => {
    const all = [own ? { '@value': own, '@language': language } : null, ...Object.entries(translations).map(([lang, v]) => (v ? { '@value': v, '@language': lang } : null))].filter((x) => x !== null);
    return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
  };
  const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/v1/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': { '@value': 'Madang open data catalog', '@language': 'en' },
    'dct:description': { '@value': 'Data sets published by the organizations of the Open Government Partnership action plan and by the platform itself.', '@language': 'en' },
    'foaf:homepage': { '@id': `${base}/open-data` },
    'dcat:dataset': datasets.map((d) =>
      drop({
        '@id': d.url,
        '@type': 'dcat:Dataset',
        'dct:identifier': d.slug,
        'dct:title': texts(d.title, Object.fromEntries(Object.entries(d.translations).map(([l, x]) => [l, x.title]))),
        'dct:description': texts(d.description, Object.fromEntries(Object.entries(d.translations).map(([l, x]) => [l, x.description]))),
        'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': d.publisher ?? 'Madang' },
        'dcat:theme': lit(d.theme),
        'dcat:keyword': [...d.keywords.map((k) => ({ '@value': k, '@language': language })), ...Object.entries(d.translations).flatMap(([l, x]) => (x.keywords ?? []).map((k) => ({ '@value': k, '@language': l })))],
        'dct:license': lit(d.licence),
        'dct:temporal': d.temporal_coverage ? { '@type': 'dct:PeriodOfTime', 'rdfs:label': d.temporal_coverage } : undefined,
        'dct:spatial': d.spatial_coverage ? { '@type': 'dct:Location', 'rdfs:label': d.spatial_coverage } : undefined,
        'dct:accrualPeriodicity': lit(d.update_frequency),
        'dct:issued': date(d.issued),
        'dct:modified': date(d.modified),
        'dcat:contactPoint': d.contact_point ? { '@type': 'vcard:Kind', 'vcard:fn': d.contact_point } : undefined,
        'dcat:landingPage': d.landing_page ? { '@id': d.landing_page } : undefined,
        'dct:source': lit(d.source ?? undefined),
        'dcat:distribution': d.resources.map((r) =>
          drop({
            '@id': `${base}/open-data/resources/${r.id}`,
            '@type': 'dcat:Distribution',
            'dct:title': texts(r.title, Object.fromEntries(Object.entries(r.translations).map(([l, x]) => [l, x.title]))),
            'dct:format': r.format,
            'dcat:mediaType': lit(r.media_type),
            'dcat:accessURL': { '@id': r.access_url ?? r.download_url },
            'dcat:downloadURL': { '@id': r.download_url },
            'schema:interactionCount': r.download_count,
          }),
        ),
      }),
    ),
  };
}

export const CATALOG_CSV_COLUMNS = [
  'slug', 'title', 'publisher', 'theme', 'keywords', 'licence', 'formats', 'temporal_coverage', 'spatial_coverage',
  'update_frequency', 'issued', 'modified', 'contact_point', 'landing_page', 'origin', 'resources', 'downloads', 'source', 'url',
] as const;

export function catalogCsvRows(datasets: DatasetShape[]) {
  return datasets.map((d) => ({
    slug: d.slug,
    title: d.title,
    publisher: d.publisher ?? '',
    theme: d.theme ?? '',
    keywords: d.keywords.join(';'),
    licence: d.licence ?? '',
    formats: d.formats.join(';'),
    temporal_coverage: d.temporal_coverage ?? '',
    spatial_coverage: d.spatial_coverage ?? '',
    update_frequency: d.update_frequency ?? '',
    issued: d.issued ?? '',
    modified: d.modified ?? '',
    contact_point: d.contact_point ?? '',
    landing_page: d.landing_page ?? '',
    origin: d.origin,
    resources: d.resources.length,
    downloads: d.resources.reduce((n, r) => n + r.download_count, 0),
    source: d.source ?? '',
    url: d.url,
  }));
}

export function presentErrorReport(r: ErrorReportRow, base: string, now: Date) {
  const open = (OPEN_STATES as readonly string[]).includes(r.state);
  return {
    id: r.id,
    dataset: r.dataset_slug,
    table: r.table_slug,
    row: r.row_no,
    organization: r.organization_name,
    body: r.body,
    state: r.state,
    received_at: r.received_at,
    due_at: r.due_at,
    accepted_at: r.accepted_at,
    resolved_at: r.resolved_at,
    declined_at: r.declined_at,
    response: r.response,
    overdue: open && new Date(r.due_at) < now,
    url: `${datasetUrl(base, r.dataset_slug)}/reports#report-${r.id}`,
  };
}

const DAY = 24 * 3600 * 1000;

/** Per organization: reports, how fast the first answer came, how many were resolved, how many answered in time. */
export function evaluateOrganizations(rows: Awaited<ReturnType<typeof listReportsForEvaluation>>, now: Date) {
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = r.organization_key ?? '';
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([key, rs]) => {
      const answered = rs.map((r) => r.accepted_at ?? r.declined_at).filter((x): x is string => x !== null);
      const firstAnswerDays = rs
        .map((r) => ({ r, at: r.accepted_at ?? r.declined_at }))
        .filter((x): x is { r: (typeof rs)[number]; at: string } => x.at !== null)
        .map((x) => (new Date(x.at).getTime() - new Date(x.r.received_at).getTime()) / DAY)
        .sort((a, b) => a - b);
      const median = firstAnswerDays.length === 0 ? null : firstAnswerDays[Math.floor((firstAnswerDays.length - 1) / 2)]!;
      const closed = rs.filter((r) => (CLOSED_STATES as readonly string[]).includes(r.state));
      const resolved = rs.filter((r) => r.state === 'resolved').length;
      const onTime = rs.filter((r) => {
        const at = r.accepted_at ?? r.declined_at;
        return at !== null && at <= r.due_at;
      }).length;
      const overdue = rs.filter((r) => (OPEN_STATES as readonly string[]).includes(r.state) && new Date(r.due_at) < now).length;
      return {
        organization_key: key || null,
        organization: rs[0]!.organization_name,
        reports: rs.length,
        open: rs.length - closed.length,
        overdue,
        resolved,
        declined: rs.filter((r) => r.state === 'declined').length,
        answered: answered.length,
        median_first_answer_days: median === null ? null : Math.round(median * 10) / 10,
        answered_on_time_rate: rs.length ? Math.round((onTime / rs.length) * 1000) / 1000 : null,
        resolution_rate: closed.length ? Math.round((resolved / closed.length) * 1000) / 1000 : null,
      };
    })
    .sort((a, b) => (a.organization ?? '').localeCompare(b.organization ?? ''));
}
export type OrganizationEvaluation = ReturnType<typeof evaluateOrganizations>[number];
