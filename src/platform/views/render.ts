import type { FastifyReply } from 'fastify';

/** Sends a rendered page. Pages are never cached by shared caches: they may carry a CSRF token. */
export async function sendPage(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = await page;
  return reply
    .status(status)
    .header('cache-control', 'private, no-cache')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${html}`);
}
