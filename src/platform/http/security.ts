import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import csrf from '@fastify/csrf-protection';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../module.ts';
import { STATIC_PREFIXES } from './assets.ts';
import { RATE_LIMITED } from './errors.ts';

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

/**
 * Helmet's security headers, worked out once: with one policy for the whole site they are the same
 * for every response, so helmet runs at start against a recording response and each request only
 * copies the result (running helmet per request cost a tenth of a cheap API answer).
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let error: unknown;
  helmet(options)({} as never, recorder as never, (e?: unknown) => void (error = e));
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return headers;
}

export async function registerSecurity(app: App, deps: Deps) {
  const headers = securityHeaders({
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
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The health check and metrics, and the static files a page loads (read from disk, cached by the browser):
    // a visitor held to the limit still gets its page, the 429 page too, with its styles.
    allowList: (request) => request.url === '/healthz' || request.url === '/metrics' || STATIC_PREFIXES.some((p) => request.url.startsWith(p)),
    // Thrown, then answered in the visitor's language by the error handler (toProblem), as every problem is.
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`Rate limit exceeded, retry in ${context.after}`), { statusCode: context.statusCode, code: RATE_LIMITED, retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  await app.register(csrf, {
    getToken: csrfToken,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.cookieSecure, signed: true },
  });
}
