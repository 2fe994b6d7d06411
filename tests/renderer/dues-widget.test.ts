// @vitest-environment happy-dom
/** The home page's dues card: progress in an assessed year; in a year not yet assessed, the call for the 年度核定 instead. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { answer, byTestId, mountReal, resetFake, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: DuesWidget } = await import('../../renderer/src/views/dues/DuesWidget.vue');

const arrear = (member: string, n: number, months: string[], severity: string) => ({ memberId: member, member, branch: '刑侦大队党支部', branchId: 'b1', consecutiveUnpaidMonths: n, months, owedFen: n * 1000, severity, action: '', lastPaidMonth: null, leftType: null, unassessedMonths: ['2027-01'] });
const overview = (assessed: boolean) => ({
  month: '2027-01',
  warnMonths: 3,
  owed: assessed ? 100 : 0,
  paid: assessed ? 40 : 0,
  unassessed: assessed ? 0 : 104,
  assessment: { year: 2027, yearAssessed: assessed, needed: !assessed, carryForwardFrom: 2026 },
  branches: assessed ? [{ branchId: 'b1', branch: '刑侦大队党支部', owed: 100, paid: 40, dueFen: 100000, paidFen: 40000 }] : [],
  arrears: [arrear('龙超', 3, ['2026-10', '2026-11', '2026-12'], 'warning')],
});

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
});

async function mountWidget() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] });
  await router.push('/');
  mountReal(DuesWidget, { pinia, plugins: [router] });
  await settle();
  return router;
}

describe('DuesWidget', () => {
  it('in a year not yet assessed asks for the 年度核定 with 沿用上年, and keeps last year’s arrears', async () => {
    answer('dues/overview', () => overview(false));
    const router = await mountWidget();
    const text = byTestId('widget-dues')!.textContent!;
    expect(text).toContain('党费收缴（2027年1月）');
    expect(byTestId('dues-assess-needed')!.textContent).toContain('2027年党费标准尚未核定');
    expect(text).not.toContain('本月已交');
    expect(byTestId('dues-arrears-line')!.textContent).toMatch(/龙超（刑侦大队党支部）连续 3 个月未交\s*2026年10月至2026年12月/);
    const go = byTestId<HTMLButtonElement>('dues-go-assess')!;
    expect(go.textContent).toContain('可沿用2026年标准');
    go.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/dues/assessment');
  });

  it('in an assessed year shows the month’s progress and no call for the assessment', async () => {
    answer('dues/overview', () => overview(true));
    await mountWidget();
    expect(byTestId('dues-assess-needed')).toBeNull();
    expect(byTestId('widget-dues')!.textContent).toContain('40/100');
  });
});
