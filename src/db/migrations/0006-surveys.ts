import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

const DATE_COLUMNS = ['label', 'precision', 'value', 'sort'] as const;

/**
 * The author's language on a proposal (the answer mail is written in it); the members who attended
 * a meeting; surveys with their questions, options, responses and answers (surveys module).
 */
export const surveys: PortableMigration = {
  name: '0006-surveys',
  async up(db, dialect) {
    await db.schema.alterTable('proposals').addColumn('author_locale', 'text').execute();

    await db.schema
      .createTable('meeting_attendees')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('body_members.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('meeting_attendees_pk', ['meeting_id', 'member_id'])
      .execute();
    await db.schema.alterTable('meetings').addColumn('created_by', 'integer', (c) => c.references('users.id')).execute();

    let surveys = withId(db.schema.createTable('surveys'), dialect)
      .addColumn('title', 'text', notNull)
      .addColumn('purpose', 'text')
      .addColumn('body_id', 'integer', (c) => c.references('bodies.id'))
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('commitment_id', 'integer', (c) => c.references('commitments.id'))
      .addColumn('milestone_id', 'integer', (c) => c.references('milestones.id'))
      .addColumn('state', 'text', notNull);
    // The period as the source gives it ("2018. 8." – "2018. 9."), or the answering window's days.
    for (const end of ['start', 'end'] as const) {
      for (const part of DATE_COLUMNS) surveys = surveys.addColumn(`${end}_${part}`, 'text');
    }
    await surveys
      .addColumn('opened_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('source', 'text')
      .addColumn('source_key', 'text', (c) => c.unique())
      .addColumn('source_notes', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .execute();

    await withId(db.schema.createTable('survey_questions'), dialect)
      .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('prompt', 'text', notNull)
      .addColumn('required', 'integer', notNull)
      .addColumn('scale_min', 'integer')
      .addColumn('scale_max', 'integer')
      .addColumn('scale_min_label', 'text')
      .addColumn('scale_max_label', 'text')
      .addColumn('source', 'text')
      .execute();

    // published_percent: a result the source publishes only as a share (no respondents, no counts).
    await withId(db.schema.createTable('survey_options'), dialect)
      .addColumn('question_id', 'integer', (c) => c.notNull().references('survey_questions.id').onDelete('cascade'))
      .addColumn('position', 'integer', notNull)
      .addColumn('label', 'text', notNull)
      .addColumn('published_percent', 'real')
      .execute();

    await withId(db.schema.createTable('survey_responses'), dialect)
      .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', notNull)
      .addUniqueConstraint('survey_responses_one_per_user', ['survey_id', 'user_id'])
      .execute();

    await withId(db.schema.createTable('survey_answers'), dialect)
      .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id').onDelete('cascade'))
      .addColumn('question_id', 'integer', (c) => c.notNull().references('survey_questions.id').onDelete('cascade'))
      .addColumn('option_id', 'integer', (c) => c.references('survey_options.id'))
      .addColumn('scale_value', 'integer')
      .addColumn('text_value', 'text')
      .execute();
    await db.schema.createIndex('survey_answers_question').on('survey_answers').columns(['question_id']).execute();
  },
};
