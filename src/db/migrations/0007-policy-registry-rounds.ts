import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

export const policyRegistry: PortableMigration = {
  name: '0007-policy-registry-rounds',
  async up(db, dialect) {
    await withId(db.schema.createTable('pr_tasks'), dialect)
      .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
      .addColumn('title', 'text', notNull)
      .addColumn('overview', 'text', notNull)
      .addColumn('year', 'integer')
      .addColumn('status', 'text', notNull)
      .addColumn('designation_basis', 'text')
      .addColumn('designated_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('pr_tasks_org').on('pr_tasks').columns(['organization_id', 'year']).execute();

    await withId(db.schema.createTable('pr_task_steps'), dialect)
      .addColumn('task_id', 'integer', (c) => c.notNull().references('pr_tasks.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('date_label', 'text', notNull)
      .addColumn('description', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('pr_task_officials'), dialect)
      .addColumn('task_id', 'integer', (c) => c.notNull().references('pr_tasks.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('department', 'text')
      .addColumn('final_approver', 'integer', notNull)
      .execute();

    await withId(db.schema.createTable('pr_applications'), dialect)
      .addColumn('task_id', 'integer', (c) => c.notNull().references('pr_tasks.id').onDelete('cascade'))
      .addColumn('applicant_id', 'integer', (c) => c.references('users.id'))
      .addColumn('reason', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('submitted_at', 'text', notNull)
      .addColumn('under_review_at', 'text')
      .addColumn('designated_at', 'text')
      .addColumn('declined_at', 'text')
      .addColumn('decision_reason', 'text')
      .addColumn('decided_by_organization_id', 'integer', (c) => c.references('organizations.id'))
      .execute();
    await db.schema.createIndex('pr_applications_task').on('pr_applications').columns(['task_id', 'state']).execute();

    // Demand rounds of the open-data module (seed commitment 10): a round selects priority data among data requests.
    await withId(db.schema.createTable('od_demand_rounds'), dialect)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('title', 'text', notNull)
      .addColumn('description', 'text')
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('figures_json', 'text', notNull)
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await db.schema
      .createTable('od_demand_round_entries')
      .addColumn('round_id', 'integer', (c) => c.notNull().references('od_demand_rounds.id').onDelete('cascade'))
      .addColumn('request_id', 'integer', (c) => c.notNull().references('od_data_requests.id').onDelete('cascade'))
      .addColumn('selected', 'integer', notNull)
      .addColumn('note', 'text')
      .addColumn('decided_at', 'text', notNull)
      .addPrimaryKeyConstraint('od_demand_round_entries_pk', ['round_id', 'request_id'])
      .execute();
  },
};
