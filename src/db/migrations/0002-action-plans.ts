import { blobType, notNull, withId, type PortableMigration } from '../migration-helpers.ts';

const DATE_COLUMNS = ['label', 'precision', 'value', 'sort'] as const;

export const actionPlans: PortableMigration = {
  name: '0002-action-plans',
  async up(db, dialect) {
    await withId(db.schema.createTable('action_plans'), dialect)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('country_code', 'text', notNull)
      .addColumn('country_name', 'text', notNull)
      .addColumn('number', 'integer', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('period_start', 'text', notNull)
      .addColumn('period_end', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('report_title', 'text')
      .addColumn('report_author', 'text')
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('plan_sections'), dialect)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
      .addColumn('key', 'text', notNull)
      .addColumn('position', 'integer', notNull)
      .addColumn('heading', 'text')
      .addColumn('body', 'text', notNull)
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addUniqueConstraint('plan_sections_key', ['plan_id', 'key'])
      .execute();

    let commitments = withId(db.schema.createTable('commitments'), dialect)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
      .addColumn('code', 'text', notNull)
      .addColumn('position', 'integer', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('table_title', 'text');
    for (const end of ['start', 'end'] as const) {
      for (const part of DATE_COLUMNS) commitments = commitments.addColumn(`${end}_${part}`, 'text');
    }
    await commitments
      .addColumn('lead_organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
      .addColumn('lead_division_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('lead_agency_text', 'text')
      .addColumn('level', 'text', notNull)
      .addColumn('level_label', 'text')
      .addColumn('level_source', 'text')
      .addColumn('public_problem', 'text')
      .addColumn('description', 'text')
      .addColumn('contribution', 'text')
      .addColumn('ogp_values_text', 'text')
      .addColumn('additional_information', 'text')
      .addColumn('results', 'text')
      .addColumn('next_steps', 'text')
      .addColumn('other_actors_state', 'text')
      .addColumn('other_actors_civil_society', 'text')
      .addColumn('contact_additional_information', 'text')
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addUniqueConstraint('commitments_code', ['plan_id', 'code'])
      .execute();

    await db.schema
      .createTable('commitment_values')
      .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
      .addColumn('value', 'text', notNull)
      .addPrimaryKeyConstraint('commitment_values_pk', ['commitment_id', 'value'])
      .execute();

    await withId(db.schema.createTable('commitment_contacts'), dialect)
      .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('name', 'text')
      .addColumn('title', 'text')
      .addColumn('department', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('organization', 'text')
      .execute();

    let milestones = withId(db.schema.createTable('milestones'), dialect)
      .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('title', 'text', notNull);
    for (const end of ['start', 'end'] as const) {
      for (const part of DATE_COLUMNS) milestones = milestones.addColumn(`${end}_${part}`, 'text');
    }
    await milestones
      .addColumn('level', 'text')
      .addColumn('level_label', 'text')
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addUniqueConstraint('milestones_position', ['commitment_id', 'position'])
      .execute();

    await withId(db.schema.createTable('irm_recommendations'), dialect)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
      .addColumn('number', 'integer', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('response', 'text')
      .addColumn('source', 'text')
      .addUniqueConstraint('irm_recommendations_number', ['plan_id', 'number'])
      .execute();

    await withId(db.schema.createTable('files'), dialect)
      .addColumn('sha256', 'text', notNull)
      .addColumn('filename', 'text', notNull)
      .addColumn('content_type', 'text', notNull)
      .addColumn('size', 'integer', notNull)
      .addColumn('data', blobType(dialect), notNull)
      .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('progress_updates'), dialect)
      .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
      .addColumn('posted_at', 'text', notNull)
      .addColumn('occurred_on', 'text', notNull)
      .addColumn('author_id', 'integer', (c) => c.references('users.id'))
      .addColumn('author_label', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .execute();
    await db.schema.createIndex('progress_updates_commitment').on('progress_updates').columns(['commitment_id', 'posted_at']).execute();

    await withId(db.schema.createTable('level_changes'), dialect)
      .addColumn('update_id', 'integer', (c) => c.notNull().references('progress_updates.id').onDelete('cascade'))
      .addColumn('target_type', 'text', notNull)
      .addColumn('target_id', 'integer', notNull)
      .addColumn('target_label', 'text', notNull)
      .addColumn('level_from', 'text')
      .addColumn('label_from', 'text')
      .addColumn('level_to', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('evidence'), dialect)
      .addColumn('update_id', 'integer', (c) => c.notNull().references('progress_updates.id').onDelete('cascade'))
      .addColumn('kind', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('url', 'text')
      .addColumn('file_id', 'integer', (c) => c.references('files.id'))
      .execute();
  },
};
