// What officers and committee members do: moderate, review, decide, publish the result; their queue.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { fieldError, forbidden, notFound, unauthorized, type FieldError } from '../../platform/http/errors.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { ImpossibleDateError, parseIsoDay } from '../action-plans/date-label.ts';
import { sniffContentType } from '../action-plans/uploads.ts';
import { decideReview, moderatePetition, publishResult, startReview, type CommandResult } from './commands/lifecycle.ts';
import { committeeIdsOfUser, findChannelById, findPetition, listPetitionsForCommittees, listPetitionsForOrganization, listPetitions, listSubCommittees, type PetitionRow } from './petitions.repository.ts';
import { renderPetition } from './petitions.routes.tsx';
import { QueuePage } from './views/petition-forms.tsx';
import { msg } from '../../platform/i18n/message.ts';

const Params = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

type Field = { value?: unknown; filename?: string; mimetype?: string; toBuffer?: () => Promise<Buffer> };
const text = (b: Record<string, unknown>, k: string): string => {
  const v = b[k];
  if (typeof v === 'string') return v;
  const x = (v as Field | undefined)?.value;
  return typeof x === 'string' ? x : '';
};

export function petitionStaffRoutes(app: App, deps: Deps) {
  const { db } = deps.handle;

  async function load(id: number) {
    const p = await findPetition(db, id);
    if (!p) throw notFound(msg('petitions.errors.no_petition'));
    return p;
  }
  function ownerOnly(request: FastifyRequest, p: PetitionRow) {
    const d = policy.actForChannelOwner(request.actor, p);
    if (!d.allowed) throw d.reason === 'sign_in' ? unauthorized() : forbidden(d.detail);
    return request.actor!;
  }
  async function committeeOnly(request: FastifyRequest, p: PetitionRow) {
    const memberOf = request.actor ? await committeeIdsOfUser(db, request.actor.id) : [];
    const d = policy.reviewForCommittee(request.actor, p.committee_id, memberOf);
    if (!d.allowed) throw d.reason === 'sign_in' ? unauthorized() : forbidden(d.detail);
    return request.actor!;
  }
  async function answer(request: FastifyRequest, reply: Parameters<typeof renderPetition>[2], p: PetitionRow, r: CommandResult) {
    if (r.ok) return reply.redirect(`/petitions/${p.id}?notice=moved`, 303);
    const fresh = (await findPetition(db, p.id))!;
    return renderPetition(deps, request, reply, fresh, { staffErrors: r.errors, status: 400 });
  }

  app.post(
    '/petitions/:id/moderate',
    { schema: { params: Params, body: Type.Object({ decision: Type.Union([Type.Literal('open'), Type.Literal('rejected')]), reason: Type.Optional(Type.String({ maxLength: 10000 })), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const p = await load(request.params.id);
      const actor = ownerOnly(request, p);
      const channel = (await findChannelById(db, p.channel_id))!;
      const r = await moderatePetition(db, { actor, petition: p, decision: request.body.decision, reason: request.body.reason ?? '', threshold: channel.threshold, windowDays: channel.signing_window_days ?? deps.config.petitionWindowDays, now: deps.clock.now(), requestId: request.id });
      return answer(request, reply, p, r);
    },
  );

  app.post('/petitions/:id/review/start', { schema: { params: Params }, preHandler: app.csrfProtection }, async (request, reply) => {
    const p = await load(request.params.id);
    const actor = await committeeOnly(request, p);
    return answer(request, reply, p, await startReview(db, { actor, petition: p, now: deps.clock.now(), requestId: request.id }));
  });

  app.post(
    '/petitions/:id/review',
    {
      schema: { params: Params, body: Type.Object({ decision: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]), reason: Type.String({ maxLength: 10000 }), sub_committee: Type.Optional(Type.String({ maxLength: 12 })), _csrf: Type.Optional(Type.String()) }) },
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const p = await load(request.params.id);
      const actor = await committeeOnly(request, p);
      const subs = p.committee_id ? await listSubCommittees(db, p.committee_id) : [];
      const sub = request.body.sub_committee ? subs.find((s) => String(s.id) === request.body.sub_committee) : undefined;
      if (request.body.sub_committee && !sub) return answer(request, reply, p, { ok: false, errors: [fieldError('sub_committee', 'petitions.errors.sub_committee')] });
      const r = await decideReview(db, { actor, petition: p, decision: request.body.decision, reason: request.body.reason, subCommitteeId: sub?.id ?? null, now: deps.clock.now(), requestId: request.id });
      return answer(request, reply, p, r);
    },
  );

  app.post('/petitions/:id/result', { schema: { params: Params }, preHandler: app.csrfProtection }, async (request, reply) => {
    const p = await load(request.params.id);
    const actor = ownerOnly(request, p);
    const b = (request.body ?? {}) as Record<string, unknown>;
    const errors: FieldError[] = [];
    const day = (field: string) => {
      const v = text(b, field).trim();
      if (!v) return null;
      try {
        return parseIsoDay(v);
      } catch (e) {
        if (!(e instanceof ImpossibleDateError)) throw e;
        errors.push(e.field(field));
        return null;
      }
    };
    const actual_start = day('actual_start');
    const actual_end = day('actual_end');
    const files: { filename: string; mimetype: string; data: Buffer }[] = [];
    const raw = b.files === undefined ? [] : Array.isArray(b.files) ? b.files : [b.files];
    for (const f of raw as Field[]) {
      if (!f?.filename || typeof f.toBuffer !== 'function') continue;
      const data = await f.toBuffer();
      if (data.length === 0) continue;
      const type = sniffContentType(data, f.mimetype ?? '');
      if (!type || !deps.config.uploadAllowedTypes.includes(type)) errors.push(fieldError('files', 'petitions.errors.file_kind', { name: f.filename }));
      else files.push({ filename: f.filename.split(/[\\/]/).pop()!.slice(0, 200), mimetype: type, data });
    }
    if (errors.length) return answer(request, reply, p, { ok: false, errors });
    const r = await publishResult(db, {
      actor,
      petition: p,
      result: { title: text(b, 'action_title'), planned_start: null, planned_end: null, actual_start, actual_end, tested: text(b, 'tested'), findings: text(b, 'findings'), measures: text(b, 'measures').split(/\r?\n/).map((m) => m.trim()).filter(Boolean) },
      files,
      now: deps.clock.now(),
      requestId: request.id,
    });
    return answer(request, reply, p, r);
  });

  app.get('/petitions/queue', { schema: { querystring: Type.Object({ lang: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const actor = request.actor;
    if (!actor) throw unauthorized();
    const memberOf = await committeeIdsOfUser(db, actor.id);
    const admin = actor.role === 'admin';
    const own = actor.role === 'officer' && actor.organization_id !== null;
    const moderation = admin ? await listPetitions(db, ['pending_moderation'], 100, 0) : own ? await listPetitionsForOrganization(db, actor.organization_id!, ['pending_moderation']) : [];
    const committee = admin ? await listPetitions(db, ['threshold_reached', 'under_review'], 100, 0) : await listPetitionsForCommittees(db, memberOf, ['threshold_reached', 'under_review']);
    const results = admin ? await listPetitions(db, ['accepted'], 100, 0) : own ? await listPetitionsForOrganization(db, actor.organization_id!, ['accepted']) : [];
    return sendPage(reply, <QueuePage ctx={viewContext(request, reply, deps)} moderation={moderation} committee={committee} results={results} />);
  });
}
