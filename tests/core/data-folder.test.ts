/**
 * The data folder on disk: what the tidying at open removes and what it spares, the
 * permissions of the folder and every file written (Linux and macOS), atomic writes,
 * and attachment names and owners. Real ledger files in temporary folders.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../db/connect.ts';
import { migrations } from '../../db/migrations/index.ts';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { addAttachment } from '../../core/attachments/service.ts';
import { MAX_ATTACHMENT_NAME } from '../../core/attachments/names.ts';
import { ORPHAN_MAX_AGE_MS, TEMP_MAX_AGE_MS } from '../../core/housekeeping.ts';
import { POSIX_MODES, writeFileAtomic } from '../../core/files.ts';
import { failure, tempDir } from '../support/ledger.ts';

const open = (file: string) => openLedgerContext(file, fixedPlatform({ today: '2026-11-28', dataDir: path.dirname(file) }));
const mode = (p: string) => fs.statSync(p).mode & 0o777;
// from the file's own time: housekeeping measures ages on the file system's clock, not the process's
const backdate = (p: string, ms: number) => {
  const t = new Date(fs.statSync(p).mtimeMs - ms);
  fs.utimesSync(p, t, t);
};
const posix = it.skipIf(!POSIX_MODES);

async function demoWithActivity(file: string): Promise<{ l: Ledger; activityId: string }> {
  const l = await open(file);
  await loadDemo(l.ctx);
  const activityId = (await l.ctx.db.selectFrom('activities').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  return { l, activityId };
}

describe('tidying the data folder at open', () => {
  it('removes a dead writer’s temp file at once, spares a live writer’s until it is old, never touches foreign files', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    await (await open(file)).close();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // has exited: its pid names no running process
    fs.mkdirSync(path.join(dir, 'attachments', 'ab'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'backups'));
    const put = (rel: string, ageMs = 0) => {
      const p = path.join(dir, rel);
      fs.writeFileSync(p, 'x');
      if (ageMs) backdate(p, ageMs);
      return p;
    };
    const gone = [
      put(`.台账.xlsx.${dead}-0123abcd.tmp`),
      put(`attachments/ab/.${'ab'.repeat(32)}.${dead}-89abcdef.tmp`),
      put(`backups/.backup.zip.${dead}-00000000.tmp`),
      put(`backups/.snapshot.sqlite.${dead}-0a0b0c0d.tmp`), // a backup's snapshot (core/backup/snapshot.ts) left by a kill
      put(`.restore.sqlite.${dead}-01020304.tmp`), // a restore's checked snapshot (core/backup/restore.ts)
      put(`attachments/.x.${process.pid}-11111111.tmp`, TEMP_MAX_AGE_MS + 60_000), // alive, but far too old
      put('.legacy.docx.deadbeef.tmp', TEMP_MAX_AGE_MS + 60_000), // written by an older build: no pid, judged by age
    ];
    const kept = [
      put(`.在写.xlsx.${process.pid}-22222222.tmp`), // a live writer, young
      put('.legacy.docx.feedface.tmp'), // no pid, young
      put('notes.tmp', TEMP_MAX_AGE_MS * 10), // not ours
      put('ledger.sqlite.bak'),
    ];
    const l = await open(file);
    await l.close();
    expect(l.housekeeping!.removedTemp.sort()).toEqual(gone.sort());
    for (const p of gone) expect(fs.existsSync(p)).toBe(false);
    for (const p of kept) expect(fs.existsSync(p)).toBe(true);
  });

  it('removes content files no attachment row refers to once they are an hour old; spares young, referenced and recycled ones', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    const { l, activityId } = await demoWithActivity(file);
    const live = await addAttachment(l.ctx, { entity: 'activities', entityId: activityId, fileName: '签到表.png', bytes: new Uint8Array([1, 2, 3]) });
    const recycled = await addAttachment(l.ctx, { entity: 'activities', entityId: activityId, fileName: '旧版.pdf', bytes: new Uint8Array([4, 5, 6]) });
    await l.invoke('attachments/delete', { id: recycled.id }); // in the recycle bin: it can come back, so its file stays
    await l.close();
    const blob = (sha: string) => path.join(dir, 'attachments', sha.slice(0, 2), sha);
    const orphan = (c: string) => {
      const sha = c.repeat(64);
      fs.mkdirSync(path.dirname(blob(sha)), { recursive: true });
      fs.writeFileSync(blob(sha), c);
      return blob(sha);
    };
    const old = orphan('a');
    const young = orphan('b');
    for (const p of [old, blob(live.sha256), blob(recycled.sha256)]) backdate(p, ORPHAN_MAX_AGE_MS + 60_000);
    backdate(young, ORPHAN_MAX_AGE_MS - 60_000);
    // another ledger file opened beside the data folder's own never judges its attachments
    const other = await open(path.join(dir, 'other.sqlite'));
    await other.close();
    expect(other.housekeeping!.removedOrphans).toEqual([]);
    expect(fs.existsSync(old)).toBe(true);
    const again = await open(file);
    await again.close();
    expect(again.housekeeping!.removedOrphans).toEqual([old]);
    for (const p of [young, blob(live.sha256), blob(recycled.sha256)]) expect(fs.existsSync(p)).toBe(true);
  });
});

describe('writing files', () => {
  it('writeFileAtomic replaces the file whole and leaves no temp file, also when the rename fails', () => {
    const dir = tempDir();
    const out = path.join(dir, 'sub', '统计表.xlsx');
    writeFileAtomic(out, 'first');
    writeFileAtomic(out, 'second');
    expect(fs.readFileSync(out, 'utf8')).toBe('second');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['统计表.xlsx']);
    // a killed earlier export left its temp file beside the target: the next write of that name takes it away
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const leftover = path.join(path.dirname(out), `.统计表.xlsx.${dead}-0badf00d.tmp`);
    const running = path.join(path.dirname(out), `.统计表.xlsx.${process.pid}-0000beef.tmp`);
    for (const f of [leftover, running]) fs.writeFileSync(f, 'half');
    writeFileAtomic(out, 'third');
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual([path.basename(running), '统计表.xlsx'].sort());
    fs.rmSync(running);
    const blocked = path.join(dir, 'a-folder');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(blocked, 'x')).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['a-folder', 'sub']);
  });

  posix('makes the data folder 0700 and the ledger, its WAL, attachments, backups and written files 0600', async () => {
    const parent = tempDir();
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, 'party-ledger');
    const file = path.join(dir, 'ledger.sqlite');
    const { l, activityId } = await demoWithActivity(file);
    const a = await addAttachment(l.ctx, { entity: 'activities', entityId: activityId, fileName: '扫描件.pdf', bytes: new Uint8Array([7, 8, 9]) });
    expect(mode(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    expect(mode(path.join(dir, 'attachments'))).toBe(0o700);
    expect(mode(path.join(dir, 'attachments', a.sha256.slice(0, 2)))).toBe(0o700);
    expect(mode(path.join(dir, 'attachments', a.sha256.slice(0, 2), a.sha256))).toBe(0o600);
    await l.close();
    expect(mode(parent)).toBe(0o755); // only the data folder itself is ours to tighten
    const doc = path.join(parent, 'out', '花名册.xlsx');
    writeFileAtomic(doc, 'x');
    expect(mode(doc)).toBe(0o600);

    // a data folder and files left 0755/0644 by an older build are tightened at the next open
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'attachments'), 0o755);
    fs.chmodSync(file, 0o644);
    await (await open(file)).close();
    expect([mode(dir), mode(path.join(dir, 'attachments')), mode(file)]).toEqual([0o700, 0o700, 0o600]);

    // a ledger opened with --db in some other folder leaves that folder as it is
    const desk = path.join(parent, 'desk');
    fs.mkdirSync(desk, { mode: 0o755 });
    fs.chmodSync(desk, 0o755);
    await (await open(path.join(desk, '我的台账.sqlite'))).close();
    expect(mode(desk)).toBe(0o755);
    expect(mode(path.join(desk, '我的台账.sqlite'))).toBe(0o600);
  });

  posix('the backup taken before a schema upgrade is 0600 in a 0700 folder', async () => {
    const names = Object.keys(migrations).sort();
    expect(names.length).toBeGreaterThan(1); // else there would be no upgrade, and no backup to check
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    const first = await openLedger(file, { migrations: Object.fromEntries(names.slice(0, 1).map((n) => [n, migrations[n]])) });
    await first.db.destroy();
    const upgraded = await openLedger(file, { now: () => '2026-11-28T08:00:00.000Z' });
    await upgraded.db.destroy();
    expect(mode(upgraded.backupFile!)).toBe(0o600);
    expect(mode(path.dirname(upgraded.backupFile!))).toBe(0o700);
  });
});

describe('attachment names and owners', () => {
  it('refuses ., .., empty names and names with NUL or a path separator, shortens long names keeping the extension', async () => {
    const dir = tempDir();
    const { l, activityId } = await demoWithActivity(path.join(dir, 'ledger.sqlite'));
    const add = (fileName: string) => addAttachment(l.ctx, { entity: 'activities', entityId: activityId, fileName, bytes: new Uint8Array([1]) });
    for (const [name, msg] of [
      ['.', /不是有效的文件名/],
      ['..', /不是有效的文件名/],
      ['', /附件名称为空/],
      ['   ', /附件名称为空/],
      ['签到\u0000表.png', /控制字符/],
      ['../../etc/passwd', /不能包含/],
      ['C:\\扫描\\签到表.png', /不能包含/],
    ] as const) {
      const e = await failure(add(name));
      expect(e.message, JSON.stringify(name)).toMatch(msg);
      expect(e.field).toBe('fileName');
    }
    const long = await add(`${'会议记录'.repeat(60)}.docx`);
    expect(Array.from(long.fileName)).toHaveLength(MAX_ATTACHMENT_NAME);
    expect(long.fileName).toMatch(/^会议记录.*\.docx$/);
    expect(long.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const emoji = await add('📎'.repeat(200));
    expect(Array.from(emoji.fileName)).toHaveLength(MAX_ATTACHMENT_NAME); // never half a character
    await l.close();
  });

  it('writes no file for an owner that does not exist', async () => {
    const dir = tempDir();
    const { l } = await demoWithActivity(path.join(dir, 'ledger.sqlite'));
    const e = await failure(addAttachment(l.ctx, { entity: 'activities', entityId: 'no-such-activity', fileName: 'a.pdf', bytes: new Uint8Array([1, 2]) }));
    expect(e.message).toBe('找不到要添加附件的组织生活记录，可能已被删除；附件未保存');
    await l.close();
    // the demo's own 签到表 are there; the refused file is not
    const sha = createHash('sha256').update(new Uint8Array([1, 2])).digest('hex');
    expect(fs.existsSync(path.join(dir, 'attachments', sha.slice(0, 2), sha))).toBe(false);
  });
});
