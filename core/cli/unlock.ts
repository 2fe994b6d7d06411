/**
 * The command line and the app lock: the CLI runs as the OS user who owns the
 * data folder, yet with a lock set it opens the ledger only with the password,
 * read from the file named by --lock-password-file (its first line), so the
 * password never appears in the process list or the shell history. (--password-file
 * is a backup archive's own password and is never taken for the lock.)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../ledger.ts';
import { LedgerError } from '../errors.ts';

export async function unlockFromFlag(ledger: Ledger, file: string | undefined): Promise<void> {
  const status = (await ledger.invoke('lock/status', {})) as { enabled: boolean };
  if (!status.enabled) return;
  if (!file) throw new LedgerError('台账已设置密码锁：请用 --lock-password-file 指定存放密码的文件（文件第一行为密码）');
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch {
    throw new LedgerError(`无法读取密码文件 ${file}`);
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  await ledger.invoke('lock/unlock', { password });
}
