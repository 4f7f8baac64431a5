// Public petition pages and the signing flow: sign with a confirmed identity in one click, or
// leave an e-mail address, receive a link, confirm, and the signature counts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { privateLinkHeaders } from '../../platform/http/private-link.ts';
import { Type } from 'typebox';
import { publicHistory } from '../../platform/audit/audit.ts';
import { fieldError, HttpProblem, notFound, unauthorized } from '../../platform/http/errors.ts';
import type { KeyedLimiter } from '../../platform/http/limiter.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { emailIdentity, IDENTITY_COOKIE, identityCookieValue } from '../../platform/identity/identity.ts';
import { listOutbox } from '../../platform/mail/outbox.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { safeNext } from '../../platform/auth/auth.routes.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { SIGN_REFUSALS, identityFromRequest } from './petitions.api.ts';
import { submitPetition } from './commands/lifecycle.ts';
import type { SignatureBatcher } from './commands/sign-petition.ts';
import { HIDDEN, STATE_GROUPS, type StateGroup } from './petition-state.ts';
import { committeeIdsOfUser, findAction, findPetition, findReview, listAttachments, listChannels, listMeasures, listPetitions, listSubCommittees, signaturesPerHour, type PetitionRow } from './petitions.repository.ts';
import { signaturesByDay } from './signature-history.ts';
import { ConfirmPage, NewPetitionPage, OutboxPage } from './views/petition-forms.tsx';
import { PetitionListPage, PetitionPage } from './views/petition-pages.tsx';
import type { StaffView } from './views/petition-staff.tsx';
import { followView } from '../notifications/notifications.routes.tsx';
import { msg } from '../../platform/i18n/message.ts';

const Q = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });

export const PETITION_NOTICES: Record<string, string> = {
  signed: 'petitions.signed',
  already_signed: 'petitions.already_signed',
  check_mail: 'petitions.check_mail',
  not_signable: 'petitions.not_signable',
  submitted: 'petitions.submitted',
  moved: 'petitions.moved',
};

export async function staffView(deps: Deps, request: FastifyRequest, p: PetitionRow, errors: StaffView['errors'] = []): Promise<StaffView | null> {
  const actor = request.actor;
  if (!actor) return null;
  const memberOf = await committeeIdsOfUser(deps.handle.db, actor.id);
  const owner = policy.actForChannelOwner(actor, p).allowed;
  const committee = policy.reviewForCommittee(actor, p.committee_id, memberOf).allowed;
  if (!owner && !committee) return null;
  const subs = p.committee_id ? await listSubCommittees(deps.handle.db, p.committee_id) : [];
  return { canModerate: owner, canReview: committee, canPublish: owner, subCommittees: subs.map((s) => ({ id: s.id, name: s.name })), errors };
}

/** A hidden petition (waiting for moderation) is seen only by its author and those who moderate it. */
export function canSee(request: FastifyRequest, p: PetitionRow): boolean {
  if (!HIDDEN.has(p.state)) return true;
  const a = request.actor;
  return !!a && (a.id === p.author_user_id || policy.actForChannelOwner(a, p).allowed);
}

export async function renderPetition(deps: Deps, request: FastifyRequest, reply: FastifyReply, p: PetitionRow, extra: { email?: string; errors?: StaffView['errors']; staffErrors?: StaffView['errors']; status?: number } = {}) {
  const db = deps.handle.db;
  const [review, action, measures, attachments, history, perHour] = await Promise.all([
    findReview(db, p.id),
    findAction(db, p.id),
    listMeasures(db, p.id),
    listAttachments(db, p.id),
    publicHistory(db, [{ type: 'petition', id: String(p.id) }]),
    signaturesPerHour(db, p.id),
  ]);
  const ctx = viewContext(request, reply, deps);
  const notice = (request.query as { notice?: string }).notice;
  if (notice && PETITION_NOTICES[notice]) ctx.flash = ctx.t(PETITION_NOTICES[notice]!);
  return sendPage(
    reply,
    <PetitionPage
      ctx={ctx}
      p={p}
      x={{ review, action, measures, attachments }}
      now={deps.clock.now()}
      identified={identityFromRequest(request, deps.clock.now()) !== null}
      email={extra.email ?? ''}
      errors={extra.errors ?? []}
      history={history.filter((h) => h.action.startsWith('petition.') && h.action !== 'petition.draft')}
      staff={await staffView(deps, request, p, extra.staffErrors)}
      follow={await followView(deps, request, 'petition', p.id)}
      signatures={signaturesByDay(perHour)}
    />,
    extra.status ?? 200,
  );
}

