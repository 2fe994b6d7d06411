/**
 * 全局搜索 on the demo bureau, click by click: Ctrl+K from any page, "zwh" and Enter open
 * 张文华's record; a meeting found by a word of its content opens that meeting (never an
 * empty 新增 form), also from the 组织生活记录 page itself; 单位设置 opens by name.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto } from './support/pages.ts';

/** A handler called the way the page calls it (same origin, the session cookie): fixtures go through handlers. */
async function api<T>(page: Page, name: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(async ([n, i]) => (await fetch(`/api/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(), [name, input] as const);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.result as T;
}

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('global-search');
  await page.keyboard.type(text);
  const panel = page.getByTestId('global-search-results');
  await expect.poll(() => panel.innerText()).not.toContain('正在搜索');
  return panel;
}

describe.skipIf(!hasChromium)('global search, click by click', () => {
  const ui = useApp({ demo: true });
  const WORD = '走访慰问困难党员家庭';
  let meeting: { id: string; topic: string | null; heldOn: string };

  it('Ctrl+K from another page, "zwh", Enter: 张文华’s record opens', async () => {
    const page = ui.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    // a demo member renamed through members/update, as the clerk would in the dialog
    const list = await api<{ rows: { id: string }[] }>(page, 'members/list', { pageSize: 1 });
    const m = await api<Record<string, unknown>>(page, 'members/get', { id: list.rows[0].id });
    await api(page, 'members/update', { ...m, name: '张文华' });
    await goto(page, '/dues/collection');
    const panel = await search(page, 'zwh');
    await expect.poll(() => panel.locator('[data-kind="member"] .gs-hit').first().innerText()).toContain('张文华');
    expect(await panel.innerText()).not.toMatch(/\d{17}[\dX]/); // ID numbers only masked
    await snap(page, 'e2e-search-1024');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('mf-name').inputValue()).toBe('张文华');
    expect(await page.locator('.el-dialog__title', { hasText: '编辑党员：张文华' }).count()).toBe(1);
    // the id is taken from the address once: it is gone after opening
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/members');
    await page.keyboard.press('Escape');
  });

  it('a meeting found by a content word opens that meeting, not an empty 新增 form, from another page and from its own', async () => {
    const page = ui.page;
    const rows = await api<{ rows: { id: string }[] }>(page, 'activities/page', { page: 1, pageSize: 5 });
    const a = await api<Record<string, unknown> & { id: string; topic: string | null; heldOn: string; content: string | null }>(page, 'activities/get', { id: rows.rows[3].id });
    await api(page, 'activities/update', { ...a, content: `${a.content ?? ''}\n会后${WORD}。` });
    meeting = a;
    for (const from of ['/org', '/activities']) {
      await goto(page, from);
      const editor = page.getByTestId('activity-editor');
      if (from === '/activities') {
        // a 新增 form open: Ctrl+K leaves the dialog its keyboard; closed, the hit on this same page opens the record, not a new one
        await page.getByTestId('activity-add').click();
        await editor.locator('.el-dialog__title', { hasText: '新增组织生活记录' }).waitFor();
        await page.getByTestId('af-topic').click();
        await page.keyboard.press('Control+k');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('af-topic');
        await editor.locator('.el-dialog__headerbtn').click();
        await expect.poll(() => page.locator('.el-overlay:visible').count()).toBe(0);
      }
      const panel = await search(page, WORD);
      await expect.poll(() => panel.locator('[data-kind="activity"] .gs-hit').count()).toBe(1);
      expect(await panel.locator('[data-kind="activity"]').innerText()).toContain(meeting.heldOn);
      await page.keyboard.press('Enter');
      await editor.locator('.el-dialog__title', { hasText: '编辑组织生活记录' }).waitFor();
      await expect.poll(() => editor.locator('[data-loaded="true"]').count()).toBe(1);
      expect(await page.getByTestId('af-topic').inputValue()).toBe(meeting.topic ?? '');
      expect(await page.getByTestId('af-content').inputValue()).toContain(WORD);
      expect(await editor.locator('.el-dialog__title', { hasText: '新增' }).count()).toBe(0);
      await editor.locator('.el-dialog__headerbtn').click();
      await editor.locator('.el-dialog').waitFor({ state: 'hidden' });
    }
  });

  it('单位设置 opens by name; 介绍信设置 opens its section; Esc closes the list', async () => {
    const page = ui.page;
    await goto(page, '/members');
    let panel = await search(page, '单位设置');
    await expect.poll(() => panel.locator('[data-kind="page"] .gs-hit').first().innerText()).toContain('单位设置');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/settings/);
    await page.getByTestId('unit-name').waitFor();
    await page.setViewportSize({ width: 1400, height: 900 });
    panel = await search(page, '介绍信');
    await expect.poll(() => panel.innerText()).toContain('介绍信设置');
    await snap(page, 'e2e-search-1400');
    const hits = panel.locator('.gs-hit');
    const titles = await hits.locator('.gs-title').allInnerTexts();
    for (let i = 0; i < titles.indexOf('介绍信设置'); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('section=letter');
    await search(page, 'zwh');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('global-search-results').count()).toBe(0);
  });
});
