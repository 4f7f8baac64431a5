// Publishes the platform's own collections in the catalog: one data set per collection a module
// declares (ModuleManifest.collections), with its API and CSV as link resources. Insert-only by
// slug and resource key, like every import: run at each start, it adds what a new module or a new
// plan brings and never overwrites what an officer has edited.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { PublicCollection } from '../../../platform/module.ts';
import { insertDatasetIfMissing, insertResourceIfMissing } from '../catalog.repository.ts';

export const MEDIA_TYPES = { JSON: 'application/json', CSV: 'text/csv', Atom: 'application/atom+xml' } as const;

export async function publishCollections(db: Kysely<Database>, collections: readonly PublicCollection[], now: Date): Promise<{ datasets_created: number; resources_created: number }> {
  const at = now.toISOString();
  const slugs = new Set<string>();
  for (const c of collections) {
    if (slugs.has(c.slug)) throw new Error(`two collections are published as "${c.slug}"`);
    slugs.add(c.slug);
  }
  return db.transaction().execute(async (trx) => {
    const result = { datasets_created: 0, resources_created: 0 };
    for (const c of collections) {
      const { id, created } = await insertDatasetIfMissing(trx, {
        slug: c.slug,
        organization_id: null,
        title: c.title,
        description: c.description,
        theme: 'government',
        keywords: c.keywords.join(';'),
        licence: null,
        temporal_coverage: c.temporalCoverage ?? null,
        spatial_coverage: c.spatialCoverage ?? null,
        update_frequency: 'continuous',
        issued: null,
        modified: null,
        contact_point: null,
        landing_page: c.landingPage,
        figures_json: '[]',
        origin: 'platform',
        source: null,
        source_notes: '[]',
        created_at: at,
        updated_at: at,
      });
      if (created) {
        result.datasets_created += 1;
        await recordAudit(trx, { actor: null, systemActor: 'import', action: 'dataset.published_collection', entityType: 'dataset', entityId: id, entityLabel: c.slug, public: true, after: { title: c.title }, at: now });
      }
      for (const r of c.resources) {
        const added = await insertResourceIfMissing(trx, { dataset_id: id, key: r.key, kind: 'link', title: r.title, format: r.format, media_type: MEDIA_TYPES[r.format], url: r.url, file_id: null, table_id: null, download_count: 0, created_at: at });
        if (added) result.resources_created += 1;
      }
    }
    return result;
  });
}