export function petitionRoutes(app: App, deps: Deps, limiter: KeyedLimiter, signer: SignatureBatcher) {
  const { db } = deps.handle;

  app.get('/petitions', { schema: { querystring: Type.Object({ lang: Type.Optional(Type.String()), state: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) => {
    const group = (request.query.state && request.query.state in STATE_GROUPS && request.query.state !== 'moderation' ? request.query.state : 'open') as StateGroup;
    const rows = await listPetitions(db, STATE_GROUPS[group], 100, 0);
    return sendPage(reply, <PetitionListPage ctx={viewContext(request, reply, deps)} group={group} petitions={rows} now={deps.clock.now()} />);
  });

  app.get('/petitions/new', { schema: { querystring: Q } }, async (request, reply) => {
    const d = policy.submitPetition(request.actor);
    if (!d.allowed) throw unauthorized();
    const channels = await listChannels(db, 'petition');
    return sendPage(reply, <NewPetitionPage ctx={viewContext(request, reply, deps)} channels={channels} values={{ channel: '', title: '', body: '' }} errors={[]} />);
  });

  app.post(
    '/petitions',
    { schema: { body: Type.Object({ channel: Type.String({ maxLength: 12 }), title: Type.String({ maxLength: 1000 }), body: Type.String({ maxLength: 20000 }), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const d = policy.submitPetition(request.actor);
      if (!d.allowed) throw unauthorized();
      const channels = await listChannels(db, 'petition');
      const channel = channels.find((c) => String(c.id) === request.body.channel);
      const result = channel
        ? await submitPetition(db, { actor: request.actor!, channelId: channel.id, title: request.body.title, body: request.body.body, now: deps.clock.now(), requestId: request.id })
        : { ok: false as const, errors: [fieldError('channel', 'petitions.errors.channel')] };
      if (!result.ok) {
        return sendPage(reply, <NewPetitionPage ctx={viewContext(request, reply, deps)} channels={channels} values={request.body} errors={result.errors} />, 400);
      }
      return reply.redirect(`/petitions/${result.id}?notice=submitted`, 303);
    },
  );

  app.get('/petitions/:id', { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }), querystring: Q } }, async (request, reply) => {
    const p = await findPetition(db, request.params.id);
    if (!p || !canSee(request, p)) throw notFound(msg('petitions.errors.no_petition'));
    return renderPetition(deps, request, reply, p);
  });

  app.post(
    '/petitions/:id/sign',
    {
      schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }), body: Type.Object({ email: Type.Optional(Type.String({ maxLength: 320 })), _csrf: Type.Optional(Type.String()) }) },
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: deps.config.signRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const p = await findPetition(db, request.params.id);
      if (!p || !canSee(request, p) || HIDDEN.has(p.state)) throw notFound(msg('petitions.errors.no_petition'));
      const now = deps.clock.now();
      const identityId = identityFromRequest(request, now);
      if (identityId !== null) {
        if (!limiter.take(String(identityId))) throw new HttpProblem(429, 'Too Many Requests', msg('petitions.errors.too_many_signs'));
        const r = await signer.sign(p.id, identityId);
        const notice = r.ok ? 'signed' : r.reason === 'already_signed' ? 'already_signed' : 'not_signable';
        if (!r.ok && SIGN_REFUSALS[r.reason].status === 404) throw notFound(msg('petitions.errors.no_petition'));
        return reply.redirect(`/petitions/${p.id}?notice=${notice}`, 303);
      }
      const t = viewContext(request, reply, deps).t;
      const started = await db.transaction().execute((trx) =>
        emailIdentity.requestVerification(trx, {
          value: request.body.email ?? '',
          petitionId: p.id,
          now,
          ttlHours: deps.config.verifyTokenTtlHours,
          link: (token) => `${deps.config.baseUrl}/identity/confirm?token=${token}`,
          subject: t('petitions.mail_subject'),
          text: (link) => t('petitions.mail_text', { title: p.title, link }),
        }),
      );
      if (!started.ok) {
        return renderPetition(deps, request, reply, p, { email: request.body.email ?? '', errors: [fieldError('email', 'petitions.errors.email')], status: 400 });
      }
      return reply.redirect(`/petitions/${p.id}?notice=check_mail`, 303);
    },
  );

  app.get('/identity/confirm', { schema: { querystring: Type.Object({ token: Type.String({ maxLength: 100 }), lang: Type.Optional(Type.String()) }) }, onRequest: privateLinkHeaders }, async (request, reply) => {
    // The link only shows a button: mail scanners that follow links must not confirm anything.
    return sendPage(reply, <ConfirmPage ctx={viewContext(request, reply, deps)} token={request.query.token} valid={/^[A-Za-z0-9_-]{20,64}$/.test(request.query.token)} />);
  });

  app.post(
    '/identity/confirm',
    { schema: { body: Type.Object({ token: Type.String({ maxLength: 100 }), _csrf: Type.Optional(Type.String()) }) }, onRequest: privateLinkHeaders, preHandler: app.csrfProtection },
    async (request, reply) => {
      const now = deps.clock.now();
      const r = await emailIdentity.confirm(db, request.body.token, now);
      if (!r.ok) return sendPage(reply, <ConfirmPage ctx={viewContext(request, reply, deps)} token="" valid={false} />, 400);
      const expires = new Date(now.getTime() + deps.config.identityTtlDays * 86_400_000);
      reply.setCookie(IDENTITY_COOKIE, identityCookieValue(r.identityId, expires), { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.cookieSecure, signed: true, expires });
      if (r.petitionId === null) return reply.redirect(safeNext(r.returnPath ?? '/petitions'), 303);
      const signed = await signer.sign(r.petitionId, r.identityId);
      const notice = signed.ok ? 'signed' : signed.reason === 'already_signed' ? 'already_signed' : 'not_signable';
      return reply.redirect(`/petitions/${r.petitionId}?notice=${notice}`, 303);
    },
  );

  app.get('/outbox', { schema: { querystring: Q } }, async (request, reply) => {
    if (!deps.config.showOutbox) throw notFound();
    return sendPage(reply, <OutboxPage ctx={viewContext(request, reply, deps)} mails={await listOutbox(db, 50)} />);
  });
}
