// Loads the seed's data sets into the catalog (the platform's own collections: publish-collections.ts).
// Idempotent: records are matched by slug (data sets) and key (resources); an existing record is left
// as it is, so a second run changes nothing and never overwrites later changes.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { insertDatasetIfMissing, insertResourceIfMissing } from '../catalog.repository.ts';
import { OpenDataSeedError, type SeedDataset } from '../seed-files.ts';

export interface OpenDataImportResult {
  datasets_created: number;
  resources_created: number;
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
