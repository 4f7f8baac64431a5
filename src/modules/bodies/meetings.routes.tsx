// Recording a body's meetings, a meeting's page, and the progress presented at a monitoring meeting.
// Every handler: validate → load → authorize → command → present.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { fieldError, HttpProblem, notFound, type FieldError } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy, type BodyStewardship } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize, f, fAll, formOf } from '../proposals/http.ts';
import { findBody, findMeeting, findOrganizationParent, listAttendees, listCommitmentsFor, listMeetingProgress, listMembers, listProducedProposals, listUnclaimedProposals, type BodyRow } from './bodies.repository.ts';
import { KeyParams } from './bodies.schema.ts';
import { EMPTY_MEETING, recordMeeting, recordProgress, validateMeeting, validateProgress, type MeetingInput } from './commands/record-meeting.ts';
import { MeetingFormPage, MeetingPage } from './views/meeting-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const PageQuery = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const MeetingParams = Type.Object({ key: Type.String({ maxLength: 100 }), id: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1 }) });

export async function stewardshipOf(db: Deps['handle']['db'], organizationId: number | null): Promise<BodyStewardship> {
  return { organization_id: organizationId, organization_parent_id: await findOrganizationParent(db, organizationId) };
}

export function meetingRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;

  async function loadBody(key: string): Promise<{ body: BodyRow; owner: BodyStewardship }> {
    const body = await findBody(db, key);
    if (!body) throw notFound(msg('bodies.errors.no_body', { key }));
    return { body, owner: await stewardshipOf(db, body.organization_id) };
  }

  async function loadMeeting(key: string, id: number) {
    const { body, owner } = await loadBody(key);
    const meeting = await findMeeting(db, body.id, id);
    if (!meeting) throw notFound(msg('bodies.errors.no_meeting', { body: body.name, id }));
    return { body, owner, meeting };
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, body: BodyRow, values: MeetingInput, errors: FieldError[]) {
    const [members, proposals] = await Promise.all([listMembers(db, [body.id]), listUnclaimedProposals(db)]);
    return sendPage(reply, <MeetingFormPage ctx={viewContext(request, reply, deps)} body={body} members={members} proposals={proposals} values={values} errors={errors} />, errors.length ? 400 : 200);
  }

  async function renderMeeting(request: FastifyRequest, reply: FastifyReply, loaded: Awaited<ReturnType<typeof loadMeeting>>, form?: { values: { commitment: string; text: string }; errors: FieldError[] }) {
    const { body, owner, meeting } = loaded;
    const [attendees, progress, produced] = await Promise.all([listAttendees(db, [meeting.id]), listMeetingProgress(db, [meeting.id]), listProducedProposals(db, [meeting.id])]);
    const steward = meeting.kind === 'monitoring' && policy.recordMeeting(request.actor, owner).allowed;
    const progressForm = steward ? { commitments: await listCommitmentsFor(db, body.plan_id), values: form?.values ?? { commitment: '', text: '' }, errors: form?.errors ?? [] } : null;
    return sendPage(reply, <MeetingPage ctx={viewContext(request, reply, deps)} body={body} meeting={meeting} attendees={attendees} progress={progress} produced={produced} progressForm={progressForm} />, form?.errors.length ? 400 : 200);
  }

  app.get('/bodies/:key/meetings/new', { schema: { params: KeyParams, querystring: PageQuery } }, async (request, reply) => {
    const { body, owner } = await loadBody(request.params.key);
    authorize(request, policy.recordMeeting(request.actor, owner));
    return renderForm(request, reply, body, EMPTY_MEETING, []);
  });

  app.post('/bodies/:key/meetings', { schema: { params: KeyParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const { body, owner } = await loadBody(request.params.key);
    const actor = authorize(request, policy.recordMeeting(request.actor, owner));
    const input: MeetingInput = { kind: f(form, 'kind'), title: f(form, 'title'), date: f(form, 'date'), place: f(form, 'place'), attendance: f(form, 'attendance'), minutes: f(form, 'minutes'), decisions: f(form, 'decisions'), attendees: fAll(request, 'attendees'), proposals: fAll(request, 'proposals') };
    const [members, proposals] = await Promise.all([listMembers(db, [body.id]), listUnclaimedProposals(db)]);
    const checked = validateMeeting(input, { memberIds: new Set(members.map((m) => m.id)), proposalIds: new Set(proposals.map((p) => p.id)) });
    if (!checked.ok) return renderForm(request, reply, body, input, checked.errors);
    const r = await recordMeeting(db, { actor, body, meeting: checked.value, now: deps.clock.now(), requestId: request.id });
    if (!r.ok) return renderForm(request, reply, body, input, [fieldError('proposals', 'bodies.errors.claimed')]);
    return reply.redirect(`/bodies/${body.key}/meetings/${r.id}?notice=meeting_recorded`, 303);
  });

  app.get('/bodies/:key/meetings/:id', { schema: { params: MeetingParams, querystring: PageQuery } }, async (request, reply) => {
    return renderMeeting(request, reply, await loadMeeting(request.params.key, request.params.id));
  });

  app.post('/bodies/:key/meetings/:id/progress', { schema: { params: MeetingParams }, preHandler: app.csrfProtection }, async (request, reply) => {
    const form = formOf(request);
    const loaded = await loadMeeting(request.params.key, request.params.id);
    const actor = authorize(request, policy.recordMeeting(request.actor, loaded.owner));
    if (loaded.meeting.kind !== 'monitoring') throw new HttpProblem(409, 'Conflict', msg('bodies.errors.monitoring_only'));
    const values = { commitment: f(form, 'commitment'), text: f(form, 'text') };
    const checked = validateProgress(values, await listCommitmentsFor(db, loaded.body.plan_id));
    if (!checked.ok) return renderMeeting(request, reply, loaded, { values, errors: checked.errors });
    await recordProgress(db, { actor, meeting: loaded.meeting, progress: checked.value, now: deps.clock.now(), requestId: request.id });
    return reply.redirect(`/bodies/${loaded.body.key}/meetings/${loaded.meeting.id}?notice=progress_recorded#progress-title`, 303);
  });
}
