/** The monthly 学习提醒 with the demo (today 2026-11-28): the month's topics, the 政治学习日 dates, the 学时 rule and who is short, read back. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, tempDir, testLedger, zipPart } from '../support/ledger.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const bytesOf = (r: { contentBase64: string }) => Buffer.from(r.contentBase64, 'base64');

describe('学习提醒', () => {
  it('November names its topic, its Fridays, the rule and the members short of it; May names no shortfall', async () => {
    const l = await testLedger({ demo: true });
    const plan = await l.call('study/plan', { year: 2026 });
    const nov = plan.topics.filter((t) => t.month === 11);
    const r = await l.call('study/export-reminder', { month: '2026-11' });
    expect(r.fileName).toBe('2026年11月学习提醒.docx');
    const text = docxText(await zipPart(bytesOf(r), 'word/document.xml'));
    expect(text).toContain('关于2026年11月理论学习的提醒');
    expect(text).toContain('党委理论学习中心组各位成员，各党支部：');
    for (const t of nov) expect(text).toContain(`${t.seq}. ${t.title}`);
    // the demo keeps the weekly 政治学习日 on Fridays; the week of Monday 30 November counts for November (its Friday is 4 December)
    expect(text).toContain('本月政治学习日为11月6日、11月13日、11月20日、11月27日、12月4日（每周星期五）');
    expect(text).toContain('不少于32学时');
    const short = await l.call('hours/year', { year: 2026, short: true });
    expect(short.members.length).toBeGreaterThan(0);
    expect(text).toContain('以下同志学时尚未达到要求');
    for (const m of short.members) expect(text).toContain(m.name);

    const may = docxText(await zipPart(bytesOf(await l.call('study/export-reminder', { month: '2026-05' })), 'word/document.xml'));
    expect(may).toContain('关于2026年5月理论学习的提醒');
    // before October nobody is listed as short: most of the year's study is still ahead
    expect(may).not.toContain('尚未达到要求');
    await expect(l.call('study/export-reminder', { month: '2026-13' })).rejects.toThrow(/应为年月/);
    await l.close();
  }, 120_000);

  it('party-ledger export study-reminder writes the .docx', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const out = path.join(dir, '提醒.docx');
    const env = { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' };
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { env, encoding: 'utf8' });
    expect(cli(['init']).status).toBe(0);
    expect(cli(['demo']).status).toBe(0);
    const r = cli(['export', 'study-reminder', '--month', '2026-10', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(docxText(await zipPart(fs.readFileSync(out), 'word/document.xml'))).toContain('关于2026年10月理论学习的提醒');
    expect(cli(['export', 'study-reminder', '--month', '2026-1', '--out', out]).stderr).toMatch(/应为年月/);
  }, 120_000);
});
