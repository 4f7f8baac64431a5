import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

/**
 * The next plan: a plan may follow another, and its co-creation starts from the previous plan's
 * maturation list and the IRM's recommendations, each with the reasoned decision the forum records.
 */
export const nextPlan: PortableMigration = {
  name: '0010-next-plan',
  async up(db, dialect) {
    await db.schema.alterTable('action_plans').addColumn('previous_plan_id', 'integer', (c) => c.references('action_plans.id')).execute();

    await withId(db.schema.createTable('plan_starting_points'), dialect)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('from_plan_id', 'integer', (c) => c.notNull().references('action_plans.id'))
      .addColumn('proposal_id', 'integer', (c) => c.references('proposals.id'))
      .addColumn('recommendation_id', 'integer', (c) => c.references('irm_recommendations.id'))
      .addColumn('title', 'text', notNull)
      .addColumn('decision', 'text')
      .addColumn('reason', 'text')
      .addColumn('commitment_id', 'integer', (c) => c.references('commitments.id'))
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_label', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('created_at', 'text', notNull)
      .addUniqueConstraint('plan_starting_points_proposal', ['plan_id', 'proposal_id'])
      .addUniqueConstraint('plan_starting_points_recommendation', ['plan_id', 'recommendation_id'])
      .execute();
    await db.schema.createIndex('plan_starting_points_plan').on('plan_starting_points').columns(['plan_id', 'position']).execute();
  },
};
