/**
 * A small real file system for tests of a full or read-only disk: a tmpfs
 * mounted for the test (needs root and the mount capability; null elsewhere,
 * and the tests that need it are skipped with that reason).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './ledger.ts';

export interface Tmpfs {
  dir: string;
  /** Writes filler files until the disk is full; returns them so that space can be freed. */
  fill: () => string[];
  readOnly: () => void;
  unmount: () => void;
}

export function mountTmpfs(sizeKb: number): Tmpfs | null {
  const dir = tempDir('party-ledger-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    fill: () => {
      const files: string[] = [];
      for (const size of [64 * 1024, 4096, 512, 1]) {
        try {
          for (;;) {
            const f = path.join(dir, `filler-${files.length}`);
            files.push(f);
            fs.writeFileSync(f, Buffer.alloc(size, 1));
          }
        } catch {
          /* full at this size; try a smaller one */
        }
      }
      return files;
    },
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' }),
    unmount: () => {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
