// Loads a plan's data files into the database. Idempotent: a record that exists (by its natural
// key: organization key, plan slug, commitment code, milestone position, section key,
// recommendation number) is left as it is, so importing twice changes nothing and an officer's
// later changes are never overwritten by a re-import.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { parseDateLabel, sortKey, ImpossibleDateError } from '../date-label.ts';
import { levelFromLabel } from '../level.ts';
import { SeedFileError, type CommitmentData, type PlanBundle } from '../seed-files.ts';

export interface ImportResult {
  plan: string;
  created: { organizations: number; plans: number; sections: number; commitments: number; milestones: number; irm_recommendations: number };
  unchanged: number;
}

function dateColumns(prefix: 'start' | 'end', label: string | null, where: string) {
  let d;
  try {
    d = parseDateLabel(label);
  } catch (e) {
    if (e instanceof ImpossibleDateError) throw new SeedFileError(`${where}: ${e.message}`);
    throw e;
  }
  return {
    [`${prefix}_label`]: d.label,
    [`${prefix}_precision`]: d.precision,
    [`${prefix}_value`]: d.value,
    [`${prefix}_sort`]: sortKey(d, prefix),
  } as Record<`${typeof prefix}_${'label' | 'precision' | 'value' | 'sort'}`, string | null>;
}

/** Checks what a schema cannot: levels agree with their wording, organizations exist, codes are unique. */
export function checkBundle(bundle: PlanBundle): void {
  const orgKeys = new Set(bundle.organizations.map((o) => o.key));
  for (const o of bundle.organizations) {
    if (o.parent && !orgKeys.has(o.parent)) throw new SeedFileError(`organization ${o.key}: unknown parent ${o.parent}`);
  }
  const codes = new Set<string>();
  for (const c of bundle.commitments) {
    const where = `commitment ${c.code}`;
    if (codes.has(c.code)) throw new SeedFileError(`${where}: the code appears twice`);
    codes.add(c.code);
    if (!orgKeys.has(c.lead_organization)) throw new SeedFileError(`${where}: unknown lead organization ${c.lead_organization}`);
    if (c.lead_division && !orgKeys.has(c.lead_division)) throw new SeedFileError(`${where}: unknown lead division ${c.lead_division}`);
    const mapped = levelFromLabel(c.level_label);
    if (c.level_label && mapped !== null && mapped !== c.level) {
      throw new SeedFileError(`${where}: level ${c.level} does not match its wording "${c.level_label}"`);
    }
    c.milestones.forEach((m, i) => {
      const mm = levelFromLabel(m.level_label);
      if (m.level_label && mm !== null && mm !== m.level) {
        throw new SeedFileError(`${where} milestone ${i + 1}: level ${m.level} does not match its wording "${m.level_label}"`);
      }
      if (m.level_label && mm === null && m.level === null) {
        throw new SeedFileError(`${where} milestone ${i + 1}: the wording "${m.level_label}" is not a known level; give level explicitly`);
      }
    });
  }
}

