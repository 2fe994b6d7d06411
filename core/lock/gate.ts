/**
 * The app lock's state in one process: which sessions are unlocked (and since
 * when they were last active), and how many wrong passwords came in a row.
 * Every host's `invoke` goes through `gatedInvoke`, so with a lock set no
 * handler but the lock's own answers a session that has not given the password.
 * The clock is injected so tests can let minutes pass.
 */
import { LedgerError } from '../errors.ts';

/** Wrong passwords allowed before the delay starts; the delay then doubles per wrong try. */
export const FREE_ATTEMPTS = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

/** Handlers a locked session may call. */
export const OPEN_WHEN_LOCKED = new Set(['lock/status', 'lock/unlock', 'lock/lock']);

/** The error a locked session gets; `field: 'lock'` tells the renderer to show the lock screen. */
export const LOCKED_FIELD = 'lock';
export function lockedError(): LedgerError {
  return new LedgerError('台账已锁定，请输入密码解锁', LOCKED_FIELD);
}

export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export class LockGate {
  private failures = 0;
  private blockedUntil = 0;
  private readonly unlocked = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly clock: () => number = Date.now) {}

  /** True when the session gave the password and has been active within `idleMinutes`; an idle session is locked here. */
  isUnlocked(session: string, idleMinutes: number): boolean {
    const last = this.unlocked.get(session);
    if (last === undefined) return false;
    if (this.clock() - last > idleMinutes * 60_000) {
      this.unlocked.delete(session);
      return false;
    }
    return true;
  }

  touch(session: string): void {
    if (this.unlocked.has(session)) this.unlocked.set(session, this.clock());
  }

  open(session: string): void {
    this.unlocked.set(session, this.clock());
  }

  lock(session: string): void {
    this.unlocked.delete(session);
  }

  /** Locks every session but `keep` (after the password changed or the lock was first set). */
  lockOthers(keep: string | null): void {
    for (const s of [...this.unlocked.keys()]) if (s !== keep) this.unlocked.delete(s);
  }

  retryAfterMs(): number {
    return Math.max(0, this.blockedUntil - this.clock());
  }

  /**
   * One password check, throttled: attempts run one at a time, a wrong one counts,
   * and after FREE_ATTEMPTS wrong ones each further try must wait a growing delay
   * (refused without checking while it runs). A right one resets the count.
   */
  attempt(check: () => Promise<boolean>): Promise<void> {
    const run = this.queue.then(async () => {
      const wait = this.retryAfterMs();
      if (wait > 0) throw new LedgerError(`密码已连续输错 ${this.failures} 次，请 ${Math.ceil(wait / 1000)} 秒后再试`, 'password');
      if (await check()) {
        this.failures = 0;
        this.blockedUntil = 0;
        return;
      }
      this.failures++;
      const delay = delayAfter(this.failures);
      this.blockedUntil = this.clock() + delay;
      throw new LedgerError(delay ? `密码不正确，已连续输错 ${this.failures} 次，请 ${Math.ceil(delay / 1000)} 秒后再试` : `密码不正确（还可再试 ${FREE_ATTEMPTS - this.failures} 次，之后需等待）`, 'password');
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
