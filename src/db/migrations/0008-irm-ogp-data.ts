// The IRM's commitments, groupings and assessments (module assessments) and what OGP's commitment data
// carries beyond the plan's own tables (module ogp-data).
import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

const FIELDS = [
  'specificity',
  'relevance_access_to_information',
  'relevance_civic_participation',
  'relevance_public_accountability',
  'relevance_technology',
  'potential_impact',
  'completion',
  'did_it_open_government',
  'verifiable',
  'open_government_lens',
  'potential_for_results',
] as const;

export const irmOgpData: PortableMigration = {
  name: '0008-irm-ogp-data',
  async up(db, dialect) {
    await withId(db.schema.createTable('irm_commitments'), dialect)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
      .addColumn('irm_id', 'text', notNull)
      .addColumn('position', 'integer', notNull)
      .addColumn('title', 'text')
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addUniqueConstraint('irm_commitments_irm_id', ['plan_id', 'irm_id'])
      .execute();

    await db.schema
      .createTable('irm_commitment_links')
      .addColumn('irm_commitment_id', 'integer', (c) => c.notNull().references('irm_commitments.id').onDelete('cascade'))
      .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('irm_commitment_links_pk', ['irm_commitment_id', 'commitment_id'])
      .execute();
    await db.schema.createIndex('irm_commitment_links_commitment').on('irm_commitment_links').column('commitment_id').execute();

    let t = withId(db.schema.createTable('irm_assessments'), dialect)
      .addColumn('irm_commitment_id', 'integer', (c) => c.notNull().references('irm_commitments.id').onDelete('cascade'))
      .addColumn('report', 'text', notNull);
    for (const f of FIELDS) t = t.addColumn(f, 'text');
    await t
      .addColumn('source', 'text')
      .addColumn('notes', 'text')
      .addColumn('updated_at', 'text', notNull)
      .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
      .addUniqueConstraint('irm_assessments_report', ['irm_commitment_id', 'report'])
      .execute();

    // What OGP's commitment data carries that the plan's own tables do not: the plan's region, a
    // commitment's theme and the address OGP links it to. Kept so that an imported file exports again unchanged.
    await db.schema
      .createTable('ogp_plan_data')
      .addColumn('plan_id', 'integer', (c) => c.primaryKey().references('action_plans.id').onDelete('cascade'))
      .addColumn('region', 'text')
      .execute();
    await db.schema
      .createTable('ogp_commitment_data')
      .addColumn('commitment_id', 'integer', (c) => c.primaryKey().references('commitments.id').onDelete('cascade'))
      .addColumn('theme', 'text')
      .addColumn('url', 'text')
      .execute();
  },
};
