import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from './create-db.ts';

/** A frozen migration: written once, never edited after it has shipped. */
export interface PortableMigration {
  name: string;
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

/** An auto-incrementing integer primary key on either engine. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export function blobType(dialect: DialectName) {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
