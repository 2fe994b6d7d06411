/**
 * A small file must not freeze the app: a 5 MB workbook of a million one-cell
 * rows is read off the main thread and stopped at the row cap, while the real
 * browser-mode host keeps answering; a read can be followed and cancelled; the
 * command line stops too; the dues assessment import shares the reader's rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../core/host/server.ts';
import { callApi, hostSession, type HostSession } from '../support/host.ts';
import { failure, tempDir, testLedger, type TestLedger } from '../support/ledger.ts';
import { base64, hugeWorkbook, rosterWorkbook } from '../support/workbooks.ts';

const CAP = '工作表“Sheet1”的数据超过 20000 行（第 20002 行起未读取），一次最多导入 20000 行：请把文件分成几个后分批导入';
const huge = hugeWorkbook(['姓名', '公民身份号码'], 1_000_000);

const post = callApi;

describe('reading a huge workbook', () => {
  let l: TestLedger;
  let session: HostSession;
  let host: RunningHost;
  beforeAll(async () => {
    l = await testLedger({ demo: true });
    session = await hostSession(l);
    host = session.host;
  });
  afterAll(async () => {
    await session.close();
    await l.close();
  });

  it('is a 5 MB file of a million rows', () => {
    expect(huge.length).toBeGreaterThan(4_000_000);
    expect(huge.length).toBeLessThan(7_000_000);
  });

  it('browser mode: the preview answers with the row cap while setup/status keeps answering', async () => {
    let done = false;
    const preview = post(host.port, session.headers, 'members/import-preview', { fileName: 'huge.xlsx', contentBase64: base64(huge) }).finally(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      const t = performance.now();
      const s = await post(host.port, session.headers, 'setup/status', {});
      expect(s.ok).toBe(true);
      if (!done) waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = await preview;
    expect(r).toEqual({ ok: false, error: { message: CAP } });
    // The host answered while the file was being read, and promptly (the read itself takes seconds).
    expect(waits.length).toBeGreaterThanOrEqual(3);
    waits.sort((a, b) => a - b);
    expect(waits[Math.floor(waits.length / 2)]).toBeLessThan(1000);
  }, 180_000);

  it('a read is followed with imports/progress and stopped with imports/cancel, leaving no temporary file', async () => {
    const tmp = tempDir('party-ledger-tmp-');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const preview = failure(l.call('members/import-preview', { fileName: 'huge.xlsx', contentBase64: base64(huge), jobId: 'job-1' }));
      let p = await l.call('imports/progress', { jobId: 'job-1' });
      for (let i = 0; i < 600 && !p.active; i++) p = (await new Promise((r) => setTimeout(r, 20)), await l.call('imports/progress', { jobId: 'job-1' }));
      expect(p.active).toBe(true);
      expect(await l.call('imports/cancel', { jobId: 'job-1' })).toEqual({ cancelled: true });
      expect((await preview).message).toBe('已取消读取文件');
      expect(await l.call('imports/progress', { jobId: 'job-1' })).toEqual({ active: false, fraction: null, rows: 0 });
      expect(await l.call('imports/cancel', { jobId: 'job-1' })).toEqual({ cancelled: false });
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 120_000);

  it('the command line stops at the row cap too and exits 1 with the message', () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.xlsx');
    fs.writeFileSync(file, huge);
    const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
    const db = path.join(dir, 'l.sqlite');
    expect(spawnSync(process.execPath, [bin, 'init', '--db', db]).status).toBe(0);
    const r = spawnSync(process.execPath, [bin, 'members', 'import', file, '--db', db], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(CAP);
  }, 180_000);
});

describe('dues assessment import: same reader, same rules', () => {
  async function bases(rows: unknown[][], edit?: Parameters<typeof rosterWorkbook>[1]) {
    return rosterWorkbook(rows as never, edit, ['序号', '姓名', '公民身份号码', '计算基数']);
  }

  it('an ID stored as a number, a merged ID cell and a formula without a value are row problems naming the column; nothing written', async () => {
    const l = await testLedger({ demo: true });
    // lists show ID numbers masked; the workbook needs the full ones
    const [a, b, c, d] = await Promise.all(
      (await l.call('members/list', { pageSize: 4 })).rows.map(async (m) => ({ ...m, idNumber: (await l.call('members/reveal-id', { id: m.id })).idNumber })),
    );
    const standards = async () => JSON.stringify(await l.call('dues/assessment-grid', { year: 2026 }));
    const before = await standards();
    const bytes = await bases(
      [
        [1, a.name, Number(a.idNumber.slice(0, 15)), 5000],
        [2, b.name, b.idNumber, 5000],
        [3, c.name, null, 6000],
        [4, d.name, d.idNumber, 0],
      ],
      (ws) => {
        ws.mergeCells('C4:C5');
        ws.getCell('D6').value = { formula: 'SUM(D3:D5)' } as never;
      },
    );
    const r = await l.call('dues/assess-import', { year: 2026, fileName: 'b.xlsx', contentBase64: base64(bytes), commit: true });
    expect(r.written).toBe(false);
    expect(r.rows.map((x) => [x.row, x.problem])).toEqual([
      [3, 'C列（公民身份号码）：身份证号被存成了数字，请把该列设为文本后重新导出'],
      [4, 'C列（公民身份号码）：是合并单元格（C4:C5），每人的公民身份号码应单独填在一格中，请取消合并后重新导入'],
      [5, 'C列（公民身份号码）：是合并单元格（C4:C5），每人的公民身份号码应单独填在一格中，请取消合并后重新导入'],
      [6, 'D列（计算基数）：是公式，但文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存后重新导入，或把公式换成数值'],
    ]);
    expect(await standards()).toEqual(before);
  });

  it('stops at the row cap and lists at most 200 problem rows', async () => {
    const l = await testLedger({ demo: true });
    const e = await failure(l.call('dues/assess-import', { year: 2026, fileName: 'h.xlsx', contentBase64: base64(hugeWorkbook(['姓名', '计算基数'], 30_000)) }));
    expect(e.message).toBe(CAP);
    const many = await bases(Array.from({ length: 230 }, (_, i) => [i + 1, `不在册${i}`, null, 5000]));
    const r = await l.call('dues/assess-import', { year: 2026, fileName: 'm.xlsx', contentBase64: base64(many) });
    expect(r).toMatchObject({ invalidCount: 230, validCount: 0, unlistedCount: 30 });
    expect(r.rows).toHaveLength(200);
  });
});
