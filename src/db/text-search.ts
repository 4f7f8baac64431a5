import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';

/** Case-insensitive "contains" on any of the columns, on both engines; LIKE wildcards in the text are taken literally. */
export function containsText<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, columns: readonly string[], text: string): RawBuilder<boolean> {
  const like = `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const parts = columns.map((col) => sql<boolean>`lower(${sql.ref(col)}) like ${like} escape '\\'`);
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}
