// Pure rules of a data set's DCAT-AP / Dublin Core metadata as an officer enters it.
import { fieldError, type FieldError } from '../../platform/http/errors.ts';

export const DATASET_FIELDS = ['slug', 'organization', 'title', 'description', 'theme', 'keywords', 'licence', 'temporal_coverage', 'spatial_coverage', 'update_frequency', 'issued', 'modified', 'contact_point', 'landing_page'] as const;
export type DatasetInput = Record<(typeof DATASET_FIELDS)[number], string>;

/** Longest text of each free field. */
const MAX: Partial<Record<keyof DatasetInput, number>> = { title: 200, description: 4000, theme: 60, licence: 200, temporal_coverage: 100, spatial_coverage: 100, update_frequency: 100, contact_point: 200, landing_page: 500 };

export interface DatasetValue {
  slug: string;
  organization: string;
  title: string;
  description: string | null;
  theme: string | null;
  keywords: string;
  licence: string | null;
  temporal_coverage: string | null;
  spatial_coverage: string | null;
  update_frequency: string | null;
  issued: string | null;
  modified: string | null;
  contact_point: string | null;
  landing_page: string | null;
}

export function isIsoDay(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function isWebAddress(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A path on this site, as the platform's own collections give their landing pages ("/petitions"); never "//host". */
export function isSitePath(v: string): boolean {
  return /^\/(?![/\\])\S*$/.test(v);
}

export function validateDataset(input: DatasetInput): { ok: true; value: DatasetValue } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const v = Object.fromEntries(DATASET_FIELDS.map((k) => [k, input[k].trim()])) as DatasetInput;
  if (!/^[a-z0-9][a-z0-9-]{0,79}$/.test(v.slug)) errors.push(fieldError('slug', 'open_data.errors.dataset_slug'));
  if (v.title === '') errors.push(fieldError('title', 'open_data.errors.dataset_title'));
  if (v.organization === '') errors.push(fieldError('organization', 'open_data.errors.publisher'));
  for (const [k, max] of Object.entries(MAX) as [keyof DatasetInput, number][]) if (v[k].length > max) errors.push(fieldError(k, 'error.field.max_chars', { max }));
  const keywords = v.keywords.split(/[;,]/).map((k) => k.trim()).filter(Boolean);
  if (keywords.length > 20 || keywords.some((k) => k.length > 60)) errors.push(fieldError('keywords', 'open_data.errors.keywords'));
  for (const k of ['issued', 'modified'] as const) if (v[k] !== '' && !isIsoDay(v[k])) errors.push(fieldError(k, 'open_data.errors.optional_date'));
  if (v.issued && v.modified && isIsoDay(v.issued) && isIsoDay(v.modified) && v.modified < v.issued) errors.push(fieldError('modified', 'open_data.errors.modified_before'));
  if (v.landing_page !== '' && !isWebAddress(v.landing_page) && !isSitePath(v.landing_page)) errors.push(fieldError('landing_page', 'open_data.errors.landing_page'));
  if (errors.length) return { ok: false, errors };
  const orNull = (s: string) => (s === '' ? null : s);
  return {
    ok: true,
    value: {
      slug: v.slug,
      organization: v.organization,
      title: v.title,
      description: orNull(v.description),
      theme: orNull(v.theme),
      keywords: keywords.join(';'),
      licence: orNull(v.licence),
      temporal_coverage: orNull(v.temporal_coverage),
      spatial_coverage: orNull(v.spatial_coverage),
      update_frequency: orNull(v.update_frequency),
      issued: orNull(v.issued),
      modified: orNull(v.modified),
      contact_point: orNull(v.contact_point),
      landing_page: orNull(v.landing_page),
    },
  };
}
