/** 评星定级, click by click on the demo: 9 四星 and 2 五星 under the example scheme (marked as such), a branch's sheet with each point's source, a hand score with its evidence file raising the score, the scheme editor. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('评星定级', () => {
  const ui = useApp({ demo: true });

  it('scores the stars and shows where every point of a sheet came from', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/stars');
    await expect.poll(() => ui.page.getByTestId('stars-count-四星').innerText()).toBe('四星 9 个');
    expect(await ui.page.getByTestId('stars-count-五星').innerText()).toBe('五星 2 个');
    expect(await ui.page.getByTestId('stars-example-mark').innerText()).toBe('示例（本地做法，需按本单位考核办法调整）');
    await ui.page.waitForTimeout(500); // the tags fade in
    await snap(ui.page, 'e2e-stars-results');
    await ui.page.getByTestId('stars-open-刑侦大队党支部').click();
    const sheet = ui.page.getByTestId('stars-sheet');
    await expect.poll(() => sheet.getByTestId('line-fact-meetings').innerText()).toContain('按期开展');
    expect(await sheet.getByTestId('line-source-meetings').innerText()).toBe('三会一课落实情况（组织生活检查）');
    expect(await sheet.getByTestId('line-source-dues').innerText()).toBe('党费按月缴纳率（党费台账）');
    expect(await sheet.getByTestId('line-fact-term').innerText()).toMatch(/^本届自.+起，任期 3 年，.+届满，按期$/);
    expect(await sheet.getByTestId('line-fact-rectification').innerText()).toContain('责任单位为本支部的整改事项');
    expect(await sheet.getByTestId('sheet-stars').innerText()).toBe('五星');
    expect(await sheet.innerText()).toContain('证明材料：查阅党建创新项目申报书及成效材料');
    await snap(ui.page, 'e2e-stars-sheet');
    await sheet.locator('.el-drawer__close-btn').click();
  });

  it('a hand score with its evidence file raises a branch\'s score by its points', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await ui.page.getByTestId('stars-open-机关第二党支部').click();
    const sheet = ui.page.getByTestId('stars-sheet');
    await expect.poll(() => sheet.getByTestId('line-fact-innovation').innerText()).toBe('尚未评分');
    const before = Number(await sheet.getByTestId('sheet-score').innerText());
    await sheet.getByTestId('line-score-innovation').click();
    const points = ui.page.getByTestId('entry-points').locator('input');
    await points.fill('6');
    await points.blur();
    await ui.page.getByTestId('entry-evidence').fill('“指挥调度党员先锋岗”创新项目申报书及成效报告');
    const file = `${ui.app.dataDir}/创新项目.pdf`;
    fs.writeFileSync(file, '%PDF-1.4\n%%EOF\n');
    await ui.page.getByTestId('entry-files').setInputFiles(file);
    await snap(ui.page, 'e2e-stars-entry');
    await ui.page.getByTestId('entry-save').click();
    await toast(ui.page, '已保存');
    await expect.poll(async () => Math.round(Number(await sheet.getByTestId('sheet-score').innerText()) * 10)).toBe(Math.round(before * 10) + 60);
    expect(await sheet.getByTestId('line-fact-innovation').innerText()).toBe('手工评分 6 分');
    expect(await sheet.innerText()).toContain('（附件 1 份）');
    await sheet.locator('.el-drawer__close-btn').click();
  });

  it('the scheme tab shows the example with its sources and the bands with their bounds', async () => {
    await ui.page.getByRole('tab', { name: '评星方案' }).click();
    const editor = ui.page.getByTestId('scheme-editor');
    await expect.poll(() => editor.innerText()).toContain('示例（本地做法，需按本单位考核办法调整）');
    expect(await editor.innerText()).toContain('无全国统一标准');
    expect(await ui.page.getByTestId('scheme-bands').locator('tbody tr').count()).toBe(5);
    await snap(ui.page, 'e2e-stars-scheme');
  });

  it('the scheme editor adds a group, a deduction, a veto, a band and a quota; bad input is named in Chinese; saving adds a version', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/stars');
    await ui.page.getByRole('tab', { name: '评星方案' }).click();
    const editor = ui.page.getByTestId('scheme-editor');
    await editor.getByTestId('scheme-edit').click();
    await expect.poll(() => editor.getByTestId('scheme-version-name').inputValue()).toBe('2026本单位');
    await editor.getByTestId('scheme-source').fill('本单位规定：分局党委党建工作考核办法（2026）');
    const groups = await editor.locator('[data-testid^="scheme-group-name-"]').count();
    await editor.getByTestId('scheme-add-group').click();
    // the new group has no name yet: refused by the scheme's own rules, in Chinese, nothing saved
    await editor.getByTestId('scheme-save').click();
    expect(await toast(ui.page, '不能为空')).toMatch(/指标组第\d+项的名称”不能为空/);
    await editor.getByTestId(`scheme-group-name-${groups}`).fill('安全稳定');
    await editor.getByTestId(`scheme-ind-name-${groups}-0`).fill('队伍安全稳定');
    await editor.getByTestId(`scheme-ind-max-${groups}-0`).locator('input').fill('4');
    await editor.getByTestId('scheme-add-deduction').click();
    const deductions = await editor.locator('[data-testid^="scheme-deduction-name-"]').count();
    await editor.getByTestId(`scheme-deduction-name-${deductions - 1}`).fill('发生一般违纪问题');
    await editor.getByTestId(`scheme-deduction-points-${deductions - 1}`).locator('input').fill('2');
    await editor.getByTestId('scheme-add-veto').click();
    const vetoes = await editor.locator('[data-testid^="scheme-veto-name-"]').count();
    await editor.getByTestId(`scheme-veto-name-${vetoes - 1}`).fill('发生重大安全责任事故');
    // a band for 一星 already exists: the new one is refused as a duplicate until it gets its own stars; remove it instead
    const bands = editor.getByTestId('scheme-bands').locator('.el-table__body tbody tr');
    expect(await bands.count()).toBe(5);
    await editor.getByTestId('scheme-bands').locator('.el-table__body tbody tr').last().getByRole('button', { name: '删除' }).click();
    expect(await bands.count()).toBe(4);
    await editor.getByTestId('scheme-add-band').click();
    expect(await bands.count()).toBe(5);
    // the new 一星 band: below 60, 60 not included
    await editor.getByTestId('scheme-band-max-4').locator('input').fill('60');
    await editor.getByTestId('scheme-band-max-4').locator('input').press('Tab');
    await expect.poll(() => bands.nth(4).innerText()).toContain('60 分（不含）以下');
    await editor.getByTestId('scheme-quota-percent-0').locator('input').fill('25');
    await snap(ui.page, 'e2e-stars-scheme-edit');
    await editor.getByTestId('scheme-save').click();
    await toast(ui.page, '已保存本单位评星方案');
    await expect.poll(() => editor.getByTestId('scheme-version').innerText()).toContain('2026本单位');
    expect(await editor.getByTestId(`scheme-deduction-name-${deductions - 1}`).inputValue()).toBe('发生一般违纪问题');
    expect(await editor.getByTestId(`scheme-veto-name-${vetoes - 1}`).inputValue()).toBe('发生重大安全责任事故');
    expect(await bands.nth(4).innerText()).toContain('60 分（不含）以下');
    expect(await editor.getByTestId(`scheme-group-name-${groups}`).inputValue()).toBe('安全稳定');
    expect(await editor.getByTestId('scheme-quota-percent-0').locator('input').inputValue()).toBe('25');
    // editing again proposes a new version name: saving never rewrites one
    await editor.getByTestId('scheme-edit').click();
    await expect.poll(() => editor.getByTestId('scheme-version-name').inputValue()).toBe('2026本单位第2版');
    await editor.getByTestId('scheme-version-name').fill('2026本单位');
    await editor.getByTestId('scheme-save').click();
    expect(await toast(ui.page, '已有')).toContain('版本“2026本单位”已有：保存会另存为一个新版本');
    await editor.getByRole('button', { name: '放弃修改' }).click();
  });
});
