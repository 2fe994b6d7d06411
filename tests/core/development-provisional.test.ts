/**
 * "暂算" where a working-day date rests on a year the holiday calendar does not know:
 * the 公示 (its warnings, in the handler and on the CLI's stderr) and the reminders.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testLedger, zipPart } from '../support/ledger.ts';
import { fileReminders, getFileView } from '../../core/development/roster.ts';

const bytes = (f: { contentBase64: string }) => Buffer.from(f.contentBase64, 'base64');
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const WARNING_2027 = '2027年节假日安排未录入，公示截止日期按周一至周五暂算为2027年1月1日，请核对后再张贴（在发展党员规则设置的“节假日安排”中录入2027年放假安排后重新生成，即按节假日计算）。';

describe('the 公示 whose end date falls in a year without 放假安排', () => {
  it('warns only when the count reaches a year the calendar does not know, and not once the unit enters that year', async () => {
    const l = await testLedger({ demo: true, today: '2026-11-28' });
    const cand = (await l.call('development/list', { stage: '发展对象' }))[0];
    const notice = (start: string) => l.call('development/notice', { id: cand.id, kind: '预备党员', start, days: 5 });

    // Fri 2026-12-25: 25, 28, 29, 30, 31 are the 5 working days, all in 2026 (shipped calendar): firm.
    const firm = await notice('2026-12-25');
    expect(firm).toMatchObject({ end: '2026-12-31', warnings: [] });

    // Mon 2026-12-28: the 5th working day is Fri 2027-01-01 counted Monday to Friday (2027 not entered): 暂算, with the reason.
    const provisional = await notice('2026-12-28');
    expect(provisional.end).toBe('2027-01-01');
    expect(provisional.warnings).toEqual([WARNING_2027]);
    // The posted text states the period without a caveat for the public; the clerk has been warned instead.
    const xml = await zipPart(bytes(provisional), 'word/document.xml');
    expect(xml).toContain('公示时间：2026年12月28日至2027年1月1日（5个工作日）');
    expect(xml).not.toContain('暂算');

    // The unit enters 2027's 元旦 (01-01..03 off): the same 公示 ends Mon 01-04, firm.
    await l.call('development/set-holiday-year', { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: '本单位录入：2027年元旦放假安排' });
    const entered = await notice('2026-12-28');
    expect(entered).toMatchObject({ end: '2027-01-04', warnings: [] });
    expect(await zipPart(bytes(entered), 'word/document.xml')).toContain('公示时间：2026年12月28日至2027年1月4日（5个工作日）');
  });

  it('export development-notice writes the file and prints the warning on stderr (stdout stays the result)', () => {
    const dir = tempDir();
    const db = path.join(dir, 'notice.sqlite');
    const env = { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' };
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env });
    expect(cli(['init']).status).toBe(0);
    expect(cli(['demo']).status).toBe(0);
    const rows = JSON.parse(cli(['development', 'list', '--stage', '发展对象', '--json']).stdout) as { id: string; name: string }[];
    const file = path.join(dir, 'notice.docx');
    const r = cli(['export', 'development-notice', '--file', rows[0].id, '--kind', '预备党员', '--start', '2026-12-28', '--days', '5', '--out', file, '--json']);
    expect(r.status).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect(r.stderr).toBe(`提醒：${WARNING_2027}\n`);
    expect(JSON.parse(r.stdout)).toMatchObject({ file, end: '2027-01-01', warnings: [WARNING_2027] });
    const firm = cli(['export', 'development-notice', '--file', rows[0].id, '--kind', '预备党员', '--start', '2026-12-25', '--days', '5', '--out', file]);
    expect(firm.status).toBe(0);
    expect(firm.stderr).toBe('');
    expect(firm.stdout).toContain('公示至 2026-12-31');
  }, 180_000);
});

describe('reminders carry the 暂算 reason of the date they show', () => {
  it('a next step whose date is provisional keeps its reason in the reminder; a firm one has none', async () => {
    const l = await testLedger({ demo: true, today: '2026-11-28' });
    const activist = (await l.call('development/list', { stage: '入党积极分子' }))[0];
    const v = await getFileView(l.ctx, activist.id);
    const reason = '2027年节假日安排未录入，按周一至周五暂算';
    const next = (provisional?: string) => [{ step: 7, name: '确定发展对象', earliest: '2027-01-05', latest: null, ...(provisional ? { provisional } : {}) }];
    const [shown] = fileReminders({ ...v, findings: [], next: next(reason) }, '2027-01', '2026-11-28');
    expect(shown).toMatchObject({ kind: '本月可办', step: 7, earliest: '2027-01-05', provisional: reason, message: '确定发展对象：2027-01-05 起可办（培养满一年）' });
    const [firm] = fileReminders({ ...v, findings: [], next: next() }, '2027-01', '2026-11-28');
    expect(firm).not.toHaveProperty('provisional');
    // In the demo, no reminder rests on a year without calendar data.
    expect((await l.call('development/reminders', { month: '2026-12' })).items.filter((i) => i.provisional)).toEqual([]);
  });
});
