/**
 * What several areas' commands do the same way: turn a flag into the value a
 * handler expects, find the 党组织 named by --branch, read a file named on the
 * command line, find and write a returned document, print a tab-separated table.
 * Nothing here re-checks what the handler's zod schema checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import { requireBranchByName } from '../org/service.ts';
import { fileBytes, type FileResult } from '../validate.ts';
import type { CliIo } from './registry.ts';

/** A number as written: digits become a number, anything else stays text for zod to refuse in Chinese. */
export function num(v: string | undefined): number | string | undefined {
  return v !== undefined && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** The id of the 党支部 of that name (an unknown name is an error), or undefined when no name was given. */
export async function branchIdByName(io: CliIo, name: string | undefined): Promise<string | undefined> {
  return name ? (await requireBranchByName((await io.open()).ctx.db, name)).id : undefined;
}

/** A branch by name, or the 党委/党总支 itself by its name, short name or "党委". */
export async function orgByName(io: CliIo, name: string): Promise<{ id: string; name: string }> {
  const db = (await io.open()).ctx.db;
  const committee = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('kind', 'in', ['党委', '党总支'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('name', '=', name), eb('short_name', '=', name)]))
    .executeTakeFirst();
  if (committee) return committee;
  if (name === '党委') {
    const c = await db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党委').where('deleted_at', 'is', null).executeTakeFirst();
    if (c) return c;
  }
  return requireBranchByName(db, name);
}

/** A file named on the command line, as a handler's file input `{ fileName, contentBase64 }`. */
export function fileInputOf(file: string, missing = '找不到文件'): { fileName: string; contentBase64: string } {
  if (!fs.existsSync(file)) throw new LedgerError(`${missing}：${file}`);
  return { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') };
}

export function isFileResult(v: unknown): v is FileResult {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.fileName === 'string' && typeof o.mime === 'string' && typeof o.contentBase64 === 'string';
}

/** Where a handler's result carries a document: the result itself, or one of its properties (backup/create's `file`). */
export function findDocument(result: unknown): { doc: FileResult; key: string | null } | null {
  if (isFileResult(result)) return { doc: result, key: null };
  if (result && typeof result === 'object' && !Array.isArray(result))
    for (const [k, v] of Object.entries(result)) if (isFileResult(v)) return { doc: v, key: k };
  return null;
}

/** Writes a document to `out` (a temporary name, then a rename) and returns the absolute path. */
export function writeDocument(out: string, doc: FileResult): string {
  writeFileAtomic(out, fileBytes(doc));
  return path.resolve(out);
}

/** Rows as tab-separated lines, for the text form of a listing. */
export function table(rows: string[][]): string {
  return rows.map((r) => r.join('\t')).join('\n');
}
