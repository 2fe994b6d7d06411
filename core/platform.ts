/**
 * What differs between hosts (Electron, browser mode, command line, tests):
 * the clock, id generation and where data lives. Tests pass a fixed clock and ids.
 *
 * Every host takes its "today" from PARTY_LEDGER_TODAY=YYYY-MM-DD when it is set
 * (for tests, demonstrations and training); the UI then shows a 演示日期 banner.
 */
import { randomUUID } from 'node:crypto';
import { isValidIsoDate } from './validate.ts';

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
  /** The pinned date when the clock is pinned (PARTY_LEDGER_TODAY), else undefined. */
  pinnedToday?: string;
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Thrown for an invalid PARTY_LEDGER_TODAY: hosts print its message and stop. */
export class PinnedDateError extends Error {}

/** Reads PARTY_LEDGER_TODAY: undefined when unset or empty; throws PinnedDateError (one Chinese line) when invalid. */
export function pinnedTodayFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.PARTY_LEDGER_TODAY?.trim();
  if (!v) return undefined;
  if (!isValidIsoDate(v)) throw new PinnedDateError(`环境变量 PARTY_LEDGER_TODAY 的值“${v}”不是有效日期，应为 YYYY-MM-DD（如 2026-11-28）`);
  return v;
}

export function systemPlatform(dataDir: string, actor = '党务工作者', pinned: string | undefined = pinnedTodayFromEnv()): Platform {
  if (!pinned) {
    return { now: () => new Date().toISOString(), today: () => localDate(new Date()), newId: () => randomUUID(), dataDir, actor };
  }
  const [y, m, d] = pinned.split('-').map(Number);
  return {
    // the pinned day with the real time of day, so entries of one session stay in order
    now: () => {
      const t = new Date();
      return new Date(y, m - 1, d, t.getHours(), t.getMinutes(), t.getSeconds(), t.getMilliseconds()).toISOString();
    },
    today: () => pinned,
    newId: () => randomUUID(),
    dataDir,
    actor,
    pinnedToday: pinned,
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
