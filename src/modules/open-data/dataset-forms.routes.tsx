// Officers create and edit their organization's data sets (DCAT-AP / Dublin Core fields) and add
// resources, a link or an uploaded file. Every handler: validate → load → authorize → command → present.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../platform/auth/roles.ts';
import { fieldError, type FieldError } from '../../platform/http/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listOrganizations } from '../action-plans/action-plans.repository.ts';
import { authorized } from './authorize.ts';
import { findDataset, type DatasetRow } from './catalog.repository.ts';
import { addResource, createDataset, editDataset, validateResource } from './commands/manage-datasets.ts';
import { DATASET_FIELDS, validateDataset, type DatasetInput } from './dataset-input.ts';
import { field, fileField, formBody } from './forms.ts';
import { DatasetParams } from './open-data.schema.ts';
import { DatasetFormPage, ResourceFormPage, type ResourceValues } from './views/dataset-forms.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) });

export function datasetFormRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const { config } = deps;

  /** The organizations an actor may publish for: every one for an administrator, their own and its divisions for an officer. */
  async function publishersFor(actor: Actor) {
    return (await listOrganizations(db)).filter((o) => actor.role === 'admin' || o.id === actor.organization_id || o.parent_id === actor.organization_id);
  }

  async function loadDataset(slug: string): Promise<DatasetRow> {
    const d = await findDataset(db, slug);
    if (!d) throw notFound(msg('open_data.errors.no_dataset', { slug }));
    return d;
  }

  const inputOf = (body: Record<string, unknown>) => Object.fromEntries(DATASET_FIELDS.map((k) => [k, field(body, k)])) as DatasetInput;
  const valuesOf = (d: DatasetRow): DatasetInput => ({
    ...(Object.fromEntries(DATASET_FIELDS.map((k) => [k, String((d as unknown as Record<string, unknown>)[k] ?? '')])) as DatasetInput),
    organization: d.organization_key ?? '',
    keywords: d.keywords.split(';').filter(Boolean).join(', '),
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, actor: Actor, existing: DatasetRow | null, values: DatasetInput, errors: FieldError[], status = 200) {
    const organizations = (await publishersFor(actor)).map((o) => ({ key: o.key, name: o.name }));
    return sendPage(reply, <DatasetFormPage ctx={viewContext(request, reply, deps)} existing={existing} organizations={organizations} values={values} errors={errors} />, status);
  }

  app.get('/open-data/datasets/new', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const actor = authorized(request.actor, policy.publishDataset(request.actor));
    const empty = Object.fromEntries(DATASET_FIELDS.map((k) => [k, ''])) as DatasetInput;
    return renderForm(request, reply, actor, null, { ...empty, organization: (await publishersFor(actor))[0]?.key ?? '' }, []);
  });

  app.post('/open-data/datasets', { preHandler: app.csrfProtection }, async (request, reply) => {
    const input = inputOf(formBody(request));
    const actor = authorized(request.actor, policy.publishDataset(request.actor));
    const checked = validateDataset(input);
    if (!checked.ok) return renderForm(request, reply, actor, null, input, checked.errors, 400);
    const org = (await listOrganizations(db)).find((o) => o.key === checked.value.organization);
    if (!org) return renderForm(request, reply, actor, null, input, [fieldError('organization', 'error.field.choose_org')], 400);
    authorized(actor, policy.manageDataset(actor, { organization_id: org.id, parent_organization_id: org.parent_id }));
    const r = await createDataset(db, { actor, organizationId: org.id, value: checked.value, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) return renderForm(request, reply, actor, null, input, r.errors, 409);
    return reply.redirect(`/open-data/datasets/${checked.value.slug}?notice=dataset_saved`, 303);
  });

  app.get('/open-data/datasets/:slug/edit', { schema: { params: DatasetParams, querystring: PageQuery } }, async (request, reply) => {
    const d = await loadDataset(request.params.slug);
    const actor = authorized(request.actor, policy.manageDataset(request.actor, d));
    return renderForm(request, reply, actor, d, valuesOf(d), []);
  });

  app.post('/open-data/datasets/:slug', { schema: { params: DatasetParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const d = await loadDataset(request.params.slug);
    const actor = authorized(request.actor, policy.manageDataset(request.actor, d));
    // The address name and the publisher of an existing data set do not change here.
    const input = { ...inputOf(body), slug: d.slug, organization: d.organization_key ?? 'platform' };
    const checked = validateDataset(input);
    if (!checked.ok) return renderForm(request, reply, actor, d, input, checked.errors, 400);
    await editDataset(db, { actor, dataset: d, value: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/open-data/datasets/${d.slug}?notice=dataset_saved`, 303);
  });

  const renderResource = (request: FastifyRequest, reply: FastifyReply, d: DatasetRow, values: ResourceValues, errors: FieldError[], status = 200) =>
    sendPage(reply, <ResourceFormPage ctx={viewContext(request, reply, deps)} d={d} values={values} errors={errors} />, status);

  app.get('/open-data/datasets/:slug/resources/new', { schema: { params: DatasetParams, querystring: PageQuery } }, async (request, reply) => {
    const d = await loadDataset(request.params.slug);
    authorized(request.actor, policy.manageDataset(request.actor, d));
    return renderResource(request, reply, d, { title: '', format: '', url: '' }, []);
  });

  app.post('/open-data/datasets/:slug/resources', { schema: { params: DatasetParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const upload = await fileField(body, 'file');
    const mimetype = (body.file as { mimetype?: string } | undefined)?.mimetype ?? 'application/octet-stream';
    const input = { title: field(body, 'title'), format: field(body, 'format'), url: field(body, 'url'), file: upload ? { ...upload, mimetype } : null };
    const d = await loadDataset(request.params.slug);
    const actor = authorized(request.actor, policy.manageDataset(request.actor, d));
    const checked = validateResource(input, { maxBytes: config.uploadMaxBytes, allowedTypes: config.uploadAllowedTypes });
    if (!checked.ok) return renderResource(request, reply, d, { title: input.title, format: input.format, url: input.url }, checked.errors, checked.status);
    await addResource(db, { actor, dataset: d, value: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/open-data/datasets/${d.slug}?notice=resource_added`, 303);
  });
}
