// Loads data/petitions/: the channels, the committees and the ten inspections of the seed.
// Idempotent by natural key (channel key, committee key, petition key), like the plan import.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Type, type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { SeedFileError } from '../../action-plans/seed-files.ts';

const Text = Type.Union([Type.String(), Type.Null()]);
const Int = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);
const Notes = Type.Array(Type.String());

const ChannelsFile = Type.Array(
  Type.Object({
    key: Type.String(),
    kind: Type.Union([Type.Literal('petition'), Type.Literal('vote')]),
    organization: Type.String(),
    title: Type.String(),
    description: Text,
    url_as_published: Text,
    threshold: Int,
    threshold_set_label: Text,
    threshold_note: Text,
    signing_window_days: Int,
    identity_level: Text,
    response_days: Int,
    committee: Text,
    vote_changeable: Type.Union([Type.Boolean(), Type.Null()]),
    source: Type.String(),
    source_notes: Notes,
  }),
);

const CommitteesFile = Type.Array(
  Type.Object({
    key: Type.String(),
    organization: Type.String(),
    name: Type.String(),
    description: Text,
    regulation: Text,
    members_total: Int,
    members_external: Int,
    members_internal: Int,
    composition_label: Text,
    composition_note: Text,
    sub_committees: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    source: Type.String(),
    source_notes: Notes,
  }),
);

const InspectionsFile = Type.Array(
  Type.Object({
    key: Type.String(),
    channel: Type.String(),
    ordinal: Type.Integer({ minimum: 1 }),
    title: Type.String(),
    inspected_label: Text,
    measures: Type.Array(Type.Object({ description: Type.String(), date_label: Text })),
    results_note: Text,
    signature_count: Int,
    threshold_applied: Int,
    source: Type.String(),
    source_notes: Notes,
  }),
);

function read<S extends TSchema>(path: string, schema: S): Static<S> {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  if (!Value.Check(schema, data)) {
    const e = [...Value.Errors(schema, data)].slice(0, 3).map((x) => `${x.instancePath || '/'} ${x.message}`).join('; ');
    throw new SeedFileError(`${path}: ${e}`);
  }
  return data as Static<S>;
}

/** The identity level every channel needs; the seed names none, so the platform's minimum applies. */
export const DEFAULT_IDENTITY_LEVEL = 'email';

export async function importPetitionData(db: Kysely<Database>, dataDir: string, now: Date): Promise<{ created: number; unchanged: number }> {
  const dir = join(dataDir, 'petitions');
  if (!existsSync(dir)) return { created: 0, unchanged: 0 };
  const committees = read(join(dir, 'committees.json'), CommitteesFile);
  const channels = read(join(dir, 'channels.json'), ChannelsFile);
  const inspections = read(join(dir, 'inspections.json'), InspectionsFile);
  const at = now.toISOString();
  let created = 0;
  let unchanged = 0;
  await db.transaction().execute(async (trx) => {
    const orgId = async (key: string) => {
      const o = await trx.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirst();
      if (!o) throw new SeedFileError(`data/petitions: unknown organization ${key} (import the plan first)`);
      return o.id;
    };
    const committeeIds = new Map<string, number>();
    for (const c of committees) {
      const existing = await trx.selectFrom('committees').select('id').where('key', '=', c.key).executeTakeFirst();
      if (existing) {
        committeeIds.set(c.key, existing.id);
        unchanged += 1;
        continue;
      }
      const { id } = await trx
        .insertInto('committees')
        .values({ key: c.key, organization_id: await orgId(c.organization), name: c.name, description: c.description, regulation: c.regulation, members_total: c.members_total, members_external: c.members_external, members_internal: c.members_internal, composition_label: c.composition_label, composition_note: c.composition_note, source: c.source, source_notes: JSON.stringify(c.source_notes) })
        .returning('id')
        .executeTakeFirstOrThrow();
      committeeIds.set(c.key, id);
      let position = 0;
      for (const s of c.sub_committees) await trx.insertInto('sub_committees').values({ committee_id: id, key: s.key, name: s.name, position: (position += 1) }).execute();
      created += 1;
    }
    const channelIds = new Map<string, number>();
    for (const ch of channels) {
      const existing = await trx.selectFrom('channels').select('id').where('key', '=', ch.key).executeTakeFirst();
      if (existing) {
        channelIds.set(ch.key, existing.id);
        unchanged += 1;
        continue;
      }
      const notes = [...ch.source_notes];
      if (!ch.identity_level) notes.push(`identity level: the seed names none; the platform's minimum (${DEFAULT_IDENTITY_LEVEL}, a confirmed e-mail address) applies.`);
      const { id } = await trx
        .insertInto('channels')
        .values({ key: ch.key, kind: ch.kind, organization_id: await orgId(ch.organization), title: ch.title, description: ch.description, url_as_published: ch.url_as_published, threshold: ch.threshold, threshold_set_label: ch.threshold_set_label, threshold_note: ch.threshold_note, signing_window_days: ch.signing_window_days, identity_level: ch.identity_level ?? DEFAULT_IDENTITY_LEVEL, response_days: ch.response_days, committee_id: ch.committee ? (committeeIds.get(ch.committee) ?? null) : null, vote_changeable: ch.vote_changeable === null ? null : Number(ch.vote_changeable), source: ch.source, source_notes: JSON.stringify(notes), created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      channelIds.set(ch.key, id);
      created += 1;
    }
    for (const p of inspections) {
      const existing = await trx.selectFrom('petitions').select('id').where('key', '=', p.key).executeTakeFirst();
      if (existing) {
        unchanged += 1;
        continue;
      }
      const channelId = channelIds.get(p.channel);
      if (!channelId) throw new SeedFileError(`data/petitions/inspections.json ${p.key}: unknown channel ${p.channel}`);
      // The seed gives months, not days: no state time is invented. The record's dates live in its action.
      const { id } = await trx
        .insertInto('petitions')
        .values({ channel_id: channelId, key: p.key, ordinal: p.ordinal, title: p.title, body: p.results_note ?? '', state: 'results_published', threshold: p.threshold_applied, signature_count: p.signature_count ?? 0, signature_count_note: p.signature_count === null ? 'not given in the source' : null, created_at: at, source: p.source, source_notes: JSON.stringify(p.source_notes), updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('petition_actions').values({ petition_id: id, title: p.title, actual_label: p.inspected_label, findings: p.results_note, source: p.source }).execute();
      let position = 0;
      for (const m of p.measures) await trx.insertInto('petition_measures').values({ petition_id: id, position: (position += 1), description: m.description, date_label: m.date_label, source: p.source }).execute();
      created += 1;
    }
    if (created > 0) await recordAudit(trx, { actor: null, systemActor: 'import', action: 'petitions.imported', entityType: 'channel', entityId: 'all', public: true, after: { created }, at: now });
  });
  return { created, unchanged };
}
