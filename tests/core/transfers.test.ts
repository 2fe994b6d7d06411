import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member, memberInput, type MemberFields } from '../support/bureau.ts';
import { receiptStatus } from '../../core/transfers/model.ts';
import { NATIONAL_TRANSFER_RULES, unitTransferVersions } from '../../core/transfers/rules.ts';


async function ledger(today = '2026-11-28') {
  const l = await testLedger({ today });
  const { branchIds: [branchId, otherBranchId] } = await bureau(l, { branches: [{ termStartOn: null }, { termStartOn: null }] });
  return { l, branchId, otherBranchId };
}

/** A member as transfers/in takes it: valid, a new ID number each time, a phone for the letter. */
const person = (over: Partial<MemberFields> = {}) => memberInput({ phone: '13800000000', ...over });

async function addMember(l: TestLedger, branchId: string, over: Partial<MemberFields> = {}) {
  return member(l, branchId, { phone: '13800000000', ...over });
}

describe('transfer out', () => {
  it('issues numbered letters, takes the member off the roster as 转出 and logs it', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId);
    const b = await addMember(l, branchId);
    const t1 = await l.call('transfers/out', { memberId: a.id, toOrg: '中共江城市公安局交警支队委员会', transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    expect(t1).toMatchObject({ direction: '转出', letterNo: '2026001', validityDays: 30, expiresOn: '2026-12-28', receiptDueOn: '2027-01-28', duesPaidTo: '2026-11', duesSource: 'clerk', status: '待回执' });
    expect(t1.fromOrg).toBe('测试分局刑侦大队党支部');
    const t2 = await l.call('transfers/out', { memberId: b.id, toOrg: '某街道党工委', transferDate: '2026-11-20', validityDays: 10, duesPaidTo: '2026-11' });
    expect(t2.letterNo).toBe('2026002');
    expect(t2.expiresOn).toBe('2026-11-30');
    const left = await l.call('members/get', { id: a.id });
    expect(left).toMatchObject({ leftType: '转出', leftDate: '2026-11-28' });
    expect(left.leftReason).toContain('第2026001号');
    expect((await l.call('members/list', {})).total).toBe(0);
    const log = await l.call('audit/log', {});
    expect(log.rows.some((r) => r.summary.includes('开具组织关系介绍信第2026001号'))).toBe(true);
    // A letter in the next year starts again at 001.
    const l2 = await ledger('2027-01-05');
    const c = await addMember(l2.l, l2.branchId);
    expect((await l2.l.call('transfers/out', { memberId: c.id, toOrg: 'X党委', transferDate: '2027-01-05', duesPaidTo: '2027-01' })).letterNo).toBe('2027001');
  });

  it('asks for the dues month when the ledger has none, and warns when it is behind the transfer month', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId);
    const plan = await l.call('transfers/plan-out', { memberId: a.id, transferDate: '2026-11-28' });
    expect(plan.ledgerDuesPaidTo).toBeNull();
    expect(plan.duesPaidTo).toBeNull();
    const e = await failure(l.call('transfers/out', { memberId: a.id, toOrg: 'X党委', transferDate: '2026-11-28' }));
    expect(e.field).toBe('duesPaidTo');
    expect(e.message).toMatch(/请填写“党费已交到”/);
    expect((await l.call('members/get', { id: a.id })).leftType).toBeNull();
    const behind = await l.call('transfers/plan-out', { memberId: a.id, transferDate: '2026-11-28', duesPaidTo: '2026-09' });
    expect(behind.warnings[0]).toMatch(/只交到 2026-09.*转出当月（2026-11）/);
    // the wizard links the dues warning to 党费收缴 of the member's branch
    expect(behind.duesBehind).toEqual({ branchId, paidTo: '2026-09', dueTo: '2026-11' });
    expect(behind.otherWarnings).toEqual([]);
    expect(behind.posts).toEqual([]);
    const [root] = await l.call('org/tree', {});
    const { id: roleId } = await l.call('org/roles/add', { orgId: root.children[0].id, memberId: a.id, role: '组织委员' });
    const withPost = await l.call('transfers/plan-out', { memberId: a.id, transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    expect(withPost.warnings).toEqual(['该同志现任刑侦大队党支部组织委员，转出后请到“组织架构”办理卸任']);
    expect(withPost.duesBehind).toBeNull();
    const ahead = await failure(l.call('transfers/out', { memberId: a.id, toOrg: 'X党委', transferDate: '2026-11-28', duesPaidTo: '2027-08' }));
    expect(ahead.message).toMatch(/预交一般不超过 6 个月/);
    // 办理卸任 in place after the letter: the post the plan names ends on the transfer date
    expect(withPost.posts).toEqual([{ id: roleId, orgName: '刑侦大队党支部', role: '组织委员' }]);
    await l.call('transfers/out', { memberId: a.id, toOrg: 'X党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    await l.call('org/roles/end', { id: roleId, endOn: '2026-11-28' });
    const role = await l.ctx.db.selectFrom('org_roles').select('end_on').where('id', '=', roleId).executeTakeFirstOrThrow();
    expect(role.end_on).toBe('2026-11-28');
  });

  it('rejects a future date, an overlong validity and a member already gone', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId);
    const out = (over: Record<string, unknown>) => l.call('transfers/out', { memberId: a.id, toOrg: 'X党委', transferDate: '2026-11-28', duesPaidTo: '2026-11', ...over });
    expect((await failure(out({ transferDate: '2026-11-29' }))).field).toBe('transferDate');
    expect((await failure(out({ transferDate: '2008-06-30' }))).message).toMatch(/不能早于入党日期/);
    expect((await failure(out({ validityDays: 91 }))).message).toMatch(/不能超过 90 天/);
    expect((await failure(out({ validityDays: 0 }))).field).toBe('validityDays');
    expect((await failure(out({ toOrg: '' }))).message).toMatch(/“接收党组织”不能为空/);
    await out({ validityDays: 90 });
    expect((await failure(out({}))).message).toMatch(/已于 2026-11-28 转出/);
  });

  it('follows the unit setting for the default and maximum validity', async () => {
    const { l, branchId } = await ledger();
    await l.call('transfers/save-settings', { validityDaysDefault: 10, validityDaysMax: 180, numeralStyle: 'chinese' });
    const a = await addMember(l, branchId);
    expect((await l.call('transfers/plan-out', { memberId: a.id, transferDate: '2026-11-28' })).validityDays).toBe(10);
    expect((await l.call('transfers/plan-out', { memberId: a.id, transferDate: '2026-11-28', validityDays: 180 })).expiresOn).toBe('2027-05-27');
    const s = await l.call('transfers/settings', {});
    // The unit's setting is a version of its own, with its own source; the national version stays as published.
    expect(s.rules).toMatchObject({ validityDaysDefault: 10, validityDaysMax: 180, version: '本单位第1版', effectiveFrom: '2026-11-28', source: '本单位规定：介绍信默认有效期 10 天，最长不超过 180 天' });
    expect(s.versions.map((v) => [v.version, v.effectiveFrom, v.values.validityDaysMax])).toEqual([['组通字〔2006〕45号', '2007-01-01', 90], ['本单位第1版', '2026-11-28', 180]]);
    expect(s.versions[0]).toEqual(NATIONAL_TRANSFER_RULES);
    expect(NATIONAL_TRANSFER_RULES.values).toEqual({ validityDaysDefault: 30, validityDaysMax: 90, receiptMonths: 1 });
    expect(NATIONAL_TRANSFER_RULES.source).toContain('组通字〔2006〕45号');
    // A setting saved before versions (the national text stamped '本单位设置') reads as the unit's first version.
    const old = { ...NATIONAL_TRANSFER_RULES.values, source: NATIONAL_TRANSFER_RULES.source, version: '本单位设置', effectiveOn: '2026-01-05', validityDaysDefault: 15 };
    expect(unitTransferVersions(old)).toEqual([{ version: '本单位第1版', effectiveFrom: '2026-01-05', source: '本单位规定：介绍信默认有效期 15 天，最长不超过 90 天', verified: true, values: { validityDaysDefault: 15, validityDaysMax: 90, receiptMonths: 1 } }]);
    expect(unitTransferVersions({ ...NATIONAL_TRANSFER_RULES.values, version: '组通字〔2006〕45号' })).toEqual([]);
  });

  it('cancels a mistaken transfer-out: the member is back and the number is not reused', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId);
    const t = await l.call('transfers/out', { memberId: a.id, toOrg: 'X党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    await l.call('transfers/cancel-out', { id: t.id });
    expect((await l.call('members/get', { id: a.id })).leftType).toBeNull();
    expect(await l.call('transfers/list', {})).toHaveLength(0);
    const again = await l.call('transfers/out', { memberId: a.id, toOrg: 'Y党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    expect(again.letterNo).toBe('2026002');
  });
});

describe('receipts', () => {
  it('moves from 待回执 to 已过有效期 to 回执逾期, and stops at 已收回执', () => {
    const r = { direction: '转出', receipt_on: null, expires_on: '2026-12-28', receipt_due_on: '2027-01-28' };
    expect(receiptStatus(r, '2026-12-28')).toBe('待回执');
    expect(receiptStatus(r, '2026-12-29')).toBe('已过有效期');
    expect(receiptStatus(r, '2027-01-28')).toBe('已过有效期');
    expect(receiptStatus(r, '2027-01-29')).toBe('回执逾期');
    expect(receiptStatus({ ...r, receipt_on: '2027-03-01' }, '2027-06-01')).toBe('已收回执');
    const incoming = { direction: '转入', receipt_on: null, expires_on: null, receipt_due_on: '2026-12-28' };
    expect(receiptStatus(incoming, '2026-12-28')).toBe('待寄回执');
    expect(receiptStatus(incoming, '2026-12-29')).toBe('回执逾期未寄');
  });

  it('raises alerts for overdue and expired letters and clears them when the receipt is recorded', async () => {
    const { l, branchId } = await ledger();
    const [a, b, c] = [await addMember(l, branchId), await addMember(l, branchId), await addMember(l, branchId)];
    const overdue = await l.call('transfers/out', { memberId: a.id, toOrg: '甲党委', transferDate: '2026-09-01', duesPaidTo: '2026-09' });
    const expired = await l.call('transfers/out', { memberId: b.id, toOrg: '乙党委', transferDate: '2026-10-20', duesPaidTo: '2026-10' });
    await l.call('transfers/out', { memberId: c.id, toOrg: '丙党委', transferDate: '2026-11-20', duesPaidTo: '2026-11' });
    expect(overdue).toMatchObject({ status: '回执逾期', receiptDueOn: '2026-11-01', overdueDays: 27 });
    expect(expired.status).toBe('已过有效期');
    const { alerts, openOut } = await l.call('transfers/alerts', {});
    expect(openOut).toBe(3);
    expect(alerts.map((x) => x.level)).toEqual(['error', 'warning']);
    expect(alerts[0].message).toMatch(/回执应于 2026-11-01 前寄回，已逾期 27 天/);
    expect(alerts[1].message).toMatch(/2026-11-19 过有效期/);
    expect((await failure(l.call('transfers/receipt', { id: overdue.id, receiptOn: '2026-08-30' }))).message).toMatch(/不能早于介绍信日期/);
    expect((await failure(l.call('transfers/receipt', { id: overdue.id, receiptOn: '2026-11-29' }))).message).toMatch(/不能晚于今天/);
    const done = await l.call('transfers/receipt', { id: overdue.id, receiptOn: '2026-11-25', note: '传真' });
    expect(done.status).toBe('已收回执');
    const after = await l.call('transfers/alerts', {});
    expect(after.alerts).toHaveLength(1);
    expect(after.openOut).toBe(2);
    expect((await l.call('transfers/list', { openOnly: true, direction: '转出' })).map((t) => t.memberName)).not.toContain(a.name);
    await l.call('transfers/receipt', { id: overdue.id, receiptOn: null });
    expect((await l.call('transfers/get', { id: overdue.id })).status).toBe('回执逾期');
  });
});

describe('transfer in', () => {
  it('adds a new member from an incoming letter and notes when dues start', async () => {
    const { l, branchId } = await ledger();
    const t = await l.call('transfers/in', {
      mode: 'new',
      member: person({ name: '转入甲' }),
      branchId,
      letterNo: '0123',
      fromOrg: '中共江城市公安局交警支队委员会',
      letterDate: '2026-11-10',
      transferDate: '2026-11-15',
      duesPaidTo: '2026-11',
    });
    expect(t).toMatchObject({ direction: '转入', memberName: '转入甲', branchName: '刑侦大队党支部', duesStartMonth: '2026-12', receiptDueOn: '2026-12-15', status: '待寄回执', inMode: 'new' });
    expect(t.toOrg).toBe('测试分局刑侦大队党支部');
    const m = await l.call('members/get', { id: t.memberId });
    expect(m.leftType).toBeNull();
    const dup = await failure(l.call('transfers/in', { mode: 'new', member: person(), branchId, letterNo: '0123', fromOrg: '中共江城市公安局交警支队委员会', letterDate: '2026-11-10', transferDate: '2026-11-15' }));
    expect(dup.message).toMatch(/已登记过（转入甲）/);
    const sent = await l.call('transfers/receipt', { id: t.id, receiptOn: '2026-11-20' });
    expect(sent.status).toBe('已寄回执');
  });

  it('puts a former member back on a roster, and refuses one still on it', async () => {
    const { l, branchId, otherBranchId } = await ledger();
    const a = await addMember(l, branchId);
    await l.call('transfers/out', { memberId: a.id, toOrg: '外单位党委', transferDate: '2026-03-01', duesPaidTo: '2026-03' });
    const back = await l.call('transfers/in', { mode: 'rejoin', memberId: a.id, branchId: otherBranchId, letterNo: '77', fromOrg: '外单位党委', letterDate: '2026-11-01', transferDate: '2026-11-03' });
    expect(back).toMatchObject({ inMode: 'rejoin', branchName: '治安大队党支部', duesStartMonth: '2026-11' });
    expect(await l.call('members/get', { id: a.id })).toMatchObject({ leftType: null, branchName: '治安大队党支部' });
    const again = await failure(l.call('transfers/in', { mode: 'rejoin', memberId: a.id, branchId, letterNo: '78', fromOrg: '外单位党委', letterDate: '2026-11-01', transferDate: '2026-11-03' }));
    expect(again.message).toMatch(/仍在册/);
  });

  it('checks the incoming letter before touching the roster', async () => {
    const { l, branchId } = await ledger();
    const base = { mode: 'new' as const, member: person({ name: '转入乙' }), branchId, letterNo: '5', fromOrg: '某党委', letterDate: '2026-11-10', transferDate: '2026-11-15' };
    expect((await failure(l.call('transfers/in', { ...base, transferDate: '2026-11-09' }))).message).toMatch(/不能早于介绍信日期/);
    expect((await failure(l.call('transfers/in', { ...base, duesPaidTo: '2026-11', duesStartMonth: '2026-11' }))).field).toBe('duesStartMonth');
    expect((await failure(l.call('transfers/in', { ...base, member: null }))).field).toBe('member');
    expect((await l.call('members/list', { scope: 'all' })).total).toBe(0);
  });
});

describe('registers and counts', () => {
  it('counts a period and writes both yearly registers', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId, { name: '转出甲' });
    await l.call('transfers/out', { memberId: a.id, toOrg: '甲党委', transferDate: '2026-06-01', duesPaidTo: '2026-06' });
    await l.call('transfers/in', { mode: 'new', member: person({ name: '转入甲' }), branchId, letterNo: 'A1', fromOrg: '乙党委', letterDate: '2026-07-01', transferDate: '2026-07-02', duesPaidTo: '2026-07' });
    await l.call('transfers/in', { mode: 'new', member: person({ name: '转入乙' }), branchId, letterNo: 'A2', fromOrg: '丙党委', letterDate: '2026-10-01', transferDate: '2026-10-02' });
    expect((await l.call('transfers/counts', { from: '2026-01-01', to: '2026-06-30' })).text).toBe('转入党员0名，转出1名');
    expect((await l.call('transfers/counts', { from: '2026-01-01', to: '2026-12-31' })).text).toBe('转入党员2名，转出1名');
    expect((await l.call('transfers/list', { year: 2025 }))).toHaveLength(0);
    const file = await l.call('transfers/registers', { year: 2026 });
    expect(file.fileName).toBe('2026年度转入转出党员登记表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ins = wb.getWorksheet('转入党员登记表')!;
    const outs = wb.getWorksheet('转出党员登记表')!;
    expect(ins.getCell(1, 1).value).toBe('2026年度转入党员登记表');
    expect(String(ins.getCell(2, 1).value)).toContain('共转入党员2名');
    expect(ins.getRow(3).values).toContain('原所在党组织');
    expect([ins.getCell(4, 2).value, ins.getCell(5, 2).value]).toEqual(['转入甲', '转入乙']);
    expect(ins.getCell(4, 13).value).toBe('2026年8月');
    expect(outs.getCell(1, 1).value).toBe('2026年度转出党员登记表');
    expect(outs.getCell(4, 2).value).toBe('转出甲');
    expect(outs.getCell(4, 8).value).toBe('中共甲党委');
    expect(outs.getCell(4, 10).value).toBe('2026001');
    expect(outs.getCell(4, 13).value).toBe('逾期未收');
  });
});

describe('demo bureau', () => {
  it('has one transfer in and one transfer out whose receipt is still outstanding', async () => {
    const l = await testLedger({ demo: true });
    const all = await l.call('transfers/list', { year: 2026 });
    expect(all.map((t) => t.direction).sort()).toEqual(['转入', '转出']);
    const out = all.find((t) => t.direction === '转出')!;
    expect(out.receiptOn).toBeNull();
    expect(out.transferDate).toBe('2026-10-14');
    expect(out.status).toBe('已过有效期');
    expect((await l.call('members/get', { id: out.memberId })).leftType).toBe('转出');
    const inn = all.find((t) => t.direction === '转入')!;
    expect((await l.call('members/get', { id: inn.memberId })).leftType).toBeNull();
    expect((await l.call('transfers/alerts', {})).alerts).toHaveLength(1);
    expect((await l.call('transfers/letter', { id: out.id })).fileName).toContain(out.letterNo);
  });
});

describe('long-open transfers and returning members', () => {
  it('flags a letter still without a receipt after 6 months, without touching the member', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId);
    await l.call('transfers/out', { memberId: a.id, toOrg: '甲党委', transferDate: '2026-05-28', duesPaidTo: '2026-05' });
    expect((await l.call('transfers/alerts', {})).alerts[0].message).not.toMatch(/超过 6 个月/);
    const b = await addMember(l, branchId);
    await l.call('transfers/out', { memberId: b.id, toOrg: '乙党委', transferDate: '2026-05-27', duesPaidTo: '2026-05' });
    const { alerts } = await l.call('transfers/alerts', {});
    const long = alerts.filter((x) => /超过 6 个月仍未收到回执/.test(x.message));
    expect(long).toHaveLength(1);
    expect(long[0].message).toContain(b.name);
    expect(long[0].message).toMatch(/支部大会研究处理/);
  });

  it('sends a returning member to “原党员转回” instead of adding a duplicate', async () => {
    const { l, branchId } = await ledger();
    const p = person();
    const a = await member(l, branchId, p);
    await l.call('transfers/out', { memberId: a.id, toOrg: '甲党委', transferDate: '2026-03-01', duesPaidTo: '2026-03' });
    const e = await failure(l.call('transfers/in', { mode: 'new', member: p, branchId, letterNo: '1', fromOrg: '甲党委', letterDate: '2026-11-01', transferDate: '2026-11-02' }));
    expect(e.field).toBe('idNumber');
    expect(e.message).toMatch(/曾于 2026-03-01 从本单位转出，请选择“原党员转回”/);
  });
});

