// The catalog's API: data sets as JSON and the whole catalog as DCAT JSON-LD.
import { Type } from 'typebox';
import { notFound } from '../../platform/http/errors.ts';
import type { App, Deps } from '../../platform/module.ts';
import { catalogQuery, loadCatalog, loadDatasetShapes } from './catalog.load.ts';
import { findDataset } from './catalog.repository.ts';
import { presentDcatCatalog } from './open-data.presenter.ts';
import { CatalogQuerystring, Dataset, DatasetParams, Problem } from './open-data.schema.ts';
import { msg } from '../../platform/i18n/message.ts';

const tags = ['Open data'];

export function openDataApi(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  app.get(
    '/api/v1/datasets',
    { schema: { tags, summary: 'The catalog: data sets with DCAT-AP / Dublin Core metadata, resources and tables; q, organization, theme and format narrow it', querystring: CatalogQuerystring, response: { 200: Type.Object({ datasets: Type.Array(Dataset) }) } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return { datasets: await loadCatalog(db, catalogQuery(request.query), base) };
    },
  );

  app.get(
    '/api/v1/datasets/:slug',
    { schema: { tags, summary: 'One data set', params: DatasetParams, response: { 200: Dataset, 404: Problem } } },
    async (request, reply) => {
      const row = await findDataset(db, request.params.slug);
      if (!row) throw notFound(msg('open_data.errors.no_dataset', { slug: request.params.slug }));
      reply.header('cache-control', 'public, max-age=30');
      return (await loadDatasetShapes(db, [row], base))[0]!;
    },
  );

  app.get(
    '/api/v1/catalog.jsonld',
    { schema: { tags, summary: 'The whole catalog as DCAT (W3C Data Catalog Vocabulary) in JSON-LD', produces: ['application/ld+json'] } },
    async (_request, reply) => {
      const datasets = await loadCatalog(db, catalogQuery({}), base);
      return reply.header('cache-control', 'public, max-age=60').type('application/ld+json; charset=utf-8').send(JSON.stringify(presentDcatCatalog(datasets, base, 'en')));
    },
  );
}
