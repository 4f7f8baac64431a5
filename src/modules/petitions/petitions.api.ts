// The petitions API: lists, one petition, its count (cheap and cacheable, for a surge), and
// signing for programmatic clients with an identity token in the Authorization header.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { notFound, HttpProblem } from '../../platform/http/errors.ts';
import type { KeyedLimiter } from '../../platform/http/limiter.ts';
import type { CountCache } from './count-cache.ts';
import type { App, Deps } from '../../platform/module.ts';
import { Problem } from '../action-plans/action-plans.schema.ts';
import type { SignatureBatcher } from './commands/sign-petition.ts';
import { HIDDEN, STATE_GROUPS, type StateGroup } from './petition-state.ts';
import { presentPetition, presentPetitionSummary } from './petitions.presenter.ts';
import { findAction, findPetition, findReview, listAttachments, listMeasures, listPetitions, petitionCount } from './petitions.repository.ts';
import { IdParams, Petition, PetitionCount, PetitionSummary } from './petitions.schema.ts';
import { msg } from '../../platform/i18n/message.ts';

const tags = ['Petitions'];

export const SIGN_REFUSALS = {
  already_signed: { status: 409, detail: msg('petitions.errors.already_signed') },
  not_open: { status: 409, detail: msg('petitions.errors.not_open') },
  window_closed: { status: 409, detail: msg('petitions.errors.window_closed') },
  unknown_petition: { status: 404, detail: msg('petitions.errors.no_petition') },
} as const;

export function identityFromRequest(request: FastifyRequest, now: Date): number | null {
  const header = request.headers.authorization;
  const raw = header?.startsWith('Identity ') ? header.slice('Identity '.length).trim() : request.cookies.madang_identity;
  return raw ? request.server.identityTokens.identity(raw, now) : null;
}

export function petitionApi(app: App, deps: Deps, limiter: KeyedLimiter, counts: CountCache, signer: SignatureBatcher) {
  const { db } = deps.handle;
  const base = deps.config.baseUrl;

  app.get(
    '/api/v1/petitions',
    {
      schema: {
        tags,
        summary: 'Public petitions by group of states',
        querystring: Type.Object({
          state: Type.Optional(Type.Union(Object.keys(STATE_GROUPS).filter((g) => g !== 'moderation').map((g) => Type.Literal(g)))),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
        }),
        response: { 200: Type.Object({ petitions: Type.Array(PetitionSummary), page: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const group: StateGroup = request.query.state ?? 'open';
      const page = request.query.page ?? 1;
      const rows = await listPetitions(db, STATE_GROUPS[group], 50, (page - 1) * 50);
      reply.header('cache-control', 'public, max-age=10');
      return { petitions: rows.map((p) => presentPetitionSummary(p, base)), page };
    },
  );

  app.get(
    '/api/v1/petitions/:id',
    { schema: { tags, summary: 'One petition with its review and published result', params: IdParams, response: { 200: Petition, 404: Problem } } },
    async (request, reply) => {
      const p = await findPetition(db, request.params.id);
      if (!p || HIDDEN.has(p.state)) throw notFound(msg('petitions.errors.no_petition'));
      const [review, action, measures, attachments] = await Promise.all([findReview(db, p.id), findAction(db, p.id), listMeasures(db, p.id), listAttachments(db, p.id)]);
      reply.header('cache-control', 'public, max-age=10');
      return presentPetition(p, { review, action, measures, attachments }, base);
    },
  );

  app.get(
    '/api/v1/petitions/:id/count',
    {
      schema: { tags, summary: 'The exact signature count and threshold of a petition (cacheable for one second)', params: IdParams, response: { 200: PetitionCount, 304: Type.Null(), 404: Problem } },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const id = request.params.id;
      let cached = counts.get(id);
      if (!cached) {
        const c = await petitionCount(db, id);
        if (!c || HIDDEN.has(c.state)) throw notFound(msg('petitions.errors.no_petition'));
        cached = counts.set({ id: c.id, count: Number(c.signature_count), threshold: c.threshold, threshold_reached_at: c.threshold_reached_at, state: c.state });
      }
      reply.header('cache-control', 'public, max-age=1, stale-while-revalidate=5').header('etag', cached.etag);
      if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send(null);
      return cached.body;
    },
  );

  app.post(
    '/api/v1/petitions/:id/signatures',
    {
      schema: {
        tags,
        summary: 'Sign a petition with a verified identity (Authorization: Identity <token>)',
        params: IdParams,
        response: { 201: Type.Object({ count: Type.Integer(), threshold_reached: Type.Boolean() }), 401: Problem, 404: Problem, 409: Problem, 429: Problem },
      },
      config: { rateLimit: { max: deps.config.signRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const identityId = identityFromRequest(request, now);
      if (identityId === null) throw new HttpProblem(401, 'Unauthorized', msg('petitions.errors.identity_needed'));
      if (!limiter.take(String(identityId))) throw new HttpProblem(429, 'Too Many Requests', msg('petitions.errors.too_many_signs'));
      const r = await signer.sign(request.params.id, identityId);
      if (!r.ok) {
        const refusal = SIGN_REFUSALS[r.reason];
        throw new HttpProblem(refusal.status, refusal.status === 404 ? 'Not Found' : 'Conflict', refusal.detail);
      }
      return reply.status(201).send({ count: r.count, threshold_reached: r.thresholdReached });
    },
  );
}
