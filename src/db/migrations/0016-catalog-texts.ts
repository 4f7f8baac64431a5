import { notNull, type PortableMigration } from '../migration-helpers.ts';

/**
 * The catalog's texts in another language than the record's own: the platform publishes its
 * collections in Korean and English, and an officer's edit of a text drops its translation.
 * One row per data set (or resource) and language; a null field has no translation.
 */
export const catalogTexts: PortableMigration = {
  name: '0016-catalog-texts',
  async up(db) {
    await db.schema
      .createTable('od_dataset_texts')
      .addColumn('dataset_id', 'integer', (c) => c.notNull().references('od_datasets.id').onDelete('cascade'))
      .addColumn('lang', 'text', notNull)
      .addColumn('title', 'text')
      .addColumn('description', 'text')
      .addColumn('keywords', 'text')
      .addPrimaryKeyConstraint('od_dataset_texts_pk', ['dataset_id', 'lang'])
      .execute();
    await db.schema
      .createTable('od_resource_texts')
      .addColumn('resource_id', 'integer', (c) => c.notNull().references('od_resources.id').onDelete('cascade'))
      .addColumn('lang', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addPrimaryKeyConstraint('od_resource_texts_pk', ['resource_id', 'lang'])
      .execute();
  },
};
