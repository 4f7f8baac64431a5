// The public API of the module, under /api/v1, and the CSV downloads.
import { Type } from 'typebox';
import { sendAttachment } from '../../platform/http/download.ts';
import { notFound } from '../../platform/http/errors.ts';
import { sendCsv } from '../../platform/http/csv.ts';
import { sendStoredFile } from '../../platform/http/download.ts';
import type { App, Deps } from '../../platform/module.ts';
import { findEvidenceFile, listOrganizations, listPlans } from './action-plans.repository.ts';
import {
  COMMITMENT_CSV_COLUMNS,
  commitmentCsvRows,
  MILESTONE_CSV_COLUMNS,
  milestoneCsvRows,
  presentCommitmentDetail,
  presentPlan,
  presentPlanHeader,
} from './action-plans.presenter.ts';
import { CommitmentDetail, CommitmentParams, Organization, Plan, PlanListItem, Problem, SlugParams } from './action-plans.schema.ts';
import { loadPlanTree, loadTimeline } from './plan-tree.ts';
import { loadCycle, presentCycle } from './cycle.ts';
import { irmByCommitment, loadIrm, presentIrm } from '../assessments/assessments.presenter.ts';
import { msg } from '../../platform/i18n/message.ts';

const tags = ['Action plans'];
const api404 = { 404: Problem };

export function actionPlanApi(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  app.get(
    '/api/v1/plans',
    { schema: { tags, summary: 'Every action plan with its summary by completion level', response: { 200: Type.Object({ plans: Type.Array(PlanListItem) }) } } },
    async (_request, reply) => {
      const plans = await listPlans(db);
      const trees = await Promise.all(plans.map((p) => loadPlanTree(db, p.slug)));
      reply.header('cache-control', 'public, max-age=30');
      return { plans: trees.filter((t) => t !== null).map((t) => ({ ...presentPlanHeader(t.plan, base), summary: t.summary })) };
    },
  );

  app.get(
    '/api/v1/plans/:slug',
    { schema: { tags, summary: 'One action plan: summary, commitments with milestones, IRM recommendations', params: SlugParams, response: { 200: Plan, ...api404 } } },
    async (request, reply) => {
      const tree = await loadPlanTree(db, request.params.slug);
      if (!tree) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
      const irm = irmByCommitment(await loadIrm(db, tree.plan.id));
      const plan = presentPlan(tree, base);
      reply.header('cache-control', 'public, max-age=30');
      const cycle = presentCycle(tree.plan.slug, await loadCycle(db, tree.plan), base);
      return { ...plan, commitments: plan.commitments.map((c, i) => ({ ...c, irm: (irm.get(tree.commitments[i]!.id) ?? []).map(presentIrm) })), cycle };
    },
  );

  app.get(
    '/api/v1/plans/:slug/commitments/:code',
    { schema: { tags, summary: 'One commitment with every template field, contacts, milestones and its progress updates', params: CommitmentParams, response: { 200: CommitmentDetail, ...api404 } } },
    async (request, reply) => {
      const tree = await loadPlanTree(db, request.params.slug);
      if (!tree) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
      const c = tree.commitments.find((x) => x.code === request.params.code);
      if (!c) throw notFound(msg('cycle.errors.no_commitment', { slug: tree.plan.slug, code: request.params.code }));
      const timeline = (await loadTimeline(db, [c.id])).get(c.id) ?? [];
      const irm = (irmByCommitment(await loadIrm(db, tree.plan.id)).get(c.id) ?? []).map(presentIrm);
      reply.header('cache-control', 'public, max-age=30');
      return { ...presentCommitmentDetail(c, base, tree.plan.slug, timeline), irm };
    },
  );

  app.get(
    '/api/v1/organizations',
    { schema: { tags, summary: 'Organizations, with divisions pointing at their parent', response: { 200: Type.Object({ organizations: Type.Array(Organization) }) } } },
    async () => {
      const orgs = await listOrganizations(db);
      const keyOf = new Map(orgs.map((o) => [o.id, o.key]));
      return {
        organizations: orgs.map((o) => ({
          key: o.key,
          name: o.name,
          abbreviation: o.abbreviation,
          kind: o.kind,
          sector: o.sector,
          parent: o.parent_id === null ? null : (keyOf.get(o.parent_id) ?? null),
          url: `${base}/organizations/${o.key}`,
        })),
      };
    },
  );

  app.get('/plans/:slug/commitments.csv', { schema: { params: SlugParams } }, async (request, reply) => {
    const tree = await loadPlanTree(db, request.params.slug);
    if (!tree) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
    return sendCsv(reply, `${tree.plan.slug}-commitments.csv`, COMMITMENT_CSV_COLUMNS, commitmentCsvRows(tree, base));
  });

  app.get('/plans/:slug/milestones.csv', { schema: { params: SlugParams } }, async (request, reply) => {
    const tree = await loadPlanTree(db, request.params.slug);
    if (!tree) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
    return sendCsv(reply, `${tree.plan.slug}-milestones.csv`, MILESTONE_CSV_COLUMNS, milestoneCsvRows(tree));
  });

  app.get('/files/:id', { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }) } }, async (request, reply) => {
    const file = await findEvidenceFile(db, request.params.id);
    if (!file) throw notFound(msg('cycle.errors.no_evidence'));
    return sendStoredFile(reply, file);
  });
}
