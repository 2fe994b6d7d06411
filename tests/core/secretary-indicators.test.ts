/**
 * 书记述职: the 基层组织建设重点指标完成情况统计表 (rectification-summary.md 10.2) from a known ledger on 2026-11-28 — each
 * indicator against a count made here from what the test entered — and the .xlsx read back (headers, one row per
 * branch and the 党委, values, the 说明 and 明细 sheets). Also the 评星定级 整改 indicator, now fed by the 整改台账.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempDir, type TestLedger } from '../support/ledger.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { bureau, member } from '../support/bureau.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';

const TODAY = '2026-11-28';

async function ledger(): Promise<TestLedger> {
  const c = await openLedgerContext(':memory:', fixedPlatform({ today: TODAY, dataDir: tempDir() }));
  return { ...c, call: ((name: string, input: unknown) => c.invoke(name, input)) as TestLedger['call'] };
}

async function meeting(l: TestLedger, orgId: string, type: string, heldOn: string) {
  const attendance = await l.call('activities/suggest-attendance', { orgId, type, heldOn });
  const host = attendance[0].memberName;
  return l.call('activities/create', { orgId, type, heldOn, startTime: '09:00', endTime: '10:00', attendance, hostName: host, recorderName: attendance[1]?.memberName ?? host, topic: '会议', speaker: host });
}

/** a development file through step 15 (支部大会接收预备党员) on 2026-03-01: the development tests' timeline, 15 months later */
const shift = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  const t = y * 12 + (m - 1) + 15;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
const TIMELINE: Record<number, string> = {
  1: '2023-03-01', 2: '2023-03-20', 3: '2023-09-05', 4: '2023-09-20', 5: '2023-09-20', 6: '2024-03-05', 7: '2024-09-10', 8: '2024-09-20',
  9: '2024-09-25', 10: '2024-10-20', 11: '2024-10-25', 12: '2024-11-05', 13: '2024-11-15', 14: '2024-11-20', 15: '2024-12-01',
};
async function admitted(l: TestLedger, branchId: string, introducers: string[]) {
  const { id } = await l.call('development/create', { name: '赵晓东', idNumber: makeIdNumber('370102', '1998-04-12', 21, true), branchId, workUnit: '刑侦大队', position: '侦查员', applicationDate: shift(TIMELINE[1]) });
  const details = (s: number) =>
    s === 6 ? { assessments: [shift('2024-03-05'), shift('2024-09-05')] }
    : s === 9 ? { introducers: introducers.map((memberId) => ({ memberId, name: '?' })) }
    : s === 10 ? { conclusion: '政治审查合格' }
    : s === 11 ? { trainingDays: 3, trainingHours: 24 }
    : s === 15 ? { meeting: { due: 16, present: 14, for: 13 } }
    : {};
  for (let s = 2; s <= 15; s++) await l.call('development/record-step', { fileId: id, step: s, date: shift(TIMELINE[s]), details: details(s), documents: [] });
  return shift(TIMELINE[15]);
}

const rect = (l: TestLedger, ownerUnit: string, dueOn: string | null, raisedOn = '2026-02-01') =>
  l.call('rectification/add', { source: '党建工作检查', title: `${ownerUnit}的问题`, measure: '整改', ownerUnit, owner: '张三', dueOn, raisedOn });
async function close(l: TestLedger, id: string, on: string) {
  await l.call('attachments/add', { entity: 'rect_items', entityId: id, fileName: '佐证.txt', contentBase64: Buffer.from('佐证').toString('base64') });
  await l.call('rectification/close', { id, closedOn: on, acceptedBy: '李四' });
}

