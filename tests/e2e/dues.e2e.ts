/** Dues, click by click: assess a member, record three months, watch the arrears list change, export the ledger. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { addMonths, monthOf } from '../../common/dates.ts';

/** The demo's member three months behind owes the two months before this one and this one. */
const [first, second, current] = [-2, -1, 0].map((n) => monthOf(addMonths(TODAY, n)));
const label = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
/** Ledger columns: 序号, 姓名, 人员类别, 月工资收入, 执行标准, 月缴纳标准, then 1月 in column 7. */
const ledgerColumn = (m: string) => 6 + Number(m.slice(5));
import { choose, goto, toast, saveFromPreview } from './support/pages.ts';

describe.skipIf(!hasChromium)('party dues, click by click', () => {
  const ui = useApp({ demo: true });
  let name = '';
  let branch = '';

  it('shows this month’s collection and the members behind on the home page', async () => {
    await expect.poll(() => ui.page.getByTestId('widget-dues').innerText()).toContain('需支部研究');
    await snap(ui.page, 'e2e-dues-home');
  });

  it('lists the member three months behind in the arrears list', async () => {
    await goto(ui.page, '/dues/arrears');
    const table = ui.page.getByTestId('dues-arrears-table');
    await expect.poll(() => table.innerText()).toContain('需支部研究');
    const row = table.locator('tr.el-table__row', { hasText: '提醒' }).filter({ has: ui.page.locator('b', { hasText: /^3$/ }) }).first();
    const cells = await row.locator('td').allInnerTexts();
    name = cells[0].trim();
    branch = cells[1].trim();
    expect(name).not.toBe('');
    await snap(ui.page, 'e2e-dues-arrears-before');
  });

  it('assesses that member at a new base and sees the whole-amount rate applied', async () => {
    await goto(ui.page, '/dues/assessment');
    await choose(ui.page, 'dues-assess-branch', branch);
    // Element Plus puts the test id on the <input> itself
    const base = ui.page.locator(`input[data-testid="dues-base-${name}"]`);
    await base.waitFor();
    // 比例 and 每月应缴 follow the base as it is typed, before 保存 (the core's formula, the unit's rules)
    await base.fill('12000');
    await expect.poll(() => ui.page.getByTestId(`dues-rate-${name}`).innerText()).toBe('2%');
    await expect.poll(() => ui.page.getByTestId(`dues-monthly-${name}`).innerText()).toBe('240.00');
    await base.fill('5100');
    await expect.poll(() => ui.page.getByTestId(`dues-rate-${name}`).innerText()).toBe('1.5%');
    await expect.poll(() => ui.page.getByTestId(`dues-monthly-${name}`).innerText()).toBe('76.50');
    await ui.page.getByTestId('dues-assess-save').click();
    expect(await toast(ui.page, '已保存')).toContain('已保存 1 人的党费标准');
    await expect.poll(() => ui.page.getByTestId(`dues-monthly-${name}`).innerText()).toBe('76.50');
    await snap(ui.page, 'e2e-dues-assessment');
  });

  it('records the three unpaid months in the collection grid', async () => {
    await goto(ui.page, '/dues/collection');
    await choose(ui.page, 'dues-collect-branch', branch);
    const header = ui.page.getByTestId('dues-collect-table').locator('thead th.this-month');
    const counts = async () => (await header.innerText()).match(/(\d+)\s*\/\s*(\d+)/)!.slice(1).map(Number);
    await expect.poll(() => header.innerText()).toMatch(/\d+\s*\/\s*\d+/);
    const [paidBefore, owedBefore] = await counts();
    await ui.page.getByTestId(`dues-cell-${name}-${first}`).click();
    // 缴纳类型 follows the dates: a past month is 补交 and 预交 cannot be chosen; the method is a separate choice
    await expect.poll(() => ui.page.getByTestId('dues-pay-kind').locator('.is-active').innerText()).toBe('补交');
    expect(await ui.page.getByTestId('dues-pay-kind').locator('.is-disabled').allInnerTexts()).toContain('预交');
    await ui.page.getByTestId('dues-pay-months').click();
    for (const m of [label(second), label(current)]) await ui.page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: m }).click();
    await ui.page.keyboard.press('Escape');
    await ui.page.getByTestId('dues-pay-method').getByText('现金', { exact: true }).click();
    // with this month chosen too, 补交 no longer fits: the type gives way to 按月 and each month's own type is shown
    await expect.poll(() => ui.page.getByTestId('dues-pay-kind').locator('.is-active').innerText()).toBe('按月');
    expect(await ui.page.getByTestId('dues-pay-kinds').innerText()).toContain(`${Number(current.slice(5))}月按月`);
    await snap(ui.page, 'e2e-dues-pay');
    await ui.page.getByTestId('dues-pay-save').click();
    expect(await toast(ui.page, '已登记')).toContain('已登记');
    await expect.poll(() => ui.page.getByTestId(`dues-cell-${name}-${current}`).innerText()).toBe('76.50');
    await expect.poll(() => ui.page.getByTestId(`dues-cell-${name}-${first}`).innerText()).toBe('76.50');
    // the month header's 已交/应交 counter follows the payment without reloading the page
    await expect.poll(counts).toEqual([paidBefore + 1, owedBefore]);
    await snap(ui.page, 'e2e-dues-collection');
  });

  it('no longer lists the member in arrears', async () => {
    await goto(ui.page, '/dues/arrears');
    await expect.poll(() => ui.page.getByTestId('dues-arrears-table').innerText()).toContain('需支部研究');
    expect(await ui.page.getByTestId('dues-arrears-table').innerText()).not.toContain(name);
  });

  it('exports the branch ledger with the payments and totals', async () => {
    await goto(ui.page, '/dues/collection');
    await choose(ui.page, 'dues-collect-branch', branch);
    const d = await saveFromPreview(ui.page, () => ui.page.getByTestId('dues-export-ledger').click());
    expect(d.suggestedFilename()).toBe(`${branch}${TODAY.slice(0, 4)}年党费收缴台账.xlsx`);
    const saved = `${ui.app.dataDir}/ledger.xlsx`;
    await d.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let r = 4;
    while (ws.getCell(r, 2).value !== name) r++;
    expect([first, second, current].map((m) => ws.getCell(r, ledgerColumn(m)).value)).toEqual([76.5, 76.5, 76.5]);
  });

  it('keeps the 上年结转 entered in 党费设置, which 年度核定 links to 单位设置 → 党费', async () => {
    await goto(ui.page, '/dues/assessment');
    await ui.page.getByRole('button', { name: '党费设置' }).click();
    await expect.poll(() => ui.page.url()).toContain('/settings?section=dues');
    const amount = ui.page.getByTestId('dues-opening-amount');
    await expect.poll(() => amount.inputValue()).toBe('12864.50');
    await amount.fill('1000.5');
    await ui.page.getByTestId('dues-settings-save').click();
    expect(await toast(ui.page, '已保存党费设置')).toContain('已保存');
    await goto(ui.page, '/dues/assessment');
    await ui.page.getByRole('button', { name: '党费设置' }).click();
    await expect.poll(() => ui.page.getByTestId('dues-opening-amount').inputValue()).toBe('1000.50');
    await snap(ui.page, 'e2e-dues-settings-opening');
  });
});
