// @vitest-environment happy-dom
/** 月收缴: what each month cell says for a member, and what clicking it does. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import type { CollectionRow, GridCell, Payment } from '../../core/dues/collect';
import { answer, byTestId, callsTo, messages, mountReal, resetFake, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: CollectionView } = await import('../../renderer/src/views/dues/CollectionView.vue');
const { useAppStore } = await import('../../renderer/src/stores/app');

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const paid = (memberId: string, month: string, paidFen: number, dueFen = 3000): Payment => ({
  id: `p-${memberId}-${month}`, memberId, branchId: 'b1', month, dueFen, paidFen, paidOn: `${month}-10`, method: '现金', payKind: '按月', payerName: null, receiptNo: 'S-001', collector: null, reason: paidFen === dueFen ? null : '自愿多交', consentRef: null, note: null,
});

function member(memberId: string, name: string, cellOf: (m: string) => Omit<GridCell, 'month'>): CollectionRow {
  const cells = MONTHS.map((month) => ({ month, ...cellOf(month) }));
  return { memberId, name, category: '在职', partyStatus: '正式', leftType: null, leftDate: null, standardFen: 3000, cells, dueTotalFen: 0, paidTotalFen: 0 };
}

/**
 * As of 2026-11-28. 张三 joined in March: paid March and April, paid more in May, owes the rest.
 * 李四 has no standard yet.
 */
const GRID = {
  year: 2026,
  branchId: 'b1',
  methods: ['现金'],
  rows: [
    member('m1', '张三', (m) =>
      m < '2026-03' ? { owed: false, dueFen: null, payment: null } : { owed: true, dueFen: 3000, payment: m <= '2026-04' ? paid('m1', m, 3000) : m === '2026-05' ? paid('m1', m, 5000) : null },
    ),
    member('m2', '李四', () => ({ owed: true, dueFen: null, payment: null })),
  ],
  months: MONTHS.map((month) => ({ month, dueFen: 0, paidFen: 0, owedCount: month < '2026-03' ? 1 : 2, paidCount: month >= '2026-03' && month <= '2026-05' ? 1 : 0 })),
};

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  const app = useAppStore();
  app.today = '2026-11-28';
  app.branches = [
    { id: 'b1', name: '第一党支部', parentId: 'c', memberCount: 2, groups: [] },
    { id: 'b2', name: '第二党支部', parentId: 'c', memberCount: 0, groups: [] },
  ];
  answer('dues/collection-grid', () => GRID);
});

async function mountView() {
  const w = mountReal(CollectionView, { pinia });
  await settle();
  return w;
}
const cellOf = (name: string, month: string) => byTestId(`dues-cell-${name}-${month}`)!;
const look = (name: string, month: string) => {
  const c = cellOf(name, month);
  return [c.textContent!.trim(), [...c.classList].filter((k) => k !== 'cell').join(' ')];
};

describe('CollectionView', () => {
  it("opens on the first branch's grid for this year", async () => {
    await mountView();
    expect(callsTo('dues/collection-grid').at(-1)).toEqual({ branchId: 'b1', year: 2026 });
  });

  it('each cell says paid, paid a different amount, not owed, no standard, unpaid or not yet due', async () => {
    await mountView();
    expect(look('张三', '2026-01')).toEqual(['—', 'none']);
    expect(look('张三', '2026-03')).toEqual(['30.00', 'paid']);
    expect(look('张三', '2026-05')).toEqual(['50.00', 'paid diff']);
    expect(look('张三', '2026-06')).toEqual(['未交', 'unpaid']);
    expect(look('张三', '2026-11')).toEqual(['未交', 'unpaid']);
    expect(look('张三', '2026-12')).toEqual(['', 'future']);
    expect(look('李四', '2026-06')).toEqual(['未核定', 'unpaid']);
    const header = [...document.querySelectorAll('th')].map((th) => th.textContent!.replace(/\s+/g, '')).find((t) => t.startsWith('5月'));
    expect(header).toBe('5月1/2');
  });

  it('clicking an unpaid month opens the payment form for that member and month', async () => {
    await mountView();
    cellOf('张三', '2026-06').click();
    await settle();
    expect(document.querySelector('.el-dialog__title')!.textContent).toBe('登记党费：张三');
    expect(byTestId('dues-pay-months')!.textContent).toContain('2026年6月');
    expect(byTestId('dues-pay-kind')!.querySelector('.el-radio-button.is-active')!.textContent!.trim()).toBe('补交');
    expect(byTestId('dues-pay-method')!.querySelector('.el-radio-button.is-active')!.textContent!.trim()).toBe('现金');
  });

  it('clicking a month not owed does nothing', async () => {
    await mountView();
    cellOf('张三', '2026-01').click();
    await settle();
    expect(document.querySelector('.el-dialog__title')).toBeNull();
    expect(document.querySelector('.el-message-box')).toBeNull();
  });

  it('clicking a payment shows it and can move it to the recycle bin, then reloads', async () => {
    answer('dues/payment-delete', () => ({ ok: true }));
    await mountView();
    const before = callsTo('dues/collection-grid').length;
    cellOf('张三', '2026-05').click();
    await settle();
    const box = document.querySelector('.el-message-box')!;
    expect(box.textContent).toContain('张三 5月：2026-05-10 现金、按月 50.00 元，收据 S-001，自愿多交。');
    [...box.querySelectorAll('button')].find((b) => b.textContent!.trim() === '删除记录')!.click();
    await settle();
    await new Promise((r) => setTimeout(r, 50));
    await settle();
    expect(callsTo('dues/payment-delete')).toEqual([{ id: 'p-m1-2026-05' }]);
    expect(messages()).toContain('已删除（可在回收站恢复）');
    expect(callsTo('dues/collection-grid').length).toBe(before + 1);
  });
});
