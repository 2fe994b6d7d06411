/**
 * Proof of crash safety, measured from outside: the real CLI (and a child writing
 * attachments through the service) is killed with SIGKILL at seeded random points,
 * then the ledger is opened again as the next start would, and must be whole:
 * `integrity_check` ok, an import or the demo either entirely there or not at all,
 * every committed attachment with its file, no temporary file left in the data
 * folder, and never a half-written document under its final name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { listBranches } from '../../core/org/service.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { BIN, ROOT, age, appears, filesUnder, killAfter, killWhen, pool, seeded, sizeOf, sleep, start, stopAll, temporaryFiles, waitFor, type Run } from '../support/crash.ts';
import { tempDir } from '../support/ledger.ts';

/** Kills per scenario (each a real SIGKILL of a running process), the seed of the kill points, rows imported. */
export const IMPORT_KILLS = 10;
export const DEMO_KILLS = 10;
export const ATTACHMENT_KILLS = 10;
export const EXPORT_KILLS = 10;
export const SEED = 20261128;
export const IMPORT_ROWS = 5000;
const PARALLEL = 2; // children at a time: the machine has two cores
const TODAY = '2026-11-28';
const ENV = { PARTY_LEDGER_TODAY: TODAY };
/** Generous: on an idle two-core machine the whole file takes about a minute, on a shared one much longer. */
const TIMEOUT = 900_000;

const root = tempDir('party-ledger-crash-');
afterAll(() => {
  stopAll(); // a failed test must not leave a child writing
  fs.rmSync(root, { recursive: true, force: true });
});

async function open(file: string): Promise<Ledger> {
  return openLedgerContext(file, fixedPlatform({ today: TODAY, dataDir: path.dirname(file) }));
}

async function makeBase(name: string, fill: (l: Ledger) => Promise<void>): Promise<string> {
  const file = path.join(root, name, 'ledger.sqlite');
  const l = await open(file);
  await fill(l);
  await l.close(); // a clean close folds the WAL back: one file to copy
  return file;
}

function copyOf(base: string, name: string): string {
  const file = path.join(root, name, 'ledger.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(base, file);
  // the demo's 签到表 files go with their rows
  const blobs = path.join(path.dirname(base), 'attachments');
  if (fs.existsSync(blobs)) fs.cpSync(blobs, path.join(path.dirname(file), 'attachments'), { recursive: true });
  return file;
}

/** The next open: integrity, what `read` finds, what housekeeping removed; then closed again. */
async function reopen<T>(file: string, read: (l: Ledger) => Promise<T>) {
  const l = await open(file);
  try {
    const rows = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(l.ctx.db)).rows;
    return { integrity: rows.map((r) => r.integrity_check).join('; '), value: await read(l), housekeeping: l.housekeeping! };
  } finally {
    await l.close();
  }
}

