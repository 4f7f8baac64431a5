// Addresses that carry a secret from a mail (a settings link, an unsubscribe link, an e-mail confirmation):
// their answers are never indexed, and never sent on as a referrer (the site's policy is no-referrer
// already; these answers say so themselves). Their pages also say noindex and link no other version of
// themselves (PageMeta.noindex), so that no <link> repeats the token.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function privateLinkHeaders(_request: FastifyRequest, reply: FastifyReply, done: () => void) {
  reply.header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
  done();
}
