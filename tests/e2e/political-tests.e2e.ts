/** 政治理论测试, click by click: the demo's tests, importing a score workbook to see 合格率 and 平均分, and drawing an 抽测 with a seed. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { goto, saveFromPreview, toast } from './support/pages.ts';
import { plainWorkbook } from '../support/score-workbooks.ts';

describe.skipIf(!hasChromium)('政治理论测试', () => {
  const ui = useApp({ demo: true });

  it('lists the demo tests; the 全员普测 reads like the example summary', async () => {
    await goto(ui.page, '/tests');
    await expect.poll(() => ui.page.getByTestId('tests-table').innerText()).toContain('第二季度政治理论知识测试');
    await ui.page.getByTestId('tests-table').locator('tr', { hasText: '2026-04-22' }).click();
    await expect.poll(() => ui.page.getByTestId('test-sentence').innerText()).toBe('全局共99名民警参加全员普测，合格率100%，平均分97.6');
    await snap(ui.page, 'e2e-tests-demo');
  });

  it('imports a score workbook: a bad score first refuses the whole file, then the corrected one shows 合格率 and 平均分', async () => {
    const bad = `${ui.app.dataDir}/bad-scores.xlsx`;
    fs.writeFileSync(bad, await plainWorkbook([{ name: '外一', score: 97.5, department: '机关' }, { name: '外二', score: 150, department: '机关' }]));
    await ui.page.getByTestId('tests-import').click();
    await ui.page.getByTestId('test-name').fill('第四季度政治理论知识测试');
    await ui.page.getByTestId('test-file').setInputFiles(bad);
    await expect.poll(() => ui.page.getByTestId('test-import-summary').innerText()).toContain('1 行有误');
    expect(await ui.page.getByTestId('test-import-problems').innerText()).toContain('150 不在 0 至 100 分之间');
    expect(await ui.page.getByTestId('test-import-commit').isDisabled()).toBe(true);
    const good = `${ui.app.dataDir}/scores.xlsx`;
    fs.writeFileSync(good, await plainWorkbook([{ name: '外一', score: 97.5, department: '机关' }, { name: '外二', score: 97.6, department: '机关' }, { name: '外三', score: 50, department: '巡特警大队' }]));
    await ui.page.getByTestId('test-file').setInputFiles(good);
    await expect.poll(() => ui.page.getByTestId('test-import-summary').innerText()).toContain('全部正确');
    await snap(ui.page, 'e2e-tests-import');
    await ui.page.getByTestId('test-import-commit').click();
    expect(await toast(ui.page, '已导入')).toContain('3 人的成绩');
    await expect.poll(() => ui.page.getByTestId('test-pass-rate').innerText()).toContain('66.7%');
    expect(await ui.page.getByTestId('test-average').innerText()).toContain('81.7');
    expect(await ui.page.getByTestId('test-sentence').innerText()).toBe('全局共3名民警参加全员普测，合格率66.7%，平均分81.7');
    expect(await ui.page.getByTestId('tests-table').innerText()).toContain(TODAY);
  });

  it('draws an 抽测 of 2 from that test with seed 42 and prints the list', async () => {
    await ui.page.getByTestId('tests-draw').click();
    await ui.page.getByTestId('draw-seed').fill('42');
    const count = ui.page.getByTestId('draw-count').locator('input');
    await count.fill('2');
    await count.blur();
    await ui.page.getByTestId('draw-run').click();
    await expect.poll(() => ui.page.getByTestId('draw-summary').innerText()).toContain('从 3 人中抽取 2 人，随机种子 42（按此种子重新抽取结果相同）');
    const names = (await ui.page.getByTestId('draw-table').locator('tbody tr td:nth-child(2)').allInnerTexts()).map((s) => s.trim());
    expect(names).toHaveLength(2);
    await snap(ui.page, 'e2e-tests-draw');
    const d = await saveFromPreview(ui.page, () => ui.page.getByTestId('draw-print').click());
    const saved = `${ui.app.dataDir}/draw.xlsx`;
    await d.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('抽测名单')!;
    expect([ws.getCell('B4').value, ws.getCell('B5').value]).toEqual(names);
  });
});
