// Publishes the platform's own collections in the catalog: one data set per collection a module
// declares (ModuleManifest.collections), with its API and CSV as link resources. Insert-only by
// slug and resource key, like every import: run at each start, it adds what a new module or a new
// plan brings and never overwrites what an officer has edited.
//
// A collection's texts are written in English on the record (COLLECTION_LANG, as the catalog has
// always held them) and in the site's other languages beside it (od_dataset_texts, od_resource_texts).
// Those translations are brought up to date at each start while the record still says what the
// platform wrote; a text an officer rewrote keeps no translation.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/i18n.ts';
import type { Localized, PublicCollection } from '../../../platform/module.ts';
import { listDatasetTexts, listResourceTexts, putDatasetText, putResourceText, type DatasetTextRow, type ResourceTextRow } from '../catalog-texts.repository.ts';
import { insertDatasetIfMissing, insertResourceIfMissing, listDatasetsById, listResources, type DatasetRow, type ResourceRow } from '../catalog.repository.ts';

export const MEDIA_TYPES = { JSON: 'application/json', CSV: 'text/csv', Atom: 'application/atom+xml' } as const;

/** The language of a collection's texts on its catalog record. */
export const COLLECTION_LANG: Locale = 'en';
const OTHER_LANGS = LOCALES.filter((l) => l !== COLLECTION_LANG);

const keywordsIn = (c: PublicCollection, lang: Locale) => c.keywords[lang].join(';');
/** The translation of a text, while the record still holds the platform's own text. */
const translated = (stored: string | null, text: Localized, lang: Locale) => (stored === text[COLLECTION_LANG] ? text[lang] : null);

export async function publishCollections(db: Kysely<Database>, collections: readonly PublicCollection[], now: Date): Promise<{ datasets_created: number; resources_created: number; texts_updated: number }> {
  const at = now.toISOString();
  const slugs = new Set<string>();
  for (const c of collections) {
    if (slugs.has(c.slug)) throw new Error(`two collections are published as "${c.slug}"`);
    slugs.add(c.slug);
  }
  return db.transaction().execute(async (trx) => {
    const result = { datasets_created: 0, resources_created: 0, texts_updated: 0 };
    const published: { c: PublicCollection; id: number; created: boolean }[] = [];
    for (const c of collections) {
      const { id, created } = await insertDatasetIfMissing(trx, {
        slug: c.slug,
        organization_id: null,
        title: c.title[COLLECTION_LANG],
        description: c.description[COLLECTION_LANG],
        theme: 'government',
        keywords: keywordsIn(c, COLLECTION_LANG),
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
        await recordAudit(trx, { actor: null, systemActor: 'import', action: 'dataset.published_collection', entityType: 'dataset', entityId: id, entityLabel: c.slug, public: true, after: { title: c.title[COLLECTION_LANG] }, at: now });
      }
      for (const r of c.resources) {
        const added = await insertResourceIfMissing(trx, { dataset_id: id, key: r.key, kind: 'link', title: r.title[COLLECTION_LANG], format: r.format, media_type: MEDIA_TYPES[r.format], url: r.url, file_id: null, table_id: null, download_count: 0, created_at: at });
        if (added) result.resources_created += 1;
      }
      published.push({ c, id, created });
    }
    // The records and their translations, read once for every collection (this runs at each start).
    const ids = published.map((p) => p.id);
    const resources = (await listResources(trx, ids)).filter((r) => r.kind === 'link');
    const stored: Stored = { datasets: await listDatasetsById(trx, ids), texts: await listDatasetTexts(trx, ids), resources, resourceTexts: await listResourceTexts(trx, resources.map((r) => r.id)) };
    for (const { c, id, created } of published) {
      const changed = await translateCollection(trx, id, c, stored);
      if (changed.length) {
        result.texts_updated += 1;
        // Search follows the audit trail: the data set is indexed again with its new texts.
        if (!created) await recordAudit(trx, { actor: null, systemActor: 'import', action: 'dataset.collection_texts_updated', entityType: 'dataset', entityId: id, entityLabel: c.slug, public: false, after: { languages: changed }, at: now });
      }
    }
    return result;
  });
}

interface Stored {
  datasets: DatasetRow[];
  texts: DatasetTextRow[];
  resources: ResourceRow[];
  resourceTexts: ResourceTextRow[];
}

/** Brings a collection's translations up to date; the languages whose texts changed. */
async function translateCollection(trx: Kysely<Database>, datasetId: number, c: PublicCollection, stored: Stored): Promise<Locale[]> {
  const d = stored.datasets.find((x) => x.id === datasetId);
  if (!d || d.origin !== 'platform') return [];
  const resources = stored.resources.filter((r) => r.dataset_id === datasetId);
  const changed: Locale[] = [];
  for (const lang of OTHER_LANGS) {
    let differs = false;
    const want: DatasetTextRow = {
      dataset_id: datasetId,
      lang,
      title: translated(d.title, c.title, lang),
      description: translated(d.description, c.description, lang),
      keywords: d.keywords === keywordsIn(c, COLLECTION_LANG) ? keywordsIn(c, lang) : null,
    };
    const have = stored.texts.find((t) => t.dataset_id === datasetId && t.lang === lang);
    if ((have?.title ?? null) !== want.title || (have?.description ?? null) !== want.description || (have?.keywords ?? null) !== want.keywords) {
      await putDatasetText(trx, want);
      differs = true;
    }
    for (const declared of c.resources) {
      const r = resources.find((x) => x.key === declared.key);
      if (!r) continue;
      const title = translated(r.title, declared.title, lang);
      if ((stored.resourceTexts.find((t) => t.resource_id === r.id && t.lang === lang)?.title ?? null) !== title) {
        await putResourceText(trx, r.id, lang, title);
        differs = true;
      }
    }
    if (differs) changed.push(lang);
  }
  return changed;
}
