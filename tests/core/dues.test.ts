import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau as makeBureau, member as addMember, memberInput, type MemberFields } from '../support/bureau.ts';
import { lastPaidMonth } from '../../core/dues/queries.ts';
import { raisedShortfall } from '../../core/dues/collect.ts';
import { newWorkbook, workbookBytes } from '../../templates/xlsx-sheet.ts';
import { docxText, zipPart } from '../support/ledger.ts';

async function bureau(today = '2026-11-28') {
  const l = await testLedger({ today });
  const { rootId, branchIds: [branchId, branch2] } = await makeBureau(l, { branches: 2 });
  const member = (name: string, over: Partial<MemberFields> = {}, b = branchId) => addMember(l, b, { name, ...over });
  return { l, rootId, branchId, branch2, member };
}

const police = { 职务工资: 180000, 级别工资: 150000, 工作性津贴: 220000, 生活性补贴: 80000, 警衔津贴: 60000, 公安值勤岗位津贴: 40000, 加班补贴: 30000, 个人所得税: 12000, 养老保险: 48000, 医疗保险: 12000, 职业年金: 24000, 住房公积金: 60000 };

async function assess(l: TestLedger, year: number, memberId: string, baseFen: number, extra: Record<string, unknown> = {}) {
  return l.call('dues/assess-save', { year, entries: [{ memberId, baseFen, ...extra }] });
}

