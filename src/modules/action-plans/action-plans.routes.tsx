// Public pages of the module and the officer's progress-update form.
// Every handler: validate → load → authorize → command → present.
import { followView } from '../notifications/notifications.routes.tsx';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { publicHistory } from '../../platform/audit/audit.ts';
import { badRequest, forbidden, notFound, unauthorized } from '../../platform/http/errors.ts';
import { formField, formFiles } from '../../platform/http/multipart.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { seoulDay } from '../proposals/proposal-rules.ts';
import { listOriginsOfCommitment, queueCounts } from '../proposals/proposals.repository.ts';
import { irmByCommitment, loadIrm } from '../assessments/assessments.presenter.ts';
import { findOrganizationByKey, listCommitmentLevelChanges, listCommitmentsLedBy, listOrganizations, listPlans } from './action-plans.repository.ts';
import { progressHistory } from './progress-history.ts';
import { CommitmentParams, SlugParams } from './action-plans.schema.ts';
import { loadCycle } from './cycle.ts';
import { postProgressUpdate, validateProgress, type ProgressInput, type UploadedFile } from './commands/post-progress-update.ts';
import { loadPlanTree, loadTimeline, type CommitmentNode, type PlanTree } from './plan-tree.ts';
import { CommitmentPage } from './views/commitment-page.tsx';
import { PlansPage } from './views/home-page.tsx';
import { OrganizationPage, OrganizationsPage } from './views/organization-pages.tsx';
import { PlanPage } from './views/plan-page.tsx';
import { UpdateFormPage, type UpdateFormValues } from './views/update-form.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const PlanQuery = Type.Object({
  lang: Type.Optional(Type.String()),
  organization: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(Type.String({ maxLength: 40 })),
  value: Type.Optional(Type.String({ maxLength: 40 })),
});

/** Reads the update form, whether it came as multipart (with files) or urlencoded. */
async function readProgressForm(request: FastifyRequest): Promise<ProgressInput> {
  const body = request.body;
  if (!body || typeof body !== 'object') throw badRequest(msg('error.field.form_empty'));
  const b = body as Record<string, unknown>;
  const milestone_levels: Record<string, string> = {};
  for (const key of Object.keys(b)) {
    const m = key.match(/^milestone_(\d{1,10})$/);
    if (m) milestone_levels[m[1]!] = formField(b, key);
  }
  const files: UploadedFile[] = await formFiles(b, 'files');
  return { body: formField(b, 'body'), occurred_on: formField(b, 'occurred_on'), commitment_level: formField(b, 'commitment_level'), milestone_levels, links: formField(b, 'links'), files };
}

