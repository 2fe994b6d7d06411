/** Backups on real SQLite and real files: round trips, refusals, retention, the daily backup. */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { backupOf, restoreInHost } from '../../core/backup/service.ts';
import { inspectBackup } from '../../core/backup/restore.ts';
import { encryptBackup, decryptBackup } from '../../core/backup/crypto.ts';
import { packBackup, unpackBackup } from '../../core/backup/archive.ts';
import { autoDaysToDelete, pruneBackups } from '../../core/backup/retention.ts';
import { listBackups, peekManifestText } from '../../core/backup/store.ts';
import { programVersion } from '../../core/backup/manifest.ts';
import { failure, tempDir } from '../support/ledger.ts';

let opens = 0;
/** Each open counts its ids under its own prefix, so a reopened file never gets an id it already holds. */
async function open(dir: string, today = '2026-11-28'): Promise<Ledger> {
  return openLedgerContext(path.join(dir, 'ledger.sqlite'), fixedPlatform({ today, dataDir: dir, idPrefix: `open${++opens}` }));
}

const count = async (l: Ledger) => Number((await l.ctx.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** The demo's own attachments (its scanned 签到表 and photos, and their filed copies): rows and distinct files. */
async function stored(l: Ledger): Promise<{ rows: number; files: number }> {
  const rows = await l.ctx.db.selectFrom('attachments').select('sha256').where('deleted_at', 'is', null).execute();
  return { rows: rows.length, files: new Set(rows.map((r) => r.sha256)).size };
}

async function demoWithAttachments(dir: string): Promise<{ l: Ledger; ids: string[]; demo: { rows: number; files: number } }> {
  const l = await open(dir);
  await loadDemo(l.ctx);
  const demo = await stored(l);
  const act = await l.ctx.db.selectFrom('activities').select('id').limit(2).execute();
  const ids: string[] = [];
  for (const [i, a] of act.entries()) {
    const r = (await l.invoke('attachments/add', { entity: 'activities', entityId: a.id, fileName: `签到表${i}.txt`, contentBase64: Buffer.from(`第${i}次会议签到`).toString('base64') })) as { id: string };
    ids.push(r.id);
  }
  return { l, ids, demo };
}

describe('backup and restore', () => {
  it('round trip: a restore brings back the ledger and every attachment, keeping the replaced ledger', async () => {
    const dir = tempDir();
    const { l, ids, demo } = await demoWithAttachments(dir);
    const members = await count(l);
    const made = await backupOf(l.ctx, 'manual');
    expect(made.manifest.programVersion).toBe(programVersion());
    expect(made.manifest.counts.attachments).toBe(demo.rows + 2);
    expect(made.manifest.parts.map((p) => p.path)).toContain('ledger.sqlite');
    expect(made.manifest.parts.filter((p) => p.path.startsWith('attachments/'))).toHaveLength(demo.files + 2);
    expect(made.manifest.unitName).not.toBe('');
    // change the ledger and lose an attachment file, then restore
    await l.ctx.db.deleteFrom('activity_attendance').execute();
    await l.ctx.db.updateTable('members').set({ deleted_at: '2026-11-28' }).execute();
    const blob = (await l.ctx.db.selectFrom('attachments').select('sha256').where('id', '=', ids[0]).executeTakeFirstOrThrow()).sha256;
    fs.rmSync(path.join(dir, 'attachments', blob.slice(0, 2), blob));
    const r = await restoreInHost(l.ctx, made.bytes, undefined);
    expect(r.preview.counts.members).toBe(made.manifest.counts.members);
    expect(r.keptAs).toMatch(/^before-restore-.*\.sqlite$/);
    expect(await count(l)).toBe(members);
    const listed = (await l.invoke('members/list', { pageSize: 1 })) as { total: number };
    expect(listed.total).toBe(made.manifest.counts.members);
    const content = (await l.invoke('attachments/content', { id: ids[0] })) as { contentBase64: string };
    expect(Buffer.from(content.contentBase64, 'base64').toString()).toBe('第0次会议签到');
    // the kept copy is itself a valid backup of the changed ledger
    const kept = inspectBackup(fs.readFileSync(path.join(dir, 'backups', r.keptAs!)), undefined, dir);
    expect(kept.kind).toBe('before-restore');
    expect(kept.counts.members).toBe(0);
    // and it can be restored itself (a bare ledger file: the attachments stay in the data folder)
    const back = await restoreInHost(l.ctx, fs.readFileSync(path.join(dir, 'backups', r.keptAs!)), undefined);
    expect(back.preview.counts.members).toBe(0);
    expect(await count(l)).toBe(members); // soft-deleted rows are still rows
    expect(((await l.invoke('members/list', { pageSize: 1 })) as { total: number }).total).toBe(0);
    const log = await l.ctx.db.selectFrom('audit_log').select('summary').where('entity_id', '=', 'restore').execute();
    expect(log).toHaveLength(1);
    await l.close();
  });

  it('encrypted round trip; a wrong password and a missing one are refused in Chinese', async () => {
    const dir = tempDir();
    const { l, demo } = await demoWithAttachments(dir);
    const made = await backupOf(l.ctx, 'manual', '党建2026');
    expect(Buffer.from(made.bytes.subarray(0, 8)).toString()).toBe('PLBKENC1');
    expect(Buffer.from(made.bytes).includes(Buffer.from('SQLite format'))).toBe(false);
    expect((await failure(Promise.resolve().then(() => inspectBackup(made.bytes, '错误的密码', dir)))).message).toBe('备份密码不正确，未作任何改动');
    expect((await failure(Promise.resolve().then(() => inspectBackup(made.bytes, undefined, dir)))).message).toBe('这个备份已加密，请提供备份密码');
    const p = inspectBackup(made.bytes, '党建2026', dir);
    expect(p.encrypted).toBe(true);
    expect(p.attachmentFiles).toBe(demo.files + 2);
    const inspected = (await l.invoke('backup/inspect', { contentBase64: Buffer.from(made.bytes).toString('base64') })) as { needsPassword: boolean };
    expect(inspected.needsPassword).toBe(true);
    const r = await restoreInHost(l.ctx, made.bytes, '党建2026');
    expect(r.preview.counts.members).toBe(made.manifest.counts.members);
    // no temporary snapshot left beside the ledger
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await l.close();
  });

  it('a changed byte is refused and nothing changes', async () => {
    const dir = tempDir();
    const { l } = await demoWithAttachments(dir);
    const made = await backupOf(l.ctx, 'manual');
    const before = fs.readFileSync(path.join(dir, 'ledger.sqlite'));
    // flip one byte inside the ledger part's compressed data (after manifest and header)
    const bad = Uint8Array.from(made.bytes);
    const at = Buffer.from(bad).indexOf(Buffer.from('ledger.sqlite')) + 200;
    bad[at] ^= 0xff;
    const e = await failure(restoreInHost(l.ctx, bad, undefined));
    expect(e.message).toMatch(/^备份文件已损坏（.*），未作任何改动$/);
    expect(fs.readFileSync(path.join(dir, 'ledger.sqlite')).equals(before)).toBe(true);
    // an encrypted file with one changed byte: the tag fails, not the password
    const enc = encryptBackup(made.bytes, 'pw');
    enc[enc.length - 40] ^= 1;
    expect(() => decryptBackup(enc, 'pw')).toThrow('备份文件已损坏（加密内容校验失败），未作任何改动');
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.startsWith('before-restore'))).toEqual([]);
    await l.close();
  });

  it('refuses a zip of another program, a non-zip, and a backup from a newer version', async () => {
    const dir = tempDir();
    const { l } = await demoWithAttachments(dir);
    const foreign = zipSync({ 'readme.txt': Buffer.from('hello') });
    expect((await failure(restoreInHost(l.ctx, foreign, undefined))).message).toBe('这个文件不是党务台账的备份，未作任何改动');
    expect((await failure(restoreInHost(l.ctx, Buffer.from('just text'), undefined))).message).toBe('这个文件不是党务台账的备份，未作任何改动');
    // a SQLite file of another program
    const other = path.join(dir, 'other.sqlite');
    const Database = (await import('better-sqlite3')).default;
    const o = new Database(other);
    o.exec('create table notes (x text)');
    o.close();
    expect((await failure(restoreInHost(l.ctx, fs.readFileSync(other), undefined))).message).toBe('这个文件不是党务台账的备份，未作任何改动');
    const made = await backupOf(l.ctx, 'manual');
    const u = unpackBackup(made.bytes);
    const parts = new Map<string, Uint8Array>([['ledger.sqlite', u.ledger]]);
    const { parts: _p, ...meta } = u.manifest;
    const newer = packBackup({ ...meta, programVersion: '9.0.0', migrations: [...meta.migrations, '2099-01-01T00-00-00_future'] }, parts);
    const e = await failure(restoreInHost(l.ctx, newer.bytes, undefined));
    expect(e.message).toMatch(/^这个备份由更新版本的党务台账（9\.0\.0）创建，.*请先升级程序，未作任何改动$/);
    await l.close();
  });

  it('retention keeps the last N days and the first backup of each of the last M months', () => {
    const days: string[] = [];
    for (let d = new Date(Date.UTC(2025, 0, 1)); d <= new Date(Date.UTC(2026, 10, 28)); d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
    const doomed = new Set(autoDaysToDelete(days, '2026-11-28', { keepDaily: 30, keepMonthly: 12 }));
    const kept = days.filter((d) => !doomed.has(d));
    const lastThirty = days.slice(-30);
    const monthly = ['2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'];
    expect(kept).toEqual([...monthly.filter((d) => !lastThirty.includes(d)), ...lastThirty]);
    expect(kept).not.toContain('2025-11-01');
    // on disk: only auto-*.zip and surplus manual copies go; the pre-upgrade backup stays
    const dir = tempDir();
    const b = path.join(dir, 'backups');
    fs.mkdirSync(b);
    for (const d of days.slice(-40)) fs.writeFileSync(path.join(b, `auto-${d}.zip`), 'x');
    fs.writeFileSync(path.join(b, 'ledger-2026-01-01T08-00-00-000Z-before-2026-11-28T01-00-00_activities.sqlite'), 'x');
    fs.writeFileSync(path.join(b, 'before-restore-2026-10-01T08-00-00.zip'), 'x');
    const deleted = pruneBackups(dir, '2026-11-28', { keepDaily: 5, keepMonthly: 2 });
    // kept: the last 5 days, and the first present of November (11-01) and October (10-20)
    expect(deleted).toHaveLength(40 - 7);
    expect(fs.readdirSync(b).sort()).toEqual([
      'auto-2026-10-20.zip', 'auto-2026-11-01.zip', 'auto-2026-11-24.zip', 'auto-2026-11-25.zip', 'auto-2026-11-26.zip', 'auto-2026-11-27.zip', 'auto-2026-11-28.zip',
      'before-restore-2026-10-01T08-00-00.zip',
      'ledger-2026-01-01T08-00-00-000Z-before-2026-11-28T01-00-00_activities.sqlite',
    ]);
  });

  it('the first open of each day makes one automatic backup, later opens that day none', async () => {
    const dir = tempDir();
    const first = await open(dir, '2026-11-28');
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false); // an empty ledger is not backed up
    await loadDemo(first.ctx);
    await first.close();
    const again = await open(dir, '2026-11-28');
    const auto = path.join(dir, 'backups', 'auto-2026-11-28.zip');
    expect(fs.existsSync(auto)).toBe(true);
    const mtime = fs.statSync(auto).mtimeMs;
    await again.close();
    const third = await open(dir, '2026-11-28');
    expect(fs.statSync(auto).mtimeMs).toBe(mtime);
    await third.close();
    const nextDay = await open(dir, '2026-11-29');
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.startsWith('auto-')).sort()).toEqual(['auto-2026-11-28.zip', 'auto-2026-11-29.zip']);
    const listed = listBackups(dir);
    expect(listed.map((b) => [b.fileName, b.kind, b.status])).toEqual([
      ['auto-2026-11-29.zip', 'auto', 'ok'],
      ['auto-2026-11-28.zip', 'auto', 'ok'],
    ]);
    expect(listed[0].counts?.members).toBeGreaterThanOrEqual(99);
    expect(JSON.parse(peekManifestText(auto)!).today).toBe('2026-11-28');
    const status = (await nextDay.invoke('backup/status', {})) as { backups: unknown[]; retention: { keepDaily: number; keepMonthly: number } };
    expect(status.backups).toHaveLength(2);
    expect(status.retention).toMatchObject({ keepDaily: 30, keepMonthly: 12 });
    await nextDay.invoke('backup/settings-save', { keepDaily: 1, keepMonthly: 0 });
    await nextDay.close();
    const dayThree = await open(dir, '2026-11-30');
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.startsWith('auto-'))).toEqual(['auto-2026-11-30.zip']);
    const e = await failure(dayThree.invoke('backup/settings-save', { keepDaily: 0, keepMonthly: 0 }));
    expect(e.message).toBe('“保留每日备份天数”至少保留 1 天');
    await dayThree.close();
  });
});
