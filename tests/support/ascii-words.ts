/** Programmer text in a message meant for the clerk: ASCII identifiers (camelCase, snake_case, dotted paths). */

/** Words a clerk reads as words (file kinds, units); anything else in ASCII letters is a leak. */
const ALLOWED = new Set(['MB', 'KB', 'GB', 'Excel', 'Word', 'WPS', 'xlsx', 'docx', 'xls', 'csv', 'JSON', 'PNG', 'ID']);

export function asciiWords(message: string): string[] {
  return (message.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? []).filter((w) => !ALLOWED.has(w));
}
