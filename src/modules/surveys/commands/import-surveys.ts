// Loads the surveys the seed records (data/co-creation/surveys.json): who conducted them, when, and
// the questions and published shares where the seed gives them. Idempotent by key; one audit event.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { SeedFileError } from '../../action-plans/seed-files.ts';
import { datedColumns } from '../../bodies/seed-dates.ts';
import { readChecked } from '../../bodies/seed-files.ts';
import { findSurveyByKey, insertQuestion, insertSurvey } from '../surveys.repository.ts';

const N = Type.Union([Type.String(), Type.Null()]);
export const SurveysFile = Type.Array(
  Type.Object({
    key: Type.String(),
    title: Type.String(),
    purpose: N,
    body: N,
    organization: N,
    commitment: N,
    milestone: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    start: N,
    end: N,
    source: Type.String(),
    source_notes: Type.Array(Type.String()),
    questions: Type.Array(
      Type.Object({
        kind: Type.Union([Type.Literal('single'), Type.Literal('multiple')]),
        prompt: Type.String(),
        options: Type.Array(Type.Object({ label: Type.String(), published_percent: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]) })),
        source: Type.String(),
      }),
    ),
  }),
);
export type SurveyData = Static<typeof SurveysFile>[number];

export function readSurveysFile(coCreationDir: string): SurveyData[] {
  const path = join(coCreationDir, 'surveys.json');
  return existsSync(path) ? readChecked(path, SurveysFile) : [];
}

export async function importSurveys(db: Kysely<Database>, surveys: SurveyData[], at: Date): Promise<{ created: number }> {
  let created = 0;
  await db.transaction().execute(async (trx) => {
    const idOf = async (table: 'bodies' | 'organizations', key: string | null) => {
      if (key === null) return null;
      const row = await trx.selectFrom(table).select('id').where('key', '=', key).executeTakeFirst();
      if (!row) throw new SeedFileError(`data/co-creation/surveys.json: unknown ${table === 'bodies' ? 'body' : 'organization'} "${key}"`);
      return row.id;
    };
    for (const s of surveys) {
      if (await findSurveyByKey(trx, s.key)) continue;
      const commitment = s.commitment === null ? undefined : await trx.selectFrom('commitments').innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id').select('commitments.id').where('action_plans.slug', '=', 'kr-2018-2020').where('commitments.code', '=', s.commitment).executeTakeFirst();
      const milestone = commitment && s.milestone !== null ? await trx.selectFrom('milestones').select('id').where('commitment_id', '=', commitment.id).where('position', '=', s.milestone).executeTakeFirst() : undefined;
      const id = await insertSurvey(trx, {
        title: s.title,
        purpose: s.purpose,
        body_id: await idOf('bodies', s.body),
        organization_id: await idOf('organizations', s.organization),
        commitment_id: commitment?.id ?? null,
        milestone_id: milestone?.id ?? null,
        state: 'record',
        ...datedColumns(s.start, s.end),
        opened_at: null,
        closed_at: null,
        source: s.source,
        source_key: s.key,
        source_notes: JSON.stringify(s.source_notes),
        created_at: at.toISOString(),
        created_by: null,
      });
      for (const q of s.questions) {
        await insertQuestion(trx, id, { kind: q.kind, prompt: q.prompt, required: 0, scale_min: null, scale_max: null, scale_min_label: null, scale_max_label: null, source: q.source }, q.options, ['record']);
      }
      created += 1;
    }
    if (created > 0) await recordAudit(trx, { actor: null, systemActor: 'import', action: 'surveys.imported', entityType: 'surveys', entityId: 'co-creation', public: true, after: { created }, at });
  });
  return { created };
}
