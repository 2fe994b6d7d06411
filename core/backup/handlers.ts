/**
 * The backups page and the command line share these: the folder's list and
 * settings, 立即备份, checking a chosen file (preview before restoring), and the
 * restore itself, done by the host that has the ledger open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { handler } from '../handler.ts';
import { LedgerError } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import { fileBytes, fileResult } from '../validate.ts';
import { audit } from '../audit/service.ts';
import { setSetting } from '../settings/service.ts';
import { isEncrypted } from './crypto.ts';
import { ledgerFileOf } from './live.ts';
import { inspectBackup } from './restore.ts';
import { backupOf, restoreInHost } from './service.ts';
import { backupsDir, exportName, isBackupFileName, listBackups, manualName } from './store.ts';
import { lastDailyFailure, retentionOf } from './daily.ts';
import { KEEP_MANUAL } from './retention.ts';

const password = z.string().max(200, '不能超过 200 个字符').optional().transform((v) => (v ? v : undefined));

/** The backup chosen: a file of the backups folder by name, or bytes the clerk picked. */
const source = z.object({ fileName: z.string().optional(), contentBase64: z.string().optional(), password });

function bytesOf(ctx: Parameters<typeof ledgerFileOf>[0], s: { fileName?: string; contentBase64?: string }): Uint8Array {
  if (s.contentBase64) return fileBytes({ contentBase64: s.contentBase64 });
  if (!s.fileName) throw new LedgerError('请选择要恢复的备份文件', 'fileName');
  if (!isBackupFileName(s.fileName)) throw new LedgerError('备份文件名无效', 'fileName');
  const file = path.join(backupsDir(path.dirname(ledgerFileOf(ctx).file)), s.fileName);
  if (!fs.existsSync(file)) throw new LedgerError(`找不到备份文件 ${s.fileName}，可能已被清理`, 'fileName');
  return new Uint8Array(fs.readFileSync(file));
}

export const backupHandlers = {
  'backup/status': handler(z.object({}), async (ctx) => {
    const { file } = ledgerFileOf(ctx);
    const dataDir = path.dirname(file);
    const backups = listBackups(dataDir);
    const today = ctx.platform.today();
    return {
      dataDir,
      ledgerFile: file,
      backupsDir: backupsDir(dataDir),
      today,
      backups: backups.slice(0, 60),
      total: backups.length,
      lastFailure: lastDailyFailure(dataDir),
      retention: { ...(await retentionOf(ctx)), keepManual: KEEP_MANUAL },
    };
  }),
  /** 立即备份: kept in the backups folder, and returned for saving where the clerk chooses. */
  'backup/create': handler(z.object({ password }), async (ctx, { password: pw }) => {
    const made = await backupOf(ctx, 'manual', pw);
    const dataDir = path.dirname(ledgerFileOf(ctx).file);
    const name = manualName(made.manifest.createdAt, Boolean(pw));
    writeFileAtomic(path.join(backupsDir(dataDir), name), made.bytes);
    await ctx.db.transaction().execute((tx) =>
      audit(tx, ctx, { entity: 'ledger', entityId: 'backup', action: '备份', summary: `手动备份台账${pw ? '（已加密）' : ''}：backups/${name}`, after: { fileName: name, size: made.bytes.byteLength, counts: made.manifest.counts } }),
    );
    return {
      fileName: name,
      size: made.bytes.byteLength,
      counts: made.manifest.counts,
      file: fileResult(exportName(ctx.platform.today(), Boolean(pw)), made.bytes, pw ? 'application/octet-stream' : 'application/zip'),
    };
  }),
  /** The full check (every hash, integrity_check) and what would be restored; nothing changes. */
  'backup/inspect': handler(source, async (ctx, s) => {
    const bytes = bytesOf(ctx, s);
    if (isEncrypted(bytes) && !s.password) return { needsPassword: true as const, preview: null };
    return { needsPassword: false as const, preview: inspectBackup(bytes, s.password, path.dirname(ledgerFileOf(ctx).file)) };
  }),
  'backup/restore': handler(source.extend({ confirm: z.literal(true, { error: '请先确认要恢复' }) }), async (ctx, s) => restoreInHost(ctx, bytesOf(ctx, s), s.password)),
  'backup/settings-save': handler(
    z.object({
      keepDaily: z.number({ error: '应为整数' }).int('应为整数').min(1, '至少保留 1 天').max(366, '不能超过 366 天'),
      keepMonthly: z.number({ error: '应为整数' }).int('应为整数').min(0, '不能为负数').max(120, '不能超过 120 个月'),
    }),
    async (ctx, r) => {
      await ctx.db.transaction().execute(async (tx) => {
        await setSetting(tx, ctx, 'backup.keepDaily', r.keepDaily);
        await setSetting(tx, ctx, 'backup.keepMonthly', r.keepMonthly);
      });
      return r;
    },
  ),
};
