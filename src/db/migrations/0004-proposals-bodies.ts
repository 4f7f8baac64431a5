import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

const DATE_COLUMNS = ['label', 'precision', 'value', 'sort'] as const;

/** Calls for proposals, proposals and their responses (proposals module); bodies, meetings, agreements (bodies module). */
export const proposalsBodies: PortableMigration = {
  name: '0004-proposals-bodies',
  async up(db, dialect) {
    // ---- bodies module ----
    let bodies = withId(db.schema.createTable('bodies'), dialect)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('parent_id', 'integer', (c) => c.references('bodies.id'))
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('plan_id', 'integer', (c) => c.references('action_plans.id'))
      .addColumn('description', 'text');
    for (const end of ['start', 'end'] as const) {
      for (const part of DATE_COLUMNS) bodies = bodies.addColumn(`${end}_${part}`, 'text');
    }
    await bodies
      .addColumn('position', 'integer', notNull)
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('body_members'), dialect)
      .addColumn('body_id', 'integer', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
      .addColumn('name', 'text', notNull)
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('sector', 'text', notNull)
      .addColumn('role', 'text', notNull)
      .addColumn('term_start', 'text')
      .addColumn('term_end', 'text')
      .addColumn('source', 'text')
      .execute();

    // Sizes the source states without naming anyone: "steering committee (110 people)", "474 participating organizations".
    await withId(db.schema.createTable('body_composition'), dialect)
      .addColumn('body_id', 'integer', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('label', 'text', notNull)
      .addColumn('role', 'text')
      .addColumn('sector', 'text')
      .addColumn('unit', 'text', notNull)
      .addColumn('count', 'integer', notNull)
      .addColumn('qualifier', 'text', notNull)
      .addColumn('source', 'text')
      .execute();

    let meetings = withId(db.schema.createTable('meetings'), dialect)
      .addColumn('body_id', 'integer', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
      .addColumn('kind', 'text', notNull)
      .addColumn('title', 'text', notNull);
    for (const end of ['start', 'end'] as const) {
      for (const part of DATE_COLUMNS) meetings = meetings.addColumn(`${end}_${part}`, 'text');
    }
    await meetings
      .addColumn('place', 'text')
      .addColumn('occurrences', 'integer', notNull)
      .addColumn('occurrences_qualifier', 'text', notNull)
      .addColumn('attendance', 'integer')
      .addColumn('attendance_qualifier', 'text', notNull)
      .addColumn('minutes', 'text')
      .addColumn('decisions', 'text')
      .addColumn('position', 'integer', notNull)
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();

    // What each commitment's organization presented at a monitoring meeting.
    await withId(db.schema.createTable('meeting_progress'), dialect)
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('body', 'text', notNull)
      .addColumn('source', 'text')
      .execute();

    let agreements = withId(db.schema.createTable('agreements'), dialect)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', notNull)
      .addColumn('scope', 'text', notNull)
      .addColumn('sector_label', 'text')
      .addColumn('commitment_id', 'integer', (c) => c.references('commitments.id'));
    for (const end of ['start', 'end'] as const) {
      for (const part of DATE_COLUMNS) agreements = agreements.addColumn(`${end}_${part}`, 'text');
    }
    await agreements
      .addColumn('signatory_count', 'integer')
      .addColumn('signatory_qualifier', 'text', notNull)
      .addColumn('signatory_label', 'text')
      .addColumn('position', 'integer', notNull)
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .execute();

    // ---- proposals module ----
    await withId(db.schema.createTable('proposal_calls'), dialect)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', notNull)
      .addColumn('description', 'text', notNull)
      .addColumn('plan_id', 'integer', (c) => c.references('action_plans.id'))
      .addColumn('body_id', 'integer', (c) => c.references('bodies.id'))
      .addColumn('opens_on', 'text')
      .addColumn('closes_on', 'text')
      .addColumn('window_label', 'text')
      .addColumn('selection_criteria', 'text')
      .addColumn('response_days', 'integer')
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .execute();

    await withId(db.schema.createTable('call_categories'), dialect)
      .addColumn('call_id', 'integer', (c) => c.notNull().references('proposal_calls.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .execute();

    let steps = withId(db.schema.createTable('call_timeline'), dialect)
      .addColumn('call_id', 'integer', (c) => c.notNull().references('proposal_calls.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('title', 'text', notNull);
    for (const part of DATE_COLUMNS) steps = steps.addColumn(`date_${part}`, 'text');
    await steps.addColumn('source', 'text').execute();

    await withId(db.schema.createTable('proposals'), dialect)
      .addColumn('call_id', 'integer', (c) => c.references('proposal_calls.id'))
      .addColumn('category_id', 'integer', (c) => c.references('call_categories.id'))
      .addColumn('channel', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('author_id', 'integer', (c) => c.references('users.id'))
      .addColumn('author_label', 'text', notNull)
      .addColumn('state', 'text', notNull)
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('organization_text', 'text')
      .addColumn('response_due_on', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('routed_at', 'text')
      .addColumn('under_review_at', 'text')
      .addColumn('adopted_at', 'text')
      .addColumn('partially_adopted_at', 'text')
      .addColumn('not_adopted_at', 'text')
      .addColumn('matured_at', 'text')
      .addColumn('commitment_id', 'integer', (c) => c.references('commitments.id'))
      .addColumn('policy_text', 'text')
      .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
      .addColumn('maturation_body_id', 'integer', (c) => c.references('bodies.id'))
      .addColumn('hidden_at', 'text')
      .addColumn('hidden_reason', 'text')
      .addColumn('period_label', 'text')
      .addColumn('source', 'text')
      .addColumn('source_key', 'text', (c) => c.unique())
      .addColumn('source_notes', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await db.schema.createIndex('proposals_state').on('proposals').columns(['state', 'response_due_on']).execute();
    await db.schema.createIndex('proposals_organization').on('proposals').columns(['organization_id']).execute();
    await db.schema.createIndex('proposals_commitment').on('proposals').columns(['commitment_id']).execute();

    await withId(db.schema.createTable('proposal_responses'), dialect)
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('decision', 'text', notNull)
      .addColumn('reason', 'text', notNull)
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('organization_text', 'text')
      .addColumn('responder_id', 'integer', (c) => c.references('users.id'))
      .addColumn('responded_at', 'text')
      .addColumn('source', 'text')
      .execute();

    await withId(db.schema.createTable('proposal_comments'), dialect)
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('author_label', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('hidden_at', 'text')
      .addColumn('hidden_reason', 'text')
      .execute();

    await db.schema
      .createTable('proposal_supports')
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addPrimaryKeyConstraint('proposal_supports_pk', ['proposal_id', 'user_id'])
      .execute();

    // In-app notices to a proposal's author, written in the same transaction as the response.
    await withId(db.schema.createTable('proposal_notices'), dialect)
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('decision', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();

    // Where the source gives only yearly totals of a channel (the Open Communication Forum years).
    await withId(db.schema.createTable('participation_aggregates'), dialect)
      .addColumn('channel', 'text', notNull)
      .addColumn('channel_label', 'text', notNull)
      .addColumn('body_id', 'integer', (c) => c.references('bodies.id'))
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('year', 'integer', notNull)
      .addColumn('forums', 'integer')
      .addColumn('participants', 'integer')
      .addColumn('suggestions', 'integer', notNull)
      .addColumn('adopted', 'integer', notNull)
      .addColumn('under_review', 'integer')
      .addColumn('as_of_label', 'text')
      .addColumn('source', 'text')
      .addColumn('source_notes', 'text', notNull)
      .addUniqueConstraint('participation_aggregates_year', ['channel', 'year'])
      .execute();
  },
};
