/**
 * Masked ID numbers and the tamper-evident log, click by click on the demo bureau:
 * search by ID digits answers masked, 显示 reveals one member and is logged,
 * 校验日志 holds — until a row is edited with raw SQL beside the running app.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('ID numbers and the operation log, click by click', () => {
  const ui = useApp({ demo: true });
  const ledgerFile = () => path.join(ui.app.dataDir, 'ledger.sqlite');
  let person: { name: string; id_number: string };

  it('finds a member by the middle digits of the ID number and shows it masked', async () => {
    const db = new Database(ledgerFile(), { readonly: true });
    person = db.prepare("select name, id_number from members where left_type is null and deleted_at is null order by name limit 1").get() as typeof person;
    db.close();
    await goto(ui.page, '/members');
    await ui.page.getByTestId('member-search').fill(person.id_number.slice(6, 14));
    const masked = `${person.id_number.slice(0, 6)}********${person.id_number.slice(-4)}`;
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).toContain(masked);
    const table = await ui.page.getByTestId('member-table').innerText();
    expect(table).toContain(person.name);
    expect(table).not.toContain(person.id_number);
  });

  it('显示 in the member dialog reveals the full number; the log says who looked', async () => {
    await ui.page.getByTestId('member-table').locator('tr', { hasText: person.name }).getByRole('button', { name: '编辑' }).click();
    const field = ui.page.getByTestId('mf-idNumber');
    await expect.poll(() => field.inputValue()).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    await ui.page.getByTestId('mf-reveal').click();
    await expect.poll(() => field.inputValue()).toBe(person.id_number);
    await snap(ui.page, 'e2e-id-revealed');
    await ui.page.getByTestId('mf-save').click();
    await toast(ui.page, '已保存');
    const db = new Database(ledgerFile(), { readonly: true });
    expect((db.prepare('select id_number from members where name = ?').get(person.name) as { id_number: string }).id_number).toBe(person.id_number);
    db.close();
    await goto(ui.page, '/audit');
    await expect.poll(() => ui.page.getByTestId('audit-table').innerText()).toContain(`查看身份证号：党员“${person.name}”`);
  });

  it('校验日志 says the log holds, and names the row edited outside the app', async () => {
    await ui.page.getByTestId('audit-verify').click();
    await expect.poll(() => ui.page.getByTestId('audit-verify-result').innerText()).toContain('操作日志完好');
    const db = new Database(ledgerFile());
    const row = db.prepare('select id, seq from audit_log order by seq limit 1 offset 2').get() as { id: string; seq: number };
    db.prepare("update audit_log set actor = '他人' where id = ?").run(row.id);
    db.close();
    await ui.page.getByTestId('audit-verify').click();
    await expect.poll(() => ui.page.getByTestId('audit-verify-result').innerText()).toContain(`第 ${row.seq} 条记录`);
    expect(await ui.page.getByTestId('audit-verify-result').innerText()).toContain(row.id);
    await snap(ui.page, 'e2e-audit-broken');
  });

  it('单位信息 saves through its own handler', async () => {
    await goto(ui.page, '/settings');
    await ui.page.getByTestId('unit-name').fill('江城市公安局临江分局（改）');
    await ui.page.getByTestId('unit-save').click();
    await toast(ui.page, '已保存');
    await expect.poll(() => ui.page.getByTestId('brand').innerText()).toContain('江城市公安局临江分局（改）');
  });
});
