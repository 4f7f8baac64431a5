// A signed-in person answers an open survey, once. The response and its answers are one transaction;
// the audit event records that a response was given, never what it said.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/auth/roles.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Answer } from '../survey-rules.ts';
import { insertAnswers, insertResponse } from '../surveys.repository.ts';

export async function answerSurvey(
  db: Kysely<Database>,
  args: { actor: Actor; survey: { id: number; title: string }; answers: Omit<Answer, 'response_id'>[]; now: Date; requestId: string },
): Promise<{ ok: true } | { ok: false; reason: 'already_answered' }> {
  const { actor, survey, now } = args;
  return db.transaction().execute(async (trx) => {
    const responseId = await insertResponse(trx, survey.id, actor.id, now.toISOString());
    if (responseId === null) return { ok: false, reason: 'already_answered' } as const;
    await insertAnswers(trx, args.answers.map((a) => ({ ...a, response_id: responseId })));
    await recordAudit(trx, { actor, at: now, requestId: args.requestId, public: false, action: 'survey.answered', entityType: 'survey', entityId: survey.id, entityLabel: survey.title });
    return { ok: true } as const;
  });
}