export function actionPlanRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;

  async function allTrees(): Promise<PlanTree[]> {
    const plans = await listPlans(db);
    return (await Promise.all(plans.map((p) => loadPlanTree(db, p.slug)))).filter((t): t is PlanTree => t !== null);
  }

  async function loadCommitment(slug: string, code: string): Promise<{ tree: PlanTree; c: CommitmentNode }> {
    const tree = await loadPlanTree(db, slug);
    if (!tree) throw notFound(msg('cycle.errors.no_plan', { slug }));
    const c = tree.commitments.find((x) => x.code === code);
    if (!c) throw notFound(msg('cycle.errors.no_commitment', { slug, code }));
    return { tree, c };
  }

  function authorizeUpdate(request: FastifyRequest, c: CommitmentNode) {
    const decision = policy.updateCommitment(request.actor, c);
    if (!decision.allowed) throw decision.reason === 'sign_in' ? unauthorized() : forbidden(decision.detail);
    return request.actor!;
  }

  app.get('/plans', { schema: { querystring: PageQuery } }, async (request, reply) => {
    return sendPage(reply, <PlansPage ctx={viewContext(request, reply, deps)} plans={await allTrees()} canImport={policy.importPlan(request.actor).allowed} />);
  });

  app.get('/plans/:slug', { schema: { params: SlugParams, querystring: PlanQuery } }, async (request, reply) => {
    const tree = await loadPlanTree(db, request.params.slug);
    if (!tree) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
    const filters = { organization: request.query.organization ?? '', level: request.query.level ?? '', value: request.query.value ?? '' };
    const ctx = viewContext(request, reply, deps);
    const cycle = await loadCycle(db, tree.plan);
    const canStartNext = cycle.next === null && tree.plan.status !== 'co_creation' && policy.startNextPlan(request.actor).allowed;
    const progress = progressHistory(tree.commitments, await listCommitmentLevelChanges(db, tree.plan.id));
    return sendPage(reply, <PlanPage ctx={ctx} tree={tree} filters={filters} organizations={await listOrganizations(db)} progress={progress} cycle={cycle} canStartNext={canStartNext} />);
  });

  app.get('/plans/:slug/commitments/:code', { schema: { params: CommitmentParams, querystring: PageQuery } }, async (request, reply) => {
    const { tree, c } = await loadCommitment(request.params.slug, request.params.code);
    const timeline = (await loadTimeline(db, [c.id])).get(c.id) ?? [];
    const history = await publicHistory(db, [
      { type: 'commitment', id: String(c.id) },
      ...c.milestones.map((m) => ({ type: 'milestone', id: String(m.id) })),
    ]);
    const ctx = viewContext(request, reply, deps);
    const canUpdate = policy.updateCommitment(request.actor, c).allowed;
    const origins = await listOriginsOfCommitment(db, c.id);
    const irm = { units: irmByCommitment(await loadIrm(db, tree.plan.id)).get(c.id) ?? [], canEdit: policy.recordIrmAssessment(request.actor).allowed };
    return sendPage(reply, <CommitmentPage ctx={ctx} slug={tree.plan.slug} planTitle={tree.plan.title} c={c} timeline={timeline} history={history} canUpdate={canUpdate} origins={origins} irm={irm} follow={await followView(deps, request, 'commitment', c.id)} />);
  });

  app.get('/plans/:slug/commitments/:code/updates/new', { schema: { params: CommitmentParams, querystring: PageQuery } }, async (request, reply) => {
    const { tree, c } = await loadCommitment(request.params.slug, request.params.code);
    authorizeUpdate(request, c);
    const ctx = viewContext(request, reply, deps);
    const values: UpdateFormValues = { body: '', occurred_on: deps.clock.now().toISOString().slice(0, 10), commitment_level: '', milestone_levels: {}, links: '' };
    return sendPage(reply, <UpdateFormPage ctx={ctx} slug={tree.plan.slug} c={c} values={values} errors={[]} maxBytes={deps.config.uploadMaxBytes} />);
  });

  app.post(
    '/plans/:slug/commitments/:code/updates',
    { schema: { params: CommitmentParams }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const input = await readProgressForm(request);
      const { tree, c } = await loadCommitment(request.params.slug, request.params.code);
      const actor = authorizeUpdate(request, c);
      const now = deps.clock.now();
      const checked = validateProgress(input, c, c.milestones, now.toISOString().slice(0, 10), {
        maxBytes: deps.config.uploadMaxBytes,
        allowedTypes: deps.config.uploadAllowedTypes,
      });
      if (!checked.ok) {
        const ctx = viewContext(request, reply, deps);
        const values: UpdateFormValues = { body: input.body, occurred_on: input.occurred_on, commitment_level: input.commitment_level, milestone_levels: input.milestone_levels, links: input.links };
        return sendPage(reply, <UpdateFormPage ctx={ctx} slug={tree.plan.slug} c={c} values={values} errors={checked.errors} maxBytes={deps.config.uploadMaxBytes} />, checked.status);
      }
      const result = await postProgressUpdate(db, { actor, commitment: c, update: checked.value, now, requestId: request.id });
      if (!result.ok) throw badRequest(msg('cycle.errors.not_published'));
      return reply.redirect(`/plans/${tree.plan.slug}/commitments/${c.code}?notice=posted#update-${result.updateId}`, 303);
    },
  );

  app.get('/organizations', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const organizations = await listOrganizations(db);
    const counts = new Map<number, number>();
    for (const c of await listCommitmentsLedBy(db, organizations.map((o) => o.id))) {
      counts.set(c.lead_organization_id, (counts.get(c.lead_organization_id) ?? 0) + 1);
    }
    return sendPage(reply, <OrganizationsPage ctx={viewContext(request, reply, deps)} organizations={organizations} counts={counts} />);
  });

  app.get('/organizations/:key', { schema: { params: Type.Object({ key: Type.String({ maxLength: 100 }) }), querystring: PageQuery } }, async (request, reply) => {
    const org = await findOrganizationByKey(db, request.params.key);
    if (!org) throw notFound(msg('cycle.errors.no_org', { key: request.params.key }));
    const all = await listOrganizations(db);
    const children = all.filter((o) => o.parent_id === org.id);
    const parent = all.find((o) => o.id === org.parent_id) ?? null;
    const commitments = await listCommitmentsLedBy(db, [org.id]);
    const proposals = await queueCounts(db, org.id, seoulDay(deps.clock.now()));
    return sendPage(reply, <OrganizationPage ctx={viewContext(request, reply, deps)} org={org} parent={parent} children={children} commitments={commitments} proposals={proposals} follow={await followView(deps, request, 'organization', org.id)} />);
  });
}
