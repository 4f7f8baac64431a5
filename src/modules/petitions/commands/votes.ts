// Yes/no votes on tasks: one ballot per verified identity per task, the tally kept exact in the same
// transaction (as for signatures), the threshold on yes votes stamped once; then the committee's
// review and the strategy meeting's recorded decision.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { fieldError, type FieldError } from '../../../platform/http/errors.ts';
import { canMove, VOTABLE, voteStamp, type VoteState } from '../vote-state.ts';

export type BallotResult =
  | { ok: true; yes: number; no: number; passed: boolean; changed: boolean }
  | { ok: false; reason: 'unknown_task' | 'not_open' | 'window_closed' | 'already_voted' };

class Rollback extends Error {
  constructor(readonly reason: 'unknown_task' | 'not_open' | 'window_closed') {
    super(reason);
  }
}

export async function castBallot(db: Kysely<Database>, taskId: number, identityId: number, choice: 'yes' | 'no', changeable: boolean, now: Date): Promise<BallotResult> {
  const at = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const task = await trx.selectFrom('vote_tasks').select(['id']).where('id', '=', taskId).executeTakeFirst();
      if (!task) throw new Rollback('unknown_task');
      const inserted = await trx
        .insertInto('ballots')
        .values({ task_id: taskId, identity_id: identityId, choice, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['task_id', 'identity_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      let yes = 0;
      let no = 0;
      let changed = false;
      if (inserted) {
        if (choice === 'yes') yes = 1;
        else no = 1;
      } else {
        const existing = await trx.selectFrom('ballots').select(['id', 'choice']).where('task_id', '=', taskId).where('identity_id', '=', identityId).executeTakeFirstOrThrow();
        if (!changeable || existing.choice === choice) return { ok: false as const, reason: 'already_voted' as const };
        // Changing one's vote moves it from one side of the tally to the other, in the same transaction.
        await trx.updateTable('ballots').set({ choice, updated_at: at }).where('id', '=', existing.id).where('choice', '=', existing.choice).execute();
        yes = choice === 'yes' ? 1 : -1;
        no = -yes;
        changed = true;
      }
      const tally = await trx
        .updateTable('vote_tasks')
        .set({ yes_count: sql`yes_count + ${yes}`, no_count: sql`no_count + ${no}`, updated_at: at })
        .where('id', '=', taskId)
        .where('state', 'in', [...VOTABLE])
        .where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', at)]))
        .returning(['yes_count', 'no_count', 'threshold', 'threshold_reached_at', 'title'])
        .executeTakeFirst();
      if (!tally) {
        const t = await trx.selectFrom('vote_tasks').select('state').where('id', '=', taskId).executeTakeFirstOrThrow();
        throw new Rollback((VOTABLE as readonly string[]).includes(t.state) ? 'window_closed' : 'not_open');
      }
      let passed = false;
      if (tally.threshold !== null && tally.threshold_reached_at === null && Number(tally.yes_count) >= tally.threshold) {
        const stamped = await trx.updateTable('vote_tasks').set({ state: 'passed', threshold_reached_at: at, updated_at: at }).where('id', '=', taskId).where('threshold_reached_at', 'is', null).where('state', '=', 'open').executeTakeFirst();
        if (Number(stamped.numUpdatedRows) === 1) {
          passed = true;
          await recordAudit(trx, { actor: null, systemActor: 'system', action: 'vote.passed', entityType: 'vote_task', entityId: taskId, entityLabel: tally.title, public: true, before: { state: 'open' }, after: { state: 'passed', yes: Number(tally.yes_count), threshold: tally.threshold }, at: now });
        }
      }
      return { ok: true as const, yes: Number(tally.yes_count), no: Number(tally.no_count), passed, changed };
    });
  } catch (e) {
    if (e instanceof Rollback) return { ok: false, reason: e.reason };
    throw e;
  }
}

export type VoteCommandResult = { ok: true; id?: number } | { ok: false; errors: FieldError[] };

/** An officer puts a task to the vote, with the channel's threshold and a closing day. */
export async function createVoteTask(
  db: Kysely<Database>,
  args: { actor: Actor; channelId: number; title: string; description: string; threshold: number | null; closesAt: string | null; now: Date },
): Promise<VoteCommandResult> {
  const errors: FieldError[] = [];
  if (!args.title.trim() || args.title.length > 200) errors.push(fieldError('title', 'petitions.errors.task_title', { max: 200 }));
  if (!args.description.trim() || args.description.length > 5000) errors.push(fieldError('description', 'petitions.errors.task_description', { max: 5000 }));
  if (args.threshold !== null && (!Number.isInteger(args.threshold) || args.threshold < 1)) errors.push(fieldError('threshold', 'petitions.errors.threshold'));
  if (errors.length) return { ok: false, errors };
  const at = args.now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('vote_tasks')
      .values({ channel_id: args.channelId, title: args.title.trim(), description: args.description.trim(), state: 'open', threshold: args.threshold, closes_at: args.closesAt, created_at: at, open_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: args.actor, action: 'vote.open', entityType: 'vote_task', entityId: row.id, entityLabel: args.title.trim(), public: true, after: { threshold: args.threshold, closes_at: args.closesAt }, at: args.now });
    return row.id;
  });
  return { ok: true, id };
}

/** Moves a task on: the committee takes it up, decides; the strategy meeting's decision is recorded with it. */
export async function moveVoteTask(
  db: Kysely<Database>,
  args: { actor: Actor; task: { id: number; title: string; state: VoteState }; to: VoteState; decision?: string; reason?: string; meeting?: string; strategy?: string; now: Date },
): Promise<VoteCommandResult> {
  if (!canMove(args.task.state, args.to)) return { ok: false, errors: [fieldError('decision', 'petitions.errors.step_impossible')] };
  if (args.to === 'decided' && !(args.decision?.trim() && args.reason?.trim())) return { ok: false, errors: [fieldError('reason', 'petitions.errors.decision_reason')] };
  const at = args.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const set: Record<string, string | null> = { state: args.to, updated_at: at, [voteStamp(args.to)]: at };
    if (args.to === 'decided') {
      set.committee_decision = args.decision!.trim();
      set.committee_reason = args.reason!.trim();
      set.strategy_meeting_label = args.meeting?.trim() || null;
      set.strategy_decision = args.strategy?.trim() || null;
    }
    const r = await trx.updateTable('vote_tasks').set(set).where('id', '=', args.task.id).where('state', '=', args.task.state).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { ok: false as const, errors: [fieldError('decision', 'petitions.errors.moved_first')] };
    await recordAudit(trx, { actor: args.actor, action: `vote.${args.to}`, entityType: 'vote_task', entityId: args.task.id, entityLabel: args.task.title, public: true, before: { state: args.task.state }, after: set, at: args.now });
    return { ok: true as const };
  });
}
