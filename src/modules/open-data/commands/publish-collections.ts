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
import { listDatasetTexts, listResourceTexts, putDatasetText, putResourceText, type DatasetTextRow } from '../catalog-texts.repository.ts';
import { findDatasetById, insertDatasetIfMissing, insertResourceIfMissing, listResources } from '../catalog.repository.ts';

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
      const changed = await translateCollection(trx, id, c);
      if (changed.length) {
        result.texts_updated += 1;
        // Search follows the audit trail: the data set is indexed again with its new texts.
        if (!created) await recordAudit(trx, { actor: null, systemActor: 'import', action: 'dataset.collection_texts_updated', entityType: 'dataset', entityId: id, entityLabel: c.slug, public: false, after: { languages: changed }, at: now });
      }
    }
    return result;
  });
}

/** Brings a collection's translations up to date; the languages whose texts changed. */
async function translateCollection(trx: Kysely<Database>, datasetId: number, c: PublicCollection): Promise<Locale[]> {
  const d = await findDatasetById(trx, datasetId);
  if (!d || d.origin !== 'platform') return [];
  const texts = await listDatasetTexts(trx, [datasetId]);
  const resources = (await listResources(trx, [datasetId])).filter((r) => r.kind === 'link');
  const resourceTexts = await listResourceTexts(trx, resources.map((r) => r.id));
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
    const have = texts.find((t) => t.lang === lang);
    if ((have?.title ?? null) !== want.title || (have?.description ?? null) !== want.description || (have?.keywords ?? null) !== want.keywords) {
      await putDatasetText(trx, want);
      differs = true;
    }
    for (const declared of c.resources) {
      const r = resources.find((x) => x.key === declared.key);
      if (!r) continue;
      const title = translated(r.title, declared.title, lang);
      if ((resourceTexts.find((t) => t.resource_id === r.id && t.lang === lang)?.title ?? null) !== title) {
        await putResourceText(trx, r.id, lang, title);
        differs = true;
      }
    }
    if (differs) changed.push(lang);
  }
  return changed;
}
