/**
 * Tidying the data folder at open, after a crash or a kill: leftover temporary
 * files of documents, backups and attachments, and attachment content files
 * that no attachment row refers to (written, then the process died before the
 * row was committed). Another process may be writing beside us (the CLI next
 * to the app), so nothing young is touched:
 *
 * - a `*.tmp` of ours whose writer (the pid in its name) is no longer running
 *   goes at once; any other `*.tmp` of ours only when older than TEMP_MAX_AGE_MS;
 * - an orphan content file only when older than ORPHAN_MAX_AGE_MS (storeBlob
 *   touches a reused file, so a blob about to be referenced again is young).
 *
 * Housekeeping never stops the ledger from opening: a failure is reported, not thrown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LedgerDb } from '../db/connect.ts';
import { chmodQuiet, PRIVATE_DIR_MODE, processAlive, TEMP_NAME } from './files.ts';

/** 10 minutes: far longer than any write of ours (a 40 MB attachment, a backup archive). */
export const TEMP_MAX_AGE_MS = 10 * 60 * 1000;
/** 1 hour: the window between writing a blob and committing its row is milliseconds. */
export const ORPHAN_MAX_AGE_MS = 60 * 60 * 1000;

export interface HousekeepingReport {
  removedTemp: string[];
  removedOrphans: string[];
  errors: string[];
}

function entries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * "Now" as the file system stamps it: the mtime of a probe file written this instant. Ages are
 * mtimes against this, so they hold when the folder's clock is not the process's (a network
 * share, a clock changed by hand, a test clock): a file just written is never judged old.
 */
function fileSystemNow(dir: string): number {
  const probe = path.join(dir, `.clock-probe.${process.pid}.tmp`);
  try {
    fs.writeFileSync(probe, '');
    return fs.statSync(probe).mtimeMs;
  } catch {
    return Date.now();
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

function ageMs(file: string, now: number): number {
  return now - fs.statSync(file).mtimeMs;
}

/** Leftover temporary files of ours in one folder. */
function sweepTemp(dir: string, now: number, report: HousekeepingReport): void {
  for (const e of entries(dir)) {
    const m = e.isFile() ? TEMP_NAME.exec(e.name) : null;
    if (!m) continue;
    const file = path.join(dir, e.name);
    try {
      const deadWriter = m[1] !== undefined && !processAlive(Number(m[1]));
      if (deadWriter || ageMs(file, now) > TEMP_MAX_AGE_MS) {
        fs.rmSync(file, { force: true });
        report.removedTemp.push(file);
      }
    } catch (err) {
      report.errors.push(`${file}: ${(err as Error).message}`);
    }
  }
}

/** Content files under attachments/<2 hex>/<sha256> that no attachment row (deleted ones included) refers to. */
async function sweepOrphans(db: LedgerDb, attachments: string, now: number, report: HousekeepingReport): Promise<void> {
  const shards = entries(attachments).filter((e) => e.isDirectory() && /^[0-9a-f]{2}$/.test(e.name));
  if (!shards.length) return;
  const known = new Set((await db.selectFrom('attachments').select('sha256').distinct().execute()).map((r) => r.sha256));
  for (const shard of shards) {
    const dir = path.join(attachments, shard.name);
    for (const e of entries(dir)) {
      if (!e.isFile() || !/^[0-9a-f]{64}$/.test(e.name) || !e.name.startsWith(shard.name) || known.has(e.name)) continue;
      const file = path.join(dir, e.name);
      try {
        if (ageMs(file, now) > ORPHAN_MAX_AGE_MS) {
          fs.rmSync(file, { force: true });
          report.removedOrphans.push(file);
        }
      } catch (err) {
        report.errors.push(`${file}: ${(err as Error).message}`);
      }
    }
  }
}

/**
 * Tidies the data folder of the ledger `db`: its top level, backups/, attachments/ and
 * attachments/<shard>/. Orphans are only judged when `attachmentsOwnedByDb` (the folder's
 * own `ledger.sqlite`, whose platform data folder is this folder).
 */
export async function tidyDataFolder(db: LedgerDb, dataDir: string, opts: { attachmentsOwnedByDb: boolean; now?: number }): Promise<HousekeepingReport> {
  const report: HousekeepingReport = { removedTemp: [], removedOrphans: [], errors: [] };
  const now = opts.now ?? fileSystemNow(dataDir);
  const attachments = path.join(dataDir, 'attachments');
  try {
    // folders made by older builds were 0755; tightening them hides the files inside from other users
    for (const dir of [path.join(dataDir, 'backups'), attachments]) if (fs.existsSync(dir)) chmodQuiet(dir, PRIVATE_DIR_MODE);
    for (const dir of [dataDir, path.join(dataDir, 'backups'), attachments]) sweepTemp(dir, now, report);
    for (const e of entries(attachments)) if (e.isDirectory()) sweepTemp(path.join(attachments, e.name), now, report);
    if (opts.attachmentsOwnedByDb) await sweepOrphans(db, attachments, now, report);
  } catch (err) {
    report.errors.push((err as Error).message);
  }
  return report;
}
