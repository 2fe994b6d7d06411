/**
 * Backup figures (target ≤ 5 s each): make, verify and restore a backup of the demo
 * ledger and of the 5,000-member × 10-year dues ledger with 100 attachment files
 * (100 KB each, incompressible), restore done as the running host does it (close, swap, reopen).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { storeBlob } from '../../core/attachments/service.ts';
import { backupOf, restoreInHost } from '../../core/backup/service.ts';
import { inspectBackup } from '../../core/backup/restore.ts';
import { bigDuesLedger } from './dues.ts';
import { time } from './util.ts';

async function figures(l: Ledger, dir: string, prefix: string): Promise<Record<string, number>> {
  const made = await time(() => backupOf(l.ctx, 'manual'));
  const enc = await time(() => backupOf(l.ctx, 'manual', 'bench-password'));
  const verify = await time(() => inspectBackup(made.value.bytes, undefined, dir));
  const restore = await time(() => restoreInHost(l.ctx, made.value.bytes, undefined));
  const restoreEnc = await time(() => restoreInHost(l.ctx, enc.value.bytes, 'bench-password'));
  return {
    [`${prefix}LedgerMB`]: Math.round((fs.statSync(l.file).size / 1024 / 1024) * 10) / 10,
    [`${prefix}BackupMB`]: Math.round((made.value.bytes.byteLength / 1024 / 1024) * 10) / 10,
    [`${prefix}BackupMs`]: made.ms,
    [`${prefix}BackupEncryptedMs`]: enc.ms,
    [`${prefix}VerifyMs`]: verify.ms,
    [`${prefix}RestoreMs`]: restore.ms,
    [`${prefix}RestoreEncryptedMs`]: restoreEnc.ms,
  };
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-backup-'));
  const demoDir = path.join(dir, 'demo');
  const demo = await openLedgerContext(path.join(demoDir, 'ledger.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: demoDir }));
  await loadDemo(demo.ctx);
  const small = await figures(demo, demoDir, 'demo');
  await demo.close();

  const bigDir = path.join(dir, 'big');
  fs.mkdirSync(bigDir);
  const { l } = await bigDuesLedger(bigDir);
  const now = l.ctx.platform.now();
  const owner = await l.ctx.db.selectFrom('members').select('id').executeTakeFirstOrThrow();
  for (let i = 0; i < 100; i++) {
    const bytes = randomBytes(100 * 1024);
    const sha = storeBlob(l.ctx, bytes);
    await l.ctx.db
      .insertInto('attachments')
      .values({ id: `att-${i}`, entity: 'members', entity_id: owner.id, file_name: `扫描件${i}.pdf`, mime: 'application/pdf', size: bytes.length, sha256: sha, kind: null, note: null, created_at: now, deleted_at: null })
      .execute();
  }
  const big = await figures(l, bigDir, 'members5000x10y');
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...small, ...big, targetMs: 5000 };
}
