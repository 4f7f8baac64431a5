// The OGP repository's pages, the staff form, downloads, the Atom feed and the API.
// Every handler: validate → load → authorize → command → present.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../platform/auth/roles.ts';
import { sendStoredFile } from '../../platform/http/download.ts';
import { badRequest, forbidden, notFound, unauthorized } from '../../platform/http/errors.ts';
import { formField, formFiles } from '../../platform/http/multipart.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy, type Decision } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { CommitmentParams, Problem, SlugParams } from '../action-plans/action-plans.schema.ts';
import { loadPlanTree, type PlanTree } from '../action-plans/plan-tree.ts';
import { seoulDay } from '../proposals/proposal-rules.ts';
import { renderAtom } from './atom.ts';
import { publishDocument, validateDocument, type DocumentInput } from './commands/publish-document.ts';
import { loadRepository, type Repository } from './repository-load.ts';
import { presentRepository } from './repository.presenter.ts';
import { findDocument } from './repository.repository.ts';
import { RepositorySchema } from './repository.schema.ts';
import { DocumentFormPage, type DocumentFormValues } from './views/document-form.tsx';
import { RepositoryPage } from './views/repository-page.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const FormQuery = Type.Object({ lang: Type.Optional(Type.String()), commitment: Type.Optional(Type.String({ maxLength: 20 })) });
const DocumentParams = Type.Object({ slug: Type.String({ maxLength: 100 }), id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const tags = ['Repository'];

function enforce(decision: Decision) {
  if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
}

/** What a person may publish to in a plan: the whole plan (admins), and the commitments they may update. */
function publishable(actor: Actor | null, tree: PlanTree) {
  return {
    planWide: policy.publishToRepository(actor, null).allowed,
    commitments: tree.commitments.filter((c) => policy.publishToRepository(actor, c).allowed),
  };
}

function enforceSomewhere(actor: Actor | null, can: ReturnType<typeof publishable>) {
  if (can.planWide || can.commitments.length > 0) return;
  if (!actor) throw unauthorized();
  throw forbidden(msg('repository.errors.forbidden'));
}

async function readDocumentForm(request: FastifyRequest): Promise<DocumentInput> {
  const body = request.body;
  if (!body || typeof body !== 'object') throw badRequest(msg('error.field.form_empty'));
  const b = body as Record<string, unknown>;
  const files = await formFiles(b, 'file');
  return {
    title: formField(b, 'title'),
    kind: formField(b, 'kind'),
    document_date: formField(b, 'document_date'),
    description: formField(b, 'description'),
    commitment: formField(b, 'commitment'),
    file: files[0] ?? null,
  };
}

export function repositoryRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  async function load(slug: string, code?: string): Promise<Repository> {
    const repo = await loadRepository(db, slug, code);
    if (!repo) throw notFound(code === undefined ? `There is no action plan "${slug}".` : `Plan ${slug} has no commitment "${code}".`);
    return repo;
  }

  async function loadTree(slug: string): Promise<PlanTree> {
    const tree = await loadPlanTree(db, slug);
    if (!tree) throw notFound(msg('repository.errors.no_plan', { slug }));
    return tree;
  }

  app.get('/plans/:slug/repository', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const repo = await load(request.params.slug);
    const can = publishable(request.actor, repo.tree);
    return sendPage(reply, <RepositoryPage ctx={viewContext(request, reply, deps)} repo={repo} canPublish={can.planWide || can.commitments.length > 0} />);
  });

  app.get('/plans/:slug/commitments/:code/repository', { schema: { params: CommitmentParams, querystring: PageQuery } }, async (request, reply) => {
    const repo = await load(request.params.slug, request.params.code);
    return sendPage(reply, <RepositoryPage ctx={viewContext(request, reply, deps)} repo={repo} canPublish={policy.publishToRepository(request.actor, repo.commitment).allowed} />);
  });

  app.get('/plans/:slug/repository/documents/new', { schema: { params: SlugParams, querystring: FormQuery } }, async (request, reply) => {
    const tree = await loadTree(request.params.slug);
    const can = publishable(request.actor, tree);
    enforceSomewhere(request.actor, can);
    const code = request.query.commitment ?? '';
    const values: DocumentFormValues = { title: '', kind: '', document_date: seoulDay(deps.clock.now()), description: '', commitment: can.commitments.some((c) => c.code === code) || !can.planWide ? code || (can.commitments[0]?.code ?? '') : '' };
    return sendPage(
      reply,
      <DocumentFormPage ctx={viewContext(request, reply, deps)} plan={tree.plan} commitments={can.commitments} plan_wide={can.planWide} values={values} errors={[]} maxBytes={deps.config.uploadMaxBytes} />,
    );
  });

  app.post('/plans/:slug/repository/documents', { schema: { params: SlugParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const input = await readDocumentForm(request);
    const tree = await loadTree(request.params.slug);
    const target = input.commitment.trim() === '' ? null : (tree.commitments.find((c) => c.code === input.commitment.trim()) ?? null);
    // An unknown commitment is the validator's error, for someone who may publish somewhere in the plan.
    if (input.commitment.trim() === '' || target) enforce(policy.publishToRepository(request.actor, target));
    else enforceSomewhere(request.actor, publishable(request.actor, tree));
    const actor = request.actor!;
    const now = deps.clock.now();
    const checked = validateDocument(input, tree.commitments.map((c) => c.code), seoulDay(now), { maxBytes: deps.config.uploadMaxBytes, allowedTypes: deps.config.uploadAllowedTypes });
    if (!checked.ok) {
      const can = publishable(actor, tree);
      const { file: _file, ...values } = input;
      return sendPage(
        reply,
        <DocumentFormPage ctx={viewContext(request, reply, deps)} plan={tree.plan} commitments={can.commitments} plan_wide={can.planWide} values={values} errors={checked.errors} maxBytes={deps.config.uploadMaxBytes} />,
        checked.status,
      );
    }
    const result = await publishDocument(db, { actor, plan: tree.plan, commitmentId: target?.id ?? null, doc: checked.value, now, requestId: request.id });
    const page = target ? `/plans/${tree.plan.slug}/commitments/${target.code}/repository` : `/plans/${tree.plan.slug}/repository`;
    return reply.redirect(`${page}?notice=document_published#document-${result.id}`, 303);
  });

  app.get('/plans/:slug/repository/documents/:id', { schema: { params: DocumentParams } }, async (request, reply) => {
    const tree = await loadTree(request.params.slug);
    const file = await findDocument(db, tree.plan.id, request.params.id);
    if (!file) throw notFound(msg('repository.errors.no_document', { slug: tree.plan.slug, id: request.params.id }));
    return sendStoredFile(reply, file);
  });

  app.get('/plans/:slug/repository.atom', { schema: { params: SlugParams } }, async (request, reply) => {
    const repo = await load(request.params.slug);
    const t = translator(request.locale);
    const xml = renderAtom(repo, base, {
      feedTitle: t('repository.feed_title', { plan: repo.tree.plan.title }),
      author: repo.tree.plan.report_author ?? repo.tree.plan.country_name,
      document: (kind, title) => t('repository.feed_document', { kind: t(`repository.kind.${kind}` as 'repository.kind.evidence'), title }),
      update: (code, date) => t('repository.feed_update', { code, date }),
    });
    return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
  });

  app.get(
    '/api/v1/plans/:slug/repository',
    { schema: { tags, summary: 'The OGP repository of a plan: documents and progress updates with evidence, and the updates per half-year', params: SlugParams, response: { 200: RepositorySchema, 404: Problem } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return presentRepository(await load(request.params.slug), base);
    },
  );

  app.get(
    '/api/v1/plans/:slug/commitments/:code/repository',
    { schema: { tags, summary: 'The repository of one commitment', params: CommitmentParams, response: { 200: RepositorySchema, 404: Problem } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return presentRepository(await load(request.params.slug, request.params.code), base);
    },
  );
}