/** two branches: 刑侦大队 (term to 2028, two members) and 治安大队 (term due 2023, one member) */
async function known() {
  const l = await ledger();
  const bu = await bureau(l, { branches: [{ termStartOn: '2025-03-01' }, { termStartOn: '2020-01-01' }] });
  const [a, b] = bu.branchIds;
  const m = [await member(l, a, { name: '甲', birthDate: '1980-05-05', joinDate: '2005-07-01', fullDate: '2006-07-01' }), await member(l, a, { name: '乙', birthDate: '1981-05-05', joinDate: '2005-07-01', fullDate: '2006-07-01' })];
  const c = await member(l, b, { name: '丙' });
  return { l, a, b, m, c };
}

const rowOf = async (l: TestLedger, org: string) => (await l.call('stats/secretary-indicators', { year: 2026 })).rows.find((r) => r.org === org)!;

describe('基层组织建设重点指标完成情况统计表', () => {
  it('each indicator per branch and for the 党委, from what the ledger holds', { timeout: 60_000 }, async () => {
    const { l, a, b, m, c } = await known();
    // 三会一课: 支部党员大会 in Q1, 党课 in Q1; 主题党日 in January and May; 组织生活会 in November
    await meeting(l, a, '支部党员大会', '2026-02-15');
    await meeting(l, a, '党课', '2026-03-10');
    await meeting(l, a, '主题党日', '2026-01-20');
    await meeting(l, a, '主题党日', '2026-05-12');
    await meeting(l, a, '组织生活会', '2026-11-10');
    // 民主评议 in 刑侦大队 only
    const ratings = m.map((x) => ({ memberId: x.id, grade: '合格' as const, tookPart: true, absenceReason: null, problems: null }));
    await l.call('evaluation/save', { year: 2026, branchId: a, heldOn: '2026-11-16', note: null, ratings, ballotsIssued: null, ballotsReturned: null, ballotsInvalid: null, ballotsBlank: null });
    // 党费: 甲 pays January to October, 乙 and 丙 nothing
    await l.call('dues/assess-save', { year: 2026, entries: [...m, c].map((x) => ({ memberId: x.id, baseFen: 500_000 })) });
    const monthly = 5000; // 1% of a 5,000 元 monthly base (the national brackets: over 3,000 up to 5,000 元)
    for (let i = 1; i <= 10; i++) {
      const mo = `2026-${String(i).padStart(2, '0')}`;
      await l.call('dues/pay', { memberId: m[0].id, months: [mo], paidOn: `${mo}-10`, method: '现金' });
    }
    // 学时: 甲 has 32
    await l.call('hours/add-training', { memberId: m[0].id, kind: '网络培训', startOn: '2026-06-10', hours: 32, title: '网络专题培训' });
    // 发展党员: one admitted in 刑侦大队 on 2026-03-01
    const admittedOn = await admitted(l, a, [m[0].id, m[1].id]);
    // 整改: 刑侦大队 three (closed on time, overdue, not yet due), 治安大队 one typed without 党支部 (closed late),
    // the 党委办公室 one, and one closed in 2025 (not of this year)
    const r1 = await rect(l, '刑侦大队党支部', '2026-06-30');
    await close(l, r1.id, '2026-06-20');
    await rect(l, '刑侦大队党支部', '2026-10-31');
    await rect(l, '刑侦大队党支部', '2026-12-31');
    const r4 = await rect(l, '治安大队', '2026-04-30');
    await close(l, r4.id, '2026-05-10');
    await rect(l, '党委办公室', '2026-12-31');
    const r6 = await rect(l, '刑侦大队党支部', '2025-06-30', '2025-03-01');
    await close(l, r6.id, '2025-06-01');

    const s = await l.call('stats/secretary-indicators', { year: 2026 });
    expect(s.asOf).toBe(TODAY);
    expect(s.rows.map((r) => [r.org, r.kind])).toEqual([['刑侦大队党支部', '党支部'], ['治安大队党支部', '党支部'], ['中共测试分局委员会', '党委']]);
    const [ra, rb, rc] = s.rows;
    // 三会一课: 支部委员会 January–October (10) + 支部党员大会 and 党课 Q1–Q3 (3 + 3) are over; 2 held on time
    expect(ra).toMatchObject({ meetingsDue: 16, meetingsHeld: 2, meetingsRate: 12.5 });
    expect(rb).toMatchObject({ meetingsDue: 16, meetingsHeld: 0, meetingsRate: 0 });
    // 主题党日: January–October are over; 2 held
    expect(ra).toMatchObject({ themeDue: 10, themeHeld: 2 });
    expect(ra.notes.themeDays).toContain('2月、3月、4月、6月、7月、8月、9月、10月未开展');
    expect([ra.lifeMeeting, rb.lifeMeeting]).toEqual(['已召开', '待召开']);
    expect([ra.evaluation, rb.evaluation]).toEqual(['已开展', '未开展']);
    expect(ra).toMatchObject({ developmentPlan: '未录入', developmentDone: 1 });
    expect(ra.notes.development).toContain(`赵晓东（${admittedOn}）`);
    expect(rb.developmentDone).toBe(0);
    // 党费: months January–November are due (the as-of month counts); 甲 paid 10 of them
    expect(ra).toMatchObject({ duesDueFen: 2 * 11 * monthly, duesPaidFen: 10 * monthly, duesRate: Math.round((10 / 22) * 1000) / 10 });
    expect(rb).toMatchObject({ duesDueFen: 11 * monthly, duesPaidFen: 0, duesRate: 0 });
    expect([ra.term, rb.term]).toEqual(['按期', '未按期']);
    expect(rb.notes.term).toContain('应于2023-01-01换届');
    // 甲, 乙 and the new 预备党员 赵晓东 (on the roster from the 支部大会) count for 学时; 甲 alone has them
    expect(ra).toMatchObject({ hoursMembers: 3, hoursMet: 1, hoursRate: 33.3 });
    expect(ra).toMatchObject({ rectItems: 3, rectClosed: 1, rectOverdue: 1, rectRate: 33.3 });
    expect(rb).toMatchObject({ rectItems: 1, rectClosed: 1, rectOverdue: 0, rectRate: 100 });
    // the 党委: branches added up; 整改 is every item of the year (the 党委办公室's too)
    expect(rc).toMatchObject({
      meetingsDue: 32, meetingsHeld: 2, themeDue: 20, themeHeld: 2, lifeMeeting: '1/2 个支部已召开', evaluation: '1/2 个支部已开展', developmentDone: 1,
      duesDueFen: 3 * 11 * monthly, duesPaidFen: 10 * monthly, term: '1/2 个支部按期', hoursMembers: 4, hoursMet: 1, rectItems: 5, rectClosed: 2, rectOverdue: 1, rectRate: 40,
    });
    for (const r of s.rows) for (const k of Object.keys(r.notes)) expect((r.notes as Record<string, string>)[k], `${r.org} ${k}`).toBeTruthy();
    expect(s.missing).toEqual(['发展党员计划数：台账中没有登记发展计划，表中标“未录入”']);
  });

  it('the .xlsx: the headers, one row per branch and the 党委, the values; 说明 and 明细', { timeout: 60_000 }, async () => {
    const { l, a } = await known();
    await meeting(l, a, '主题党日', '2026-01-20');
    const r1 = await rect(l, '刑侦大队党支部', '2026-06-30');
    await close(l, r1.id, '2026-06-20');
    const f = await l.call('stats/export-secretary-indicators', { year: 2026 });
    expect(f.fileName).toBe('2026年度基层组织建设重点指标完成情况统计表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['统计表', '说明', '明细']);
    const ws = wb.getWorksheet('统计表')!;
    expect(ws.getCell('A1').value).toBe('2026年度基层组织建设重点指标完成情况统计表');
    expect(String(ws.getCell('A2').value)).toContain('统计截至：2026年11月28日');
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(['序号', '党组织', '三会一课应开展项数', '三会一课按期开展项数', '三会一课完成率', '主题党日应开展月数', '主题党日已开展月数', '组织生活会', '民主评议党员', '发展党员计划数', '发展党员完成数', '党费收缴率', '按期换届', '学时达标率', '整改事项条数', '已销号条数', '整改销号率', '超期未销号条数']);
    const col = (h: string) => headers.indexOf(h) + 1;
    const rows = [4, 5, 6].map((n) => ws.getRow(n));
    const v = (r: ExcelJS.Row, h: string) => { const x = r.getCell(col(h)).value; return typeof x === 'string' ? x.replace(/\n/g, '') : x; };
    expect(rows.map((r) => r.getCell(2).value)).toEqual(['刑侦大队党支部', '治安大队党支部', '中共测试分局委员会']);
    expect(v(rows[0], '主题党日已开展月数')).toBe(1);
    expect(v(rows[0], '主题党日应开展月数')).toBe(10);
    expect(v(rows[0], '发展党员计划数')).toBe('未录入');
    expect(v(rows[1], '按期换届')).toBe('未按期');
    expect(v(rows[2], '按期换届')).toBe('1/2 个支部按期');
    expect(v(rows[0], '整改销号率')).toBe(100);
    expect(v(rows[2], '整改事项条数')).toBe(1);
    const explain = wb.getWorksheet('说明')!;
    const names = [4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => String(explain.getRow(n).getCell(2).value).replace(/\n/g, ''));
    expect(names).toEqual(['三会一课', '主题党日', '组织生活会', '民主评议党员', '发展党员', '党费收缴率', '按期换届', '学时达标率', '整改销号率']);
    const detail = wb.getWorksheet('明细')!;
    const lines: string[] = [];
    detail.eachRow((r, n) => n > 3 && lines.push((r.values as unknown[]).slice(1).map((x) => String(x).replace(/\n/g, '')).join('|')));
    expect(lines).toHaveLength(3 * 9);
    expect(lines).toContain('刑侦大队党支部|整改销号率|1/1（100%）|责任单位为本支部的整改事项 1 条，已销号 1 条');
    expect(lines.find((x) => x.startsWith('刑侦大队党支部|发展党员|'))).toContain('计划数未录入');
  });
});

describe('评星定级 整改 indicator from the 整改台账', () => {
  const line = async (l: TestLedger, branchId: string) => (await l.call('stars/sheet', { year: 2026, branchId })).lines.find((x) => x.key === 'rectification')!;

  it('closed on time of the items due or closed; none: full marks; it is no longer scored by hand', { timeout: 60_000 }, async () => {
    const { l, a, b } = await known();
    expect(await line(l, a)).toMatchObject({ points: 5, pending: false, source: 'rectification', sourceLabel: '整改事项按时销号率（整改台账）', fact: '整改台账中没有责任单位为本支部的整改事项，按满分计' });
    const r1 = await rect(l, '刑侦大队党支部', '2026-06-30');
    await close(l, r1.id, '2026-06-20');
    await rect(l, '刑侦大队党支部', '2026-10-31');
    await rect(l, '刑侦大队党支部', '2026-12-31');
    const r4 = await rect(l, '治安大队', '2026-04-30');
    await close(l, r4.id, '2026-05-10');
    // 刑侦大队: of 2 due or closed, 1 closed on time → 2.5 of 5
    expect(await line(l, a)).toMatchObject({ points: 2.5, fact: '责任单位为本支部的整改事项 3 条，已销号 1 条（按时 1 条），超期未销号 1 条，未到时限 1 条；到期或已销号 2 条中按时销号 1 条（50%）' });
    // 治安大队: its one item was closed after the 时限 → 0
    expect(await line(l, b)).toMatchObject({ points: 0, fact: expect.stringContaining('逾期销号 1 条') });
    const e = await l.call('stars/save-entry', { year: 2026, branchId: a, kind: 'indicator', itemKey: 'rectification', points: 5, evidence: 'x' }).catch((x: Error) => x);
    expect((e as Error).message).toBe('“整改落实”由台账自动计分，不能手工评分');
  });
});
