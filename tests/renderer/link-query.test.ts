// @vitest-environment happy-dom
/**
 * A link from 首页 本月待办 into 党费收缴 (?new=1&branchId=&memberId=&month=): the view opens that branch and year and
 * the payment form of that member and month, and the address is cleared so going back or reloading does not reopen it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CollectionRow } from '../../core/dues/collect';
import { answer, byTestId, callsTo, mountReal, resetFake, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: CollectionView } = await import('../../renderer/src/views/dues/CollectionView.vue');
const { useAppStore } = await import('../../renderer/src/stores/app');

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const row = (memberId: string, name: string, paidUpTo: string): CollectionRow => ({
  memberId, name, category: '在职', partyStatus: '正式', leftType: null, leftDate: null, standardFen: 3000, dueTotalFen: 0, paidTotalFen: 0,
  cells: MONTHS.map((month) => ({ month, owed: true, dueFen: 3000, payment: month <= paidUpTo ? { id: `p-${memberId}-${month}`, memberId, branchId: 'b2', month, dueFen: 3000, paidFen: 3000, paidOn: `${month}-10`, method: '现金', payKind: '按月', payerName: null, receiptNo: null, collector: null, reason: null, consentRef: null, note: null } : null })),
});

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  const app = useAppStore();
  app.today = '2026-11-28';
  app.branches = [
    { id: 'b1', name: '第一党支部', parentId: 'c', memberCount: 0, groups: [] },
    { id: 'b2', name: '第二党支部', parentId: 'c', memberCount: 2, groups: [] },
  ];
  answer('dues/collection-grid', () => ({ year: 2026, branchId: 'b2', methods: ['现金'], rows: [row('m1', '张三', '2026-07'), row('m2', '李四', '2026-10')], months: MONTHS.map((month) => ({ month, dueFen: 0, paidFen: 0, owedCount: 2, paidCount: 0 })) }));
});

async function mountAt(url: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] });
  await router.push(url);
  mountReal(CollectionView, { pinia, plugins: [router] });
  await settle();
  await settle();
  return router;
}

describe('a link into 党费收缴', () => {
  it('opens the branch and the payment form of the member from the month asked, then clears the address', async () => {
    const router = await mountAt('/dues/collection?new=1&branchId=b2&memberId=m1&month=2026-08');
    expect(callsTo('dues/collection-grid').at(-1)).toEqual({ branchId: 'b2', year: 2026 });
    expect(document.querySelector('.el-dialog__title')!.textContent).toBe('登记党费：张三');
    expect(byTestId('dues-pay-months')!.textContent).toContain('2026年8月');
    expect(router.currentRoute.value.fullPath).toBe('/dues/collection');
  });

  it('from= (转出“请先补交”: the month after the one paid) opens that year and the first unpaid month from then on', async () => {
    await mountAt('/dues/collection?new=1&branchId=b2&memberId=m1&from=2026-09');
    expect(byTestId('dues-pay-months')!.textContent).toContain('2026年9月');
    document.body.innerHTML = '';
    await mountAt('/dues/collection?new=1&branchId=b2&memberId=m1&from=2025-12');
    expect(callsTo('dues/collection-grid').at(-1)).toEqual({ branchId: 'b2', year: 2025 });
  });

  it('without new=1 only opens the branch; a month already paid opens no form', async () => {
    await mountAt('/dues/collection?branchId=b2&month=2026-11');
    expect(callsTo('dues/collection-grid').at(-1)).toEqual({ branchId: 'b2', year: 2026 });
    expect(document.querySelector('.el-dialog__title')).toBeNull();
    document.body.innerHTML = '';
    await mountAt('/dues/collection?new=1&branchId=b2&memberId=m2&month=2026-10');
    expect(document.querySelector('.el-dialog__title')).toBeNull();
  });
});
