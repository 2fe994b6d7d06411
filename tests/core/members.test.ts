import { describe, expect, it } from 'vitest';
import { failure, testLedger } from '../support/ledger.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { bureau, memberInput } from '../support/bureau.ts';

async function withBranch() {
  const l = await testLedger();
  const { branchId, rootId } = await bureau(l);
  return { l, branchId, rootId };
}

/** 张三 with one fixed ID number, so that a second call is a duplicate of the first. */
const ZHANG_ID = makeIdNumber('370102', '1985-06-15', 11, true);
const base = (branchId: string, over: Record<string, unknown> = {}) => ({ ...memberInput({ name: '张三', idNumber: ZHANG_ID }), branchId, ...over });

describe('members', () => {
  it('adds a member, finds it by search and filter, and logs the change', async () => {
    const { l, branchId } = await withBranch();
    const m = await l.call('members/create', base(branchId));
    expect(m.branchName).toBe('刑侦大队党支部');
    expect((await l.call('members/list', { search: '张' })).total).toBe(1);
    expect((await l.call('members/list', { search: '370102' })).total).toBe(1);
    expect((await l.call('members/list', { partyStatus: '预备' })).total).toBe(0);
    const log = await l.call('audit/log', {});
    expect(log.rows[0].summary).toContain('新增党员“张三”');
    expect(log.rows[0].after).toMatchObject({ name: '张三' });
  });

  it('rejects bad input field by field', async () => {
    const { l, branchId } = await withBranch();
    const bad = async (over: Record<string, unknown>) => failure(l.call('members/create', base(branchId, over)));
    expect((await bad({ idNumber: '370102198506150111' })).field).toBe('idNumber');
    expect((await bad({ fullDate: '2008-06-30' })).message).toMatch(/转正日期.*晚于入党日期/);
    expect((await bad({ joinDate: '2027-01-01', fullDate: null, partyStatus: '预备' })).message).toMatch(/晚于今天/);
    expect((await bad({ joinDate: '2003-06-14', fullDate: '2004-06-14' })).message).toMatch(/未满 18 周岁/);
    expect((await bad({ birthDate: '1985-06-16' })).message).toMatch(/不一致/);
    expect((await bad({ name: '' })).message).toMatch(/“姓名”不能为空/);
    await l.call('members/create', base(branchId));
    expect((await bad({ name: '李四' })).message).toMatch(/与党员“张三”重复/);
  });

  it('a member who leaves stays as history and can be deleted and restored', async () => {
    const { l, branchId } = await withBranch();
    const m = await l.call('members/create', base(branchId));
    await l.call('members/leave', { id: m.id, leftType: '转出', leftDate: '2026-10-01', leftReason: '调往市局' });
    expect((await l.call('members/list', {})).total).toBe(0);
    const left = await l.call('members/list', { scope: 'left' });
    expect(left.rows[0]).toMatchObject({ leftType: '转出', leftDate: '2026-10-01' });
    await l.call('members/delete', { id: m.id });
    expect((await l.call('members/list', { scope: 'all' })).total).toBe(0);
    const bin = await l.call('recycle/list', {});
    expect(bin.map((b) => b.label)).toEqual([`张三（${m.idNumber}）`]);
    await l.call('recycle/restore', { table: 'members', id: m.id });
    expect((await l.call('members/list', { scope: 'all' })).total).toBe(1);
  });

  it('sorts and pages', async () => {
    const l = await testLedger({ demo: true });
    const p1 = await l.call('members/list', { pageSize: 10, page: 1, sortBy: 'birthDate', sortDir: 'desc' });
    const p2 = await l.call('members/list', { pageSize: 10, page: 2, sortBy: 'birthDate', sortDir: 'desc' });
    expect(p1.total).toBeGreaterThanOrEqual(99);
    expect(p1.rows).toHaveLength(10);
    expect(p1.rows[9].birthDate >= p2.rows[0].birthDate).toBe(true);
    const retired = await l.call('members/list', { category: '离退休', pageSize: 200 });
    expect(retired.total).toBeGreaterThanOrEqual(7);
    expect(retired.rows.every((m) => m.category === '离退休')).toBe(true);
  });
});

describe('organization', () => {
  it('keeps the tree, roles and the 换届 due date', async () => {
    const { l, branchId, rootId } = await withBranch();
    await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第一党小组' });
    await l.call('org/roles/add', { orgId: branchId, personName: '王五', role: '书记', startOn: '2025-03-01' });
    const err = await failure(l.call('org/roles/add', { orgId: branchId, personName: '赵六', role: '书记' }));
    expect(err.message).toMatch(/已有书记“王五”/);
    const [root] = await l.call('org/tree', {});
    expect(root.id).toBe(rootId);
    const branch = root.children[0];
    expect(branch.termDueOn).toBe('2028-03-01');
    expect(branch.roles.map((r) => r.personName)).toEqual(['王五']);
    expect(branch.children[0].kind).toBe('党小组');
    const wrong = await failure(l.call('org/create', { parentId: rootId, kind: '党小组', name: '错位小组' }));
    expect(wrong.message).toMatch(/党小组不能设在党委之下/);
  });

  it('refuses to delete a branch that still has members', async () => {
    const { l, branchId } = await withBranch();
    await l.call('members/create', base(branchId));
    expect((await failure(l.call('org/delete', { id: branchId }))).message).toMatch(/在册党员/);
  });
});

describe('demo bureau', () => {
  it('is the same every time and refuses a non-empty ledger', async () => {
    const a = await testLedger({ demo: true });
    const b = await testLedger({ demo: true });
    const names = async (l: typeof a) => (await l.call('members/list', { pageSize: 200 })).rows.map((m) => `${m.name}${m.idNumber}`);
    expect(await names(a)).toEqual(await names(b));
    expect((await a.call('org/branches', {})).length).toBe(11);
    expect((await a.call('members/list', { partyStatus: '预备' })).total).toBeGreaterThanOrEqual(2);
    expect((await failure(a.call('setup/demo', {}))).message).toMatch(/已有数据/);
  });
});
