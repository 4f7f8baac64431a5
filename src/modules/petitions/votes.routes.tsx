// Yes/no vote pages and API.
import { Type } from 'typebox';
import { badRequest, fieldError, forbidden, HttpProblem, notFound, unauthorized, type FieldError } from '../../platform/http/errors.ts';
import type { KeyedLimiter } from '../../platform/http/limiter.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { emailIdentity } from '../../platform/identity/identity.ts';
import type { App, Deps } from '../../platform/module.ts';
import { policy } from '../../platform/policy/policy.ts';
import { sendPage } from '../../platform/views/render.ts';
import { parseIsoDay } from '../action-plans/date-label.ts';
import { castBallot, createVoteTask, moveVoteTask } from './commands/votes.ts';
import { identityFromRequest } from './petitions.api.ts';
import { committeeIdsOfUser, findChannelById, listChannels } from './petitions.repository.ts';
import { VOTABLE, type VoteState } from './vote-state.ts';
import { VoteListPage, VotePage } from './views/vote-pages.tsx';
import { msg } from '../../platform/i18n/message.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
const Q = Type.Object({ lang: Type.Optional(Type.String()), notice: Type.Optional(Type.String({ maxLength: 40 })) });
const NOTICES: Record<string, string> = { voted: 'votes.voted', already_voted: 'votes.already_voted', not_votable: 'votes.not_votable', check_mail: 'votes.check_mail', moved: 'petitions.moved' };

const VoteTask = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  state: Type.String(),
  yes_count: Type.Integer(),
  no_count: Type.Integer(),
  threshold: Type.Union([Type.Integer(), Type.Null()]),
  threshold_reached_at: Type.Union([Type.String(), Type.Null()]),
  closes_at: Type.Union([Type.String(), Type.Null()]),
  committee_decision: Type.Union([Type.String(), Type.Null()]),
  strategy_decision: Type.Union([Type.String(), Type.Null()]),
});

