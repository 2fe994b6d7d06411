/** Transfer a member out of the demo bureau, print the three-part 介绍信, then record the receipt when it comes back. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { addDays, addMonths, monthOf } from '../../common/dates.ts';
import { monthNumerals } from '../../core/transfers/numerals.ts';
import { choose, fillDate, goto, toast, saveFromPreview } from './support/pages.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';

describe.skipIf(!hasChromium)('transfer out, click by click', () => {
  const ui = useApp({ demo: true });

  it('shows the demo transfers and the outstanding receipt on the home page', async () => {
    await expect.poll(() => ui.page.getByTestId('widget-transfers').innerText()).toContain('过有效期');
    await goto(ui.page, '/transfers');
    await expect.poll(() => ui.page.getByTestId('transfer-table').innerText()).toContain('欧阳晓峰');
  });

  it('walks the wizard and issues the letter', async () => {
    await ui.page.getByTestId('transfer-out-start').click();
    await choose(ui.page, 'transfer-out-member', '杨浩然');
    await ui.page.getByTestId('transfer-out-next').click();
    await ui.page.getByTestId('transfer-out-to').fill('中共江城市公安局交警支队委员会');
    const dues = ui.page.getByTestId('transfer-out-dues').locator('input').first();
    await expect.poll(() => ui.page.getByTestId('transfer-out-dues').innerText()).toMatch(/党费台账/);
    if (await dues.isEnabled()) await fillDate(ui.page, 'transfer-out-dues', monthOf(TODAY));
    await snap(ui.page, 'e2e-transfer-out-form');
    await ui.page.getByTestId('transfer-out-next').click();
    await expect.poll(() => ui.page.locator('.el-descriptions').innerText()).toContain('中共江城市公安局交警支队委员会');
    await ui.page.getByTestId('transfer-out-issue').click();
    expect(await toast(ui.page)).toMatch(/已开具介绍信第\d+号，杨浩然已转出/);
    await snap(ui.page, 'e2e-transfer-out-done');
  });

  it('prints the three-part letter with the dues month and validity in capital numerals (大写)', async () => {
    const d = await saveFromPreview(ui.page, () => ui.page.getByTestId('transfer-out-print').click());
    expect(d.suggestedFilename()).toMatch(/^党员组织关系介绍信第\d+号（杨浩然）\.docx$/);
    const saved = `${ui.app.dataDir}/letter.docx`;
    await d.saveAs(saved);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(saved))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const part of ['（存　根）', '（介绍信）', '（回　执）']) expect(text).toContain(part);
    // the month the dues ledger says were paid up to: this month or one of the two before it
    const paidTo = [0, -1, -2].map((n) => monthNumerals(monthOf(addMonths(TODAY, n)), 'financial'));
    expect(paidTo.some((m) => text.includes(`党费已交到 ${m} `))).toBe(true);
    expect(text).toContain('（有效期 叁拾 天）');
  });

  it('takes the member off the roster and tracks the receipt until it is recorded', async () => {
    await goto(ui.page, '/members');
    await ui.page.getByTestId('member-search').fill('杨浩然');
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).not.toContain('杨浩然');
    await goto(ui.page, '/transfers/receipts');
    const row = ui.page.getByTestId('receipt-table').locator('tr', { hasText: '杨浩然' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('receipt-record').click();
    await ui.page.getByTestId('receipt-save').click();
    await expect.poll(() => ui.page.locator('.el-message', { hasText: '已登记收到回执' }).count()).toBe(1);
    await expect.poll(() => ui.page.getByTestId('receipt-table').innerText()).not.toContain('杨浩然');
    await snap(ui.page, 'e2e-transfer-receipts');
  });
  it('registers a member transferred in, who then appears on the branch roster', async () => {
    await goto(ui.page, '/transfers');
    await ui.page.getByTestId('transfer-in-start').click();
    await ui.page.getByTestId('transfer-in-no').fill(`${TODAY.slice(0, 4)}088`);
    await ui.page.getByTestId('transfer-in-from').fill('江城市公安局江南分局刑侦大队党支部');
    await fillDate(ui.page, 'transfer-in-letter-date', addDays(TODAY, -8));
    await choose(ui.page, 'transfer-in-branch', '刑侦大队党支部');
    await ui.page.getByTestId('transfer-in-name').fill('司马振华');
    await ui.page.getByTestId('transfer-in-id').fill(makeIdNumber('420102', '1987-09-09', 57, true));
    await ui.page.getByTestId('transfer-in-id').blur();
    await fillDate(ui.page, 'transfer-in-join', '2010-06-30');
    await snap(ui.page, 'e2e-transfer-in-form');
    await ui.page.getByTestId('transfer-in-save').click();
    await expect.poll(() => ui.page.locator('.el-message', { hasText: '司马振华已转入刑侦大队党支部' }).count()).toBe(1);
    await expect.poll(() => ui.page.getByTestId('transfer-table').innerText()).toContain('司马振华');
    await snap(ui.page, 'e2e-transfer-list');
    await goto(ui.page, '/members');
    await ui.page.getByTestId('member-search').fill('司马振华');
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).toContain('刑侦大队党支部');
  });

  it('asks before printing a letter when 单位设置 has no 联系电话, and prints only when told to', async () => {
    await goto(ui.page, '/settings');
    await expect.poll(() => ui.page.getByTestId('unit-phone').inputValue()).toBe('0710-3216001');
    await ui.page.getByTestId('unit-phone').fill('');
    await ui.page.getByTestId('unit-save').click();
    await toast(ui.page, '已保存');
    await goto(ui.page, '/transfers');
    const row = ui.page.getByTestId('transfer-table').locator('tr', { hasText: '杨浩然' });
    await row.getByTestId('transfer-print').click();
    const box = ui.page.locator('.el-message-box');
    await expect.poll(() => box.innerText()).toContain('单位设置中未填写联系电话，介绍信上将留空。仍要打印吗？');
    await snap(ui.page, 'e2e-transfer-letter-warning');
    await box.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => box.isVisible()).toBe(false);
    const download = await saveFromPreview(ui.page, async () => {
      await row.getByTestId('transfer-print').click();
      await box.getByRole('button', { name: '仍要打印' }).click();
    });
    expect(download.suggestedFilename()).toMatch(/^党员组织关系介绍信第\d+号（杨浩然）\.docx$/);
  });

  it('links “党费只交到…请先补交” to 党费收缴, which opens the payment form for that member', async () => {
    // a member on the roster behind with dues (read from the ledger file, read-only)
    const db = new Database(path.join(ui.app.dataDir, 'ledger.sqlite'), { readonly: true });
    const behind = db
      .prepare(
        `select m.name from members m where m.left_type is null and m.deleted_at is null
           and (select max(month) from dues_payments p where p.member_id = m.id and p.deleted_at is null) < ? order by m.name limit 1`,
      )
      .get(monthOf(TODAY)) as { name: string };
    db.close();
    await goto(ui.page, '/transfers');
    await ui.page.getByTestId('transfer-out-start').click();
    await choose(ui.page, 'transfer-out-member', behind.name);
    await ui.page.getByTestId('transfer-out-next').click();
    await expect.poll(() => ui.page.getByTestId('transfer-out-dues-behind').innerText()).toContain('请先');
    const [py, pm] = /党费只交到 (\d{4})-(\d{2})/.exec(await ui.page.getByTestId('transfer-out-dues-behind').innerText())!.slice(1).map(Number);
    const firstUnpaid = pm === 12 ? `${py + 1}年1月` : `${py}年${pm + 1}月`;
    await ui.page.getByTestId('transfer-out-pay-dues').click();
    await expect.poll(() => ui.page.url()).toContain('/dues/collection');
    await expect.poll(() => ui.page.locator('.el-dialog__title').innerText()).toBe(`登记党费：${behind.name}`);
    // the form opens on the first month after the one paid, in that month's year
    expect(await ui.page.getByTestId('dues-pay-months').innerText()).toContain(firstUnpaid);
    await snap(ui.page, 'e2e-transfer-pay-dues');
    await ui.page.keyboard.press('Escape');
  });

  it('after the letter for a member who holds a post, offers 办理卸任 in place and ends the post', async () => {
    const db = new Database(path.join(ui.app.dataDir, 'ledger.sqlite'), { readonly: true });
    const holder = db
      .prepare(
        `select m.name, u.name as org, r.role, r.id from org_roles r join members m on m.id = r.member_id join org_units u on u.id = r.org_id
          where r.end_on is null and r.deleted_at is null and m.left_type is null and r.role = '组织委员' order by m.name limit 1`,
      )
      .get() as { name: string; org: string; role: string; id: string };
    db.close();
    await goto(ui.page, '/transfers');
    await ui.page.getByTestId('transfer-out-start').click();
    await choose(ui.page, 'transfer-out-member', holder.name);
    await ui.page.getByTestId('transfer-out-next').click();
    await ui.page.getByTestId('transfer-out-to').fill('中共江城市公安局江北分局委员会');
    const dues = ui.page.getByTestId('transfer-out-dues').locator('input').first();
    await expect.poll(() => ui.page.getByTestId('transfer-out-dues').innerText()).toMatch(/党费台账/);
    if (await dues.isEnabled()) await fillDate(ui.page, 'transfer-out-dues', monthOf(TODAY));
    await ui.page.getByTestId('transfer-out-next').click();
    await ui.page.getByTestId('transfer-out-issue').click();
    await toast(ui.page, '已开具介绍信');
    const post = ui.page.getByTestId('transfer-out-post');
    await expect.poll(() => post.innerText()).toContain(`现任${holder.org}${holder.role}`);
    await post.getByTestId('transfer-out-end-post').click();
    await expect.poll(() => post.innerText()).toContain(`已于 ${TODAY} 卸任`);
    await snap(ui.page, 'e2e-transfer-end-post');
    const after = new Database(path.join(ui.app.dataDir, 'ledger.sqlite'), { readonly: true });
    expect((after.prepare('select end_on from org_roles where id = ?').get(holder.id) as { end_on: string }).end_on).toBe(TODAY);
    after.close();
  });
});
