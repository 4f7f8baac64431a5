import type { FastifyReply } from 'fastify';

/** Sends a stored file as an attachment under its own name (ASCII fallback and UTF-8), never sniffed by the browser. */
export function sendAttachment(reply: FastifyReply, file: { filename: string; content_type: string; data: Uint8Array }, cacheControl: string) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .type(file.content_type)
    .send(Buffer.from(file.data));
}

/** A stored file whose content never changes under its URL: cached for a day, by its content hash. */
export function sendStoredFile(reply: FastifyReply, file: { filename: string; content_type: string; sha256: string; data: Uint8Array }) {
  return sendAttachment(reply.header('etag', `"${file.sha256}"`), file, 'public, max-age=86400, immutable');
}