async function insertCommitment(trx: Kysely<Database>, planId: number, c: CommitmentData, orgIds: Map<string, number>, now: string) {
  const where = `commitment ${c.code}`;
  const row = await trx
    .insertInto('commitments')
    .values({
      plan_id: planId,
      code: c.code,
      position: c.position,
      title: c.title,
      table_title: c.table_title,
      ...dateColumns('start', c.start, where),
      ...dateColumns('end', c.end, where),
      lead_organization_id: orgIds.get(c.lead_organization)!,
      lead_division_id: c.lead_division ? orgIds.get(c.lead_division)! : null,
      lead_agency_text: c.lead_agency_text,
      level: c.level,
      level_label: c.level_label,
      level_source: c.level_source,
      public_problem: c.public_problem,
      description: c.description,
      contribution: c.contribution,
      ogp_values_text: c.ogp_values_text,
      additional_information: c.additional_information,
      results: c.results,
      next_steps: c.next_steps,
      other_actors_state: c.other_actors.state,
      other_actors_civil_society: c.other_actors.civil_society,
      contact_additional_information: c.contact_additional_information,
      source: c.source,
      source_notes: JSON.stringify(c.source_notes),
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const v of new Set(c.ogp_values)) await trx.insertInto('commitment_values').values({ commitment_id: row.id, value: v }).execute();
  let position = 0;
  for (const ct of c.contacts) {
    position += 1;
    await trx.insertInto('commitment_contacts').values({ commitment_id: row.id, position, ...ct }).execute();
  }
  return row.id;
}

export async function importPlanBundle(db: Kysely<Database>, bundle: PlanBundle, at: Date): Promise<ImportResult> {
  checkBundle(bundle);
  return db.transaction().execute((trx) => importPlanBundleIn(trx, bundle, at));
}

/** The import inside a transaction the caller holds, so that a larger import (OGP data) stays one transaction. */
export async function importPlanBundleIn(trx: Kysely<Database>, bundle: PlanBundle, at: Date): Promise<ImportResult> {
  checkBundle(bundle);
  const now = at.toISOString();
  const result: ImportResult = {
    plan: bundle.plan.slug,
    created: { organizations: 0, plans: 0, sections: 0, commitments: 0, milestones: 0, irm_recommendations: 0 },
    unchanged: 0,
  };
  {
    const orgIds = new Map<string, number>();
    // Parents first, so that a division can point at its ministry.
    const ordered = [...bundle.organizations].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
    for (const o of ordered) {
      const existing = await trx.selectFrom('organizations').select('id').where('key', '=', o.key).executeTakeFirst();
      if (existing) {
        orgIds.set(o.key, existing.id);
        result.unchanged += 1;
        continue;
      }
      const row = await trx
        .insertInto('organizations')
        .values({ key: o.key, name: o.name, name_ko: o.name_ko ?? null, abbreviation: o.abbreviation, kind: o.kind, sector: o.sector, parent_id: o.parent ? orgIds.get(o.parent)! : null, source: o.source })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds.set(o.key, row.id);
      result.created.organizations += 1;
    }

    const p = bundle.plan;
    let plan = await trx.selectFrom('action_plans').select('id').where('slug', '=', p.slug).executeTakeFirst();
    if (plan) result.unchanged += 1;
    else {
      plan = await trx
        .insertInto('action_plans')
        .values({ slug: p.slug, country_code: p.country_code, country_name: p.country_name, number: p.number, title: p.title, period_start: p.period_start, period_end: p.period_end, status: p.status, report_title: p.report.title, report_author: p.report.author, source: p.source, source_notes: JSON.stringify(p.source_notes), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      result.created.plans += 1;
    }
    const planId = plan.id;

    let position = 0;
    for (const s of p.sections) {
      position += 1;
      const exists = await trx.selectFrom('plan_sections').select('id').where('plan_id', '=', planId).where('key', '=', s.key).executeTakeFirst();
      if (exists) {
        result.unchanged += 1;
        continue;
      }
      await trx.insertInto('plan_sections').values({ plan_id: planId, key: s.key, position, heading: s.heading, body: s.body, source: s.source, source_notes: '[]' }).execute();
      result.created.sections += 1;
    }

    for (const r of bundle.irm) {
      const exists = await trx.selectFrom('irm_recommendations').select('id').where('plan_id', '=', planId).where('number', '=', r.number).executeTakeFirst();
      if (exists) {
        result.unchanged += 1;
        continue;
      }
      await trx.insertInto('irm_recommendations').values({ plan_id: planId, number: r.number, title: r.title, response: r.response, source: r.source }).execute();
      result.created.irm_recommendations += 1;
    }

    for (const c of bundle.commitments) {
      const existing = await trx.selectFrom('commitments').select('id').where('plan_id', '=', planId).where('code', '=', c.code).executeTakeFirst();
      let commitmentId: number;
      if (existing) {
        commitmentId = existing.id;
        result.unchanged += 1;
      } else {
        commitmentId = await insertCommitment(trx, planId, c, orgIds, now);
        result.created.commitments += 1;
      }
      let mPos = 0;
      for (const m of c.milestones) {
        mPos += 1;
        const exists = await trx.selectFrom('milestones').select('id').where('commitment_id', '=', commitmentId).where('position', '=', mPos).executeTakeFirst();
        if (exists) {
          result.unchanged += 1;
          continue;
        }
        const where = `commitment ${c.code} milestone ${mPos}`;
        await trx
          .insertInto('milestones')
          .values({
            commitment_id: commitmentId,
            position: mPos,
            title: m.title,
            ...dateColumns('start', m.start, where),
            ...dateColumns('end', m.end, where),
            level: m.level,
            level_label: m.level_label,
            source: m.source,
            source_notes: JSON.stringify(m.source_notes ?? []),
            updated_at: now,
          })
          .execute();
        result.created.milestones += 1;
      }
    }

    const createdAny = Object.values(result.created).some((n) => n > 0);
    if (createdAny) {
      await recordAudit(trx, { actor: null, systemActor: 'import', action: 'plan.imported', entityType: 'action_plan', entityId: planId, entityLabel: p.slug, public: true, after: result.created, at });
    }
  }
  return result;
}
