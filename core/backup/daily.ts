/**
 * The automatic backup: on the first open of each day (the host's today, which
 * honours PARTY_LEDGER_TODAY) one archive `backups/auto-<day>.zip`, then the
 * retention rules. Every later open that day costs one `existsSync`. It never
 * stops the ledger from opening: a failure is kept in `backups/auto-failed.json`
 * for the backups page and cleared by the next success.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.ts';
import { writeFileAtomic } from '../files.ts';
import { getSetting } from '../settings/service.ts';
import { backupOf } from './service.ts';
import { autoName, backupsDir } from './store.ts';
import { DEFAULT_RETENTION, pruneBackups, type Retention } from './retention.ts';

export const backupSettingDefaults = { 'backup.keepDaily': DEFAULT_RETENTION.keepDaily, 'backup.keepMonthly': DEFAULT_RETENTION.keepMonthly };

export const FAILED_FILE = 'auto-failed.json';

export async function retentionOf(ctx: Ctx): Promise<Retention> {
  return { keepDaily: await getSetting<number>(ctx.db, 'backup.keepDaily'), keepMonthly: await getSetting<number>(ctx.db, 'backup.keepMonthly') };
}

export type DailyOutcome = 'exists' | 'empty' | 'made' | 'failed';

export async function dailyBackup(ctx: Ctx, ledgerFile: string): Promise<DailyOutcome> {
  const dataDir = path.dirname(ledgerFile);
  const dir = backupsDir(dataDir);
  const today = ctx.platform.today();
  const target = path.join(dir, autoName(today));
  if (fs.existsSync(target)) return 'exists';
  try {
    const any = await ctx.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
    if (!any) return 'empty'; // nothing worth keeping yet
    const made = await backupOf(ctx, 'auto');
    writeFileAtomic(target, made.bytes);
    pruneBackups(dataDir, today, await retentionOf(ctx));
    fs.rmSync(path.join(dir, FAILED_FILE), { force: true });
    return 'made';
  } catch (e) {
    try {
      writeFileAtomic(path.join(dir, FAILED_FILE), JSON.stringify({ today, at: ctx.platform.now(), message: (e as Error).message }));
    } catch {
      /* the folder itself is not writable: the page will say there is no backup today */
    }
    return 'failed';
  }
}

export function lastDailyFailure(dataDir: string): { today: string; at: string; message: string } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(backupsDir(dataDir), FAILED_FILE), 'utf8'));
  } catch {
    return null;
  }
}
