import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import csrf from '@fastify/csrf-protection';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../module.ts';

/** Reads the CSRF token from a form field (urlencoded or multipart) or the X-CSRF-Token header. */
function csrfToken(request: FastifyRequest): string {
  const body = request.body as Record<string, unknown> | undefined;
  const field = body?._csrf;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof (field as { value: unknown }).value === 'string') {
    return (field as { value: string }).value;
  }
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : '';
}

export async function registerSecurity(app: App, deps: Deps) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: deps.config.cookieSecure,
  });
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => request.url === '/healthz' || request.url === '/metrics',
  });
  await app.register(csrf, {
    getToken: csrfToken,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.cookieSecure, signed: true },
  });
}
