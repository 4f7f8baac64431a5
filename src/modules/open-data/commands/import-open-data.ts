// Loads the seed's data sets and publishes the platform's own collections in the catalog.
// Idempotent: records are matched by slug (data sets) and key (resources); an existing record is left
// as it is, so a second run changes nothing and never overwrites later changes.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { listPlans } from '../../action-plans/action-plans.repository.ts';
import { insertDatasetIfMissing, insertResourceIfMissing } from '../catalog.repository.ts';
import { OpenDataSeedError, type SeedDataset } from '../seed-files.ts';

export interface OpenDataImportResult {
  datasets_created: number;
  resources_created: number;
}

/** The platform's collections as catalog entries; their resources are the API and CSV the action-plans presenter gives. */
export function platformDatasets(plan: { slug: string; title: string; period_start: string; period_end: string; country_name: string }) {
  const common = {
    organization_id: null,
    theme: 'government',
    licence: null,
    temporal_coverage: `${plan.period_start} – ${plan.period_end}`,
    spatial_coverage: plan.country_name,
    update_frequency: 'continuous',
    issued: null,
    modified: null,
    contact_point: null,
    landing_page: `/plans/${plan.slug}`,
    figures_json: '[]',
    origin: 'platform',
    source: null,
    source_notes: '[]',
  };
  return [
    {
      dataset: {
        ...common,
        slug: `${plan.slug}-commitments`,
        title: `${plan.title}: commitments`,
        description: `Every commitment of ${plan.title} with its lead organization, dates, OGP values and completion level, kept up to date by the organizations that carry them.`,
        keywords: 'OGP;action plan;commitments',
      },
      resources: [
        { key: 'api', kind: 'link', title: 'Plan with commitments (JSON API)', format: 'JSON', media_type: 'application/json', url: `/api/v1/plans/${plan.slug}` },
        { key: 'csv', kind: 'link', title: 'Commitments (CSV)', format: 'CSV', media_type: 'text/csv', url: `/plans/${plan.slug}/commitments.csv` },
      ],
    },
    {
      dataset: {
        ...common,
        slug: `${plan.slug}-milestones`,
        title: `${plan.title}: milestones`,
        description: `Every milestone of the commitments of ${plan.title}, with its dates as the source writes them and its completion level.`,
        keywords: 'OGP;action plan;milestones',
      },
      resources: [
        { key: 'api', kind: 'link', title: 'Plan with milestones (JSON API)', format: 'JSON', media_type: 'application/json', url: `/api/v1/plans/${plan.slug}` },
        { key: 'csv', kind: 'link', title: 'Milestones (CSV)', format: 'CSV', media_type: 'text/csv', url: `/plans/${plan.slug}/milestones.csv` },
      ],
    },
  ];
}

export async function importOpenData(db: Kysely<Database>, seed: SeedDataset[], now: Date): Promise<OpenDataImportResult> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const result = { datasets_created: 0, resources_created: 0 };
    const entries: { dataset: Parameters<typeof insertDatasetIfMissing>[1]; resources: { key: string; kind: string; title: string; format: string; media_type: string | null; url: string }[] }[] = [];
    for (const d of seed) {
      const org = await trx.selectFrom('organizations').select('id').where('key', '=', d.organization).executeTakeFirst();
      if (!org) throw new OpenDataSeedError(`data set ${d.slug}: unknown organization "${d.organization}"`);
      entries.push({
        dataset: {
          slug: d.slug,
          organization_id: org.id,
          title: d.title,
          description: d.description,
          theme: d.theme,
          keywords: d.keywords.join(';'),
          licence: d.licence,
          temporal_coverage: d.temporal_coverage,
          spatial_coverage: d.spatial_coverage,
          update_frequency: d.update_frequency,
          issued: d.issued,
          modified: d.modified,
          contact_point: d.contact_point,
          landing_page: d.landing_page,
          figures_json: JSON.stringify(d.figures),
          origin: 'seed',
          source: d.source,
          source_notes: JSON.stringify(d.source_notes),
          created_at: at,
          updated_at: at,
        },
        resources: d.resources.map((r) => ({ ...r, media_type: 'text/html' })),
      });
    }
    for (const plan of await listPlans(trx)) {
      for (const p of platformDatasets(plan)) entries.push({ dataset: { ...p.dataset, created_at: at, updated_at: at }, resources: p.resources });
    }
    for (const e of entries) {
      const { id, created } = await insertDatasetIfMissing(trx, e.dataset);
      if (created) {
        result.datasets_created++;
        await recordAudit(trx, { actor: null, systemActor: 'import', action: 'dataset.imported', entityType: 'dataset', entityId: id, entityLabel: e.dataset.slug, public: true, after: { title: e.dataset.title }, at: now });
      }
      for (const r of e.resources) {
        const createdR = await insertResourceIfMissing(trx, { dataset_id: id, key: r.key, kind: r.kind, title: r.title, format: r.format, media_type: r.media_type, url: r.url, file_id: null, table_id: null, download_count: 0, created_at: at });
        if (createdR) result.resources_created++;
      }
    }
    return result;
  });
}
