/** 学习教育, click by click: the demo's 中心组 year, recording a 中心组学习 with a 第一议题 from its plan topic, and the topic shown done. */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, saveFromPreview, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('学习教育 · 理论学习中心组', () => {
  const ui = useApp({ demo: true });

  it('shows the demo plan, its progress and the first half-year figures', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/study');
    await expect.poll(() => ui.page.getByTestId('plan-table').innerText()).toContain('年度学习总结交流');
    expect(await ui.page.getByTestId('topic-status-2').innerText()).toBe('已完成');
    expect(await ui.page.getByTestId('topic-status-12').innerText()).toBe('未到期');
    await expect.poll(() => ui.page.getByTestId('study-sentence').innerText()).toContain('中心组集中学习');
    await snap(ui.page, 'e2e-study-central-group');
  });

  it('records a 中心组学习 with a 第一议题 linked to a plan topic; the topic is then done', async () => {
    await ui.page.getByTestId('topic-record-12').click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.locator('.el-tabs__item', { hasText: '出席情况' }).innerText()).not.toContain('（0/0）');
    await editor.locator('.el-tabs__item', { hasText: '第一议题' }).click();
    await expect.poll(() => ui.page.getByTestId('ft-plan-topic').innerText()).toContain('12. 年度学习总结交流');
    await ui.page.getByTestId('ft-title').fill('习近平总书记最新重要讲话精神');
    await ui.page.getByTestId('ft-source').fill('新华社通稿');
    await snap(ui.page, 'e2e-study-first-topic');
    await ui.page.getByTestId('af-save').click();
    await toast(ui.page, '已保存');
    await expect.poll(() => ui.page.getByTestId('topic-status-12').innerText()).toBe('已完成');
    expect(await ui.page.getByTestId('plan-table').innerText()).toContain('2026-11-28');
  });

  it('the compliance calendar lists the May session without a 第一议题', async () => {
    await goto(ui.page, '/activities/calendar');
    await expect.poll(() => ui.page.getByTestId('first-topic-gaps').innerText()).toContain('2026年5月18日的理论学习中心组学习未记录第一议题');
    await expect.poll(() => ui.page.locator('[data-testid=calendar-grid]').isVisible()).toBe(true);
    await snap(ui.page, 'e2e-study-calendar-gaps');
  });

  it('exports the month\'s 学习提醒 from its tab, shown before it is saved', async () => {
    await goto(ui.page, '/study');
    await ui.page.getByTestId('study-tabs').locator('.el-tabs__item', { hasText: '学习提醒' }).click();
    await expect.poll(() => ui.page.getByTestId('study-reminder').innerText()).toContain('10 月起学时尚未达标的党员名单');
    await snap(ui.page, 'e2e-study-reminder');
    const d = await saveFromPreview(ui.page, () => ui.page.getByTestId('export-reminder').click());
    expect(d.suggestedFilename()).toBe('2026年11月学习提醒.docx');
  });
});
