// @vitest-environment happy-dom
/** Recording a dues payment: the method and the type a month suggests, the months offered, the total, and what is sent. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import type { CollectionRow, GridCell, Payment } from '../../core/dues/collect';
import { answer, byTestId, callsTo, formItem, messages, mountReal, resetFake, settle, typeText } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: PayDialog } = await import('../../renderer/src/views/dues/PayDialog.vue');
const { ApiError } = await import('../../renderer/src/api/client');

const TODAY = '2026-11-28';
const payment = (month: string): Payment => ({
  id: `p-${month}`, memberId: 'm1', branchId: 'b1', month, paidOn: '2026-03-10', method: '现金', payKind: '按月', paidFen: 3000, dueFen: 3000, payerName: null, receiptNo: null, collector: null, reason: null, consentRef: null, note: null,
});

/** 2026 for one member: 30.00 元 a month; March paid; not yet a member in January; no standard for February. */
function row(): CollectionRow {
  const cells: GridCell[] = Array.from({ length: 12 }, (_, i) => {
    const month = `2026-${String(i + 1).padStart(2, '0')}`;
    if (month === '2026-01') return { month, owed: false, dueFen: null, payment: null };
    if (month === '2026-02') return { month, owed: true, dueFen: null, payment: null };
    return { month, owed: true, dueFen: 3000, payment: month === '2026-03' ? payment(month) : null };
  });
  return { memberId: 'm1', name: '张三', category: '在职', partyStatus: '正式', leftType: null, leftDate: null, standardFen: 3000, cells, dueTotalFen: 33000, paidTotalFen: 3000 };
}

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
});

async function openFor(month: string) {
  const w = mountReal(PayDialog, { pinia, props: { row: row(), month, today: TODAY } });
  await settle();
  return w;
}

const active = (testId: string) => byTestId(testId)?.querySelector('.el-radio-button.is-active')?.textContent?.trim();
const method = () => active('dues-pay-method');
const kind = () => active('dues-pay-kind');
const disabledKinds = () => [...byTestId('dues-pay-kind')!.querySelectorAll('.el-radio-button.is-disabled')].map((e) => e.textContent?.trim());
const amountInput = () => formItem('每月实缴').querySelector('input')!;
const offeredMonths = () => [...document.querySelectorAll('.el-select-dropdown__item')].map((e) => e.textContent?.trim());
async function chooseMonth(label: string) {
  [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((e) => e.textContent?.trim() === label)!.click();
  await settle();
}
async function save() {
  byTestId('dues-pay-save')!.click();
  await settle();
}

describe('PayDialog', () => {
  it('缴纳方式 starts at 现金; 缴纳类型 follows the dates: 补交 for a past month, 按月 for this month, 预交 ahead', async () => {
    for (const [month, expected, disabled] of [['2026-05', '补交', ['预交']], ['2026-11', '按月', ['补交', '预交']], ['2026-12', '预交', ['补交']]] as const) {
      resetFake();
      await openFor(month);
      expect(method(), month).toBe('现金');
      expect(kind(), month).toBe(expected);
      expect(disabledKinds(), month).toEqual(expect.arrayContaining([...disabled]));
    }
  });

  it('offers only months still owed that have a standard', async () => {
    await openFor('2026-05');
    expect(offeredMonths()).toEqual(['2026年4月', '2026年5月', '2026年6月', '2026年7月', '2026年8月', '2026年9月', '2026年10月', '2026年11月', '2026年12月']);
  });

  it('left empty, the amount is the standard: the total adds each chosen month, and no amount is sent', async () => {
    answer('dues/pay', () => ({ ids: ['x'] }));
    const w = await openFor('2026-10');
    expect(amountInput().placeholder).toBe('标准 30.00 元');
    expect(formItem('每月实缴').textContent).toContain('合计 30.00 元');
    await chooseMonth('2026年11月');
    await chooseMonth('2026年12月');
    expect(formItem('每月实缴').textContent).toContain('合计 90.00 元');
    // 补交 no longer fits 11月 and 12月: the type gives way to 按月, and each month's own type is shown
    expect(kind()).toBe('按月');
    expect(byTestId('dues-pay-kinds')!.textContent).toContain('10月补交、11月按月、12月预交');
    await save();
    expect(callsTo('dues/pay')).toEqual([
      { memberId: 'm1', months: ['2026-10', '2026-11', '2026-12'], paidOn: TODAY, method: '现金', payKind: '按月', amountFen: null, payerName: null, receiptNo: null, collector: null, reason: null, consentRef: null },
    ]);
    expect(messages()).toContain('已登记');
    expect(w.emitted('saved')).toHaveLength(1);
    expect(w.emitted('close')).toHaveLength(1);
  });

  it('an amount other than the standard asks for the reason and is sent in 分', async () => {
    answer('dues/pay', () => ({ ids: ['x'] }));
    await openFor('2026-11');
    expect(() => formItem('原因')).toThrow();
    await typeText(amountInput(), '30');
    expect(() => formItem('原因')).toThrow();
    await typeText(amountInput(), '50.5');
    expect(formItem('原因').classList.contains('is-required')).toBe(true);
    expect(formItem('每月实缴').textContent).toContain('合计 50.50 元');
    await typeText(formItem('原因').querySelector('input')!, '自愿多交');
    await save();
    expect(callsTo('dues/pay')[0]).toMatchObject({ months: ['2026-11'], method: '现金', amountFen: 5050, reason: '自愿多交' });
  });

  it('text that is not an amount is refused before anything is sent', async () => {
    const w = await openFor('2026-11');
    await typeText(amountInput(), '30.001');
    await save();
    expect(messages()).toEqual(['“每月实缴”不是有效金额']);
    expect(callsTo('dues/pay')).toEqual([]);
    expect(w.emitted('close')).toBeUndefined();
  });

  it("the core's refusal is shown and the dialog stays open", async () => {
    answer('dues/pay', () => {
      throw new ApiError('每月 1000 元以上的自愿多交请按大额党费办理', 'amountFen');
    });
    const w = await openFor('2026-11');
    await typeText(amountInput(), '1000');
    await typeText(formItem('原因').querySelector('input')!, '自愿多交');
    await save();
    expect(messages()).toEqual(['每月 1000 元以上的自愿多交请按大额党费办理']);
    expect(w.emitted('saved')).toBeUndefined();
    expect(w.emitted('close')).toBeUndefined();
  });
});
