import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

/** The OGP repository's documents, and the plan's reports with their public comments and the responses. */
export const repositoryComments: PortableMigration = {
  name: '0009-repository-comments',
  async up(db, dialect) {
    await withId(db.schema.createTable('repository_documents'), dialect)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
      .addColumn('commitment_id', 'integer', (c) => c.references('commitments.id').onDelete('cascade'))
      .addColumn('kind', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('description', 'text')
      .addColumn('document_date', 'text', notNull)
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
      .addColumn('uploaded_label', 'text', notNull)
      .addColumn('published_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('repository_documents_plan').on('repository_documents').columns(['plan_id', 'published_at']).execute();

    await withId(db.schema.createTable('plan_reports'), dialect)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
      .addColumn('kind', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('comment_days', 'integer', notNull)
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('draft_at', 'text', notNull)
      .addColumn('open_for_comment_at', 'text')
      .addColumn('comment_closes_at', 'text')
      .addColumn('final_at', 'text')
      .addColumn('snapshot_json', 'text')
      .addColumn('updated_at', 'text', notNull)
      .addUniqueConstraint('plan_reports_kind', ['plan_id', 'kind'])
      .execute();

    await withId(db.schema.createTable('report_comments'), dialect)
      .addColumn('report_id', 'integer', (c) => c.notNull().references('plan_reports.id').onDelete('cascade'))
      .addColumn('section', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('author_id', 'integer', (c) => c.references('users.id'))
      .addColumn('author_label', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('response', 'text')
      .addColumn('responder_id', 'integer', (c) => c.references('users.id'))
      .addColumn('responder_label', 'text')
      .addColumn('responded_at', 'text')
      .execute();
    await db.schema.createIndex('report_comments_report').on('report_comments').columns(['report_id', 'created_at']).execute();
  },
};
