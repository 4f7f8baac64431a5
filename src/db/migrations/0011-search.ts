import { sql } from 'kysely';
import { notNull, withId, type PortableMigration } from '../migration-helpers.ts';

/**
 * The search index: one row per public record of any module (search_documents), a vocabulary of
 * words for typo correction (search_terms), and each engine's own indexes over them. On SQLite two
 * FTS5 tables follow search_documents by triggers: search_fts (title, body) with the trigram
 * tokenizer for substrings of three characters or more, search_grams (grams) with unicode61 over the
 * Hangul bigrams and short words, for two-character queries a trigram cannot match. On PostgreSQL a
 * generated tsvector ('simple') over title, body and grams, and pg_trgm GIN indexes for substrings and
 * similarity.
 */
export const search: PortableMigration = {
  name: '0011-search',
  async up(db, dialect) {
    await withId(db.schema.createTable('search_documents'), dialect)
      .addColumn('entity_type', 'text', notNull)
      .addColumn('entity_id', 'text', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('url', 'text', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('organization', 'text')
      .addColumn('state', 'text')
      .addColumn('date', 'text')
      .addColumn('plan', 'text')
      .addColumn('lang', 'text', notNull)
      .addColumn('grams', 'text', notNull)
      .addColumn('indexed_at', 'text', notNull)
      .addUniqueConstraint('search_documents_entity', ['entity_type', 'entity_id'])
      .execute();
    await db.schema.createIndex('search_documents_kind').on('search_documents').columns(['kind', 'state']).execute();
    await db.schema.createIndex('search_documents_organization').on('search_documents').columns(['organization']).execute();
    await db.schema.createIndex('search_documents_date').on('search_documents').columns(['date']).execute();
    await db.schema.createTable('search_terms').addColumn('term', 'text', (c) => c.primaryKey()).execute();

    if (dialect === 'sqlite') {
      await sql`create virtual table search_fts using fts5(title, body, content='search_documents', content_rowid='id', tokenize='trigram')`.execute(db);
      await sql`create virtual table search_grams using fts5(grams, content='search_documents', content_rowid='id', tokenize='unicode61')`.execute(db);
      await sql`create trigger search_documents_ai after insert on search_documents begin
        insert into search_fts(rowid, title, body) values (new.id, new.title, new.body);
        insert into search_grams(rowid, grams) values (new.id, new.grams);
      end`.execute(db);
      await sql`create trigger search_documents_ad after delete on search_documents begin
        insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
        insert into search_grams(search_grams, rowid, grams) values ('delete', old.id, old.grams);
      end`.execute(db);
      await sql`create trigger search_documents_au after update on search_documents begin
        insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
        insert into search_grams(search_grams, rowid, grams) values ('delete', old.id, old.grams);
        insert into search_fts(rowid, title, body) values (new.id, new.title, new.body);
        insert into search_grams(rowid, grams) values (new.id, new.grams);
      end`.execute(db);
      await sql`create virtual table search_terms_fts using fts5(term, content='search_terms', tokenize='trigram')`.execute(db);
      await sql`create trigger search_terms_ai after insert on search_terms begin
        insert into search_terms_fts(rowid, term) values (new.rowid, new.term);
      end`.execute(db);
    } else {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`alter table search_documents add column tsv tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B') || setweight(to_tsvector('simple', grams), 'C')) stored`.execute(db);
      await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
      await sql`create index search_documents_trgm on search_documents using gin ((lower(title || ' ' || body)) gin_trgm_ops)`.execute(db);
      await sql`create index search_terms_trgm on search_terms using gin (term gin_trgm_ops)`.execute(db);
    }
  },
};
