import type { FastifyReply } from 'fastify';

/** A stored file sent as a download, never rendered inline, cached by its content hash. */
export function sendStoredFile(reply: FastifyReply, file: { filename: string; content_type: string; sha256: string; data: Buffer | Uint8Array }) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'public, max-age=86400, immutable')
    .header('etag', `"${file.sha256}"`)
    .type(file.content_type)
    .send(Buffer.from(file.data));
}
