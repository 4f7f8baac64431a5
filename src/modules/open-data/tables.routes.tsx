// Searchable tables: the officer's upload, the quick-search page, the API and the CSV download.
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { neutralizeFormula } from '../../platform/http/csv.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorized } from './authorize.ts';
import { translateDataset } from './catalog-texts.repository.ts';
import { countDownload, findDataset, type DatasetRow } from './catalog.repository.ts';
import { uploadTable, validateTableUpload } from './commands/upload-table.ts';
import { field, fileField, formBody } from './forms.ts';
import { presentTableSummary } from './open-data.presenter.ts';
import { DatasetParams, Problem, RowsPage, RowsQuerystring, TableParams } from './open-data.schema.ts';
import { parseRowQuery } from './table-query.ts';
import { allRows, columnsOf, countRows, findTable, queryRows, type TableRow } from './tables.repository.ts';
import { TablePage, UploadTablePage } from './views/table-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })), notice: Type.Optional(Type.String({ maxLength: 40 })) });

export function tableRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  async function loadDataset(slug: string): Promise<DatasetRow> {
    const d = await findDataset(db, slug);
    if (!d) throw notFound(msg('open_data.errors.no_dataset', { slug }));
    return d;
  }

  async function loadTable(slug: string, tableSlug: string): Promise<{ d: DatasetRow; table: TableRow }> {
    const d = await loadDataset(slug);
    const table = await findTable(db, d.id, tableSlug);
    if (!table) throw notFound(msg('open_data.errors.no_table', { slug, table: tableSlug }));
    return { d, table };
  }

  app.get('/open-data/datasets/:slug/tables/new', { schema: { params: DatasetParams, querystring: PageQuery } }, async (request, reply) => {
    const d = await loadDataset(request.params.slug);
    authorized(request.actor, policy.manageDataset(request.actor, d));
    return sendPage(reply, <UploadTablePage ctx={viewContext(request, reply, deps)} d={await translateDataset(db, d, request.locale)} values={{ title: '', slug: '', columns: '' }} errors={[]} />);
  });

  app.post('/open-data/datasets/:slug/tables', { schema: { params: DatasetParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const input = { title: field(body, 'title'), slug: field(body, 'slug'), columns: field(body, 'columns'), file: await fileField(body, 'file') };
    const d = await loadDataset(request.params.slug);
    const actor = authorized(request.actor, policy.manageDataset(request.actor, d));
    const checked = await validateTableUpload(db, d, input, deps.config.tableMaxRows);
    if (!checked.ok) {
      const values = { title: input.title, slug: input.slug, columns: input.columns };
      return sendPage(reply, <UploadTablePage ctx={viewContext(request, reply, deps)} d={await translateDataset(db, d, request.locale)} values={values} errors={checked.errors} />, 400);
    }
    await uploadTable(db, { actor, dataset: d, table: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/open-data/datasets/${d.slug}/tables/${checked.value.slug}?notice=table_published`, 303);
  });

  async function sendTableCsv(reply: FastifyReply, d: DatasetRow, table: TableRow) {
    const resource = await db.selectFrom('od_resources').select('id').where('table_id', '=', table.id).executeTakeFirst();
    if (resource) await countDownload(db, resource.id);
    const columns = columnsOf(table);
    const chunks: string[] = ['\uFEFF' + stringify([columns.map((c) => c.name)])];
    let batch: unknown[][] = [];
    for await (const cells of allRows(db, table.id)) {
      batch.push(cells.map(neutralizeFormula));
      if (batch.length === 5000) {
        chunks.push(stringify(batch));
        batch = [];
      }
    }
    if (batch.length) chunks.push(stringify(batch));
    return reply
      .header('content-disposition', `attachment; filename="${d.slug}-${table.slug}.csv"`)
      .header('cache-control', 'no-cache')
      .type('text/csv; charset=utf-8')
      .send(chunks.join(''));
  }

  app.get('/open-data/datasets/:slug/tables/:table', { schema: { params: TableParams, querystring: RowsQuerystring } }, async (request, reply) => {
    const csv = request.params.table.endsWith('.csv');
    const { d, table } = await loadTable(request.params.slug, csv ? request.params.table.slice(0, -4) : request.params.table);
    if (csv) return sendTableCsv(reply, d, table);
    const columns = columnsOf(table);
    const parsed = parseRowQuery(columns, request.query as Record<string, unknown>);
    if (!parsed.ok) throw badRequest(msg('error.problem.listed', { detail: parsed.errors.map((e) => e.message).join(' ') }), parsed.errors);
    const rows = await queryRows(db, table.id, parsed.query);
    const total = await countRows(db, table.id, parsed.query);
    return sendPage(reply, <TablePage ctx={viewContext(request, reply, deps)} d={await translateDataset(db, d, request.locale)} table={table} columns={columns} search={parsed.search} rows={rows} total={total} />);
  });

  app.get(
    '/api/v1/datasets/:slug/tables/:table/rows',
    {
      schema: {
        tags: ['Open data'],
        summary: 'Quick search in a table: f_<column>=value on filterable columns, sort=<filterable column>, order, page, per_page',
        params: TableParams,
        querystring: RowsQuerystring,
        response: { 200: RowsPage, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { d, table } = await loadTable(request.params.slug, request.params.table);
      const columns = columnsOf(table);
      const parsed = parseRowQuery(columns, request.query as Record<string, unknown>);
      if (!parsed.ok) throw badRequest(msg('error.problem.listed', { detail: parsed.errors.map((e) => e.message).join(' ') }), parsed.errors);
      const rows = await queryRows(db, table.id, parsed.query);
    const total = await countRows(db, table.id, parsed.query);
      reply.header('cache-control', 'public, max-age=30');
      return {
        table: presentTableSummary(table, d.slug, base),
        total,
        page: parsed.search.page,
        per_page: parsed.search.perPage,
        rows: rows.map((r) => ({ row: r.row_no, values: Object.fromEntries(columns.map((c, i) => [c.name, r.cells[i] ?? ''])) })),
      };
    },
  );
}
