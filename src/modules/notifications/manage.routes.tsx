// Reaching what one follows without an account: the page a signed link in every notification mail
// opens (what the person follows, unfollow, how often, language, stop all mail; no sign-in), and
// the inbox's door for a visitor with none on this device (sign in, or a link mailed to the address
// they follow with, which confirms it and opens the inbox).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { emailIdentity, normalizeEmailAddress } from '../../platform/identity/identity.ts';
import type { App, Deps } from '../../platform/module.ts';
import { HttpProblem, type FieldError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { findSubject, listFollows, recipientAddress, recipientByEmail, removeFollow, updateRecipient, type Subject } from './notifications.repository.ts';
import { privateLinkHeaders } from '../../platform/http/private-link.ts';
import { followAuditEntry, MailLinkQuery, recipientFromLink, sendLinkProblem, subjectOrThrow } from './notifications.routes.tsx';
import { isFollowKind, isFrequency } from './notify-rules.ts';
import type { UnsubscribeTokens } from './unsubscribe-token.ts';
import { InboxAccessPage, SettingsPage } from './views/notification-pages.tsx';

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Lang = { lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) };
const LINK_ACTOR = 'notification mail link';

export function manageRoutes(app: App, deps: Deps, tokens: UnsubscribeTokens) {
  const { db } = deps.handle;
  const Link = Type.Object({ ...MailLinkQuery, ...Lang });
  const link = (q: { r: number; t: string }, path = '') => `/follows/manage${path}?r=${q.r}&t=${encodeURIComponent(q.t)}`;
  const here = (q: { r: number; t: string }) => link(q);
  /** The person the link names, or null once the page saying what is wrong with the link is sent. */
  async function linked(request: FastifyRequest, reply: FastifyReply, q: { r: number; t: string }) {
    const found = await recipientFromLink(db, tokens.checkManage(q.r, q.t, deps.clock.now()), q.r);
    if ('recipient' in found) return found.recipient;
    await sendLinkProblem(request, reply, deps, found.problem, 'manage');
    return null;
  }
  type Recipient = NonNullable<Awaited<ReturnType<typeof linked>>>;
  const route = { onRequest: privateLinkHeaders };

  async function renderManage(request: FastifyRequest, reply: FastifyReply, q: { r: number; t: string }, r: Recipient, errors: FieldError[] = [], status = 400) {
    const follows = await listFollows(db, r.id);
    const subjects = (await Promise.all(follows.map((f) => (isFollowKind(f.subject_type) ? findSubject(db, f.subject_type, f.subject_id) : null)))).filter((s): s is Subject => !!s);
    const ctx = viewContext(request, reply, deps);
    const actions = {
      settings: link(q, '/settings'),
      unfollow: link(q, '/remove'),
      intro: ctx.t('notifications.manage_intro', { address: (await recipientAddress(db, r.id)) ?? '' }),
      stopAll: tokens.url('', r.id),
      noindex: true,
    };
    return sendPage(reply, <SettingsPage ctx={ctx} frequency={r.frequency} locale={r.locale} follows={subjects} errors={errors} actions={actions} />, errors.length ? status : 200);
  }

  app.get('/follows/manage', { ...route, schema: { querystring: Link } }, async (request, reply) => {
    const r = await linked(request, reply, request.query);
    return r ? renderManage(request, reply, request.query, r) : reply;
  });

  app.post(
    '/follows/manage/settings',
    { ...route, schema: { querystring: Link, body: Type.Object({ frequency: Type.Optional(Type.String({ maxLength: 20 })), locale: Type.Optional(Type.String({ maxLength: 5 })), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const r = await linked(request, reply, request.query);
      if (!r) return reply;
      const { frequency, locale } = request.body;
      if (!isFrequency(frequency) || !isLocale(locale)) return renderManage(request, reply, request.query, r, [{ field: 'frequency', message: viewContext(request, reply, deps).t('notifications.settings_error') }]);
      await db.transaction().execute(async (trx) => {
        await updateRecipient(trx, r.id, { frequency, locale }, deps.clock.now());
        await recordAudit(trx, { ...followAuditEntry(request, deps.clock.now(), 'notifications.settings_changed', { type: 'notify_recipient', id: r.id }, LINK_ACTOR), after: { frequency, locale } });
      });
      return reply.redirect(`${here(request.query)}&notice=notify_settings_saved`, 303);
    },
  );

  app.post(
    '/follows/manage/remove',
    { ...route, schema: { querystring: Link, body: Type.Object({ kind: Type.String({ maxLength: 20 }), id: Id, _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const r = await linked(request, reply, request.query);
      if (!r) return reply;
      let s: Subject;
      try {
        s = await subjectOrThrow(db, request.body.kind, request.body.id);
      } catch (e) {
        // Shown on the page itself (400 or 404), whose address keeps its token out of the error page's links.
        if (!(e instanceof HttpProblem)) throw e;
        return renderManage(request, reply, request.query, r, [{ field: 'follows', message: e.detailIn(viewContext(request, reply, deps).t) }], e.status);
      }
      await db.transaction().execute(async (trx) => {
        if (await removeFollow(trx, r.id, s)) await recordAudit(trx, followAuditEntry(request, deps.clock.now(), 'follow.removed', s, LINK_ACTOR));
      });
      return reply.redirect(`${here(request.query)}&notice=unfollowed`, 303);
    },
  );

  app.get('/inbox/access', { schema: { querystring: Type.Object(Lang) } }, async (request, reply) => sendPage(reply, <InboxAccessPage ctx={viewContext(request, reply, deps)} email="" errors={[]} />));

  app.post(
    '/inbox/access',
    {
      schema: { body: Type.Object({ email: Type.String({ maxLength: 320 }), _csrf: Type.Optional(Type.String()) }) },
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: deps.config.signRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const ctx = viewContext(request, reply, deps);
      const email = normalizeEmailAddress(request.body.email);
      if (!email) return sendPage(reply, <InboxAccessPage ctx={ctx} email={request.body.email} errors={[{ field: 'email', message: ctx.t('notifications.email_error') }]} />, 400);
      const now = deps.clock.now();
      // The same answer whether or not the address follows anything: the page reveals nobody.
      await db.transaction().execute(async (trx) => {
        const r = await recipientByEmail(trx, email);
        if (!r) return;
        await emailIdentity.requestVerification(trx, {
          value: email,
          petitionId: null,
          returnPath: '/inbox',
          now,
          ttlHours: deps.config.verifyTokenTtlHours,
          link: (token) => `${deps.config.baseUrl}/identity/confirm?token=${token}&lang=${ctx.locale}`,
          subject: ctx.t('notifications.access_subject'),
          text: (link) => ctx.t('notifications.access_text', { link }),
        });
        await recordAudit(trx, followAuditEntry(request, now, 'notifications.inbox_link_sent', { type: 'notify_recipient', id: r.id }));
      });
      return reply.redirect('/inbox/access?notice=inbox_link_sent', 303);
    },
  );
}
