// Static assets: KRDS's stylesheets, fonts and images under a prefix that names the KRDS version, the part of
// KRDS's stylesheets the pages use (krds-subset.ts) and the files of public/ addressed with a fingerprint of
// their content, so browsers may keep them for a year; robots.txt.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '../module.ts';
import { KRDS_ROOT, KRDS_SUBSET_PATH, KRDS_VERSION, krdsSubset, krdsSubsetHref } from './krds-subset.ts';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const PUBLIC_ROOT = root('../../../public');
const YEAR_SECONDS = 365 * 24 * 3600;
export const IMMUTABLE = `public, max-age=${YEAR_SECONDS}, immutable`;

/** The address of a KRDS resource (e.g. css/common/common.css): a new KRDS version gets new addresses. */
export function krdsHref(path: string): string {
  return `/krds/${KRDS_VERSION}/${path}`;
}

const fingerprints = new Map<string, string>();
/** The address of a file of public/ with its content's fingerprint: a changed file gets a new address. */
export function staticHref(file: string): string {
  let v = fingerprints.get(file);
  if (v === undefined) {
    v = createHash('sha256').update(readFileSync(join(PUBLIC_ROOT, file))).digest('hex').slice(0, 12);
    fingerprints.set(file, v);
  }
  return `/static/${file}?v=${v}`;
}

/** The address prefixes of the static files (KRDS's and public/'s): no database behind them. */
export const STATIC_PREFIXES = ['/krds/', '/static/'] as const;

const ROBOTS = ['User-agent: *', 'Disallow: /admin/', 'Disallow: /me/', 'Disallow: /outbox', 'Disallow: /identity/', 'Allow: /', ''].join('\n');

export async function registerAssets(app: App) {
  await app.register(fastifyStatic, { root: KRDS_ROOT, prefix: `/krds/${KRDS_VERSION}/`, maxAge: YEAR_SECONDS * 1000, immutable: true });
  // The unversioned addresses stay for links made before; they may change under a cache, so only for a week.
  const [krds, files] = STATIC_PREFIXES;
  await app.register(fastifyStatic, { root: KRDS_ROOT, prefix: krds, decorateReply: false, maxAge: '7d' });
  await app.register(fastifyStatic, { root: PUBLIC_ROOT, prefix: files, decorateReply: false, maxAge: '1h' });
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 200 && request.url.startsWith('/static/') && request.url.includes('?v=')) {
      const file = decodeURIComponent(request.url.slice('/static/'.length, request.url.indexOf('?')));
      if (staticHref(file) === request.url) reply.header('cache-control', IMMUTABLE);
    }
    return payload;
  });
  // Built now rather than at the first page, which would wait for it.
  const subset = krdsSubset();
  app.get(KRDS_SUBSET_PATH, { schema: { hide: true } }, async (request, reply) =>
    reply
      .header('cache-control', request.url === krdsSubsetHref() ? IMMUTABLE : 'public, max-age=3600')
      .type('text/css; charset=utf-8')
      .send(subset.css),
  );
  // KRDS 1.1.0's component.css points some icons at img/img/…; the files are in img/.
  app.get(krdsHref('img/img/*'), { schema: { hide: true } }, async (request, reply) =>
    reply.sendFile(`img/${(request.params as Record<string, string>)['*']}`, KRDS_ROOT, { maxAge: YEAR_SECONDS * 1000, immutable: true }),
  );
  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').type('text/plain; charset=utf-8').send(ROBOTS));
}
