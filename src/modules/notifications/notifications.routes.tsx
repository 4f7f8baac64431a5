// Follow and unfollow, the e-mail follow for people without an account, the inbox and its
// settings, and the one-click unsubscribe link of every notification mail.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { safeNext } from '../../platform/auth/auth.routes.tsx';
import { fieldError, badRequest, notFound, unauthorized, type FieldError } from '../../platform/http/errors.ts';
import { privateLinkHeaders } from '../../platform/http/private-link.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { emailIdentity, normalizeEmailAddress } from '../../platform/identity/identity.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { identityFromRequest } from '../petitions/petitions.api.ts';
import { addFollow, confirmFollow, countUnread, ensureRecipient, findRecipient, findRecipientById, findSubject, isFollowing, listFollows, listInbox, markRead, recipientAddress, removeFollow, updateRecipient, type Subject, type Who } from './notifications.repository.ts';
import { isFollowKind, isFrequency, type FollowKind } from './notify-rules.ts';
import type { LinkCheck, UnsubscribeTokens } from './unsubscribe-token.ts';
import type { FollowView } from './views/follow-button.tsx';
import { FollowEmailPage, InboxPage, LinkProblemPage, SettingsPage, UnsubscribePage } from './views/notification-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const FollowBody = Type.Object({ kind: Type.String({ maxLength: 20 }), id: Id, next: Type.Optional(Type.String({ maxLength: 300 })), _csrf: Type.Optional(Type.String()) });
const Lang = { lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) };
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

/** Who is asking: the signed-in account first, else a confirmed e-mail identity, else nobody. */
export function whoIs(request: FastifyRequest, now: Date): Who | null {
  if (request.actor) return { userId: request.actor.id };
  const identityId = identityFromRequest(request, now);
  return identityId === null ? null : { identityId };
}

/** The viewer's unread count for the header: null when they have no inbox (see ViewContext.inboxUnread). */
export async function unreadFor(deps: Deps, request: FastifyRequest): Promise<number | null> {
  const who = whoIs(request, deps.clock.now());
  if (!who) return null;
  const r = await findRecipient(deps.handle.db, who);
  if (!r) return 'userId' in who ? 0 : null;
  return countUnread(deps.handle.db, r.id);
}

/** The follow button's state for the page of a subject. */
export async function followView(deps: Deps, request: FastifyRequest, kind: FollowKind, id: number): Promise<FollowView> {
  const who = whoIs(request, deps.clock.now());
  const r = who ? await findRecipient(deps.handle.db, who) : undefined;
  return { kind, id, following: r ? await isFollowing(deps.handle.db, r.id, { type: kind, id }) : false };
}

/** The followable record a form names: 400 for a kind that cannot be followed, 404 for none. */
export async function subjectOrThrow(db: Kysely<Database>, kind: string, id: number): Promise<Subject> {
  if (!isFollowKind(kind)) throw badRequest(msg('notifications.errors.not_followable', { kind }), [fieldError('kind', 'notifications.errors.unknown_kind')]);
  const s = await findSubject(db, kind, id);
  if (!s) throw notFound(msg('notifications.errors.no_subject', { kind: msg(`notifications.kind.${kind}`), id }));
  return s;
}

/** The query of a signed mail link (unsubscribe, what the person follows). */
export const MailLinkQuery = { r: Type.Integer({ minimum: 1, maximum: 2147483647 }), t: Type.String({ maxLength: 100 }) };

/** Why a signed mail link opens nothing: not made here (400), expired (410), or its person is gone (404). */
export type LinkProblem = 'invalid' | 'expired' | 'gone';
type NotifyRecipient = Selectable<Database['notify_recipients']>;
const LINK_PROBLEM_STATUS: Record<LinkProblem, number> = { invalid: 400, expired: 410, gone: 404 };

/** The person a signed mail link names, once its token is checked, or what is wrong with the link. */
export async function recipientFromLink(db: Kysely<Database>, check: LinkCheck, recipientId: number): Promise<{ recipient: NotifyRecipient } | { problem: LinkProblem }> {
  if (check !== 'ok') return { problem: check };
  const recipient = await findRecipientById(db, recipientId);
  return recipient ? { recipient } : { problem: 'gone' };
}

/** The page for a mail link that opens nothing: what went wrong and how to get a new link. */
export function sendLinkProblem(request: FastifyRequest, reply: FastifyReply, deps: Deps, problem: LinkProblem, link: 'manage' | 'unsubscribe') {
  const ctx = viewContext(request, reply, deps);
  return sendPage(reply, <LinkProblemPage ctx={ctx} problem={problem} link={link} ttlDays={deps.config.manageLinkTtlDays} />, LINK_PROBLEM_STATUS[problem]);
}

/** Sections of the audit entry for a change made by the person (an account, an e-mail, or a signed mail link). */
export function followAuditEntry(request: FastifyRequest, now: Date, action: string, s: { type: string; id: number }, systemActor = 'identity') {
  return { actor: request.actor, systemActor, action, entityType: s.type, entityId: s.id, public: false, at: now, requestId: request.id };
}

