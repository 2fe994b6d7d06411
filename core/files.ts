/**
 * Writing files safely: to a temporary name beside the target, flushed to disk
 * (fsync of the file, then of its folder where the system allows it), then
 * renamed over it, so a crash leaves either the old file or the new one under
 * the final name, never half of one. Files are private to the user (0600) and
 * folders we create 0700 on Linux and macOS; Windows keeps its own ACLs.
 *
 * Temporary names carry the writer's process id (`.<name>.<pid>-<hex>.tmp`),
 * so the housekeeping at open can tell a dead writer's leftover from a file a
 * running process is still writing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Whether POSIX permission bits mean anything here. */
export const POSIX_MODES = process.platform !== 'win32';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** `.<name>.<pid>-<8 hex>.tmp`; group 1 is the pid. Older builds wrote `.<name>.<8 hex>.tmp` (no pid). */
export const TEMP_NAME = /^\..+\.(?:(\d+)-)?[0-9a-f]{8}\.tmp$/;

export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Sets the mode of a file or folder we own; a no-op on Windows and where the system refuses (e.g. a FAT stick). */
export function chmodQuiet(p: string, mode: number): void {
  if (!POSIX_MODES) return;
  try {
    fs.chmodSync(p, mode);
  } catch {
    // not ours, or a file system without modes: nothing to tighten
  }
}

/** Creates the folder (and missing parents) as 0700. An existing folder is left as it is. */
export function mkdirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** fsync of a folder, so a rename in it survives a power cut; not possible on Windows, skipped there. */
export function fsyncDir(dir: string): void {
  if (!POSIX_MODES) return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a folder; the file itself is already on disk
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Whether a process of that id is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes earlier temp files for this very target whose writer is gone (a document folder is not tidied at open). */
function removeDeadSiblings(dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const n of names) {
    const m = n.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(n.slice(prefix.length)) : null;
    if (m && !processAlive(Number(m[1]))) fs.rmSync(path.join(dir, n), { force: true });
  }
}

export function writeFileAtomic(file: string, bytes: Uint8Array | string): void {
  const dir = path.dirname(path.resolve(file));
  mkdirPrivate(dir);
  removeDeadSiblings(dir, path.basename(file));
  const tmp = tempNameFor(path.join(dir, path.basename(file)));
  try {
    const fd = fs.openSync(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    chmodQuiet(tmp, PRIVATE_FILE_MODE); // the umask cannot widen 0600, but an odd one could narrow it
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dir);
}
