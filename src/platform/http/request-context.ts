import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/roles.ts';
import { userIdForSession } from '../auth/sessions.repository.ts';
import { findActor } from '../auth/users.repository.ts';
import { isLocale, translator, type Locale } from '../i18n/i18n.ts';
import type { App, Deps } from '../module.ts';
import type { ViewContext } from '../views/context.ts';
import { webFontsCached } from './web-fonts.ts';

export const SESSION_COOKIE = 'madang_session';
export const LOCALE_COOKIE = 'lang';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** Set by the notifications module: the viewer's unread count, read lazily (see ViewContext). */
    inboxUnread: (() => Promise<number | null>) | null;
  }
}

/** Notices shown after a redirect, by key, so that no free text travels in a URL. */
const NOTICES: Record<string, string> = {
  following: 'notifications.following_notice',
  unfollowed: 'notifications.unfollowed_notice',
  follow_check_mail: 'notifications.check_mail_notice',
  notify_settings_saved: 'notifications.saved',
  inbox_link_sent: 'notifications.access_sent',
  posted: 'update.posted',
  irm_saved: 'irm.saved',
  signed_out: 'auth.signed_out',
  call_opened: 'proposals.call_form.opened',
  proposal_submitted: 'proposals.submitted',
  proposal_edited: 'proposals.edited',
  proposal_supported: 'proposals.support_added',
  already_supported: 'proposals.already_supported',
  comment_posted: 'proposals.comment_posted',
  response_published: 'proposals.response_published',
  proposal_routed: 'proposals.routed',
  proposal_moderated: 'proposals.moderated',
  proposal_matured: 'proposals.matured',
  table_published: 'open_data.upload.done',
  report_sent: 'open_data.report.sent',
  report_updated: 'open_data.reports_page.updated',
  request_sent: 'open_data.requests.sent',
  support_added: 'open_data.requests.support_added',
  request_answered: 'open_data.requests.answered',
  document_published: 'repository.posted',
  report_created: 'plan_reports.created',
  report_opened: 'plan_reports.opened_notice',
  report_finalised: 'plan_reports.finalised_notice',
  report_comment_posted: 'plan_reports.comment_posted',
  report_response_posted: 'plan_reports.response_posted',
  dataset_saved: 'open_data.dataset_form.saved',
  resource_added: 'open_data.resource_form.added',
  round_entry_decided: 'open_data.rounds.decided',
  task_registered: 'policy_registry.registered',
  application_sent: 'policy_registry.application_sent',
  application_decided: 'policy_registry.application_decided',
  meeting_recorded: 'bodies.record.saved',
  progress_recorded: 'bodies.record.progress_saved',
  survey_created: 'surveys.created',
  question_added: 'surveys.question_added',
  survey_opened: 'surveys.opened',
  survey_closed: 'surveys.closed',
  survey_answered: 'surveys.answered',
};

export function registerRequestContext(app: App, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'ko');
  app.decorateRequest('inboxUnread', null);

  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const asked = query?.lang;
    if (isLocale(asked)) {
      request.locale = asked;
      reply.setCookie(LOCALE_COOKIE, asked, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: deps.config.cookieSecure });
    } else {
      const cookie = request.cookies[LOCALE_COOKIE];
      request.locale = isLocale(cookie) ? cookie : deps.config.defaultLocale;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const userId = await userIdForSession(deps.handle.db, token, deps.clock.now());
      request.actor = userId === null ? null : await findActor(deps.handle.db, userId);
    }
  });
}

export function viewContext(request: FastifyRequest, reply: FastifyReply, deps: Deps): ViewContext {
  const query = request.query as Record<string, unknown> | undefined;
  const notice = typeof query?.notice === 'string' ? NOTICES[query.notice] : undefined;
  const t = translator(request.locale);
  return {
    locale: request.locale,
    t,
    actor: request.actor,
    url: request.url,
    baseUrl: deps.config.baseUrl,
    csrfToken: reply.generateCsrf(),
    masthead: deps.config.officialMasthead,
    webFonts: webFontsCached(request.cookies),
    flash: notice ? t(notice) : null,
    ...(request.inboxUnread ? { inboxUnread: request.inboxUnread } : {}),
  };
}
