// Catalog pages, the catalog CSV and the counted downloads.
// Every handler: validate → load → authorize → command → present.
import { followView } from '../notifications/notifications.routes.tsx';
import { Type } from 'typebox';
import { sendCsv } from '../../platform/http/csv.ts';
import { sendAttachment } from '../../platform/http/download.ts';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { catalogQuery, loadCatalog, loadDatasetShapes } from './catalog.load.ts';
import { countDownload, facetValues, findDataset, findResource, findResourceFile } from './catalog.repository.ts';
import { listErrorReportsOfDataset } from './error-reports.repository.ts';
import { CATALOG_CSV_COLUMNS, catalogCsvRows } from './open-data.presenter.ts';
import { CatalogQuerystring, DatasetParams, IdParams } from './open-data.schema.ts';
import { CatalogPage } from './views/catalog-page.tsx';
import { DatasetPage } from './views/dataset-page.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })), notice: Type.Optional(Type.String({ maxLength: 40 })) });

export function catalogRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  app.get('/open-data', { schema: { querystring: CatalogQuerystring } }, async (request, reply) => {
    const query = catalogQuery(request.query);
    // Sequential on purpose: one pooled connection per request, never two.
    const datasets = await loadCatalog(db, query, base);
    const facets = await facetValues(db);
    return sendPage(reply, <CatalogPage ctx={viewContext(request, reply, deps)} datasets={datasets} query={query} facets={facets} canPublish={policy.publishDataset(request.actor).allowed} />);
  });

  app.get('/open-data/catalog.csv', { schema: { querystring: CatalogQuerystring } }, async (request, reply) => {
    const datasets = await loadCatalog(db, catalogQuery(request.query), base);
    return sendCsv(reply, 'madang-catalog.csv', CATALOG_CSV_COLUMNS, catalogCsvRows(datasets));
  });

  app.get('/open-data/datasets/:slug', { schema: { params: DatasetParams, querystring: PageQuery } }, async (request, reply) => {
    const row = await findDataset(db, request.params.slug);
    if (!row) throw notFound(msg('open_data.errors.no_dataset', { slug: request.params.slug }));
    const [d] = await loadDatasetShapes(db, [row], base);
    const reports = await listErrorReportsOfDataset(db, row.id);
    const canManage = policy.manageDataset(request.actor, row).allowed;
    return sendPage(reply, <DatasetPage ctx={viewContext(request, reply, deps)} d={d!} canManage={canManage} reportCount={reports.length} follow={await followView(deps, request, 'dataset', row.id)} />);
  });

  // A download is counted here, then the visitor is sent to the data; a table goes to its CSV, which counts nothing twice.
  app.get('/open-data/resources/:id/download', { schema: { params: IdParams } }, async (request, reply) => {
    const r = await findResource(db, request.params.id);
    if (!r) throw notFound(msg('open_data.errors.no_resource'));
    if (r.kind === 'table' && r.table_id !== null) {
      const t = await db.selectFrom('od_tables').innerJoin('od_datasets', 'od_datasets.id', 'od_tables.dataset_id').select(['od_tables.slug', 'od_datasets.slug as dataset_slug']).where('od_tables.id', '=', r.table_id).executeTakeFirst();
      if (!t) throw notFound(msg('open_data.errors.table_gone'));
      return reply.redirect(`/open-data/datasets/${t.dataset_slug}/tables/${t.slug}.csv`, 302);
    }
    if (r.kind === 'file' && r.file_id !== null) {
      const file = await findResourceFile(db, r.file_id);
      if (!file) throw notFound(msg('open_data.errors.file_gone'));
      await countDownload(db, r.id);
      return sendAttachment(reply, file, 'no-store');
    }
    if (!r.url) throw notFound(msg('open_data.errors.no_address'));
    await countDownload(db, r.id);
    return reply.header('cache-control', 'no-store').redirect(r.url, 302);
  });
}