describe('dues: annual assessment', () => {
  it('computes the base from the pay-item table (2017 exclusions, police items per setting) and logs who fixed it', async () => {
    const { l, member } = await bureau();
    const m = await member('张三');
    const [a] = await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, items: police }] });
    // 1800+1500+2200+800 − 120−480−120−240−600 = 4740.00; 警衔津贴, 值勤岗位津贴, 加班补贴 not counted
    expect(a).toMatchObject({ baseFen: 474000, rateBasisPoints: 100, monthlyDueFen: 4740, category: '在职', fromMonth: '2026-01', fixedBy: '测试', fixedOn: '2026-11-28', rounding: 'fen' });
    expect(a.items.警衔津贴).toBe(60000);

    // the 分局党委 decides 警衔津贴 counts: 5340.00 → 1.5% → 80.10
    const { settings } = await l.call('dues/settings', {});
    await l.call('dues/settings-save', { payItems: settings.payItems.map((i) => (i.name === '警衔津贴' ? { ...i, include: true } : i)) });
    const [b] = await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, items: police }] });
    expect(b).toMatchObject({ id: a.id, baseFen: 534000, rateBasisPoints: 150, monthlyDueFen: 8010 });
    const log = await l.call('audit/log', {});
    expect(log.rows.map((r) => r.summary).join('\n')).toMatch(/核定张三 2026 年党费：在职，基数 5340.00 元，每月 80.10 元/);
    expect(log.rows.some((r) => r.entity === 'settings' && r.entityId === 'dues.settings')).toBe(true);
  });

  it('subtracts 企业年金 like 职业年金 and leaves out irregular bonuses for enterprise staff (2017 通知 item (2))', async () => {
    const { l, member } = await bureau();
    const m = await member('企业党员');
    const items = { 基本工资: 400000, 岗位工资: 200000, 经常性奖金: 100000, 非经常性奖金: 50000, 公务用车补贴: 30000, 物业费: 20000, 养老保险: 56000, 医疗保险: 14000, 失业保险: 3500, 住房公积金: 70000, 企业年金: 28000, 个人所得税: 20000 };
    const [a] = await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, items }] });
    // 4000+2000+1000 − 560−140−35−700−280−200 = 5085.00 → 1.5% → 76.275 → 76.28
    expect(a).toMatchObject({ baseFen: 508500, rateBasisPoints: 150, monthlyDueFen: 7628 });
    const { settings } = await l.call('dues/settings', {});
    expect(settings.payItems.filter((i) => ['企业年金', '公务用车补贴', '物业费'].includes(i.name)).map((i) => [i.name, i.kind, i.include])).toEqual([
      ['公务用车补贴', 'income', false],
      ['物业费', 'income', false],
      ['企业年金', 'deduction', true],
    ]);
  });

  it('applies rounding to 角 and the cap from the settings; fixed amounts by category; hardship needs the approval reference', async () => {
    const { l, member } = await bureau();
    const r = await member('退休老李', { category: '离退休' });
    const big = await member('高薪');
    const s = await member('学生党员', { category: '学生' });
    const h = await member('困难党员');
    await l.call('dues/settings-save', { rounding: 'jiao' });
    const [ra] = await assess(l, 2026, r.id, 387040);
    expect(ra.monthlyDueFen).toBe(1940);
    const [ba] = await assess(l, 2026, big.id, 6_000_000);
    expect(ba).toMatchObject({ monthlyDueFen: 100_000, capApplied: true });
    await l.call('dues/settings-save', { capEnabled: false });
    expect((await assess(l, 2026, big.id, 6_000_000))[0]).toMatchObject({ monthlyDueFen: 120_000, capApplied: false });
    const [sa] = await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: s.id }] });
    expect(sa).toMatchObject({ category: '学生', monthlyDueFen: 20, rateBasisPoints: null });
    const e = await failure(assess(l, 2026, h.id, 400000, { category: '困难减免' }));
    expect(e.message).toMatch(/困难党员：困难减免须经党支部研究、上级党委批准/);
    const [ha] = await assess(l, 2026, h.id, 400000, { category: '困难减免', hardshipRef: '临江分局党委〔2026〕3号', reducedFen: 0 });
    expect(ha).toMatchObject({ monthlyDueFen: 0, hardshipRef: '临江分局党委〔2026〕3号' });
    expect((await failure(assess(l, 2026, r.id, 0, { baseFen: undefined, category: '在职' }))).message).toMatch(/计算基数/);
  });

  it('a 困难减免 amount must be less than what the member would owe under the rules (少交或免交)', async () => {
    const { l, member } = await bureau();
    const h = await member('困难在职');
    const r = await member('困难退休', { category: '离退休' });
    const ref = { category: '困难减免' as const, hardshipRef: '党委批复〔2026〕2号' };
    // in service, base 4000.00 → 40.00 normally: 40.00 is not a reduction
    const e = await failure(assess(l, 2026, h.id, 400000, { ...ref, reducedFen: 4000 }));
    expect(e.field).toBe('reducedFen');
    expect(e.message).toMatch(/困难在职：减免后金额 40.00 元应低于按规定应缴的 40.00 元/);
    expect((await assess(l, 2026, h.id, 400000, { ...ref, reducedFen: 2000 }))[0].monthlyDueFen).toBe(2000);
    // retired: the 党支部 decides (组电明字〔2017〕5号), no upper approval is named
    const noRef = await failure(assess(l, 2026, r.id, 400000, { category: '困难减免', reducedFen: 0 }));
    expect(noRef.field).toBe('hardshipRef');
    expect(noRef.message).toMatch(/困难退休：离退休党员确有困难的，经党支部研究可以少交或免交/);
    expect(noRef.message).not.toMatch(/上级党委批准/);
    // retired, base 4000.00 → 20.00 normally (retiree brackets)
    expect((await failure(assess(l, 2026, r.id, 400000, { ...ref, reducedFen: 2500 }))).message).toMatch(/应低于按规定应缴的 20.00 元/);
    expect((await assess(l, 2026, r.id, 400000, { ...ref, reducedFen: 1000 }))[0].monthlyDueFen).toBe(1000);
  });

  it('fixes the standard for the year; a mid-year change only under the follow-salary policy, from the month of the new pay', async () => {
    const { l, member } = await bureau();
    const m = await member('王五');
    await assess(l, 2026, m.id, 480000);
    const e = await failure(assess(l, 2026, m.id, 520000, { fromMonth: '2026-07', reason: '7 月起调资' }));
    expect(e.message).toMatch(/年初核定、年内一般不作调整/);
    await l.call('dues/settings-save', { fixPolicy: 'follow-salary' });
    expect((await failure(assess(l, 2026, m.id, 520000, { fromMonth: '2026-07' }))).field).toBe('reason');
    await assess(l, 2026, m.id, 520000, { fromMonth: '2026-07', reason: '7 月起调资' });
    const grid = await l.call('dues/collection-grid', { branchId: m.branchId, year: 2026 });
    const row = grid.rows.find((r) => r.memberId === m.id)!;
    expect(row.cells[5].dueFen).toBe(4800);
    expect(row.cells[6].dueFen).toBe(7800);
    expect(row.dueTotalFen).toBe(6 * 4800 + 6 * 7800);
  });

  it('after a prepayment, a raised standard leaves a difference to pay at the next payment (P13)', async () => {
    const { l, member, branchId } = await bureau('2026-10-20');
    const m = await member('预交后调资');
    await l.call('dues/settings-save', { fixPolicy: 'follow-salary' });
    await assess(l, 2026, m.id, 400000); // 40.00
    await l.call('dues/pay', { memberId: m.id, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], paidOn: '2026-01-05', method: '现金', payKind: '预交' });
    await l.call('dues/pay', { memberId: m.id, months: ['2026-07', '2026-08', '2026-09'], paidOn: '2026-06-05', method: '现金', payKind: '预交' });
    await assess(l, 2026, m.id, 500000, { fromMonth: '2026-07', reason: '7 月起调资' }); // 50.00 from July
    const short = async () => raisedShortfall((await l.call('dues/collection-grid', { branchId, year: 2026 })).rows[0]);
    expect(await short()).toEqual({ shortFen: 3 * 1000, months: ['2026-07', '2026-08', '2026-09'] });
    const audit = async () => docxText(await zipPart(Buffer.from((await l.call('dues/export-audit', { year: 2026, date: '2026-10-20' })).contentBase64, 'base64'), 'word/document.xml'));
    expect(await audit()).toContain('预交后调资2026年7月至2026年9月按原标准缴纳，按现行标准尚差30.00元，应在下次缴纳党费时补交');
    // the next payment carries the difference
    await l.call('dues/pay', { memberId: m.id, months: ['2026-10'], paidOn: '2026-10-08', method: '现金', amountFen: 5000 + 3000, reason: '含 7–9 月调资差额 30.00 元' });
    expect((await short()).shortFen).toBe(0);
    expect(await audit()).not.toContain('按现行标准尚差');
  });

  it('approves a branch-year, and a changed standard needs approval again', async () => {
    const { l, member, branchId } = await bureau();
    const m = await member('赵六');
    await assess(l, 2026, m.id, 480000);
    expect(await l.call('dues/assess-approve', { year: 2026, branchId, approvedBy: '分局党委', approvedOn: '2026-01-10' })).toEqual({ approved: 1 });
    let g = await l.call('dues/assessment-grid', { year: 2026, branchId });
    expect(g[0].standards[0]).toMatchObject({ approvedBy: '分局党委', approvedOn: '2026-01-10' });
    await assess(l, 2026, m.id, 490000);
    g = await l.call('dues/assessment-grid', { year: 2026, branchId });
    expect(g[0].standards[0].approvedOn).toBeNull();
  });

  it('carries last year forward and lists members with nothing to go on', async () => {
    const { l, member } = await bureau();
    const a = await member('甲');
    const b = await member('乙');
    await member('丙', { category: '下岗失业' });
    await l.call('dues/assess-save', { year: 2025, entries: [{ memberId: a.id, items: police }, { memberId: b.id, baseFen: 1_050_000 }] });
    const r = await l.call('dues/assess-carry', { year: 2026 });
    expect(r).toMatchObject({ created: 3, existing: 0, missing: [] });
    const g = await l.call('dues/assessment-grid', { year: 2026 });
    expect(g.map((x) => [x.name, x.standards[0]?.monthlyDueFen])).toEqual([['甲', 4740], ['乙', 21000], ['丙', 20]]);
    await member('丁');
    expect((await l.call('dues/assess-carry', { year: 2026 })).missing.map((x) => x.name)).toEqual(['丁']);
  });

  it('imports bases from a workbook, all or nothing', async () => {
    const { l, member } = await bureau();
    const a = await member('孙七');
    const b = await member('周八');
    const wb = newWorkbook();
    const ws = wb.addWorksheet('核定');
    ws.addRow(['序号', '姓名', '公民身份号码', '职务工资', '级别工资', '工作性津贴', '生活性补贴', '个人所得税', '养老保险', '计算基数']);
    // The workbook carries full numbers; members/create answers with the masked one.
    const fullId = async (m: { id: string }) => (await l.call('members/reveal-id', { id: m.id })).idNumber;
    ws.addRow([1, '孙七', await fullId(a), 1800, 1500, 2200, 800, 120, 480, null]);
    ws.addRow([2, '周八', await fullId(b), null, null, null, null, null, null, '10000.01']);
    ws.addRow([3, '不存在', null, null, null, null, null, null, null, 5000]);
    const file = (bytes: Uint8Array) => ({ fileName: 'bases.xlsx', contentBase64: Buffer.from(bytes).toString('base64') });
    let r = await l.call('dues/assess-import', { year: 2026, ...file(await workbookBytes(wb)), commit: true });
    expect(r).toMatchObject({ validCount: 2, invalidCount: 1, written: false });
    expect(r.rows[2].problem).toMatch(/不在花名册中/);
    ws.spliceRows(4, 1);
    r = await l.call('dues/assess-import', { year: 2026, ...file(await workbookBytes(wb)), commit: true });
    expect(r.written).toBe(true);
    expect(r.rows.map((x) => [x.name, x.baseFen, x.monthlyDueFen])).toEqual([['孙七', 570000, 8550], ['周八', 1_000_001, 20000]]);
  });
});

