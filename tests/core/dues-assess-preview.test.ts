/**
 * 年度核定 shows 比例 and 每月应缴 as the base is typed: dues/assess-preview runs
 * the one formula with the unit's own rules, and gives what 保存 then stores.
 */
import { describe, expect, it } from 'vitest';
import { testLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';

describe('dues/assess-preview', () => {
  it('gives the rate and the monthly amount the save then stores, under the unit’s own cap', async () => {
    const l = await testLedger();
    const b = await bureau(l);
    const m = await member(l, b.branchId, { name: '张三' });
    expect(await l.call('dues/assess-preview', { category: '在职', baseFen: 510000 })).toMatchObject({ rateBasisPoints: 150, monthlyDueFen: 7650, capApplied: false });
    expect(await l.call('dues/assess-preview', { category: '在职', baseFen: 300000 })).toMatchObject({ rateBasisPoints: 50, monthlyDueFen: 1500 });
    expect(await l.call('dues/assess-preview', { category: '学生', baseFen: 0 })).toMatchObject({ rateBasisPoints: null, monthlyDueFen: 20 });
    await l.call('dues/settings-save', { capFen: 50_000 });
    const typed = await l.call('dues/assess-preview', { category: '在职', baseFen: 3_000_000 });
    expect(typed).toMatchObject({ rateBasisPoints: 200, monthlyDueFen: 50_000, capApplied: true });
    const [saved] = await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, baseFen: 3_000_000 }] });
    expect({ rateBasisPoints: saved.rateBasisPoints, monthlyDueFen: saved.monthlyDueFen, capApplied: saved.capApplied }).toEqual({ rateBasisPoints: typed.rateBasisPoints, monthlyDueFen: typed.monthlyDueFen, capApplied: typed.capApplied });
    await l.close();
  });
});
