// @vitest-environment happy-dom
/** 年度核定: the grid sends what the clerk typed; the pay items sum as the ledger does; 审批 and 导入 live in their own dialogs. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import type { GridRow } from '../../core/dues/assess-grid';
import { DUES_DEFAULTS } from '../../core/dues/settings';
import { answer, byTestId, callsTo, messages, mountReal, resetFake, settle, typeText } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: AssessmentView } = await import('../../renderer/src/views/dues/AssessmentView.vue');
const { useAppStore } = await import('../../renderer/src/stores/app');

const row = (memberId: string, name: string, memberCategory: string): GridRow => ({
  memberId, name, branchId: 'b1', branchName: '第一党支部', memberCategory, partyStatus: '正式', joinDate: '2010-07-01', leftType: null, leftDate: null,
  owedFrom: '2026-01', owedTo: '2026-12', standards: [], previous: null,
});
const PAY_ITEMS = [
  { name: '基本工资', kind: 'income' as const, include: true, group: '机关', note: '' },
  { name: '个人所得税', kind: 'deduction' as const, include: true, group: '扣除', note: '' },
];

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  const app = useAppStore();
  app.today = '2026-11-28';
  app.branches = [{ id: 'b1', name: '第一党支部', parentId: 'c', memberCount: 2, groups: [] }];
  answer('dues/assessment-grid', () => [row('m1', '张三', '在职'), row('m2', '李四', '学生')]);
  answer('dues/settings', () => ({ settings: { ...DUES_DEFAULTS, payItems: PAY_ITEMS } }));
});

async function mountView() {
  const w = mountReal(AssessmentView, { pinia });
  await settle();
  return w;
}
const button = (text: string) => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text)!;

describe('AssessmentView', () => {
  it('suggests the dues category from the member category and sends a typed base in 分', async () => {
    answer('dues/assess-save', () => []);
    await mountView();
    expect(callsTo('dues/assessment-grid')).toEqual([{ year: 2026, branchId: null }]);
    // a student pays the fixed amount: no base to type
    expect(byTestId<HTMLInputElement>('dues-base-李四')!.disabled).toBe(true);
    await typeText(byTestId<HTMLInputElement>('dues-base-张三')!, '5100');
    byTestId('dues-assess-save')!.click();
    await settle();
    expect(callsTo('dues/assess-save')).toEqual([
      { year: 2026, entries: [{ memberId: 'm1', category: '在职', items: null, baseFen: 510_000, reducedFen: null, hardshipRef: null }] },
    ]);
  });

  it('审批 opens its dialog and approves the year for the branches shown', async () => {
    answer('dues/assess-approve', () => ({ approved: 2 }));
    await mountView();
    button('审批').click();
    await settle();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('审批党费核定');
    const dialog = [...document.querySelectorAll('.el-dialog')].find((d) => d.textContent?.includes('审批党费核定'))!;
    [...dialog.querySelectorAll<HTMLButtonElement>('.el-dialog__footer button')].find((b) => b.textContent?.trim() === '审批')!.click();
    await settle();
    expect(callsTo('dues/assess-approve')).toEqual([{ year: 2026, branchId: null, approvedBy: '分局党委', approvedOn: '2026-11-28' }]);
    expect(messages()).toContain('已审批 2 人');
    expect(callsTo('dues/assessment-grid')).toHaveLength(2);
  });

  it('the pay items give the base as the ledger sums them; deductions above the income are refused before saving', async () => {
    await mountView();
    const itemsButton = () => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === '项目')!;
    itemsButton().click();
    await settle();
    const inputs = [...document.querySelectorAll<HTMLInputElement>('.el-dialog .item input')];
    await typeText(inputs[0], '1000');
    await typeText(inputs[1], '1200');
    expect(document.querySelector('.el-dialog')?.textContent).toContain('扣除项目合计大于应计工资项目，计算基数不能为负数');
    expect(button('确定').disabled).toBe(true);
    await typeText(inputs[1], '200');
    button('确定').click();
    await settle();
    expect(byTestId<HTMLInputElement>('dues-base-张三')!.value).toBe('800.00');
  });
});
