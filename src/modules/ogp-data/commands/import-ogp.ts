// Imports a plan from OGP's commitment table (CSV). The whole file is read and checked first; every error
// names its row and column; then the plan, its organizations, commitments, IRM ids and assessments are
// written in one transaction, or nothing is.
import { CsvError, parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { requestSearchRebuild } from '../../../platform/search-source.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { findPlanBySlug } from '../../action-plans/action-plans.repository.ts';
import { importPlanBundleIn } from '../../action-plans/commands/import-plan.ts';
import type { CommitmentData, OrganizationData, PlanBundle } from '../../action-plans/seed-files.ts';
import { commitmentIdsByCode } from '../../assessments/assessments.repository.ts';
import type { IrmCommitmentData } from '../../assessments/assessments.schema.ts';
import { importIrmIn } from '../../assessments/commands/import-irm.ts';
import { IRM_FIELDS } from '../../assessments/irm.ts';
import { cellError, IRM_COLUMNS, readOgpTable, type OgpCellError, type OgpPlan } from '../ogp-columns.ts';
import { insertCommitmentData, insertPlanData, organizationKeysByName, planExists } from '../ogp-data.repository.ts';

export interface ImportOgpOptions {
  /** The plan's slug; by default the country code and the period, e.g. kr-2018-2020. */
  slug?: string;
  /** ISO country code, when no IRM id in the file gives it. */
  country?: string;
  /** The last year of the plan; the file gives only the year of submission. By default two years later (OGP.md: a plan runs two years). */
  periodEnd?: string;
  /** The file's name, for the record's source. */
  filename?: string;
  actor?: Actor | null;
}

export type ImportOgpResult = { ok: true; slug: string; commitments: number; irm_commitments: number } | { ok: false; errors: OgpCellError[] };

const SOURCE = 'OGP commitment data (CSV import)';

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Organizations by name: an existing one keeps its key; a new one gets a key from its name. */
function organizationsFor(plan: OgpPlan, existing: Map<string, string>): { list: OrganizationData[]; keyOf: Map<string, string> } {
  const keyOf = new Map<string, string>();
  const used = new Set(existing.values());
  const list: OrganizationData[] = [];
  for (const name of new Set(plan.commitments.map((c) => c.lead_institution))) {
    let key = existing.get(name);
    if (!key) {
      const base = slugify(name) || 'organization';
      key = base;
      for (let n = 2; used.has(key); n += 1) key = `${base}-${n}`;
      used.add(key);
    }
    keyOf.set(name, key);
    list.push({ key, name, name_ko: null, abbreviation: null, kind: 'institution', sector: 'government', parent: null, source: SOURCE });
  }
  return { list, keyOf };
}

function bundleFor(plan: OgpPlan, o: { slug: string; country: string; periodEnd: string; filename: string }, orgs: ReturnType<typeof organizationsFor>): PlanBundle {
  const commitments: CommitmentData[] = plan.commitments.map((c, i) => ({
    code: c.code,
    position: i + 1,
    title: c.title,
    table_title: c.short_title,
    source: `${o.filename}, row ${c.row}`,
    start: null,
    end: null,
    lead_organization: orgs.keyOf.get(c.lead_institution)!,
    lead_division: null,
    lead_agency_text: null,
    // The file carries no self-assessed level; the column is required, so the plan starts at the bottom of the scale and says why.
    level: 'not_started',
    level_label: null,
    level_source: 'not given in the OGP data file',
    public_problem: null,
    description: c.full_text,
    contribution: null,
    ogp_values_text: null,
    ogp_values: c.values as CommitmentData['ogp_values'],
    additional_information: null,
    results: null,
    next_steps: null,
    contacts: [],
    other_actors: { state: c.supporting, civil_society: null },
    contact_additional_information: null,
    milestones: [],
    source_notes: [`Imported from OGP commitment data (${o.filename}, row ${c.row}). The file gives no dates, milestones, contacts or self-assessed completion level: the level shown is a placeholder until the lead organization sets it.`],
  }));
  return {
    organizations: orgs.list,
    plan: {
      slug: o.slug,
      country_code: o.country,
      country_name: plan.country_name,
      number: plan.number,
      title: `Action Plan ${plan.number} ${plan.year}-${o.periodEnd}`,
      period_start: plan.year,
      period_end: o.periodEnd,
      status: 'imported',
      report: { title: `${plan.country_name} Action Plan ${plan.year}-${o.periodEnd}`, author: plan.country_name, source: SOURCE },
      source: SOURCE,
      sections: [],
      source_notes: [`Imported from ${o.filename}. The period's end (${o.periodEnd}) is not in OGP's columns: it was given to the import or taken as two years after submission.`],
    },
    irm: [],
    commitments,
  };
}

/** The IRM commitments of the file: an id on several rows covers those commitments; the row's IRM cells are its assessment. */
function irmUnits(plan: OgpPlan, filename: string): IrmCommitmentData[] {
  const units = new Map<string, IrmCommitmentData>();
  for (const c of plan.commitments) {
    for (const id of c.irm_ids) {
      const unit = units.get(id);
      if (unit) {
        unit.commitments.push(c.code);
        continue;
      }
      const byReport = new Map<string, Record<string, string | null>>();
      for (const col of IRM_COLUMNS) {
        const v = c.irm[col.field];
        if (!v) continue;
        const report = col.reports[0]!;
        const a = byReport.get(report) ?? Object.fromEntries(IRM_FIELDS.map((f) => [f, null]));
        a[col.field] = v;
        byReport.set(report, a);
      }
      const assessments = [...byReport].map(([report, values]) => ({ report, ...values, source: `${filename}, row ${c.row}`, notes: null })) as IrmCommitmentData['assessments'];
      units.set(id, { irm_id: id, commitments: [c.code], title: null, source: `${filename}, row ${c.row}`, source_notes: [], assessments });
    }
  }
  return [...units.values()];
}

export async function importOgpCsv(db: Kysely<Database>, text: string, at: Date, opts: ImportOgpOptions = {}): Promise<ImportOgpResult> {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, errors: [cellError(Number((e as CsvError & { lines?: number }).lines ?? 0), '', 'ogp_import.cell_errors.not_csv', { problem: e.message })] };
    throw e;
  }
  const read = readOgpTable(records);
  if (!read.ok) return read;
  const plan = read.plan;
  const country = (opts.country ?? plan.commitments.flatMap((c) => c.irm_ids)[0]?.slice(0, 2) ?? '').toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(country)) {
    return { ok: false, errors: [cellError(2, 'Commitment Unique Identifier', 'ogp_import.cell_errors.no_country')] };
  }
  const periodEnd = opts.periodEnd ?? String(Number(plan.year) + 2);
  if (!/^[0-9]{4}$/.test(periodEnd) || periodEnd < plan.year) return { ok: false, errors: [cellError(0, 'period end', 'ogp_import.cell_errors.period_end', { year: plan.year })] };
  const slug = opts.slug ?? `${country.toLowerCase()}-${plan.year}-${periodEnd}`;
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return { ok: false, errors: [cellError(0, 'slug', 'ogp_import.cell_errors.slug')] };
  if (await planExists(db, slug)) return { ok: false, errors: [cellError(0, 'slug', 'ogp_import.cell_errors.exists', { slug })] };

  const filename = opts.filename ?? 'OGP data file';
  const bundle = bundleFor(plan, { slug, country, periodEnd, filename }, organizationsFor(plan, await organizationKeysByName(db)));
  const units = irmUnits(plan, filename);
  await db.transaction().execute(async (trx) => {
    const result = await importPlanBundleIn(trx, bundle, at);
    const planId = (await findPlanBySlug(trx, slug))!.id;
    await insertPlanData(trx, planId, plan.region);
    const ids = await commitmentIdsByCode(trx, planId);
    for (const c of plan.commitments) await insertCommitmentData(trx, ids.get(c.code)!, c.theme, c.url);
    await importIrmIn(trx, slug, units, at);
    // One audit event for the whole plan: the search index reads every module again.
    await requestSearchRebuild(trx, `plan ${slug} imported`, at);
    await recordAudit(trx, {
      actor: opts.actor ?? null,
      systemActor: 'import',
      action: 'plan.ogp_imported',
      entityType: 'action_plan',
      entityId: planId,
      entityLabel: slug,
      public: true,
      after: { file: filename, rows: plan.commitments.length, created: result.created, irm_commitments: units.length },
      at,
    });
  });
  return { ok: true, slug, commitments: plan.commitments.length, irm_commitments: units.length };
}
