/**
 * One ledger, one app: the desktop app and browser mode hold `<data folder>/ledger.lock`
 * (JSON with the process id) while they run. A second instance on the same data
 * folder finds the lock and stops; a lock whose process is gone is stale and is
 * taken over. The command line does not take the lock (its reads and writes
 * beside a running app are serialised by SQLite), but a restore refuses to run
 * while the lock is held.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  host: 'desktop' | 'browser';
  startedAt: string;
  hostname: string;
}

export const LOCK_FILE = 'ledger.lock';

export function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** The live lock on this data folder, or null when there is none or it is stale. */
export function readLock(dataDir: string): LockInfo | null {
  const info = read(lockPath(dataDir));
  if (!info) return null;
  // a lock from another machine (a shared folder) cannot be checked: treat it as held
  if (info.hostname && info.hostname !== os.hostname()) return info;
  return alive(info.pid) ? info : null;
}

export function describeLock(info: LockInfo): string {
  const where = info.host === 'desktop' ? '桌面程序' : '浏览器模式';
  return `党务台账已在运行（${where}，进程 ${info.pid}），同一个数据文件夹只能由一个党务台账打开，请切换到已打开的窗口`;
}

export type Acquired = { ok: true; release: () => void } | { ok: false; holder: LockInfo; message: string };

/** Takes the lock (replacing a stale one); exclusive creation makes two starting instances race safely. */
export function acquireLock(dataDir: string, host: LockInfo['host'], now = new Date().toISOString()): Acquired {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, host, startedAt: now, hostname: os.hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (read(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { ok: true, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(dataDir);
      if (holder) return { ok: false, holder, message: describeLock(holder) };
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  const holder = read(file) ?? info;
  return { ok: false, holder, message: describeLock(holder) };
}

export const RESTORE_WHILE_OPEN = '请先关闭党务台账再恢复';
