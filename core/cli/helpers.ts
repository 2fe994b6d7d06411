/**
 * What several areas' commands do the same way: check --year, find the branch named by
 * --branch, write an export to --out and say where it went, print a tab-separated table.
 */
import path from 'node:path';
import { writeFileAtomic } from '../files.ts';
import { requireBranchByName } from '../org/service.ts';
import type { Tx } from '../audit/service.ts';
import { UsageError, type CliIo } from './registry.ts';

export function yearFlag(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new UsageError('--year 应为四位年份，如 2026');
  return Number(v);
}

/** The id of the 党支部 of that name (an unknown name is an error), or undefined when no name was given. */
export async function branchIdByName(tx: Tx, name: string | undefined): Promise<string | undefined> {
  return name ? (await requireBranchByName(tx, name)).id : undefined;
}

/**
 * Writes an export's bytes to `out` (atomically) and prints where: `{ file, ...json }` with --json,
 * else `text(file)`, by default “已导出：<file>”. `file` is the absolute path.
 */
export function writeExport(io: CliIo, out: string, bytes: Uint8Array, report: { json?: Record<string, unknown>; text?: (file: string) => string } = {}): void {
  writeFileAtomic(out, bytes);
  const file = path.resolve(out);
  io.print({ file, ...report.json }, () => (report.text ? report.text(file) : `已导出：${file}`));
}

/** Rows as tab-separated lines, for the text form of a listing. */
export function table(rows: string[][]): string {
  return rows.map((r) => r.join('\t')).join('\n');
}
