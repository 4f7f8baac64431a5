// The OGP import page: validate → load → authorize → command → present. A refused file is listed
// error by error, by row and column, and nothing is written.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { fieldError, badRequest, forbidden, unauthorized, type FieldError } from '../../platform/http/errors.ts';
import { formField, formFiles } from '../../platform/http/multipart.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { importOgpCsv } from './commands/import-ogp.ts';
import type { OgpCellError } from './ogp-columns.ts';
import { ImportOgpPage, type ImportFormValues } from './views/import-page.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()) });
const EMPTY: ImportFormValues = { slug: '', country: '', period_end: '' };

function authorize(request: FastifyRequest) {
  const decision = policy.importPlan(request.actor);
  if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
  return request.actor!;
}

/** The file as UTF-8 text, or why not. */
export function decodeCsv(data: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

export function ogpImportRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;

  function page(request: FastifyRequest, reply: FastifyReply, values: ImportFormValues, errors: FieldError[], cells: OgpCellError[], filename: string | null, status = 200) {
    return sendPage(reply, <ImportOgpPage ctx={viewContext(request, reply, deps)} values={values} errors={errors} cells={cells} filename={filename} maxBytes={deps.config.uploadMaxBytes} />, status);
  }

  app.get('/plans/import-ogp', { schema: { querystring: PageQuery } }, async (request, reply) => {
    authorize(request);
    return page(request, reply, EMPTY, [], [], null);
  });

  app.post('/plans/import-ogp', { preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body;
    if (!body || typeof body !== 'object') throw badRequest(msg('error.field.form_empty'));
    const b = body as Record<string, unknown>;
    const values: ImportFormValues = { slug: formField(b, 'slug').trim(), country: formField(b, 'country').trim(), period_end: formField(b, 'period_end').trim() };
    const files = await formFiles(b, 'file');
    const actor = authorize(request);
    const errors: FieldError[] = [];
    const file = files[0];
    const text = file && file.data.length > 0 ? decodeCsv(file.data) : null;
    if (!file || file.data.length === 0) errors.push(fieldError('file', 'ogp_import.errors.file'));
    else if (text === null) errors.push(fieldError('file', 'ogp_import.errors.not_utf8', { name: file.filename }));
    if (values.country && !/^[A-Za-z]{2,3}$/.test(values.country)) errors.push(fieldError('country', 'ogp_import.errors.country'));
    if (values.period_end && !/^\d{4}$/.test(values.period_end)) errors.push(fieldError('period_end', 'ogp_import.errors.period_end'));
    if (values.slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.slug)) errors.push(fieldError('slug', 'ogp_import.errors.slug'));
    if (errors.length > 0 || text === null) return page(request, reply, values, errors, [], file?.filename ?? null, 400);
    const result = await importOgpCsv(db, text, deps.clock.now(), {
      slug: values.slug || undefined,
      country: values.country || undefined,
      periodEnd: values.period_end || undefined,
      filename: file!.filename,
      actor,
    });
    if (!result.ok) return page(request, reply, values, [], result.errors, file!.filename, 400);
    return reply.redirect(`/plans/${result.slug}?notice=imported`, 303);
  });
}
