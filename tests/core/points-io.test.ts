/** 党员积分 documents and command line: the month's 登记表 and the 公示表 read back, `party-ledger points` and `export points`. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { failure, tempDir, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';

async function meeting(l: TestLedger, orgId: string, heldOn: string, type: string) {
  const attendance = await l.call('activities/suggest-attendance', { orgId, type, heldOn });
  const host = attendance[0].memberName;
  return l.call('activities/create', { orgId, type, heldOn, startTime: null, endTime: null, attendance, hostName: host, recorderName: host, topic: `${type}${heldOn}`, speaker: host });
}

async function ledger(file = ':memory:') {
  const l = await testLedger({ today: '2026-11-28', file });
  const { branches } = await bureau(l, { branches: [{ establishedOn: '2000-01-01', termStartOn: null }, { establishedOn: '2000-01-01', termStartOn: null }] });
  const a = await member(l, branches[0].id, { name: '张文华', joinDate: '2010-05-01', fullDate: '2011-05-01' });
  const b = await member(l, branches[0].id, { name: '李娜', partyStatus: '预备', joinDate: '2026-01-10', fullDate: null });
  const c = await member(l, branches[1].id, { name: '王强', joinDate: '2012-05-01', fullDate: '2013-05-01' });
  await meeting(l, branches[0].id, '2026-02-10', '党课');
  await meeting(l, branches[0].id, '2026-03-10', '党课');
  await meeting(l, branches[0].id, '2026-03-20', '主题党日');
  await l.call('points/add-entry', { memberId: a.id, itemKey: 'honour', onDate: '2026-03-08', reason: '获个人嘉奖', approval: { approvedOn: '2026-03-25', approvalRef: '3月支部委员会' } });
  await l.call('points/add-entry', { memberId: b.id, itemKey: 'service', onDate: '2026-03-15', reason: '社区志愿服务' });
  return { l, branches, a, b, c };
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow((r) => out.push((r.values as ExcelJS.CellValue[]).slice(1)));
  return out;
};

describe('党员积分登记表 and 公示表', () => {
  it('the month\'s lines with sources, signature and check columns; the 公示表 to the month\'s end by group, with ranks', async () => {
    const { l, branches } = await ledger();
    const f = await l.call('points/export', { year: 2026, month: 3, branch: branches[0].name });
    expect(f.fileName).toBe(`2026年3月${branches[0].name}党员积分登记表及公示表.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['积分登记表', '积分公示表']);
    const reg = rowsOf(wb.worksheets[0]);
    expect(reg[0][0]).toBe(`${branches[0].name}党员积分登记表`);
    const header = reg.find((r) => r[0] === '序号')!;
    expect(header).toEqual(['序号', '姓名', '身份', '本月积分事项（项目、分值、来源）', '本月加分', '本月减分', '本月得分', '累计积分', '本人签字', '党小组组长核对', '备注']);
    const zhang = reg.find((r) => r[1] === '张文华')!;
    // March: 党课 +3, 主题党日 +2, 嘉奖 +5; to the month's end also February's 党课: 60 + 3 + 3 + 2 + 5
    expect(zhang.slice(4, 8)).toEqual([10, 0, 10, 73]);
    expect(String(zhang[3])).toContain('受到表彰奖励 +5：获个人嘉奖；支委会审核：2026-03-25 3月支部委员会');
    expect(String(zhang[3])).toContain('参加三会一课 +3：03-10');
    expect(String(zhang[3])).toContain('参加主题党日 +2：03-20');
    expect(String(zhang[3])).not.toContain('02-10');
    const li = reg.find((r) => r[1] === '李娜')!;
    expect(li[2]).toBe('预备党员');
    expect(String(li[3])).toContain('志愿服务、急难险重任务 +2（未审核，不计分）');
    expect(li[10]).toBe('1 项未经支委会审核');
    expect(reg.flat().join('')).not.toContain('王强');
    expect(reg.flat().join('')).toContain('出处未核实');
    const notice = rowsOf(wb.worksheets[1]);
    expect(notice.find((r) => r[0] === '序号')).toEqual(['序号', '姓名', '基础分', '学习', '组织生活', '党费', '作用发挥', '纪律', '累计积分', '支部排名', '备注']);
    expect(notice.find((r) => r[1] === '张文华')!.slice(2, 10)).toEqual([60, 0, 8, 0, 5, 0, 73, 1]);
    expect(notice.find((r) => r[1] === '李娜')!.slice(2, 11)).toEqual([60, 0, 8, 0, 0, 0, 68, 2, '预备党员']);
    expect((await failure(l.call('points/export', { year: 2026, month: 3 }))).field).toBe('branch');
  });
});

describe('party-ledger points', () => {
  const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });

  it('--json: members with totals, ranks and every line\'s source; --branch narrows; export points writes the workbook', { timeout: 120_000 }, async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const { l, branches } = await ledger(db);
    await l.close();
    const r = cli(['points', '--year', '2026', '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const y = JSON.parse(r.stdout) as { scheme: { example: boolean; verified: boolean; base: number }; members: { name: string; total: number; rankInBranch: number; rankInBureau: number; pending: number; lines: { item: string; awarded: number; counted: boolean; source: { kind: string; text: string } }[] }[] };
    expect(y.scheme).toMatchObject({ example: true, verified: false, base: 60 });
    expect(y.members.map((m) => [m.name, m.total, m.rankInBranch, m.rankInBureau])).toEqual([['张文华', 73, 1, 1], ['李娜', 68, 2, 2], ['王强', 60, 1, 3]]);
    const zhang = y.members[0];
    expect(zhang.lines.map((x) => x.source.kind)).toEqual(['meeting', 'entry', 'meeting', 'meeting']);
    expect(y.members[1]).toMatchObject({ pending: 1 });
    const one = JSON.parse(cli(['points', '--year', '2026', '--branch', branches[1].name, '--db', db, '--json']).stdout) as { members: { name: string; rankInBureau: number }[] };
    expect(one.members).toEqual([expect.objectContaining({ name: '王强', rankInBureau: 3 })]);
    const bad = cli(['points', '--year', '2026', '--branch', '没有这个支部', '--db', db, '--json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('没有名为“没有这个支部”的党支部');
    const out = path.join(tempDir(), 'p.xlsx');
    const e = cli(['export', 'points', '--year', '2026', '--month', '03', '--branch', branches[0].name, '--out', out, '--db', db]);
    expect(e.stderr).toBe('');
    expect(e.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['积分登记表', '积分公示表']);
  });
});