export function voteRoutes(app: App, deps: Deps, limiter: KeyedLimiter) {
  const { db } = deps.handle;
  const loadTask = async (id: number) => {
    const task = await db.selectFrom('vote_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!task) throw notFound(msg('petitions.errors.no_task'));
    return task;
  };
  const present = (x: Awaited<ReturnType<typeof loadTask>>) => ({ id: x.id, title: x.title, description: x.description, state: x.state, yes_count: Number(x.yes_count), no_count: Number(x.no_count), threshold: x.threshold, threshold_reached_at: x.threshold_reached_at, closes_at: x.closes_at, committee_decision: x.committee_decision, strategy_decision: x.strategy_decision });

  app.get('/api/v1/votes', { schema: { tags: ['Votes'], summary: 'Tasks put to a yes/no vote, with their tallies', response: { 200: Type.Object({ votes: Type.Array(VoteTask) }) } } }, async (_r, reply) => {
    reply.header('cache-control', 'public, max-age=10');
    return { votes: (await db.selectFrom('vote_tasks').selectAll().orderBy('id', 'desc').limit(200).execute()).map(present) };
  });
  app.get('/api/v1/votes/:id', { schema: { tags: ['Votes'], summary: 'One task with its tally and decisions', params: Id, response: { 200: VoteTask } } }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=5');
    return present(await loadTask(request.params.id));
  });

  app.get('/votes', { schema: { querystring: Q } }, async (request, reply) => {
    const tasks = await db.selectFrom('vote_tasks').selectAll().orderBy('id', 'desc').limit(200).execute();
    const channels = (await listChannels(db, 'vote')).filter((c) => policy.actForChannelOwner(request.actor, c).allowed);
    return sendPage(reply, <VoteListPage ctx={viewContext(request, reply, deps)} tasks={tasks} channels={channels} canCreate={channels.length > 0} errors={[]} />);
  });

  app.post(
    '/votes',
    { schema: { body: Type.Object({ channel: Type.String({ maxLength: 12 }), title: Type.String({ maxLength: 1000 }), description: Type.String({ maxLength: 20000 }), threshold: Type.Optional(Type.String({ maxLength: 12 })), closes_on: Type.Optional(Type.String({ maxLength: 20 })), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const channel = (await listChannels(db, 'vote')).find((c) => String(c.id) === request.body.channel);
      if (!channel) throw notFound(msg('petitions.errors.no_vote_channel'));
      const d = policy.actForChannelOwner(request.actor, channel);
      if (!d.allowed) throw d.reason === 'sign_in' ? unauthorized() : forbidden(d.detail);
      const b = request.body;
      let closesAt: string | null = null;
      const errors: FieldError[] = [];
      if (b.closes_on) {
        try {
          closesAt = `${parseIsoDay(b.closes_on)}T23:59:59.000Z`;
        } catch {
          errors.push(fieldError('closes_on', 'petitions.errors.not_a_date', { value: b.closes_on }));
        }
      }
      const threshold = b.threshold ? Number(b.threshold) : channel.threshold;
      const r = errors.length ? { ok: false as const, errors } : await createVoteTask(db, { actor: request.actor!, channelId: channel.id, title: b.title, description: b.description, threshold, closesAt, now: deps.clock.now() });
      if (!r.ok) {
        const tasks = await db.selectFrom('vote_tasks').selectAll().orderBy('id', 'desc').limit(200).execute();
        return sendPage(reply, <VoteListPage ctx={viewContext(request, reply, deps)} tasks={tasks} channels={[channel]} canCreate={true} errors={r.errors} />, 400);
      }
      return reply.redirect(`/votes/${r.id}`, 303);
    },
  );

  app.get('/votes/:id', { schema: { params: Id, querystring: Q } }, async (request, reply) => {
    const task = await loadTask(request.params.id);
    const ctx = viewContext(request, reply, deps);
    const n = request.query.notice;
    if (n && NOTICES[n]) ctx.flash = ctx.t(NOTICES[n]!);
    const channel = (await findChannelById(db, task.channel_id))!;
    const memberOf = request.actor ? await committeeIdsOfUser(db, request.actor.id) : [];
    const canReview = policy.reviewForCommittee(request.actor, channel.committee_id, memberOf).allowed;
    const votable = (VOTABLE as readonly string[]).includes(task.state) && (!task.closes_at || task.closes_at > deps.clock.now().toISOString());
    return sendPage(reply, <VotePage ctx={ctx} task={task} identified={identityFromRequest(request, deps.clock.now()) !== null} votable={votable} canReview={canReview} errors={[]} />);
  });

  app.post(
    '/votes/:id/ballot',
    { schema: { params: Id, body: Type.Object({ choice: Type.Union([Type.Literal('yes'), Type.Literal('no')]), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection, config: { rateLimit: { max: deps.config.signRateLimitPerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const task = await loadTask(request.params.id);
      const identityId = identityFromRequest(request, deps.clock.now());
      if (identityId === null) throw new HttpProblem(401, 'Unauthorized', msg('petitions.errors.confirm_to_vote'));
      if (!limiter.take(String(identityId))) throw new HttpProblem(429, 'Too Many Requests', msg('petitions.errors.too_many_votes'));
      const channel = (await findChannelById(db, task.channel_id))!;
      const r = await castBallot(db, task.id, identityId, request.body.choice, channel.vote_changeable === 1, deps.clock.now());
      const notice = r.ok ? 'voted' : r.reason === 'already_voted' ? 'already_voted' : 'not_votable';
      return reply.redirect(`/votes/${task.id}?notice=${notice}`, 303);
    },
  );

  app.post(
    '/votes/:id/identity',
    { schema: { params: Id, body: Type.Object({ email: Type.String({ maxLength: 320 }), _csrf: Type.Optional(Type.String()) }) }, preHandler: app.csrfProtection, config: { rateLimit: { max: deps.config.signRateLimitPerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const task = await loadTask(request.params.id);
      const t = viewContext(request, reply, deps).t;
      const r = await db.transaction().execute((trx) =>
        emailIdentity.requestVerification(trx, {
          value: request.body.email,
          petitionId: null,
          returnPath: `/votes/${task.id}`,
          now: deps.clock.now(),
          ttlHours: deps.config.verifyTokenTtlHours,
          link: (token) => `${deps.config.baseUrl}/identity/confirm?token=${token}`,
          subject: t('votes.mail_subject'),
          text: (link) => t('votes.mail_text', { title: task.title, link }),
        }),
      );
      if (!r.ok) throw new HttpProblem(400, 'Bad Request', msg('petitions.errors.email'));
      return reply.redirect(`/votes/${task.id}?notice=check_mail`, 303);
    },
  );

  app.post(
    '/votes/:id/move',
    {
      schema: { params: Id, body: Type.Object({ to: Type.Union([Type.Literal('under_review'), Type.Literal('decided')]), decision: Type.Optional(Type.String({ maxLength: 2000 })), reason: Type.Optional(Type.String({ maxLength: 10000 })), meeting: Type.Optional(Type.String({ maxLength: 500 })), strategy: Type.Optional(Type.String({ maxLength: 2000 })), _csrf: Type.Optional(Type.String()) }) },
      preHandler: app.csrfProtection,
    },
    async (request, reply) => {
      const task = await loadTask(request.params.id);
      const channel = (await findChannelById(db, task.channel_id))!;
      const memberOf = request.actor ? await committeeIdsOfUser(db, request.actor.id) : [];
      const d = policy.reviewForCommittee(request.actor, channel.committee_id, memberOf);
      if (!d.allowed) throw d.reason === 'sign_in' ? unauthorized() : forbidden(d.detail);
      const b = request.body;
      const r = await moveVoteTask(db, { actor: request.actor!, task: { id: task.id, title: task.title, state: task.state as VoteState }, to: b.to, decision: b.decision, reason: b.reason, meeting: b.meeting, strategy: b.strategy, now: deps.clock.now() });
      if (!r.ok) throw badRequest(msg('error.problem.listed', { detail: r.errors.map((e) => e.message).join(' ') }), r.errors);
      return reply.redirect(`/votes/${task.id}?notice=moved`, 303);
    },
  );
}
