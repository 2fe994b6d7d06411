/**
 * Which automatic backups to keep: the newest `keepDaily` days, and for each of
 * the last `keepMonthly` months the first backup of that month. Manual backups
 * keep the newest `KEEP_MANUAL`; the copies kept before a restore and the
 * backups taken before a schema upgrade are never pruned here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupsDir } from './store.ts';

export interface Retention {
  keepDaily: number;
  keepMonthly: number;
}

export const DEFAULT_RETENTION: Retention = { keepDaily: 30, keepMonthly: 12 };
export const KEEP_MANUAL = 10;

function monthsBack(today: string, n: number): Set<string> {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out = new Set<string>();
  for (let i = 0; i < n; i++) {
    out.add(`${y}-${String(m).padStart(2, '0')}`);
    if (--m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}

/** The days (YYYY-MM-DD) of automatic backups to delete, given the days present. */
export function autoDaysToDelete(days: string[], today: string, r: Retention): string[] {
  const sorted = [...new Set(days)].sort();
  const keep = new Set(sorted.slice(-Math.max(0, r.keepDaily)));
  const months = monthsBack(today, Math.max(0, r.keepMonthly));
  const firstOfMonth = new Map<string, string>();
  for (const d of sorted) if (months.has(d.slice(0, 7)) && !firstOfMonth.has(d.slice(0, 7))) firstOfMonth.set(d.slice(0, 7), d);
  for (const d of firstOfMonth.values()) keep.add(d);
  return sorted.filter((d) => !keep.has(d));
}

/** Deletes what the retention rules do not keep; returns the deleted file names. */
export function pruneBackups(dataDir: string, today: string, r: Retention): string[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const names = fs.readdirSync(dir);
  const autos = new Map<string, string>();
  for (const n of names) {
    const hit = /^auto-(\d{4}-\d{2}-\d{2})\.zip$/.exec(n);
    if (hit) autos.set(hit[1], n);
  }
  const doomed = autoDaysToDelete([...autos.keys()], today, r).map((d) => autos.get(d)!);
  const manual = names.filter((n) => /^manual-.*\.(zip|plbk)$/.test(n)).sort();
  doomed.push(...manual.slice(0, Math.max(0, manual.length - KEEP_MANUAL)));
  for (const n of doomed) fs.rmSync(path.join(dir, n), { force: true });
  return doomed;
}
