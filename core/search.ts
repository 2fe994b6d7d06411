/**
 * The clerk's search text inside SQL LIKE. `%` and `_` typed by the clerk are
 * plain characters (escaped, with ESCAPE '\'), never wildcards: searching for
 * "%" finds names containing "%", not all 106 members. The text is bounded by
 * `searchText` in core/validate.ts, so SQLite never sees a pattern too complex.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column` contains `text` (case-insensitive for Latin letters, as SQLite's LIKE). */
export function contains(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

/** `column` starts with `text`. */
export function startsWith(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}
