// The registry's API: policy tasks with their timeline, officials (once designated) and the decisions on applications.
import { Type } from 'typebox';
import { notFound } from '../../platform/http/errors.ts';
import type { App, Deps } from '../../platform/module.ts';
import { findTask } from './policy-registry.repository.ts';
import { IdParams, PolicyTask, Problem, RegistryQuerystring } from './policy-registry.schema.ts';
import { loadRegistry, loadTaskShapes, registryQuery } from './registry.load.ts';
import { msg } from '../../platform/i18n/message.ts';

const tags = ['Real-name policy registry'];

export function policyRegistryApi(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  app.get(
    '/api/v1/policy-tasks',
    { schema: { tags, summary: 'Policy tasks of the real-name policy registry; q, organization, year and status narrow it', querystring: RegistryQuerystring, response: { 200: Type.Object({ policy_tasks: Type.Array(PolicyTask) }), 400: Problem } } },
    async (request) => ({ policy_tasks: await loadRegistry(db, registryQuery(request.query), base) }),
  );

  app.get(
    '/api/v1/policy-tasks/:id',
    { schema: { tags, summary: 'One policy task', params: IdParams, response: { 200: PolicyTask, 404: Problem } } },
    async (request) => {
      const t = await findTask(db, request.params.id);
      if (!t) throw notFound(msg('policy_registry.errors.no_task'));
      return (await loadTaskShapes(db, [t], base))[0]!;
    },
  );
}
