// OGP data: a plan as OGP's commitment table, and Madang's JSON Schema for plans.
import { Type } from 'typebox';
import { notFound } from '../../platform/http/errors.ts';
import { sendCsv } from '../../platform/http/csv.ts';
import type { App, Deps } from '../../platform/module.ts';
import { Problem, SlugParams } from '../action-plans/action-plans.schema.ts';
import { loadPlanTree } from '../action-plans/plan-tree.ts';
import { OGP_COLUMNS } from './ogp-columns.ts';
import { ogpRows } from './ogp-export.ts';
import { PLAN_SCHEMA_PATH, planSchema } from './plan-schema.ts';
import { msg } from '../../platform/i18n/message.ts';

export function ogpDataRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  app.get(
    '/plans/:slug/ogp-commitments.csv',
    { schema: { tags: ['OGP data'], summary: "A plan's commitments in the columns OGP publishes for commitments (CSV)", params: SlugParams, response: { 404: Problem } } },
    async (request, reply) => {
      const tree = await loadPlanTree(db, request.params.slug);
      if (!tree) throw notFound(msg('cycle.errors.no_plan', { slug: request.params.slug }));
      return sendCsv(reply, `${tree.plan.slug}-ogp-commitments.csv`, OGP_COLUMNS, await ogpRows(db, tree, base));
    },
  );

  app.get(
    PLAN_SCHEMA_PATH,
    { schema: { tags: ['OGP data'], summary: "Madang's JSON Schema (2020-12) for action plans, generated from the schemas the plan import checks its files with", response: { 200: Type.Unknown() } } },
    async (_request, reply) => {
      return reply.header('cache-control', 'public, max-age=3600').type('application/schema+json; charset=utf-8').send(JSON.stringify(planSchema(base)));
    },
  );
}
