// The compliance page of a plan and its API: each rule of the standards version the plan is held to.
import { Type } from 'typebox';
import { DEFAULT_DATA_DIR } from '../../bootstrap.ts';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { sendPage } from '../../platform/views/render.ts';
import { findPlanBySlug } from '../action-plans/action-plans.repository.ts';
import { Problem, SlugParams } from '../action-plans/action-plans.schema.ts';
import { seoulDay } from '../proposals/proposal-rules.ts';
import { gatherFacts, readRuleSet } from './standards.facts.ts';
import { evaluate, versionFor } from './standards.ts';
import { CompliancePage } from './views/compliance-page.tsx';
import { msg } from '../../platform/i18n/message.ts';

const Result = Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('not_enough_data')]);
const Compliance = Type.Object({
  plan: Type.String(),
  version: Type.String({ description: 'The standards the plan is held to: 2017 for plans begun before 2022, else 2022' }),
  title: Type.String(),
  source: Type.String(),
  rules: Type.Array(
    Type.Object({
      id: Type.String(),
      requirement: Type.String(),
      result: Result,
      evidence: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
      missing: Type.Array(Type.String({ description: 'What the records lack to decide the rule' })),
    }),
  ),
});
const PageQuery = Type.Object({ lang: Type.Optional(Type.String()) });

export function standardsRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;

  async function compute(slug: string) {
    const plan = await findPlanBySlug(db, slug);
    if (!plan) throw notFound(msg('cycle.errors.no_plan', { slug }));
    const ruleSet = readRuleSet(DEFAULT_DATA_DIR);
    const version = versionFor(Number(plan.period_start.slice(0, 4)), ruleSet.versions);
    if (!version) throw notFound(msg('standards.errors.no_version', { slug }));
    const facts = await gatherFacts(db, plan, deps.config.baseUrl, seoulDay(deps.clock.now()));
    return { plan, version, source: ruleSet.source, results: evaluate(version, facts) };
  }

  app.get(
    '/api/v1/plans/:slug/compliance',
    { schema: { tags: ['Action plans'], summary: 'The Participation and Co-Creation Standards computed from the records: pass, fail or not_enough_data per rule, with evidence and what is missing', params: SlugParams, response: { 200: Compliance, 404: Problem } } },
    async (request) => {
      const c = await compute(request.params.slug);
      return {
        plan: c.plan.slug,
        version: c.version.version,
        title: c.version.title.en,
        source: c.source,
        rules: c.results.map((r) => ({ id: r.id, requirement: r.requirement.en, result: r.result, evidence: r.evidence, missing: r.missing })),
      };
    },
  );

  app.get('/plans/:slug/compliance', { schema: { params: SlugParams, querystring: PageQuery } }, async (request, reply) => {
    const c = await compute(request.params.slug);
    return sendPage(reply, <CompliancePage ctx={viewContext(request, reply, deps)} slug={c.plan.slug} planTitle={c.plan.title} version={c.version} results={c.results} />);
  });
}
