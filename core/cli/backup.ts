/**
 * CLI commands of backups: `backup --out`, `backup verify`, `restore`. A restore
 * shows what it will restore and asks (or needs --yes), and is refused while the
 * desktop app or browser mode has the ledger open.
 *
 * These three are host-level commands (`run`), not entries over the handler map:
 * they act on files outside the ledger (a backup archive, a password file) or on
 * the ledger file itself. `backup --out` writes the archive only where --out says
 * (the handler `backup/create` also keeps a copy in backups/ and logs it: the app's
 * 立即备份); `backup verify` needs no ledger at all; `restore` swaps the file
 * while no host has it open (a running host restores through `backup/restore`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { LedgerError } from '../errors.ts';
import { localDateTime as localTime } from '../../common/dates.ts';
import { writeFileAtomic } from '../files.ts';
import { backupOf, assertNotOpenElsewhere, restoreOffline } from '../backup/service.ts';
import { inspectBackup, removeSnapshot, verifyBackup, type BackupPreview } from '../backup/restore.ts';
import { flag, requireFlag, UsageError, type RunCommand, type ParsedArgs } from './registry.ts';

function passwordOf(a: ParsedArgs): string | undefined {
  const f = flag(a, 'password-file');
  if (!f) return undefined;
  if (!fs.existsSync(f)) throw new LedgerError(`找不到密码文件：${f}`);
  const pw = fs.readFileSync(f, 'utf8').split(/\r?\n/)[0];
  if (!pw) throw new LedgerError(`密码文件 ${f} 的第一行是空的`);
  return pw;
}

function backupFile(a: ParsedArgs): Uint8Array {
  const file = a.positional[0];
  if (!file) throw new UsageError('缺少备份文件');
  if (!fs.existsSync(file)) throw new LedgerError(`找不到备份文件：${file}`);
  return new Uint8Array(fs.readFileSync(file));
}


export function describePreview(p: BackupPreview): string {
  const c = p.counts;
  return [
    `单位：${p.unitName || '（未填写单位名称）'}`,
    `备份时间：${localTime(p.createdAt)}（程序版本 ${p.programVersion}${p.encrypted ? '，已加密' : ''}）`,
    `内容：党员 ${c.members} 名，党支部 ${c.branches} 个，记录 ${c.records} 条，附件 ${c.attachments} 个`,
    ...(p.missingAttachments ? [`注意：备份时有 ${p.missingAttachments} 个附件的文件已不在数据文件夹中，未能备份`] : []),
  ].join('\n');
}

async function confirmed(a: ParsedArgs): Promise<boolean> {
  if (a.flags.yes === true) return true;
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|是)$/i.test((await rl.question('恢复后当前台账将被替换（替换前会自动保留一份）。确认恢复吗？输入 yes 继续：')).trim());
  } finally {
    rl.close();
  }
}

export const backupCommands: RunCommand[] = [
  {
    path: ['backup'],
    usage: 'backup --out FILE [--password-file F]',
    summary: '把台账（含全部附件）备份为一个文件；--password-file 的第一行作为密码加密',
    run: async (a, io) => {
      const out = requireFlag(a, 'out');
      const pw = passwordOf(a);
      const l = await io.open();
      const made = await backupOf(l.ctx, 'manual', pw);
      writeFileAtomic(out, made.bytes);
      const file = path.resolve(out);
      const c = made.manifest.counts;
      io.print({ file, size: made.bytes.byteLength, encrypted: Boolean(pw), counts: c }, () => `已备份：${file}（${(made.bytes.byteLength / 1024 / 1024).toFixed(1)} MB，党员 ${c.members} 名，附件 ${c.attachments} 个${pw ? '，已加密' : ''}）`);
    },
  },
  {
    path: ['backup', 'verify'],
    usage: 'backup verify FILE [--password-file F]',
    summary: '检查备份文件（校验每一部分、检查台账完整性），不恢复',
    run: async (a, io) => {
      const bytes = backupFile(a);
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-verify-'));
      try {
        const p = inspectBackup(bytes, passwordOf(a), work);
        io.print({ ok: true, ...p }, () => `备份完好。\n${describePreview(p)}`);
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    },
  },
  {
    path: ['restore'],
    usage: 'restore FILE [--password-file F] [--yes]',
    summary: '从备份恢复台账（先显示备份内容并确认；原台账自动保留在 backups/ 中）',
    run: async (a, io) => {
      const bytes = backupFile(a);
      const file = io.ledgerFile();
      assertNotOpenElsewhere(file);
      const v = verifyBackup(bytes, passwordOf(a), path.dirname(file));
      if (!io.json) io.out(`将恢复以下备份：\n${describePreview(v.preview)}`);
      if (!(await confirmed(a))) {
        removeSnapshot(v.snapshotFile);
        throw new LedgerError('未确认恢复，台账未作任何改动（在脚本中使用请加 --yes）');
      }
      const r = await restoreOffline(file, v, io.clock());
      io.print({ file, ...r }, () => `已恢复：${file}${r.keptAs ? `\n原台账已保留为 ${path.join(path.dirname(file), 'backups', r.keptAs)}` : ''}`);
    },
  },
];
