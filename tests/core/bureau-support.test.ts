/** The shared fixture itself: the bureau and its members are what the handlers made, valid and distinct. */
import { describe, expect, it } from 'vitest';
import { failure, testLedger } from '../support/ledger.ts';
import { bureau, member, memberInput } from '../support/bureau.ts';
import { birthDateFromId } from '../../core/members/idcard.ts';

describe('tests/support/bureau.ts', () => {
  it('creates the committee and the branches through the handlers, in order, with their names and term', async () => {
    const l = await testLedger();
    const b = await bureau(l, { branches: [{}, { name: '机关第二党支部', termStartOn: null }, {}] });
    const [root] = await l.call('org/tree', {});
    expect(root).toMatchObject({ id: b.rootId, name: '中共测试分局委员会', kind: '党委' });
    expect(root.children.map((c) => [c.id, c.name, c.termDueOn])).toEqual([
      [b.branchIds[0], '刑侦大队党支部', '2028-03-01'],
      [b.branchIds[1], '机关第二党支部', null],
      [b.branchIds[2], '交警大队党支部', '2028-03-01'],
    ]);
    expect(b.branchId).toBe(b.branchIds[0]);
    expect((await l.call('setup/status', {})).unitName).toBe('测试分局');
    expect((await failure(bureau(l))).message).toMatch(/不能重复创建/);
    await expect((async () => (await bureau(await testLedger(), { branches: 0 })).branchId)()).rejects.toThrow(/no branch/);
  });

  it('adds valid members with distinct ID numbers that follow overridden birth dates and genders', async () => {
    const l = await testLedger();
    const { branchId } = await bureau(l);
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await member(l, branchId, i % 3 === 0 ? { gender: '女', birthDate: '1990-02-28' } : {}));
    const full = await Promise.all(made.map(async (m) => (await l.call('members/reveal-id', { id: m.id })).idNumber));
    expect(new Set(full).size).toBe(12);
    made.forEach((m, i) => {
      expect(birthDateFromId(full[i])).toBe(m.birthDate);
      expect(Number(full[i][16]) % 2 === 1).toBe(m.gender === '男');
    });
    expect(made.filter((m) => m.gender === '女').map((m) => m.birthDate)).toEqual(['1990-02-28', '1990-02-28', '1990-02-28', '1990-02-28']);
    expect((await l.call('members/list', {})).total).toBe(12);
    // an ID number given is used as given, and a second use is refused as the handler refuses it
    const given = memberInput().idNumber;
    await member(l, branchId, { name: '指定号码', idNumber: given });
    expect((await l.call('members/list', { search: given })).rows.map((m) => m.name)).toEqual(['指定号码']);
    expect((await failure(member(l, branchId, { idNumber: given }))).field).toBe('idNumber');
  });
});
