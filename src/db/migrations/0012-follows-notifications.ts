import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

/** Follows, the people who receive notifications (an account or a confirmed e-mail), their notifications, and mail headers. */
export const followsNotifications: PortableMigration = {
  name: '0012-follows-notifications',
  async up(db, dialect) {
    // One row per person who follows anything: an account, or a confirmed e-mail without one.
    await withId(db.schema.createTable('notify_recipients'), dialect)
      .addColumn('user_id', 'integer', (c) => c.unique().references('users.id').onDelete('cascade'))
      .addColumn('identity_id', 'integer', (c) => c.unique().references('identities.id').onDelete('cascade'))
      .addColumn('locale', 'text', notNull)
      .addColumn('frequency', 'text', notNull)
      .addColumn('last_digest_at', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('follows'), dialect)
      .addColumn('recipient_id', 'integer', (c) => c.notNull().references('notify_recipients.id').onDelete('cascade'))
      .addColumn('subject_type', 'text', notNull)
      .addColumn('subject_id', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      // Null until the e-mail address is confirmed; an account's follow is confirmed at once.
      .addColumn('confirmed_at', 'text')
      .addColumn('confirm_nonce_hash', 'text')
      .addUniqueConstraint('follows_once', ['recipient_id', 'subject_type', 'subject_id'])
      .execute();
    await db.schema.createIndex('follows_subject').on('follows').columns(['subject_type', 'subject_id']).execute();

    // One notification per person per audit event, whatever the number of workers: the unique constraint decides.
    await withId(db.schema.createTable('notifications'), dialect)
      .addColumn('recipient_id', 'integer', (c) => c.notNull().references('notify_recipients.id').onDelete('cascade'))
      .addColumn('audit_event_id', 'integer', (c) => c.notNull().references('audit_events.id'))
      .addColumn('subject_type', 'text', notNull)
      .addColumn('subject_id', 'integer', notNull)
      .addColumn('subject_label', 'text', notNull)
      .addColumn('link', 'text', notNull)
      .addColumn('message', 'text', notNull)
      .addColumn('detail', 'text')
      .addColumn('occurred_at', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('read_at', 'text')
      // none (in the inbox only), pending (waits for the digest), sent (written to the outbox).
      .addColumn('mail_state', 'text', notNull)
      .addUniqueConstraint('notifications_once', ['recipient_id', 'audit_event_id'])
      .execute();
    await db.schema.createIndex('notifications_inbox').on('notifications').columns(['recipient_id', 'id']).execute();
    await db.schema.createIndex('notifications_mail').on('notifications').columns(['mail_state', 'recipient_id']).execute();

    await db.schema.alterTable('outbox_mails').addColumn('headers_json', 'text').execute();
  },
};
