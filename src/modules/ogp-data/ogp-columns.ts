// OGP's commitment data as a table (shared/OGP.md, "OGP's commitment data": observed columns, not an
// official codebook) and the pure reading of such a file. Every error names its row (the header is
// row 1, as a spreadsheet counts) and its column; nothing is returned half-read.
import { IRM_ID_PATTERN, IRM_SCALES, type IrmField } from '../assessments/irm.ts';
import { fieldError } from '../../platform/http/errors.ts';
import type { MessageKey, Params } from '../../platform/i18n/message.ts';

export const OGP_COLUMNS = [
  'Commitment Unique Identifier',
  'Country/Locality',
  'Region',
  'Theme',
  'Year Of Submission',
  'Action Plan Number',
  'Commitment Number',
  'Lead Institution',
  'Supporting Institution(s)',
  'URL',
  'Commitment Title',
  'Short Title',
  'Full Text',
  'OGP Value Access To Information',
  'OGP Value Civic Participation',
  'OGP Value Public Accountability',
  'OGP Value Technology',
  'Specificity',
  'Potential Impact',
  'Completion (Progress Report)',
  'Did It Open Government (Overall)',
] as const;
export type OgpColumn = (typeof OGP_COLUMNS)[number];
export type OgpRow = Record<OgpColumn, string>;

/** The OGP value columns and Madang's value names (commitment_values). */
export const VALUE_COLUMNS: [OgpColumn, string][] = [
  ['OGP Value Access To Information', 'transparency'],
  ['OGP Value Civic Participation', 'civic_participation'],
  ['OGP Value Public Accountability', 'public_accountability'],
  ['OGP Value Technology', 'technology_innovation'],
];

/**
 * The IRM columns: the field, and the IRM reports it is read from on export (the first that has it) and
 * written to on import (the first of the list), so that an imported file exports again unchanged.
 */
export const IRM_COLUMNS: { column: OgpColumn; field: IrmField; reports: string[] }[] = [
  { column: 'Specificity', field: 'specificity', reports: ['design_report', 'progress_report'] },
  { column: 'Potential Impact', field: 'potential_impact', reports: ['design_report', 'progress_report'] },
  { column: 'Completion (Progress Report)', field: 'completion', reports: ['transitional_results_report', 'end_of_term_report', 'progress_report', 'results_report'] },
  { column: 'Did It Open Government (Overall)', field: 'did_it_open_government', reports: ['transitional_results_report', 'end_of_term_report'] },
];

