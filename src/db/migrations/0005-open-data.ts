import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

export const openData: PortableMigration = {
  name: '0005-open-data',
  async up(db, dialect) {
    await withId(db.schema.createTable('od_datasets'), dialect)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('title', 'text', notNull)
      .addColumn('description', 'text')
      .addColumn('theme', 'text')
      .addColumn('keywords', 'text', notNull)
      .addColumn('licence', 'text')
      .addColumn('temporal_coverage', 'text')
      .addColumn('spatial_coverage', 'text')
      .addColumn('update_frequency', 'text')
      .addColumn('issued', 'text')
      .addColumn('modified', 'text')
      .addColumn('contact_point', 'text')
      .addColumn('landing_page', 'text')
      .addColumn('figures_json', 'text', notNull)
      .addColumn('origin', 'text', notNull)
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('od_tables'), dialect)
      .addColumn('dataset_id', 'integer', (c) => c.notNull().references('od_datasets.id').onDelete('cascade'))
      .addColumn('slug', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('columns_json', 'text', notNull)
      .addColumn('row_count', 'integer', notNull)
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addUniqueConstraint('od_tables_slug', ['dataset_id', 'slug'])
      .execute();

    await withId(db.schema.createTable('od_resources'), dialect)
      .addColumn('dataset_id', 'integer', (c) => c.notNull().references('od_datasets.id').onDelete('cascade'))
      .addColumn('key', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('format', 'text', notNull)
      .addColumn('media_type', 'text')
      .addColumn('url', 'text')
      .addColumn('file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('table_id', 'integer', (c) => c.references('od_tables.id').onDelete('cascade'))
      .addColumn('download_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', notNull)
      .addUniqueConstraint('od_resources_key', ['dataset_id', 'key'])
      .execute();

    await db.schema
      .createTable('od_table_rows')
      .addColumn('table_id', 'integer', (c) => c.notNull().references('od_tables.id').onDelete('cascade'))
      .addColumn('row_no', 'integer', notNull)
      .addColumn('data', 'text', notNull)
      .addColumn('f1', 'text')
      .addColumn('f2', 'text')
      .addColumn('f3', 'text')
      .addColumn('f4', 'text')
      .addPrimaryKeyConstraint('od_table_rows_pk', ['table_id', 'row_no'])
      .execute();
    // One index per filter slot, ending in row_no so that a filtered page is read in order.
    for (const f of ['f1', 'f2', 'f3', 'f4']) {
      await db.schema.createIndex(`od_table_rows_${f}`).on('od_table_rows').columns(['table_id', f, 'row_no']).execute();
    }

    await withId(db.schema.createTable('od_error_reports'), dialect)
      .addColumn('dataset_id', 'integer', (c) => c.notNull().references('od_datasets.id').onDelete('cascade'))
      .addColumn('table_id', 'integer', (c) => c.references('od_tables.id').onDelete('set null'))
      .addColumn('row_no', 'integer')
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('reporter_id', 'integer', (c) => c.references('users.id'))
      .addColumn('body', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('received_at', 'text', notNull)
      .addColumn('due_at', 'text', notNull)
      .addColumn('accepted_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('declined_at', 'text')
      .addColumn('response', 'text')
      .execute();
    await db.schema.createIndex('od_error_reports_dataset').on('od_error_reports').columns(['dataset_id', 'received_at']).execute();
    await db.schema.createIndex('od_error_reports_org').on('od_error_reports').columns(['organization_id', 'state']).execute();

    await withId(db.schema.createTable('od_data_requests'), dialect)
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('requester_id', 'integer', (c) => c.references('users.id'))
      .addColumn('title', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('support_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('decision', 'text')
      .addColumn('answer', 'text')
      .addColumn('planned_date', 'text')
      .addColumn('dataset_id', 'integer', (c) => c.references('od_datasets.id').onDelete('set null'))
      .addColumn('submitted_at', 'text', notNull)
      .addColumn('answered_at', 'text')
      .execute();
    await db.schema
      .createTable('od_data_request_supports')
      .addColumn('request_id', 'integer', (c) => c.notNull().references('od_data_requests.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addPrimaryKeyConstraint('od_data_request_supports_pk', ['request_id', 'user_id'])
      .execute();
  },
};
