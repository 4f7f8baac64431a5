import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import { MODULES } from './modules.ts';
import { auditRoutes } from './platform/audit/audit.routes.tsx';
import { authRoutes } from './platform/auth/auth.routes.tsx';
import { systemClock, type Clock } from './platform/clock.ts';
import { registerAssets } from './platform/http/assets.ts';
import { registerCompression } from './platform/http/compression.ts';
import { registerErrorHandling } from './platform/http/error-handler.tsx';
import { healthRoutes } from './platform/http/health.routes.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { registerSecurity } from './platform/http/security.ts';
import { IdentityTokens } from './platform/identity/identity.ts';
import type { App, Deps } from './platform/module.ts';
import { ensureCookieSecret } from './platform/settings/settings.repository.ts';

export interface BuildOptions {
  config: Config;
  handle: Db;
  clock?: Clock;
}

/** The whole HTTP application, without listening: `serve` listens, tests use inject(). */
export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, handle } = options;
  const clock = options.clock ?? systemClock;
  const deps: Deps = { config, handle, clock };
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const secret = config.cookieSecret ?? (await ensureCookieSecret(handle.db, clock.now()));
  await app.register(cookie, { secret });
  app.decorate('identityTokens', new IdentityTokens((signed) => app.unsignCookie(signed)));
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: config.uploadMaxBytes, files: 10, fields: 50, fieldSize: 1024 * 1024 },
    throwFileSizeLimit: true,
  });
  await registerSecurity(app, deps);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Madang API',
        version: '1.0.0',
        description: 'Open data of the Open Government Partnership action plans: plans, commitments, milestones, completion levels and the self-assessment report. JSON fields are snake_case; errors are application/problem+json.',
      },
      servers: [{ url: config.baseUrl }],
    },
    transform: ({ schema, url }) => ({ schema: url.startsWith('/api/v1') ? schema : { ...(schema ?? {}), hide: true }, url }),
  });
  registerCompression(app);
  await registerAssets(app);

  registerRequestContext(app, deps);
  registerErrorHandling(app, deps);
  registerMetrics(app);
  healthRoutes(app, deps);
  authRoutes(app, deps);
  auditRoutes(app, deps);
  for (const m of MODULES) await m.routes(app, deps);

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}
