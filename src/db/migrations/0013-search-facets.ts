import { sql } from 'kysely';
import type { PortableMigration } from '../migration-helpers.ts';

/**
 * Search filters inside the full-text match: search_documents gains `facets` (one private-use token per
 * kind, organization, state and year; see facetTokens in src/modules/search/search-text.ts), and on
 * SQLite both FTS5 tables index it beside their text, so that a filtered search narrows the match
 * itself instead of reading every record of a common word. The rows already indexed keep an empty
 * `facets` until the index is rebuilt, which happens at every start (src/bootstrap.ts). PostgreSQL
 * filters through its b-tree indexes and only gains the column.
 */
export const searchFacets: PortableMigration = {
  name: '0013-search-facets',
  async up(db, dialect) {
    await db.schema.alterTable('search_documents').addColumn('facets', 'text', (c) => c.notNull().defaultTo('')).execute();
    if (dialect !== 'sqlite') return;
    for (const t of ['search_documents_ai', 'search_documents_ad', 'search_documents_au']) await sql`drop trigger ${sql.raw(t)}`.execute(db);
    await sql`drop table search_fts`.execute(db);
    await sql`drop table search_grams`.execute(db);
    await sql`create virtual table search_fts using fts5(title, body, facets, content='search_documents', content_rowid='id', tokenize='trigram')`.execute(db);
    await sql`create virtual table search_grams using fts5(grams, facets, content='search_documents', content_rowid='id', tokenize='unicode61')`.execute(db);
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, title, body, facets) values (new.id, new.title, new.body, new.facets);
      insert into search_grams(rowid, grams, facets) values (new.id, new.grams, new.facets);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, title, body, facets) values ('delete', old.id, old.title, old.body, old.facets);
      insert into search_grams(search_grams, rowid, grams, facets) values ('delete', old.id, old.grams, old.facets);
    end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, title, body, facets) values ('delete', old.id, old.title, old.body, old.facets);
      insert into search_grams(search_grams, rowid, grams, facets) values ('delete', old.id, old.grams, old.facets);
      insert into search_fts(rowid, title, body, facets) values (new.id, new.title, new.body, new.facets);
      insert into search_grams(rowid, grams, facets) values (new.id, new.grams, new.facets);
    end`.execute(db);
    await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
    await sql`insert into search_grams(search_grams) values ('rebuild')`.execute(db);
  },
};
