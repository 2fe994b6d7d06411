/** 学习教育 with the demo: the first half-year's figures, the three documents read back, and `party-ledger study stats --json`. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxText, tempDir, testLedger, zipPart } from '../support/ledger.ts';

const bytesOf = (r: { contentBase64: string }) => Buffer.from(r.contentBase64, 'base64');

describe('the demo 中心组 year and its documents', () => {
  it('reads like the example summary and prints the plan, the book and the 台账', async () => {
    const l = await testLedger({ demo: true });
    const h1 = await l.call('study/stats', { from: '2026-01-01', to: '2026-06-30' });
    expect(h1.centralGroup).toEqual({ sessions: 4, attendances: 33, seminars: 0 });
    expect(h1.firstTopic).toMatchObject({ meetings: 4, withFirstTopic: 3, rate: 75 });
    const plan = await l.call('study/plan', { year: 2026 });
    expect(plan.topics).toHaveLength(12);
    expect(plan.topics.filter((t) => t.status === 'done').map((t) => t.month)).toEqual([2, 3, 5, 6, 8, 11]);
    expect(plan.counts.overdue).toBeGreaterThan(0);
    expect(plan.members.length).toBeGreaterThan(3);

    const planText = docxText(await zipPart(bytesOf(await l.call('study/export-plan', { year: 2026 })), 'word/document.xml'));
    expect(planText).toContain('2026年理论学习中心组学习安排');
    expect(planText).toContain('党委理论学习中心组各位成员：');
    expect(planText).toContain('（一）原原本本学习《习近平谈治国理政》相关篇目');
    expect(planText).toContain('计划时间：4月；学习形式：专题党课；领学人：党委书记。');
    expect(planText).toContain('《中国共产党党委（党组）理论学习中心组学习规则》');

    const book = docxText(await zipPart(bytesOf(await l.call('study/export-book', { from: '2026-01-01', to: '2026-06-30' })), 'word/document.xml'));
    expect(book).toContain('理论学习中心组学习记录');
    expect(book).toContain('本期间中心组集中学习4次，累计参学33人次，开展专题研讨0次。');
    expect(book).toContain('第4次');
    expect(book).not.toContain('第5次');
    expect(book).toContain('缺席人员及原因');
    expect(book).toContain('公出，执行安保任务');
    expect(book).toContain('专题2：深入学习贯彻党的二十届历次全会精神');
    expect(book.match(/未记录/g)).toHaveLength(1);

    const r = await l.call('study/export-first-topic', { from: '2026-01-01', to: '2026-06-30' });
    expect(r.rate).toBe(75);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytesOf(r) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('第一议题落实台账')!;
    const cells = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    const header = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((i) => cells(i)[0] === '序号')!;
    expect(cells(header)).toEqual(['序号', '会议日期', '组织', '会议类型', '第一议题学习内容', '讲话（指示）日期', '出处', '学习方式及落实情况', '落实情况']);
    const data = [1, 2, 3, 4].map((k) => cells(header + k));
    expect(data.map((d) => d[3])).toEqual(Array(4).fill('理论学习中心组学习'));
    expect(data.map((d) => d[8])).toEqual(['已落实', '已落实', '未记录', '已落实']);
    expect(cells(header + 5).join('|')).toContain('记录第一议题3次，落实率75%');
  });
});

describe('party-ledger study …', () => {
  const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
  const env = { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' };
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('study stats --json has exactly the issue keys; plan and the three exports work', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    expect(cli(['init', '--db', db]).code).toBe(0);
    expect(cli(['demo', '--db', db]).code).toBe(0);
    const s = cli(['study', 'stats', '--from', '2026-01-01', '--to', '2026-06-30', '--json', '--db', db]);
    expect(s.code, s.err).toBe(0);
    expect(JSON.parse(s.out)).toEqual({ centralGroup: { sessions: 4, attendances: 33, seminars: 0 }, firstTopic: { meetings: 4, withFirstTopic: 3, rate: 75 } });
    const none = cli(['study', 'stats', '--from', '2020-01-01', '--to', '2020-12-31', '--json', '--db', db]);
    expect(JSON.parse(none.out).firstTopic).toEqual({ meetings: 0, withFirstTopic: 0, rate: null });
    const plan = cli(['study', 'plan', '--year', '2026', '--json', '--db', db]);
    expect(JSON.parse(plan.out).topics).toHaveLength(12);
    for (const [args, file] of [
      [['export', 'study-plan', '--year', '2026'], 'plan.docx'],
      [['export', 'central-group-book', '--from', '2026-01-01', '--to', '2026-06-30'], 'book.docx'],
      [['export', 'first-topic', '--from', '2026-01-01', '--to', '2026-06-30'], 'ft.xlsx'],
    ] as const) {
      const out = path.join(dir, file);
      const r = cli([...args, '--out', out, '--db', db]);
      expect(r.code, r.err).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
    }
  }, 120_000);
});
