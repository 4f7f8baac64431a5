import { notNull, type PortableMigration } from '../migration-helpers.ts';

/**
 * Where each reader of the audit log (the notification worker; later the search index) has got to:
 * a cursor (the last id read), and the ids below it not seen yet (on PostgreSQL an id is taken at insert but visible
 * only at commit, so a lower id may appear after a higher one). The notification worker's old
 * cursor (the setting `notifications.audit_cursor`) carries over.
 */
export const auditFollowers: PortableMigration = {
  name: '0014-audit-followers',
  async up(db) {
    await db.schema
      .createTable('audit_followers')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('last_id', 'integer', notNull)
      // [{ id, since }]: ids below the cursor not seen yet, with when they were first missed.
      .addColumn('gaps_json', 'text', notNull)
      // Bumped on every save: two processes never both save from the same state.
      .addColumn('version', 'integer', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    const old = await db.selectFrom('settings').select(['value', 'updated_at']).where('key', '=', 'notifications.audit_cursor').executeTakeFirst();
    if (old && /^\d+$/.test(old.value)) {
      await db.insertInto('audit_followers').values({ name: 'notifications', last_id: Number(old.value), gaps_json: '[]', version: 0, updated_at: old.updated_at }).execute();
    }
  },
};