export function notificationRoutes(app: App, deps: Deps, tokens: UnsubscribeTokens) {
  const { db } = deps.handle;
  const subjectOf = (kind: string, id: number) => subjectOrThrow(db, kind, id);

  function requireWho(request: FastifyRequest): Who {
    const who = whoIs(request, deps.clock.now());
    const d = policy.followAndRead(request.actor, who && 'identityId' in who ? who.identityId : null);
    if (!d.allowed || !who) throw unauthorized(msg('notifications.errors.sign_in'));
    return who;
  }

  const audit = (request: FastifyRequest, action: string, s: { type: string; id: number }) => followAuditEntry(request, deps.clock.now(), action, s);

  /** A page of the inbox: whoever has none is shown how to reach theirs (sign in, or a link by mail). */
  function whoOrAccess(request: FastifyRequest): Who | null {
    const who = whoIs(request, deps.clock.now());
    return policy.followAndRead(request.actor, who && 'identityId' in who ? who.identityId : null).allowed ? who : null;
  }

  app.post('/follows', { schema: { body: FollowBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    const s = await subjectOf(request.body.kind, request.body.id);
    const who = whoIs(request, deps.clock.now());
    if (!who) return reply.redirect(`/follows/new?kind=${s.type}&id=${s.id}`, 303);
    await db.transaction().execute(async (trx) => {
      const recipient = await ensureRecipient(trx, who, request.locale, deps.clock.now());
      await addFollow(trx, recipient, s, deps.clock.now(), null);
      await recordAudit(trx, audit(request, 'follow.created', s));
    });
    return reply.redirect(`${s.link}?notice=following`, 303);
  });

  app.post('/follows/remove', { schema: { body: FollowBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    const s = await subjectOf(request.body.kind, request.body.id);
    const who = requireWho(request);
    await db.transaction().execute(async (trx) => {
      const r = await findRecipient(trx, who);
      if (r && (await removeFollow(trx, r.id, s))) await recordAudit(trx, audit(request, 'follow.removed', s));
    });
    return reply.redirect(request.body.next ? safeNext(request.body.next) : `${s.link}?notice=unfollowed`, 303);
  });

  app.get('/follows/new', { schema: { querystring: Type.Object({ kind: Type.String({ maxLength: 20 }), id: Id, ...Lang }) } }, async (request, reply) => {
    const s = await subjectOf(request.query.kind, request.query.id);
    return sendPage(reply, <FollowEmailPage ctx={viewContext(request, reply, deps)} subject={s} email="" errors={[]} />);
  });

  app.post(
    '/follows/email',
    {
      schema: { body: Type.Object({ kind: Type.String({ maxLength: 20 }), id: Id, email: Type.String({ maxLength: 320 }), _csrf: Type.Optional(Type.String()) }) },
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: deps.config.signRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const s = await subjectOf(request.body.kind, request.body.id);
      const ctx = viewContext(request, reply, deps);
      const email = normalizeEmailAddress(request.body.email);
      if (!email) return sendPage(reply, <FollowEmailPage ctx={ctx} subject={s} email={request.body.email} errors={[fieldError('email', 'notifications.email_error')]} />, 400);
      // The nonce is never shown to the requester: it is revealed only by the redirect after the
      // owner of the address confirms the link mailed to them.
      const nonce = randomBytes(24).toString('base64url');
      const now = deps.clock.now();
      await db.transaction().execute(async (trx) => {
        await emailIdentity.requestVerification(trx, {
          value: email,
          petitionId: null,
          returnPath: `/follows/confirmed?n=${nonce}`,
          now,
          ttlHours: deps.config.verifyTokenTtlHours,
          link: (token) => `${deps.config.baseUrl}/identity/confirm?token=${token}&lang=${ctx.locale}`,
          subject: ctx.t('notifications.confirm_subject'),
          text: (link) => ctx.t('notifications.confirm_text', { label: s.label, link, manage: `${deps.config.baseUrl}/inbox/settings?lang=${ctx.locale}` }),
        });
        const identity = await trx.selectFrom('identities').select('id').where('kind', '=', 'email').where('value', '=', email).executeTakeFirstOrThrow();
        const recipient = await ensureRecipient(trx, { identityId: identity.id }, request.locale, now);
        await addFollow(trx, recipient, s, now, { nonceHash: sha256(nonce) });
        await recordAudit(trx, audit(request, 'follow.requested', s));
      });
      return reply.redirect(`${s.link}?notice=follow_check_mail`, 303);
    },
  );

  // Reached only through the redirect after POST /identity/confirm, which sets the identity
  // cookie; the nonce proves the confirmed address is the one that asked to follow.
  app.get('/follows/confirmed', { schema: { querystring: Type.Object({ n: Type.String({ maxLength: 64 }), ...Lang }) } }, async (request, reply) => {
    const identityId = identityFromRequest(request, deps.clock.now());
    if (identityId === null) throw unauthorized(msg('notifications.errors.confirm_first'));
    const f = await db.transaction().execute(async (trx) => {
      const confirmed = await confirmFollow(trx, sha256(request.query.n), identityId, deps.clock.now());
      if (confirmed) await recordAudit(trx, audit(request, 'follow.confirmed', { type: confirmed.subject_type, id: confirmed.subject_id }));
      return confirmed;
    });
    if (!f || !isFollowKind(f.subject_type)) throw notFound(viewContext(request, reply, deps).t('notifications.confirm_invalid'));
    const s = await findSubject(db, f.subject_type, f.subject_id);
    return reply.redirect(s ? `${s.link}?notice=following` : '/inbox', 303);
  });

  app.get('/inbox', { schema: { querystring: Type.Object(Lang) } }, async (request, reply) => {
    const who = whoOrAccess(request);
    if (!who) return reply.redirect('/inbox/access', 303);
    const r = await findRecipient(db, who);
    const [items, unread] = r ? await Promise.all([listInbox(db, r.id, 100), countUnread(db, r.id)]) : [[], 0];
    return sendPage(reply, <InboxPage ctx={viewContext(request, reply, deps)} items={items} unread={unread} />);
  });

  app.post('/inbox/read', { schema: { body: Type.Object({ id: Type.Optional(Id), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection }, async (request, reply) => {
    const r = await findRecipient(db, requireWho(request));
    if (r) await markRead(db, r.id, request.body.id ?? null, deps.clock.now());
    return reply.redirect('/inbox', 303);
  });

  async function renderSettings(request: FastifyRequest, reply: FastifyReply, who: Who, errors: FieldError[] = []) {
    const r = await findRecipient(db, who);
    const follows = r ? await listFollows(db, r.id) : [];
    const subjects = (await Promise.all(follows.map((f) => (isFollowKind(f.subject_type) ? findSubject(db, f.subject_type, f.subject_id) : null)))).filter((s): s is Subject => !!s);
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <SettingsPage ctx={ctx} frequency={r?.frequency ?? 'immediate'} locale={r?.locale ?? ctx.locale} follows={subjects} errors={errors} />, errors.length ? 400 : 200);
  }

  app.get('/inbox/settings', { schema: { querystring: Type.Object(Lang) } }, async (request, reply) => {
    const who = whoOrAccess(request);
    return who ? renderSettings(request, reply, who) : reply.redirect('/inbox/access', 303);
  });

  app.post(
    '/inbox/settings',
    { schema: { body: Type.Object({ frequency: Type.Optional(Type.String({ maxLength: 20 })), locale: Type.Optional(Type.String({ maxLength: 5 })), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const who = requireWho(request);
      const { frequency, locale } = request.body;
      if (!isFrequency(frequency) || !isLocale(locale)) return renderSettings(request, reply, who, [fieldError('frequency', 'notifications.settings_error')]);
      await db.transaction().execute(async (trx) => {
        const id = await ensureRecipient(trx, who, locale, deps.clock.now());
        await updateRecipient(trx, id, { frequency, locale }, deps.clock.now());
        await recordAudit(trx, { ...audit(request, 'notifications.settings_changed', { type: 'notify_recipient', id }), after: { frequency, locale } });
      });
      return reply.redirect('/inbox/settings?notice=notify_settings_saved', 303);
    },
  );

  const Unsub = Type.Object({ ...MailLinkQuery, ...Lang });
  // The unsubscribe token never expires (see unsubscribe-token.ts): a mail's unsubscribe keeps working.
  const unsubscribeTarget = (q: { r: number; t: string }) => recipientFromLink(db, tokens.verify(q.r, q.t) ? 'ok' : 'invalid', q.r);

  app.get('/unsubscribe', { schema: { querystring: Unsub }, onRequest: privateLinkHeaders }, async (request, reply) => {
    // Shows a button only: mail scanners that follow links must not unsubscribe anybody.
    const found = await unsubscribeTarget(request.query);
    if ('problem' in found) return sendLinkProblem(request, reply, deps, found.problem, 'unsubscribe');
    const r = found.recipient;
    const action = `/unsubscribe?r=${r.id}&t=${encodeURIComponent(request.query.t)}`;
    return sendPage(reply, <UnsubscribePage ctx={viewContext(request, reply, deps)} state="ask" address={(await recipientAddress(db, r.id)) ?? ''} action={action} />);
  });

  // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" with no cookie and no
  // CSRF token; the signed token in the address is the authority.
  app.post('/unsubscribe', { schema: { querystring: Unsub }, onRequest: privateLinkHeaders }, async (request, reply) => {
    const found = await unsubscribeTarget(request.query);
    if ('problem' in found) return sendLinkProblem(request, reply, deps, found.problem, 'unsubscribe');
    const r = found.recipient;
    await db.transaction().execute(async (trx) => {
      await updateRecipient(trx, r.id, { frequency: 'off', locale: r.locale }, deps.clock.now());
      await recordAudit(trx, { actor: null, systemActor: 'unsubscribe link', action: 'notifications.unsubscribed', entityType: 'notify_recipient', entityId: r.id, public: false, at: deps.clock.now(), requestId: request.id });
    });
    return sendPage(reply, <UnsubscribePage ctx={viewContext(request, reply, deps)} state="done" address="" action="" />);
  });
}