const members = async (l: Ledger) => Number((await l.ctx.db.selectFrom('members').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const opened = (file: string) => () => fs.existsSync(`${file}-shm`);

/**
 * Runs attempts two at a time until `kills` of them were really killed (an attempt the process
 * finishes first counts as a completed run, and is checked just the same). Attempt i kills at a
 * seeded fraction, drawn uniformly from [from, 1.05], of the window: the time from opening the
 * ledger to exit, first of the reference run, then the shortest seen (the machine's load varies),
 * so most kills land in the later, writing part of the run. Returns each attempt's outcome.
 */
async function killRuns<T>(kills: number, window: number, from: number, attempt: (i: number, delayMs: number) => Promise<T & { killed: boolean; ranMs?: number }>) {
  const rng = seeded(SEED + kills);
  const fractions = Array.from({ length: kills * 3 }, () => from + (1.05 - from) * rng());
  const results: (T & { killed: boolean; fraction: number })[] = [];
  let next = 0;
  let inFlight = 0;
  const worker = async () => {
    while (results.filter((r) => r.killed).length + inFlight < kills && next < fractions.length) {
      const i = next++;
      inFlight++;
      try {
        const r = await attempt(i, Math.round(fractions[i] * window));
        if (!r.killed && r.ranMs) window = Math.min(window, r.ranMs);
        results.push({ ...r, fraction: fractions[i] });
      } finally {
        inFlight--;
      }
    }
  };
  await pool([worker, worker].slice(0, PARALLEL), PARALLEL);
  return results;
}

/** Waits until the child has opened the ledger, then kills it after `delayMs`; `ranMs` is its time from open to exit when it finished first. */
async function killAfterOpen(run: Run, file: string, delayMs: number, probe?: () => number) {
  if (!(await waitFor(run, opened(file)))) expect.fail(`did not open the ledger: ${(await run.exited).stderr}`);
  const t = Date.now();
  const k = delayMs === Infinity ? await killWhen(run, new Promise(() => {})) : await killAfter(run, delayMs, probe);
  return { ...k, ranMs: k.killed ? undefined : Date.now() - t };
}

async function timedRun(run: Run, file: string): Promise<number> {
  const r = await killAfterOpen(run, file, Infinity);
  expect(r.code, r.stderr).toBe(0);
  return r.ranMs!;
}

const report: Record<string, unknown> = {};
/** Prints one scenario's figures (kills and outcomes) for the closing note. */
const tell = (name: string) => console.log(`crash ${name}: ${JSON.stringify(report[name])}`);

/**
 * Kills; kills in the last quarter of the window (where the transaction runs: parsing comes first);
 * kills that found WAL frames on disk (the commit under way, or done and the process still closing);
 * runs whose work was committed.
 */
function outcomes<R extends { killed: boolean; seen?: number; fraction: number }>(runs: R[], committed: (r: R) => boolean) {
  const killed = runs.filter((r) => r.killed);
  return {
    killed: killed.length,
    killedLate: killed.filter((r) => r.fraction >= 0.75).length,
    killedWithWalFrames: killed.filter((r) => (r.seen ?? 0) > 0).length,
    committed: runs.filter(committed).length,
  };
}

describe('SIGKILL during a 5,000-row roster import', () => {
  it(`leaves the roster as it was or fully imported (${IMPORT_KILLS} kills)`, { timeout: TIMEOUT }, async () => {
    const base = await makeBase('import-base', async (l) => void (await loadDemo(l.ctx)));
    const before = (await reopen(base, members)).value;
    const probe = await open(copyOf(base, 'branches'));
    const branches = (await listBranches(probe.ctx)).map((b) => b.name);
    await probe.close();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '公民身份号码', '性别', '民族', '出生日期', '入党日期', '转正日期', '党员状态', '人员类别', '所在支部']);
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const birth = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const male = i % 2 === 0;
      ws.addRow([`导入${i}`, makeIdNumber('659001', birth, i, male), male ? '男' : '女', '汉族', birth, '2010-07-01', '2011-07-01', '正式', '在职', branches[i % branches.length]]);
    }
    const xlsx = path.join(root, 'roster-5000.xlsx');
    await wb.xlsx.writeFile(xlsx);

    const ref = copyOf(base, 'import-ref');
    const window = await timedRun(start([BIN, 'members', 'import', xlsx, '--db', ref], ENV), ref);
    expect((await reopen(ref, members)).value).toBe(before + IMPORT_ROWS);

    const runs = await killRuns(IMPORT_KILLS, window, 0.3, async (i, delay) => {
      const file = copyOf(base, `import-${i}`);
      const run = start([BIN, 'members', 'import', xlsx, '--db', file], ENV);
      const k = await killAfterOpen(run, file, delay, () => sizeOf(`${file}-wal`));
      const after = await reopen(file, members);
      return { ...k, integrity: after.integrity, count: after.value, left: temporaryFiles(path.dirname(file)) };
    });
    report.import = { windowMs: window, attempts: runs.length, ...outcomes(runs, (r) => r.count !== before) };
    tell('import');
    expect(runs.filter((r) => r.killed)).toHaveLength(IMPORT_KILLS);
    for (const r of runs) {
      expect(r.integrity).toBe('ok');
      expect([before, before + IMPORT_ROWS]).toContain(r.count);
      expect(r.left).toEqual([]);
    }
  });
});