describe('dues: monthly collection', () => {
  it('records months at the standard; a different amount needs a reason; 代缴 needs the payer', async () => {
    const { l, member, branchId } = await bureau();
    const m = await member('张三');
    await assess(l, 2026, m.id, 510000);
    const ps = await l.call('dues/pay', { memberId: m.id, months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-03-05', method: '现金', payKind: '按季', receiptNo: 'No.001' });
    expect(ps.map((p) => [p.month, p.dueFen, p.paidFen])).toEqual([['2026-01', 7650, 7650], ['2026-02', 7650, 7650], ['2026-03', 7650, 7650]]);
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-04'], paidOn: '2026-04-05', method: '现金', amountFen: 7000 }))).field).toBe('reason');
    await l.call('dues/pay', { memberId: m.id, months: ['2026-04'], paidOn: '2026-04-05', method: '现金', amountFen: 8000, reason: '自愿多交' });
    // 1000 元 or more over the standard at once is 大额党费, not a monthly payment
    const large = await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-05'], paidOn: '2026-05-05', method: '现金', amountFen: 7650 + 100_000, reason: '自愿' }));
    expect(large.message).toMatch(/按大额党费办理：全部上缴中央/);
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-05'], paidOn: '2026-05-05', method: '代缴' }))).field).toBe('payerName');
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-04'], paidOn: '2026-05-05', method: '现金' }))).message).toMatch(/已登记/);
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-12'], paidOn: '2026-12-05', method: '现金' }))).message).toMatch(/晚于今天/);
    const g = await l.call('dues/collection-grid', { branchId, year: 2026 });
    expect(g.rows[0].paidTotalFen).toBe(3 * 7650 + 8000);
    expect(g.months[0]).toMatchObject({ owedCount: 1, paidCount: 1, dueFen: 7650, paidFen: 7650 });
    expect(await lastPaidMonth(l.ctx.db, m.id)).toBe('2026-04');
  });

  it('limits 补交 and 预交 to 6 months unless the branch consent is recorded', async () => {
    const { l, member } = await bureau();
    const m = await member('李四');
    await assess(l, 2025, m.id, 400000);
    await assess(l, 2026, m.id, 400000);
    // paid in 2026-11: 2026-05 is 6 months back (allowed), 2026-04 is 7 (needs consent)
    await l.call('dues/pay', { memberId: m.id, months: ['2026-05'], paidOn: '2026-11-20', method: '现金', payKind: '补交' });
    const e = await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-04'], paidOn: '2026-11-20', method: '现金', payKind: '补交' }));
    expect(e.field).toBe('consentRef');
    await l.call('dues/pay', { memberId: m.id, months: ['2025-12', '2026-04'], paidOn: '2026-11-20', method: '现金', payKind: '补交', consentRef: '支部委员会 2026-11-18 会议同意' });
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-10'], paidOn: '2026-11-20', method: '现金', payKind: '预交' }))).message).toMatch(/不是预交/);
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-11'], paidOn: '2026-11-20', method: '现金', payKind: '预交' }))).message).toMatch(/不是预交/);
    // a new standard must exist before prepaying into the next year
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2027-01'], paidOn: '2026-11-20', method: '现金', payKind: '预交' }))).message).toMatch(/尚未核定 2027 年/);
    await assess(l, 2027, m.id, 400000);
    await l.call('dues/pay', { memberId: m.id, months: ['2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05'], paidOn: '2026-11-20', method: '现金', payKind: '预交' });
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2027-06'], paidOn: '2026-11-20', method: '现金', payKind: '预交' }))).message).toMatch(/超过 6 个月/);
  });

  it('treats a voluntary extra of 1000 元 or more in one payment as 大额党费 even when it is spread over several months', async () => {
    const { l, member } = await bureau();
    const m = await member('多交者');
    await assess(l, 2026, m.id, 400000); // 40.00 a month
    // three months at 440.00 each: 1200.00 more than the standard, paid at once (一次性自愿多缴纳 1000 元以上)
    const e = await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-03-05', method: '现金', payKind: '按季', amountFen: 44000, reason: '自愿多交' }));
    expect(e.field).toBe('amountFen');
    expect(e.message).toMatch(/一次性自愿多交 1200.00 元，达到 1000 元的按大额党费办理/);
    // 300.00 more each over three months (900.00 in all) stays a voluntary monthly extra
    const ok = await l.call('dues/pay', { memberId: m.id, months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-03-05', method: '现金', payKind: '按季', amountFen: 34000, reason: '自愿多交' });
    expect(ok.map((p) => p.paidFen)).toEqual([34000, 34000, 34000]);
  });

  it('allows 预交 up to 6 months ahead as it allows 补交 up to 6 months back; the 7th needs the branch consent', async () => {
    const { l, member } = await bureau('2026-03-15');
    const m = await member('预交者');
    await assess(l, 2025, m.id, 400000);
    await assess(l, 2026, m.id, 400000);
    // paid in 2026-03: 2025-09 is 6 months back, 2026-09 is 6 months ahead ("预交或补交党费的时间一般不得超过6个月")
    await l.call('dues/pay', { memberId: m.id, months: ['2025-09'], paidOn: '2026-03-10', method: '现金', payKind: '补交' });
    const ahead = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
    expect((await l.call('dues/pay', { memberId: m.id, months: ahead, paidOn: '2026-03-10', method: '现金', payKind: '预交' })).map((p) => p.month)).toEqual(ahead);
    const late = await failure(l.call('dues/pay', { memberId: m.id, months: ['2025-08'], paidOn: '2026-03-10', method: '现金', payKind: '补交' }));
    expect(late.field).toBe('consentRef');
    const early = await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-10'], paidOn: '2026-03-10', method: '现金', payKind: '预交' }));
    expect(early.field).toBe('consentRef');
    expect(early.message).toMatch(/预交到2026年10月超过 6 个月/);
  });

  it('refuses months before the 支部大会 admission and after a transfer out', async () => {
    const { l, member } = await bureau();
    const p = await member('预备甲', { joinDate: '2026-05-20', fullDate: null, partyStatus: '预备' });
    await assess(l, 2026, p.id, 400000);
    const g = await l.call('dues/assessment-grid', { year: 2026 });
    expect(g.find((x) => x.memberId === p.id)).toMatchObject({ owedFrom: '2026-05' });
    expect((await failure(l.call('dues/pay', { memberId: p.id, months: ['2026-04'], paidOn: '2026-05-25', method: '现金' }))).message).toMatch(/自2026年5月起缴纳党费/);
    await l.call('dues/pay', { memberId: p.id, months: ['2026-05'], paidOn: '2026-05-25', method: '现金' });
    await l.call('members/leave', { id: p.id, leftType: '转出', leftDate: '2026-08-15' });
    await l.call('dues/pay', { memberId: p.id, months: ['2026-06', '2026-07', '2026-08'], paidOn: '2026-08-10', method: '现金' });
    expect((await failure(l.call('dues/pay', { memberId: p.id, months: ['2026-09'], paidOn: '2026-08-10', method: '现金', payKind: '预交' }))).message).toMatch(/转出于 2026-08-15/);
    expect(await lastPaidMonth(l.ctx.db, p.id)).toBe('2026-08');
  });
});

describe('dues: arrears', () => {
  it('counts consecutive unpaid months across the year boundary, warns at 3 and flags 需支部研究 at 6, never touching the member', async () => {
    const { l, member } = await bureau('2026-11-28');
    const a = await member('欠三月');
    const b = await member('欠六月');
    const c = await member('按时');
    for (const m of [a, b, c]) {
      await assess(l, 2025, m.id, 300000, { fromMonth: '2025-07' });
      await assess(l, 2026, m.id, 300000);
    }
    await l.call('dues/pay', { memberId: a.id, months: ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'], paidOn: '2025-07-01', method: '现金', payKind: '预交' });
    await l.call('dues/pay', { memberId: b.id, months: ['2025-07', '2025-08', '2025-09'], paidOn: '2025-09-01', method: '现金' });
    await l.call('dues/pay', { memberId: c.id, months: ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'], paidOn: '2025-07-01', method: '现金', payKind: '预交' });
    await l.call('dues/pay', { memberId: c.id, months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-01-03', method: '现金', payKind: '按季' });

    // as of 2026-03: a owes Jan–Mar (3, warning), b owes 2025-10 … 2026-03 (6, critical), c nothing
    const r = await l.call('dues/arrears', { asOf: '2026-03' });
    expect(r.map((x) => [x.member, x.consecutiveUnpaidMonths, x.severity])).toEqual([['欠六月', 6, 'critical'], ['欠三月', 3, 'warning']]);
    expect(r[0].months).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(r[0].owedFen).toBe(6 * 1500);
    expect(r[0].action).toMatch(/需支部研究/);
    expect(r[0].lastPaidMonth).toBe('2025-09');
    // tracking starts at the first standard: nothing is claimed for 2025-06 and before
    expect((await l.call('dues/arrears', { asOf: '2025-09' })).length).toBe(0);
    // paying one month breaks the run
    await l.call('dues/pay', { memberId: a.id, months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-04-02', method: '现金', payKind: '补交' });
    expect((await l.call('dues/arrears', { asOf: '2026-03' })).map((x) => x.member)).toEqual(['欠六月']);
    const still = await l.call('members/get', { id: b.id });
    expect(still.leftType).toBeNull();
  });

  it('owes only the months of membership: 预备党员 from the 支部大会 month, transfer-out up to and including its month; exemptions are settled', async () => {
    const { l, member } = await bureau('2026-11-28');
    const p = await member('新预备', { joinDate: '2026-09-18', fullDate: null, partyStatus: '预备' });
    const t = await member('转出者');
    const h = await member('免交者');
    await assess(l, 2026, p.id, 300000);
    await assess(l, 2026, t.id, 300000);
    await assess(l, 2026, h.id, 300000, { category: '困难减免', hardshipRef: '党委批复〔2026〕1号' });
    await l.call('dues/pay', { memberId: t.id, months: ['2026-01', '2026-02', '2026-03', '2026-04'], paidOn: '2026-01-02', method: '现金', payKind: '预交' });
    await l.call('members/leave', { id: t.id, leftType: '转出', leftDate: '2026-06-10' });
    const r = await l.call('dues/arrears', { asOf: '2026-11' });
    expect(r.map((x) => [x.member, x.months])).toEqual([
      ['新预备', ['2026-09', '2026-10', '2026-11']],
      ['转出者', ['2026-05', '2026-06']],
    ]);
    await l.call('dues/settings-save', { probationStart: 'next-month' });
    expect((await l.call('dues/arrears', { asOf: '2026-11' })).find((x) => x.member === '新预备')!.months).toEqual(['2026-10', '2026-11']);
    const w = await l.call('dues/arrears', { asOf: '2026-11', minMonths: 3 });
    expect(w.map((x) => x.member)).toEqual([]);
  });
});

describe('dues: remittance and reconciliation', () => {
  it('reconciles due, collected, remitted and held per branch and for the committee, with differences', async () => {
    const { l, member, branchId, branch2, rootId } = await bureau();
    const a = await member('甲');
    const b = await member('乙');
    const c = await member('丙', {}, branch2);
    for (const m of [a, b, c]) await assess(l, 2026, m.id, 400000); // 40.00 a month
    for (const m of [a, b, c]) await l.call('dues/pay', { memberId: m.id, months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-03-01', method: '现金', payKind: '按季' });
    await l.call('dues/pay', { memberId: a.id, months: ['2026-04'], paidOn: '2026-04-01', method: '现金' });
    await l.call('dues/remit', { level: '支部', fromOrgId: branchId, periodFrom: '2026-01', periodTo: '2026-03', amountFen: 24000, remittedOn: '2026-04-08', voucherNo: 'P-01' });
    await l.call('dues/remit', { level: '支部', fromOrgId: branch2, periodFrom: '2026-01', periodTo: '2026-03', amountFen: 11000, remittedOn: '2026-04-08' });
    const up = await l.call('dues/remit', { level: '党委', fromOrgId: rootId, periodFrom: '2026-01', periodTo: '2026-03', amountFen: 35000, remittedOn: '2026-04-10' });
    expect(up.toName).toBe('机关工委');
    expect((await failure(l.call('dues/remit', { level: '党委', fromOrgId: branchId, periodFrom: '2026-01', periodTo: '2026-03', amountFen: 1, remittedOn: '2026-04-10' }))).field).toBe('fromOrgId');

    const q1 = await l.call('dues/reconcile', { from: '2026-01', to: '2026-03' });
    const byName = Object.fromEntries(q1.rows.map((r) => [r.orgName, r]));
    expect(byName['刑侦大队党支部']).toMatchObject({ dueFen: 24000, collectedFen: 24000, remittedFen: 24000, heldFen: 0, differenceFen: 0, problems: [] });
    expect(byName['治安大队党支部']).toMatchObject({ dueFen: 12000, collectedFen: 12000, remittedFen: 11000, heldFen: 1000, differenceFen: -1000, problems: ['少缴 10.00 元'] });
    expect(byName['中共测试分局委员会']).toMatchObject({ level: '党委', collectedFen: 35000, remittedFen: 35000, differenceFen: 0 });

    // a year across the boundary: Q2 is not yet remitted; April collected 40 of 120 due
    const q2 = await l.call('dues/reconcile', { from: '2026-04', to: '2026-06' });
    expect(q2.rows.find((r) => r.orgId === branchId)).toMatchObject({ dueFen: 2 * 3 * 4000, collectedFen: 4000, uncollectedFen: 4000 - 24000, heldFen: 4000, differenceFen: -4000 });

    // with a 20% ratio to the upper body
    await l.call('dues/settings-save', { committeeRemitRatioBp: 2000 });
    const r20 = await l.call('dues/reconcile', { from: '2026-01', to: '2026-03' });
    expect(r20.rows.at(-1)).toMatchObject({ expectedRemitFen: 7000, differenceFen: 28000, problems: ['多缴 280.00 元'] });
  });

  it('reconciles a period across the year boundary', async () => {
    const { l, member, branchId, rootId } = await bureau('2026-03-20');
    const a = await member('跨年甲');
    await assess(l, 2025, a.id, 300000, { fromMonth: '2025-11' }); // 15.00
    await assess(l, 2026, a.id, 500001); // 75.00 from January (whole-amount cliff)
    await l.call('dues/pay', { memberId: a.id, months: ['2025-11', '2025-12'], paidOn: '2025-12-05', method: '现金' });
    await l.call('dues/pay', { memberId: a.id, months: ['2026-01'], paidOn: '2026-01-05', method: '现金' });
    await l.call('dues/remit', { level: '支部', fromOrgId: branchId, periodFrom: '2025-11', periodTo: '2026-01', amountFen: 10500, remittedOn: '2026-02-10' });
    await l.call('dues/remit', { level: '党委', fromOrgId: rootId, periodFrom: '2025-11', periodTo: '2026-01', amountFen: 10000, remittedOn: '2026-02-15' });
    const r = await l.call('dues/reconcile', { from: '2025-11', to: '2026-02' });
    expect(r.rows.find((x) => x.orgId === branchId)).toMatchObject({ dueFen: 1500 * 2 + 7500 * 2, collectedFen: 10500, remittedFen: 10500, differenceFen: 0, uncollectedFen: -7500 });
    expect(r.rows.at(-1)).toMatchObject({ level: '党委', collectedFen: 10500, remittedFen: 10000, differenceFen: -500, heldFen: 500, problems: ['少缴 5.00 元'] });
    // arrears as of February: one month, across nothing
    expect((await l.call('dues/arrears', { asOf: '2026-02' })).map((x) => [x.member, x.months, x.owedFen])).toEqual([['跨年甲', ['2026-02'], 7500]]);
  });
});

describe('dues: remittance cadence is the unit\'s setting (reference §1.7: quarterly or half-yearly are local practice)', () => {
  it('the self-inspection checks remittances up to the last ended period of the unit\'s cadence', async () => {
    const { l, member, branchId, rootId } = await bureau('2026-11-28');
    const a = await member('半年上缴');
    await assess(l, 2026, a.id, 400000); // 40.00
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    for (const m of months) await l.call('dues/pay', { memberId: a.id, months: [m], paidOn: `${m}-05`, method: '现金' });
    await l.call('dues/remit', { level: '支部', fromOrgId: branchId, periodFrom: '2026-01', periodTo: '2026-06', amountFen: 24000, remittedOn: '2026-07-08' });
    await l.call('dues/remit', { level: '党委', fromOrgId: rootId, periodFrom: '2026-01', periodTo: '2026-06', amountFen: 24000, remittedOn: '2026-07-10' });
    const report = async () => docxText(await zipPart(Buffer.from((await l.call('dues/export-audit', { year: 2026, date: '2026-11-28' })).contentBase64, 'base64'), 'word/document.xml'));
    // quarterly (the default): July–September should have been remitted by now
    expect((await l.call('dues/settings', {})).settings.remitEveryMonths).toBe(3);
    const quarterly = await report();
    expect(quarterly).toContain('各党支部上缴分局党委2026年1—9月党费');
    expect(quarterly).toContain('少缴120.00元');
    // half-yearly: the second half is not due until after December
    await l.call('dues/settings-save', { remitEveryMonths: 6 });
    const halfYearly = await report();
    expect(halfYearly).toContain('各党支部上缴分局党委2026年1—6月党费');
    expect(halfYearly).not.toContain('少缴');
    expect(halfYearly).toContain('每半年上缴一次');
  });
});

describe('dues: the self-inspection report states the unit\'s thresholds', () => {
  it('counts arrears by the warning and critical months set, and names the limit a consented payment went beyond', async () => {
    const { l, member } = await bureau('2026-11-28');
    const a = await member('欠二月');
    const b = await member('欠四月');
    for (const m of [a, b]) await assess(l, 2026, m.id, 400000);
    await l.call('dues/pay', { memberId: a.id, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'], paidOn: '2026-08-05', method: '现金', payKind: '补交', consentRef: '支委会 2026-08-01 同意' });
    await l.call('dues/pay', { memberId: a.id, months: ['2026-08'], paidOn: '2026-08-05', method: '现金' });
    await l.call('dues/pay', { memberId: b.id, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'], paidOn: '2026-06-05', method: '现金' });
    await l.call('dues/settings-save', { warnMonths: 2, criticalMonths: 4, arrearsLimitMonths: 3 });
    const xml = docxText(await zipPart(Buffer.from((await l.call('dues/export-audit', { year: 2026, date: '2026-11-28' })).contentBase64, 'base64'), 'word/document.xml'));
    // as of October: 欠二月 owes Sep–Oct (2), 欠四月 owes Jul–Oct (4, critical at 4)
    expect(xml).toContain('连续2个月以上未缴纳党费的党员2名，已由所在党支部谈心谈话、督促补交；其中连续4个月以上1名，已提请所在党支部研究处理');
    expect(xml).toContain('欠二月2026年1月党费于2026年8月5日补交，超过3个月，支部同意记录：支委会2026-08-01同意');
    expect(xml).toContain('欠二月2026年4月党费于2026年8月5日补交，超过3个月');
    // May is 3 months back: within the limit, whatever consent was noted
    expect(xml).not.toContain('欠二月2026年5月党费');
    expect(xml).not.toContain('超过6个月');
    // the home card lists and names the same threshold
    const home = await l.call('dues/overview', { month: '2026-10' });
    expect(home.warnMonths).toBe(2);
    expect(home.arrears.map((x) => [x.member, x.consecutiveUnpaidMonths])).toEqual([['欠四月', 4], ['欠二月', 2]]);
  });
});

describe('dues: members transferred in', () => {
  it('owe from the month the 转入 record names, not from their 入党 date', async () => {
    const { l, branchId } = await bureau('2026-11-28');
    const t = await l.call('transfers/in', {
      mode: 'new', member: memberInput({ name: '转入者' }), branchId, letterNo: '2026001', fromOrg: '外单位党支部', letterDate: '2026-08-05', transferDate: '2026-08-10', duesPaidTo: '2026-07',
    });
    expect(t.duesStartMonth).toBe('2026-08');
    const m = { id: t.memberId! };
    const [a] = await assess(l, 2026, m.id, 400000);
    expect(a.fromMonth).toBe('2026-08');
    const row = (await l.call('dues/collection-grid', { branchId, year: 2026 })).rows[0];
    expect(row.cells.filter((c) => c.owed).map((c) => c.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect((await l.call('dues/arrears', { asOf: '2026-11' }))[0].months).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    const e = await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-07'], paidOn: '2026-08-12', method: '现金', payKind: '补交' }));
    expect(e.message).toMatch(/自2026年8月起缴纳党费/);
  });
});

