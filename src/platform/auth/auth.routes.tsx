import { Type } from 'typebox';
import type { Deps, App } from '../module.ts';
import { recordAudit } from '../audit/audit.ts';
import { SESSION_COOKIE, viewContext } from '../http/request-context.ts';
import { sendPage } from '../views/render.ts';
import { Layout } from '../views/layout.tsx';
import { CsrfField, ErrorSummary, Field } from '../views/form.tsx';
import type { ViewContext } from '../views/context.ts';
import { verifyPassword } from './passwords.ts';
import { createSession, deleteSession, purgeExpiredSessions } from './sessions.repository.ts';
import { findUserForSignIn } from './users.repository.ts';

/** Only local paths are followed after sign-in, never another site. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

function SignInPage({ ctx, next, email, failed }: { ctx: ViewContext; next: string; email: string; failed: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('auth.title') }}>
      <div class="narrow">
        <h1 safe>{t('auth.title')}</h1>
        <p safe>{t('auth.intro')}</p>
        {failed ? <ErrorSummary t={t} title={t('auth.title')} errors={[{ field: 'email', message: t('auth.failed') }]} /> : ''}
        <form method="post" action="/sign-in" class="stack" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <Field id="email" label={t('auth.email')}>
            <input class="krds-input" type="email" id="email" name="email" autocomplete="username" required value={email} />
          </Field>
          <Field id="password" label={t('auth.password')}>
            <input class="krds-input" type="password" id="password" name="password" autocomplete="current-password" required />
          </Field>
          <button type="submit" class="krds-btn primary" safe>
            {t('auth.submit')}
          </button>
        </form>
      </div>
    </Layout>
  );
}

const SignInBody = Type.Object({
  email: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: 256 }),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
  _csrf: Type.Optional(Type.String()),
});

export function authRoutes(app: App, deps: Deps) {
  app.get('/sign-in', { schema: { querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })), lang: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const ctx = viewContext(request, reply, deps);
    return sendPage(reply, <SignInPage ctx={ctx} next={safeNext(request.query.next)} email="" failed={false} />);
  });

  app.post(
    '/sign-in',
    {
      schema: { body: SignInBody },
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: deps.config.signInRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const next = safeNext(request.body.next);
      const user = await findUserForSignIn(deps.handle.db, email);
      const ok = user !== undefined && user.disabled_at === null && (await verifyPassword(user.password_hash, password));
      if (!ok || !user) {
        const ctx = viewContext(request, reply, deps);
        return sendPage(reply, <SignInPage ctx={ctx} next={next} email={email} failed={true} />, 401);
      }
      const now = deps.clock.now();
      const token = await deps.handle.db.transaction().execute(async (trx) => {
        // Expired sessions are swept at each sign-in: no scheduler needed, and the table stays small.
        await purgeExpiredSessions(trx, now);
        const tok = await createSession(trx, user.id, now, deps.config.sessionTtlHours);
        await recordAudit(trx, { actor: null, systemActor: email, action: 'session.sign_in', entityType: 'user', entityId: user.id, public: false, at: now, requestId: request.id });
        return tok;
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        maxAge: deps.config.sessionTtlHours * 3600,
      });
      return reply.redirect(next, 303);
    },
  );

  app.post('/sign-out', { preHandler: app.csrfProtection }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(deps.handle.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/?notice=signed_out', 303);
  });
}
