// Loads the calls for proposals, the example proposals that became policy, and the yearly
// aggregate records of the Open Communication Forum, from data/co-creation. Idempotent by key.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { parseDateLabel, sortKey } from '../../action-plans/date-label.ts';
import { SeedFileError } from '../../action-plans/seed-files.ts';
import { readChecked } from '../../bodies/seed-files.ts';
import { isDecision, isState } from '../proposal-state.ts';

const N = Type.Union([Type.String(), Type.Null()]);
const NI = Type.Union([Type.Integer(), Type.Null()]);

export const CallsFile = Type.Array(
  Type.Object({
    slug: Type.String(),
    title: Type.String(),
    description: Type.String(),
    plan: N,
    body: N,
    opens_on: N,
    closes_on: N,
    window_label: N,
    selection_criteria: N,
    categories: Type.Array(Type.String()),
    timeline: Type.Array(Type.Object({ date: N, title: Type.String() })),
    source: Type.String(),
    source_notes: Type.Array(Type.String()),
  }),
);

export const ProposalsFile = Type.Array(
  Type.Object({
    key: Type.String(),
    title: Type.String(),
    body: Type.String(),
    channel: Type.String(),
    call: N,
    organizations: Type.Array(Type.String()),
    organization_text: N,
    state: Type.String(),
    period: N,
    policy: N,
    commitment: N,
    response: Type.Union([Type.Object({ decision: Type.String(), reason: Type.String(), organization_text: N }), Type.Null()]),
    source: Type.String(),
    source_notes: Type.Array(Type.String()),
  }),
);

export const FiguresFile = Type.Array(
  Type.Object({
    channel: Type.String(),
    channel_label: Type.String(),
    body: N,
    organization: N,
    year: Type.Integer({ minimum: 1900, maximum: 2100 }),
    forums: NI,
    participants: NI,
    suggestions: Type.Integer({ minimum: 0 }),
    adopted: Type.Integer({ minimum: 0 }),
    under_review: NI,
    as_of: N,
    source: Type.String(),
    source_notes: Type.Array(Type.String()),
  }),
);

export function readCoCreationBundle(dir: string) {
  return {
    calls: readChecked(join(dir, 'calls.json'), CallsFile),
    proposals: readChecked(join(dir, 'proposals.json'), ProposalsFile),
    figures: readChecked(join(dir, 'participation-figures.json'), FiguresFile),
  };
}

export interface CoCreationImportResult {
  created: { calls: number; proposals: number; aggregates: number };
}

export async function importCoCreation(db: Kysely<Database>, bundle: ReturnType<typeof readCoCreationBundle>, at: Date): Promise<CoCreationImportResult> {
  const created = { calls: 0, proposals: 0, aggregates: 0 };
  const idOf = async (trx: Kysely<Database>, table: 'organizations' | 'bodies', key: string | null) => {
    if (key === null) return null;
    const row = await trx.selectFrom(table).select('id').where('key', '=', key).executeTakeFirst();
    if (!row) throw new SeedFileError(`data/co-creation: unknown ${table === 'bodies' ? 'body' : 'organization'} "${key}"`);
    return row.id;
  };
  await db.transaction().execute(async (trx) => {
    for (const c of bundle.calls) {
      if (await trx.selectFrom('proposal_calls').select('id').where('slug', '=', c.slug).executeTakeFirst()) continue;
      const plan = c.plan ? await trx.selectFrom('action_plans').select('id').where('slug', '=', c.plan).executeTakeFirst() : undefined;
      const { id } = await trx
        .insertInto('proposal_calls')
        .values({
          slug: c.slug,
          title: c.title,
          description: c.description,
          plan_id: plan?.id ?? null,
          body_id: await idOf(trx, 'bodies', c.body),
          opens_on: c.opens_on,
          closes_on: c.closes_on,
          window_label: c.window_label,
          selection_criteria: c.selection_criteria,
          response_days: null,
          source: c.source,
          source_notes: JSON.stringify(c.source_notes),
          created_at: at.toISOString(),
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, title] of c.categories.entries()) await trx.insertInto('call_categories').values({ call_id: id, position: i + 1, title, organization_id: null }).execute();
      for (const [i, s] of c.timeline.entries()) {
        const d = parseDateLabel(s.date);
        await trx.insertInto('call_timeline').values({ call_id: id, position: i + 1, title: s.title, date_label: d.label, date_precision: d.precision, date_value: d.value, date_sort: sortKey(d, 'start'), source: c.source }).execute();
      }
      created.calls += 1;
    }
    for (const p of bundle.proposals) {
      if (await trx.selectFrom('proposals').select('id').where('source_key', '=', p.key).executeTakeFirst()) continue;
      if (!isState(p.state)) throw new SeedFileError(`data/co-creation/proposals.json: "${p.key}" has state "${p.state}"`);
      const orgId = p.organizations.length === 1 ? await idOf(trx, 'organizations', p.organizations[0]!) : null;
      const call = p.call ? await trx.selectFrom('proposal_calls').select('id').where('slug', '=', p.call).executeTakeFirst() : undefined;
      const { id } = await trx
        .insertInto('proposals')
        .values({
          call_id: call?.id ?? null,
          category_id: null,
          channel: p.channel,
          title: p.title,
          body: p.body,
          author_id: null,
          author_label: '—',
          state: p.state,
          organization_id: orgId,
          organization_text: p.organization_text,
          response_due_on: null,
          submitted_at: null,
          policy_text: p.policy,
          period_label: p.period,
          source: p.source,
          source_key: p.key,
          source_notes: JSON.stringify(p.source_notes),
          updated_at: at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.response) {
        if (!isDecision(p.response.decision)) throw new SeedFileError(`data/co-creation/proposals.json: "${p.key}" has decision "${p.response.decision}"`);
        await trx
          .insertInto('proposal_responses')
          .values({ proposal_id: id, decision: p.response.decision, reason: p.response.reason, organization_id: orgId, organization_text: p.response.organization_text, responder_id: null, responded_at: null, source: p.source })
          .execute();
      }
      created.proposals += 1;
    }
    for (const f of bundle.figures) {
      if (await trx.selectFrom('participation_aggregates').select('id').where('channel', '=', f.channel).where('year', '=', f.year).executeTakeFirst()) continue;
      await trx
        .insertInto('participation_aggregates')
        .values({
          channel: f.channel,
          channel_label: f.channel_label,
          body_id: await idOf(trx, 'bodies', f.body),
          organization_id: await idOf(trx, 'organizations', f.organization),
          year: f.year,
          forums: f.forums,
          participants: f.participants,
          suggestions: f.suggestions,
          adopted: f.adopted,
          under_review: f.under_review,
          as_of_label: f.as_of,
          source: f.source,
          source_notes: JSON.stringify(f.source_notes),
        })
        .execute();
      created.aggregates += 1;
    }
    if (Object.values(created).some((n) => n > 0)) {
      await recordAudit(trx, { actor: null, systemActor: 'import', action: 'co_creation.imported', entityType: 'proposals', entityId: 'co-creation', public: true, after: created, at });
    }
  });
  return { created };
}
