import { sql } from 'kysely';
import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

export const platform: PortableMigration = {
  name: '0001-platform',
  async up(db, dialect) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('organizations'), dialect)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('name_ko', 'text')
      .addColumn('abbreviation', 'text')
      .addColumn('kind', 'text', notNull)
      .addColumn('sector', 'text', notNull)
      .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('source', 'text')
      .execute();

    await withId(db.schema.createTable('users'), dialect)
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('password_hash', 'text', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('disabled_at', 'text')
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await withId(db.schema.createTable('audit_events'), dialect)
      .addColumn('occurred_at', 'text', notNull)
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor_label', 'text', notNull)
      .addColumn('action', 'text', notNull)
      .addColumn('entity_type', 'text', notNull)
      .addColumn('entity_id', 'text', notNull)
      .addColumn('entity_label', 'text')
      .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('request_id', 'text')
      .execute();
    await db.schema.createIndex('audit_entity').on('audit_events').columns(['entity_type', 'entity_id']).execute();
    await db.schema.createIndex('audit_time').on('audit_events').column('occurred_at').execute();
    void sql;
  },
};
