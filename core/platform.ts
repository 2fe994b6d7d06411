/**
 * What differs between hosts (Electron, browser mode, command line, tests):
 * the clock, id generation and where data lives. Tests pass a fixed clock and ids.
 */
import { randomUUID } from 'node:crypto';

export interface Platform {
  /** Current instant as ISO string (UTC). */
  now(): string;
  /** Today's local date, YYYY-MM-DD. */
  today(): string;
  newId(): string;
  /** Folder holding the ledger, attachments and backups. */
  dataDir: string;
  /** Who is acting, for the operation log. */
  actor: string;
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function systemPlatform(dataDir: string, actor = '党务工作者'): Platform {
  return {
    now: () => new Date().toISOString(),
    today: () => localDate(new Date()),
    newId: () => randomUUID(),
    dataDir,
    actor,
  };
}

/** A platform whose clock stands still and whose ids count up: for tests and the demo. */
export function fixedPlatform(opts: { today: string; dataDir?: string; actor?: string; idPrefix?: string }): Platform {
  let n = 0;
  return {
    now: () => `${opts.today}T08:00:00.000Z`,
    today: () => opts.today,
    newId: () => `${opts.idPrefix ?? 'id'}-${String(++n).padStart(6, '0')}`,
    dataDir: opts.dataDir ?? ':memory:',
    actor: opts.actor ?? '测试',
  };
}
