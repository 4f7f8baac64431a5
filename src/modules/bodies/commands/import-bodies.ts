// Loads bodies, their members, composition and meetings, and the agreements, from data/co-creation.
// Idempotent: a record whose key exists is left as it is. One transaction, one audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { SeedFileError } from '../../action-plans/seed-files.ts';
import { datedColumns } from '../seed-dates.ts';
import type { readBodiesBundle } from '../seed-files.ts';

export interface BodiesImportResult {
  created: { organizations: number; bodies: number; members: number; composition: number; meetings: number; agreements: number };
}

export async function importBodies(db: Kysely<Database>, bundle: ReturnType<typeof readBodiesBundle>, at: Date): Promise<BodiesImportResult> {
  const created = { organizations: 0, bodies: 0, members: 0, composition: 0, meetings: 0, agreements: 0 };
  await db.transaction().execute(async (trx) => {
    for (const o of bundle.organizations) {
      const exists = await trx.selectFrom('organizations').select('id').where('key', '=', o.key).executeTakeFirst();
      if (exists) continue;
      await trx.insertInto('organizations').values({ key: o.key, name: o.name, name_ko: null, abbreviation: o.abbreviation, kind: o.kind, sector: o.sector, parent_id: null, source: o.source }).execute();
      created.organizations += 1;
    }
    const orgId = async (key: string | null) => {
      if (key === null) return null;
      const row = await trx.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirst();
      if (!row) throw new SeedFileError(`data/co-creation: unknown organization "${key}"`);
      return row.id;
    };
    const planId = async (slug: string | null) => {
      if (slug === null) return null;
      const row = await trx.selectFrom('action_plans').select('id').where('slug', '=', slug).executeTakeFirst();
      return row?.id ?? null;
    };
    for (const [i, b] of bundle.bodies.entries()) {
      const exists = await trx.selectFrom('bodies').select('id').where('key', '=', b.key).executeTakeFirst();
      if (exists) continue;
      let parentId: number | null = null;
      if (b.parent !== null) {
        const parent = await trx.selectFrom('bodies').select('id').where('key', '=', b.parent).executeTakeFirst();
        if (!parent) throw new SeedFileError(`data/co-creation/bodies.json: "${b.key}" names parent "${b.parent}", which comes later or does not exist`);
        parentId = parent.id;
      }
      const row = await trx
        .insertInto('bodies')
        .values({
          key: b.key,
          name: b.name,
          kind: b.kind,
          parent_id: parentId,
          organization_id: await orgId(b.organization),
          plan_id: await planId(b.plan),
          description: b.description,
          ...datedColumns(b.start, b.end),
          position: i + 1,
          source: b.source,
          source_notes: JSON.stringify(b.source_notes),
          created_at: at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      created.bodies += 1;
      for (const m of b.members) {
        await trx.insertInto('body_members').values({ body_id: row.id, name: m.name, organization_id: await orgId(m.organization), sector: m.sector, role: m.role, term_start: m.term_start, term_end: m.term_end, source: m.source }).execute();
        created.members += 1;
      }
      for (const [j, c] of b.composition.entries()) {
        await trx.insertInto('body_composition').values({ body_id: row.id, position: j + 1, label: c.label, role: c.role, sector: c.sector, unit: c.unit, count: c.count, qualifier: c.qualifier, source: c.source }).execute();
        created.composition += 1;
      }
      for (const [j, m] of b.meetings.entries()) {
        await trx
          .insertInto('meetings')
          .values({
            body_id: row.id,
            kind: m.kind,
            title: m.title,
            ...datedColumns(m.start, m.end),
            place: m.place,
            occurrences: m.occurrences,
            occurrences_qualifier: m.occurrences_qualifier,
            attendance: m.attendance,
            attendance_qualifier: m.attendance_qualifier,
            minutes: m.minutes,
            decisions: m.decisions,
            position: j + 1,
            source: m.source,
            source_notes: JSON.stringify(m.source_notes),
            created_at: at.toISOString(),
          })
          .execute();
        created.meetings += 1;
      }
    }
    for (const [i, a] of bundle.agreements.entries()) {
      const exists = await trx.selectFrom('agreements').select('id').where('key', '=', a.key).executeTakeFirst();
      if (exists) continue;
      let commitmentId: number | null = null;
      if (a.commitment !== null) {
        const c = await trx.selectFrom('commitments').innerJoin('action_plans', 'action_plans.id', 'commitments.plan_id').select('commitments.id').where('action_plans.slug', '=', 'kr-2018-2020').where('commitments.code', '=', a.commitment).executeTakeFirst();
        commitmentId = c?.id ?? null;
      }
      await trx
        .insertInto('agreements')
        .values({
          key: a.key,
          title: a.title,
          scope: a.scope,
          sector_label: a.sector_label,
          commitment_id: commitmentId,
          ...datedColumns(a.start, a.end),
          signatory_count: a.signatory_count,
          signatory_qualifier: a.signatory_qualifier,
          signatory_label: a.signatory_label,
          position: i + 1,
          source: a.source,
          source_notes: JSON.stringify(a.source_notes),
        })
        .execute();
      created.agreements += 1;
    }
    if (Object.values(created).some((n) => n > 0)) {
      await recordAudit(trx, { actor: null, systemActor: 'import', action: 'bodies.imported', entityType: 'bodies', entityId: 'co-creation', public: true, after: created, at });
    }
  });
  return { created };
}