/** How OGP's table words a scale value ("Did Not Change"); read back case-insensitively. */
export function ogpLabel(value: string): string {
  return value
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function scaleValue(field: IrmField, cell: string): string | null | undefined {
  const key = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (key === '') return null;
  return (IRM_SCALES[field] as readonly string[]).find((v) => v === key);
}

/** A spreadsheet formula guard on export ('=…) is taken off again on import. */
export function unguard(cell: string): string {
  return /^'[=+@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export interface OgpCellError {
  row: number;
  column: string;
  /** English text; `key` and `params` give it in the reader's language. */
  message: string;
  key?: MessageKey;
  params?: Params;
}

/** A cell's error from the catalog, with its English text. */
export function cellError(row: number, column: string, key: MessageKey, params?: Params): OgpCellError {
  const { message, ...text } = fieldError(column, key, params);
  return { row, column, message, key: text.key, ...(text.params ? { params: text.params } : {}) };
}

export interface OgpCommitment {
  row: number;
  irm_ids: string[];
  theme: string | null;
  url: string | null;
  code: string;
  lead_institution: string;
  supporting: string | null;
  title: string;
  short_title: string | null;
  full_text: string | null;
  values: string[];
  irm: Partial<Record<IrmField, string>>;
}

export interface OgpPlan {
  country_name: string;
  region: string | null;
  year: string;
  number: number;
  commitments: OgpCommitment[];
}

const CODE = /^[0-9]+(-[0-9]+)?$/;
const IRM_ID = new RegExp(IRM_ID_PATTERN);
const MAX_ERRORS = 50;
const orNull = (s: string) => (s.trim() === '' ? null : s);

/** Reads the rows of a parsed CSV (header first) into a plan, or every error found. */
export function readOgpTable(records: string[][]): { ok: true; plan: OgpPlan } | { ok: false; errors: OgpCellError[] } {
  const errors: OgpCellError[] = [];
  const err = (row: number, column: string, key: MessageKey, params?: Params) => {
    if (errors.length < MAX_ERRORS) errors.push(cellError(row, column, key, params));
  };
  const header = records[0];
  if (!header) return { ok: false, errors: [cellError(1, '', 'ogp_import.cell_errors.empty')] };
  const at = new Map(header.map((h, i) => [h.trim(), i]));
  for (const c of OGP_COLUMNS) if (!at.has(c)) err(1, c, 'ogp_import.cell_errors.missing_column');
  if (errors.length) return { ok: false, errors };
  if (records.length < 2) return { ok: false, errors: [cellError(2, '', 'ogp_import.cell_errors.no_rows')] };

  const first: Partial<Record<OgpColumn, string>> = {};
  const codes = new Set<string>();
  const commitments: OgpCommitment[] = [];
  records.slice(1).forEach((rec, i) => {
    const row = i + 2;
    const cell = (c: OgpColumn) => unguard(rec[at.get(c)!] ?? '');
    // One plan per file: the plan's columns agree on every row.
    for (const c of ['Country/Locality', 'Region', 'Year Of Submission', 'Action Plan Number'] as const) {
      if (first[c] === undefined) first[c] = cell(c);
      else if (cell(c) !== first[c]) err(row, c, 'ogp_import.cell_errors.differs', { first: first[c] ?? '' });
    }
    if (!cell('Country/Locality').trim()) err(row, 'Country/Locality', 'ogp_import.cell_errors.required');
    if (!/^[0-9]{4}$/.test(cell('Year Of Submission').trim())) err(row, 'Year Of Submission', 'ogp_import.cell_errors.year');
    if (!/^[1-9][0-9]{0,2}$/.test(cell('Action Plan Number').trim())) err(row, 'Action Plan Number', 'ogp_import.cell_errors.plan_number');
    const code = cell('Commitment Number').trim();
    if (!CODE.test(code)) err(row, 'Commitment Number', 'ogp_import.cell_errors.code');
    else if (codes.has(code)) err(row, 'Commitment Number', 'ogp_import.cell_errors.code_twice', { code });
    codes.add(code);
    if (!cell('Commitment Title').trim()) err(row, 'Commitment Title', 'ogp_import.cell_errors.required');
    if (!cell('Lead Institution').trim()) err(row, 'Lead Institution', 'ogp_import.cell_errors.required');
    const irmIds = cell('Commitment Unique Identifier').split(/[;,]\s*/).map((s) => s.trim()).filter(Boolean);
    for (const id of irmIds) if (!IRM_ID.test(id)) err(row, 'Commitment Unique Identifier', 'ogp_import.cell_errors.irm_id', { id: id.slice(0, 20) });
    const values: string[] = [];
    for (const [c, v] of VALUE_COLUMNS) {
      const x = cell(c).trim();
      if (x === '1') values.push(v);
      else if (x !== '0' && x !== '') err(row, c, 'ogp_import.cell_errors.relevance');
    }
    const irm: Partial<Record<IrmField, string>> = {};
    for (const { column, field } of IRM_COLUMNS) {
      const v = scaleValue(field, cell(column));
      if (v === undefined) err(row, column, 'ogp_import.cell_errors.scale', { value: cell(column).slice(0, 30), values: IRM_SCALES[field].map(ogpLabel).join(', ') });
      else if (v !== null) irm[field] = v;
    }
    commitments.push({
      row,
      irm_ids: irmIds,
      theme: orNull(cell('Theme')),
      url: orNull(cell('URL')),
      code,
      lead_institution: cell('Lead Institution').trim(),
      supporting: orNull(cell('Supporting Institution(s)')),
      title: cell('Commitment Title'),
      short_title: orNull(cell('Short Title')),
      full_text: orNull(cell('Full Text')),
      values,
      irm,
    });
  });
  // An IRM id on several rows (the IRM clusters them) carries the same assessment on each.
  const seen = new Map<string, OgpCommitment>();
  for (const c of commitments) {
    for (const id of c.irm_ids) {
      const prev = seen.get(id);
      if (prev && JSON.stringify(prev.irm) !== JSON.stringify(c.irm)) err(c.row, 'Commitment Unique Identifier', 'ogp_import.cell_errors.assessed_twice', { id, row: prev.row });
      if (!prev) seen.set(id, c);
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    plan: { country_name: first['Country/Locality']!.trim(), region: orNull(first.Region!), year: first['Year Of Submission']!.trim(), number: Number(first['Action Plan Number']), commitments },
  };
}
