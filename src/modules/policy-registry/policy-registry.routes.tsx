// Pages of the real-name policy registry: the public registry and its CSV, a task, the officer's
// form to register a task, a citizen's application and the organization's decision.
// Every handler: validate → load → authorize → command → present.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCsv } from '../../platform/http/csv.ts';
import { fieldError, type FieldError } from '../../platform/http/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listOrganizations } from '../action-plans/action-plans.repository.ts';
import { authorized } from '../open-data/authorize.ts';
import { field, formBody } from '../open-data/forms.ts';
import { isApplicationAction } from './application-state.ts';
import { applyForDisclosure, applyTransition } from './commands/applications.ts';
import { registerTask } from './commands/tasks.ts';
import { findApplication, findTask, listApplications, registryYears, type TaskRow } from './policy-registry.repository.ts';
import { REGISTRY_CSV_COLUMNS, registryCsvRows } from './policy-registry.presenter.ts';
import { IdParams, RegistryQuerystring } from './policy-registry.schema.ts';
import { loadRegistry, loadSystemFacts, loadTaskShapes, registryQuery } from './registry.load.ts';
import { validateTask, type TaskInput } from './task-input.ts';
import { RegistryPage } from './views/registry-page.tsx';
import { TaskFormPage, TaskPage } from './views/task-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const TASK_FIELDS = ['title', 'overview', 'year', 'organization', 'timeline', 'officials', 'designate'] as const;

export function policyRegistryRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  /** The organizations an actor may register tasks for: every one for an administrator, their own and its divisions for an officer. */
  async function organizationsFor(actor: Actor) {
    const all = await listOrganizations(db);
    return all.filter((o) => actor.role === 'admin' || o.id === actor.organization_id || o.parent_id === actor.organization_id).map((o) => ({ id: o.id, key: o.key, name: o.name, parent_id: o.parent_id }));
  }

  async function loadTask(id: number): Promise<TaskRow> {
    const t = await findTask(db, id);
    if (!t) throw notFound(msg('policy_registry.errors.no_task'));
    return t;
  }

  async function renderTask(request: FastifyRequest, reply: FastifyReply, t: TaskRow, errors: FieldError[] = [], reason = '', status = 200) {
    const [task] = await loadTaskShapes(db, [t], base);
    const staff = policy.managePolicyTask(request.actor, { organization_id: t.organization_id, parent_organization_id: t.parent_organization_id }).allowed;
    const staffApplications = staff ? await listApplications(db, [t.id]) : null;
    return sendPage(reply, <TaskPage ctx={viewContext(request, reply, deps)} task={task!} staffApplications={staffApplications} errors={errors} reason={reason} />, status);
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, actor: Actor, values: TaskInput, errors: FieldError[], status = 200) {
    return sendPage(reply, <TaskFormPage ctx={viewContext(request, reply, deps)} organizations={await organizationsFor(actor)} values={values} errors={errors} />, status);
  }

  app.get('/policy-registry', { schema: { querystring: RegistryQuerystring } }, async (request, reply) => {
    const q = request.query;
    const tasks = await loadRegistry(db, registryQuery(q), base);
    const facts = await loadSystemFacts(db);
    const organizations = (await listOrganizations(db)).map((o) => ({ key: o.key, name: o.name, source: o.source }));
    const years = await registryYears(db);
    const filter = { q: q.q ?? '', organization: q.organization ?? '', year: q.year ?? '', status: q.status ?? '' };
    const canRegister = policy.registerPolicyTask(request.actor).allowed;
    return sendPage(reply, <RegistryPage ctx={viewContext(request, reply, deps)} tasks={tasks} facts={facts} filter={filter} organizations={organizations} years={years} canRegister={canRegister} />);
  });

  app.get('/policy-registry.csv', { schema: { querystring: RegistryQuerystring } }, async (request, reply) => {
    const tasks = await loadRegistry(db, registryQuery(request.query), base);
    return sendCsv(reply, 'madang-policy-registry.csv', REGISTRY_CSV_COLUMNS, registryCsvRows(tasks));
  });

  app.get('/policy-registry/tasks/new', async (request, reply) => {
    const actor = authorized(request.actor, policy.registerPolicyTask(request.actor));
    const own = (await organizationsFor(actor))[0]?.key ?? '';
    return renderForm(request, reply, actor, { title: '', overview: '', year: '', organization: own, timeline: '', officials: '', designate: '' }, []);
  });

  app.post('/policy-registry/tasks', { preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const input = Object.fromEntries(TASK_FIELDS.map((k) => [k, field(body, k)])) as unknown as TaskInput;
    const actor = authorized(request.actor, policy.registerPolicyTask(request.actor));
    const checked = validateTask(input);
    if (!checked.ok) return renderForm(request, reply, actor, input, checked.errors, 400);
    const org = (await listOrganizations(db)).find((o) => o.key === checked.value.organization);
    if (!org) return renderForm(request, reply, actor, input, [fieldError('organization', 'error.field.choose_org')], 400);
    authorized(actor, policy.managePolicyTask(actor, { organization_id: org.id, parent_organization_id: org.parent_id }));
    const id = await registerTask(db, { actor, organizationId: org.id, value: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/policy-registry/tasks/${id}?notice=task_registered`, 303);
  });

  app.get('/policy-registry/tasks/:id', { schema: { params: IdParams, querystring: RegistryQuerystring } }, async (request, reply) => renderTask(request, reply, await loadTask(request.params.id)));

  app.post('/policy-registry/tasks/:id/applications', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const reason = field(formBody(request), 'reason');
    const t = await loadTask(request.params.id);
    const actor = authorized(request.actor, policy.applyForDisclosure(request.actor));
    const r = await applyForDisclosure(db, { actor, task: t, reason, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) return renderTask(request, reply, t, r.errors, reason, 400);
    return reply.redirect(`/policy-registry/tasks/${t.id}?notice=application_sent#application-${r.id}`, 303);
  });

  app.post('/policy-registry/applications/:id/transition', { schema: { params: IdParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = formBody(request);
    const action = field(body, 'action');
    const reason = field(body, 'decision_reason');
    const a = await findApplication(db, request.params.id);
    if (!a) throw notFound(msg('policy_registry.errors.no_application'));
    const t = await loadTask(a.task_id);
    const actor = authorized(request.actor, policy.managePolicyTask(request.actor, { organization_id: t.organization_id, parent_organization_id: t.parent_organization_id }));
    if (!isApplicationAction(action)) return renderTask(request, reply, t, [fieldError('action', 'error.field.choose_decision')], '', 400);
    const r = await applyTransition(db, { actor, task: t, application: a, action, reason, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) return renderTask(request, reply, t, r.errors, '', r.errors[0]?.field === 'action' ? 409 : 400);
    return reply.redirect(`/policy-registry/tasks/${t.id}?notice=application_decided#application-${a.id}`, 303);
  });
}