describe('one transaction per transfer', () => {
  const auditCount = async (l: TestLedger) => (await l.call('audit/log', {})).total;

  it('a unit pattern without {year} keeps counting across years', async () => {
    const { l, branchId } = await ledger();
    await l.call('transfers/save-settings', { validityDaysDefault: 30, validityDaysMax: 90, numeralStyle: 'financial', letterNoPattern: '分局转{seq}' });
    const a = await addMember(l, branchId);
    const b = await addMember(l, branchId);
    expect((await l.call('transfers/out', { memberId: a.id, toOrg: '甲党委', transferDate: '2025-12-20', duesPaidTo: '2025-12' })).letterNo).toBe('分局转001');
    expect((await l.call('transfers/out', { memberId: b.id, toOrg: '乙党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' })).letterNo).toBe('分局转002');
  });

  it('leaves the member on the roster and the log untouched when the letter row is refused', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId);
    const b = await addMember(l, branchId);
    await l.call('transfers/out', { memberId: a.id, toOrg: '甲党委', transferDate: '2026-10-20', duesPaidTo: '2026-10' });
    // Forced failure of the final write (the letter row), after the member has been taken off the roster in the same transaction.
    await sql`create trigger refuse_transfer_out before insert on transfers when new.direction = '转出' begin select raise(abort, 'refused'); end`.execute(l.ctx.db);
    const logged = await auditCount(l);
    await expect(l.call('transfers/out', { memberId: b.id, toOrg: '乙党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' })).rejects.toThrow(/refused/);
    expect(await l.call('members/get', { id: b.id })).toMatchObject({ leftType: null, leftDate: null, leftReason: null });
    expect(await auditCount(l)).toBe(logged);
    expect((await l.call('audit/log', { entity: 'members' })).rows.filter((r) => r.entityId === b.id).map((r) => r.action)).toEqual(['新增']);
    expect(await l.call('transfers/list', {})).toHaveLength(1);
  });

  it('adds no member and restores no one when an incoming letter cannot be written', async () => {
    const { l, branchId, otherBranchId } = await ledger();
    const a = await addMember(l, branchId);
    await l.call('transfers/out', { memberId: a.id, toOrg: '外单位党委', transferDate: '2026-03-01', duesPaidTo: '2026-03' });
    // Forced failure of the final write, the way a disk or constraint error would surface.
    await sql`create trigger refuse_transfer_in before insert on transfers when new.direction = '转入' begin select raise(abort, 'refused'); end`.execute(l.ctx.db);
    const logged = await auditCount(l);
    const letter = { fromOrg: '外单位党委', letterDate: '2026-11-01', transferDate: '2026-11-03' };
    await expect(l.call('transfers/in', { mode: 'new', member: person({ name: '转入丙' }), branchId, letterNo: '90', ...letter })).rejects.toThrow(/refused/);
    await expect(l.call('transfers/in', { mode: 'rejoin', memberId: a.id, branchId: otherBranchId, letterNo: '91', ...letter })).rejects.toThrow(/refused/);
    const everyone = await l.call('members/list', { scope: 'all' });
    expect(everyone.rows.map((m) => m.name)).toEqual([a.name]);
    expect(await l.call('members/get', { id: a.id })).toMatchObject({ leftType: '转出', leftDate: '2026-03-01', branchName: '刑侦大队党支部' });
    expect(await auditCount(l)).toBe(logged);
    expect(await l.call('transfers/list', { direction: '转入' })).toHaveLength(0);
  });

  it('keeps the letter when the member cannot be put back on the roster', async () => {
    const { l, branchId } = await ledger();
    const a = await addMember(l, branchId);
    const t = await l.call('transfers/out', { memberId: a.id, toOrg: '甲党委', transferDate: '2026-11-28', duesPaidTo: '2026-11' });
    await sql`create trigger refuse_rejoin before update of left_type on members when new.left_type is null begin select raise(abort, 'refused'); end`.execute(l.ctx.db);
    const logged = await auditCount(l);
    await expect(l.call('transfers/cancel-out', { id: t.id })).rejects.toThrow(/refused/);
    expect((await l.call('transfers/get', { id: t.id })).letterNo).toBe('2026001');
    expect((await l.call('members/get', { id: a.id })).leftType).toBe('转出');
    expect(await auditCount(l)).toBe(logged);
  });
});
