// Compresses text answers (pages, stylesheets, JSON, CSV, SVG) with Brotli or gzip when the client accepts it.
// Pages and API answers are strings or buffers, compressed at once; static files are streams, compressed as they go.
import { Readable } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import type { App } from '../module.ts';

const COMPRESSIBLE = /^(text\/|image\/svg\+xml|application\/([a-z.+-]*\+)?(json|xml|javascript|csv))/;
/** Below this many bytes, compressing saves less than it costs. */
const MIN_BYTES = 1024;
/** Brotli's quality 5: most of the gain at a small part of the cost of the default 11. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
/** Compressed versioned assets, by encoding and address; the bound only guards against a flood of made-up query strings. */
const compressedAssets = new Map<string, Buffer>();
const MAX_CACHED_ASSETS = 500;

export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

export function registerCompression(app: App) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 206 || reply.statusCode === 304) return payload;
    if (reply.getHeader('content-encoding') || !COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const vary = reply.getHeader('vary');
    if (!String(vary ?? '').toLowerCase().includes('accept-encoding')) reply.header('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    // A versioned asset never changes: it is compressed once and kept (KRDS's, the KRDS subset, public/'s files: a bounded set).
    const key = String(reply.getHeader('cache-control') ?? '').includes('immutable') ? `${encoding} ${request.url.split('?')[0]}` : null;
    const cached = key ? compressedAssets.get(key) : undefined;
    const compress = (body: Buffer) => {
      const out = encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body);
      if (key && compressedAssets.size < MAX_CACHED_ASSETS) compressedAssets.set(key, out);
      return out;
    };
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      if (body.length < MIN_BYTES) return payload;
      reply.header('content-encoding', encoding).removeHeader('content-length');
      return cached ?? compress(body);
    }
    if (payload instanceof Readable) {
      reply.header('content-encoding', encoding).removeHeader('content-length');
      if (cached) {
        payload.destroy();
        return cached;
      }
      if (key) {
        const chunks: Buffer[] = [];
        for await (const chunk of payload) chunks.push(Buffer.from(chunk as Buffer));
        return compress(Buffer.concat(chunks));
      }
      return payload.pipe(encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip());
    }
    return payload;
  });
}