describe('SIGKILL during demo', () => {
  it(`leaves an empty ledger or the whole demo bureau (${DEMO_KILLS} kills)`, { timeout: TIMEOUT }, async () => {
    const base = await makeBase('demo-base', async () => {});
    const ref = copyOf(base, 'demo-ref');
    const window = await timedRun(start([BIN, 'demo', '--db', ref], ENV), ref);
    const orgUnits = async (l: Ledger) => Number((await l.ctx.db.selectFrom('org_units').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const both = async (l: Ledger) => ({ members: await members(l), units: await orgUnits(l) });
    const { members: demoMembers, units: refUnits } = (await reopen(ref, both)).value;
    expect(demoMembers).toBeGreaterThanOrEqual(99);

    const runs = await killRuns(DEMO_KILLS, window, 0.3, async (i, delay) => {
      const file = copyOf(base, `demo-${i}`);
      const run = start([BIN, 'demo', '--db', file], ENV);
      const k = await killAfterOpen(run, file, delay, () => sizeOf(`${file}-wal`));
      const after = await reopen(file, both);
      return { ...k, integrity: after.integrity, count: after.value.members, units: after.value.units, left: temporaryFiles(path.dirname(file)) };
    });
    report.demo = { windowMs: window, attempts: runs.length, ...outcomes(runs, (r) => r.count > 0) };
    tell('demo');
    expect(runs.filter((r) => r.killed)).toHaveLength(DEMO_KILLS);
    for (const r of runs) {
      expect(r.integrity).toBe('ok');
      expect([0, demoMembers]).toContain(r.count);
      expect(r.units).toBe(r.count === 0 ? 0 : refUnits);
      expect(r.left).toEqual([]);
    }
  });
});

describe('SIGKILL while writing attachments', () => {
  it(`keeps every committed attachment with its file; the next opens leave no *.tmp and no orphan file (${ATTACHMENT_KILLS} kills)`, { timeout: TIMEOUT }, async () => {
    let activityId = '';
    const base = await makeBase('attach-base', async (l) => {
      await loadDemo(l.ctx);
      activityId = (await l.ctx.db.selectFrom('activities').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    });
    const child = path.join(ROOT, 'tests', 'support', 'crash-attach-child.ts');
    const runs = await killRuns(ATTACHMENT_KILLS, 1500, 0, async (i, delay) => {
      const file = copyOf(base, `attach-${i}`);
      const dir = path.dirname(file);
      const run = start(['--import', 'tsx', child, file, activityId], ENV);
      // counted from the first committed attachment, so every kill lands among writes whatever the machine's load
      if (!(await waitFor(run, () => run.stdout.some((l) => l.startsWith('ok '))))) expect.fail(`child did not write: ${(await run.exited).stderr}`);
      const k = await killAfter(run, delay);
      const acked = run.stdout.filter((l) => l.startsWith('ok ')).map((l) => l.split(' ')[1]);
      const tmpBefore = temporaryFiles(dir).length;
      // the next open, at once: a dead writer's temp file goes, a young unreferenced file stays (another process may be about to commit its row)
      const first = await reopen(file, async (l) => {
        const rows = await l.ctx.db.selectFrom('attachments').select(['id', 'sha256']).execute();
        for (const id of acked) expect(rows.map((r) => r.id)).toContain(id);
        for (const r of rows) {
          const blob = path.join(dir, 'attachments', r.sha256.slice(0, 2), r.sha256);
          expect(fs.existsSync(blob), `file of attachment ${r.id}`).toBe(true);
          expect(createHash('sha256').update(fs.readFileSync(blob)).digest('hex')).toBe(r.sha256);
        }
        return rows.length;
      });
      const leftAfterFirst = temporaryFiles(dir);
      // an hour later (file times set back): orphans go, every row keeps its file
      age(path.join(dir, 'attachments'), 2 * 60 * 60 * 1000);
      const second = await reopen(file, async (l) => {
        const shas = new Set((await l.ctx.db.selectFrom('attachments').select('sha256').execute()).map((r) => r.sha256));
        const blobs = filesUnder(path.join(dir, 'attachments'));
        for (const s of shas) expect(blobs).toContain(path.join(s.slice(0, 2), s));
        return blobs.filter((b) => !shas.has(path.basename(b))).length;
      });
      return { ...k, acked: acked.length, integrity: [first.integrity, second.integrity], tmpBefore, tmpRemoved: first.housekeeping.removedTemp.length, youngOrphansKept: first.housekeeping.removedOrphans.length === 0, orphansRemoved: second.housekeeping.removedOrphans.length, orphansLeft: second.value, leftAfterFirst };
    });
    report.attachments = {
      attempts: runs.length,
      killed: runs.filter((r) => r.killed).length,
      acked: runs.reduce((s, r) => s + r.acked, 0),
      tmpLeftByKill: runs.reduce((s, r) => s + r.tmpBefore, 0),
      orphansRemoved: runs.reduce((s, r) => s + r.orphansRemoved, 0),
    };
    tell('attachments');
    expect(runs.filter((r) => r.killed)).toHaveLength(ATTACHMENT_KILLS);
    for (const r of runs) {
      expect(r.integrity).toEqual(['ok', 'ok']);
      expect(r.acked).toBeGreaterThan(0);
      expect(r.tmpRemoved).toBe(r.tmpBefore);
      expect(r.leftAfterFirst).toEqual([]);
      expect(r.youngOrphansKept).toBe(true);
      expect(r.orphansLeft).toBe(0);
    }
  });
});

describe('SIGKILL while writing a document with --out', () => {
  it(`never leaves a half-written file under the final name (${EXPORT_KILLS} kills)`, { timeout: TIMEOUT }, async () => {
    const base = await makeBase('export-base', async (l) => void (await loadDemo(l.ctx)));
    const ref = copyOf(base, 'export-ref');
    const refOut = path.join(root, 'export-ref', 'out', '党员花名册.xlsx');
    const window = await timedRun(start([BIN, 'members', 'export', '--out', refOut, '--db', ref], ENV), ref);
    const rowsOf = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb.getWorksheet('党员花名册')!.actualRowCount;
    };
    const refRows = await rowsOf(refOut);
    // even attempts: a seeded delay after open; odd ones: the moment the temporary file appears (plus 0-3 ms), i.e. inside the write
    const runs = await killRuns(EXPORT_KILLS, window, 0.3, async (i, delay) => {
      const file = copyOf(base, `export-${i}`);
      const out = path.join(path.dirname(file), 'out', '党员花名册.xlsx');
      const hadOld = Math.floor(i / 2) % 2 === 1; // every other pair overwrites an earlier complete export
      fs.mkdirSync(path.dirname(out), { recursive: true });
      if (hadOld) fs.copyFileSync(refOut, out);
      const watch = appears(path.dirname(out), (n) => n.endsWith('.tmp'));
      const run = start([BIN, 'members', 'export', '--out', out, '--db', file], ENV);
      const k = i % 2 === 0 ? await killAfterOpen(run, file, delay) : await killWhen(run, watch.seen.then(() => sleep(delay % 4)));
      watch.stop();
      const present = fs.existsSync(out);
      return { ...k, hadOld, present, rows: present ? await rowsOf(out) : 0, tmpBesideOut: temporaryFiles(path.dirname(out)).length };
    });
    report.export = { windowMs: window, attempts: runs.length, killed: runs.filter((r) => r.killed).length, written: runs.filter((r) => r.present && !r.hadOld).length, tmpBesideOut: runs.reduce((s, r) => s + r.tmpBesideOut, 0) };
    tell('export');
    expect(runs.filter((r) => r.killed)).toHaveLength(EXPORT_KILLS);
    for (const r of runs) {
      if (r.hadOld) expect(r.present).toBe(true);
      if (r.present) expect(r.rows).toBe(refRows); // whole, old or new; a partial zip would not even open
    }
  });
});
