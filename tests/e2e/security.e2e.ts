/**
 * Browser mode's session and the app lock, click by click: the launch code leaves the address bar and
 * cannot be used twice; a PDF attachment previews inside the app's CSP; the clerk sets a password,
 * locks, gets a wrong password refused and unlocks with Enter.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser, useApp } from './support/app.ts';
import { toast } from './support/pages.ts';

/** Counts pure-red pixels of a screenshot, drawn on a canvas in a blank page of the same browser. */
async function redPixels(page: Page, png: Buffer): Promise<number> {
  const ctx = await page.context().browser()!.newContext();
  try {
    const blank = await ctx.newPage();
    return await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] > 200 && d[i + 1] < 60 && d[i + 2] < 60) n++;
      return n;
    }, png.toString('base64'));
  } finally {
    await ctx.close();
  }
}

/** A one-page PDF with a red box and "Page one" on it, offsets computed so the cross-reference table is valid. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = '1 0 0 rg 40 20 220 50 re f 0 0 0 rg BT /F1 36 Tf 40 110 Td (Page one) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe.skipIf(!hasChromium)('browser-mode session and app lock', () => {
  const ui = useApp({ demo: true });
  const cspViolations: string[] = [];

  it('drops the launch code from the address bar, and a second browser cannot use it', async () => {
    ui.page.setDefaultTimeout(60_000); // the activity list of the demo year is long on a busy machine
    ui.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await ui.page.getByTestId('brand').waitFor();
    expect(ui.page.url()).not.toContain('code=');
    expect(ui.page.url().startsWith(ui.app.origin)).toBe(true);
    const other = await launchBrowser();
    try {
      const page = await (await other.newContext()).newPage();
      const r = await page.goto(ui.app.url);
      expect(r?.status()).toBe(403);
      expect(await page.locator('body').innerText()).toContain('此启动地址已使用过或无效');
      const api = await page.evaluate(async () => (await fetch('/api/members/list', { method: 'POST', body: '{}' })).status);
      expect(api).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('previews a PDF attachment in a blob: frame that the CSP allows', async () => {
    await ui.page.getByTestId('nav-/activities').click();
    await ui.page.getByTestId('activity-table').locator('tbody tr').first().getByText('编辑').click();
    const editor = ui.page.getByTestId('activity-editor');
    await editor.getByRole('tab', { name: /附件/ }).click();
    await ui.page.getByTestId('attachment-input').setInputFiles({ name: '会议通知.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await expect.poll(() => ui.page.getByTestId('attachments').innerText()).toContain('会议通知.pdf');
    await ui.page.getByTestId('attachments').getByText('会议通知.pdf').click();
    const frame = ui.page.getByTestId('attachment-preview');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await expect.poll(() => ui.page.frames().some((f) => f.url().startsWith('blob:'))).toBe(true);
    // the frame holds Chromium's PDF viewer (an <embed> of type application/pdf), not an error page
    const pdfFrame = ui.page.frames().find((f) => f.url().startsWith('blob:'))!;
    await expect.poll(() => pdfFrame.evaluate(() => document.querySelector('embed')?.getAttribute('type') ?? document.contentType)).toBe('application/pdf');
    // …and the viewer has drawn the first page: the red box of page 1 is on screen
    await expect.poll(async () => redPixels(ui.page, await frame.screenshot()), { timeout: 20_000, interval: 1000 }).toBeGreaterThan(5000);
    expect(cspViolations).toEqual([]);
    await ui.page.keyboard.press('Escape');
  });

  it('sets a password in 单位设置 → 安全, which says a forgotten one cannot be recovered without a backup', async () => {
    await ui.page.getByTestId('af-close').click();
    await ui.page.goto(`${ui.app.origin}#/settings?section=security`);
    const section = ui.page.getByTestId('settings-security');
    await section.waitFor();
    expect(await ui.page.getByTestId('lock-warning').innerText()).toMatch(/无法找回[\s\S]*备份/);
    expect(await ui.page.getByTestId('lock-state').innerText()).toBe('未设置');
    await ui.page.getByTestId('lock-new').fill('支部密码2026');
    await ui.page.getByTestId('lock-confirm').fill('支部密码2026');
    await ui.page.getByTestId('lock-save').click();
    expect(await toast(ui.page, '密码锁已设置')).toContain('密码锁已设置');
    await expect.poll(() => ui.page.getByTestId('lock-state').innerText()).toBe('已设置');
  });

  it('locks the page; a wrong password is refused, the right one with Enter unlocks where the clerk was', async () => {
    await ui.page.getByTestId('lock-now').click();
    const screen = ui.page.getByTestId('lock-screen');
    await screen.waitFor();
    // the core refuses the page's calls too, not only the screen
    const refused = await ui.page.evaluate(async () => (await (await fetch('/api/members/list', { method: 'POST', body: '{}' })).json()).error);
    expect(refused).toEqual({ message: '台账已锁定，请输入密码解锁', field: 'lock' });
    const field = ui.page.getByTestId('lock-password');
    await field.fill('不对的密码');
    await field.press('Enter');
    await expect.poll(() => ui.page.getByTestId('lock-error').innerText()).toMatch(/^密码不正确/);
    await field.fill('支部密码2026');
    await field.press('Enter');
    await screen.waitFor({ state: 'detached' });
    expect(await ui.page.getByTestId('settings-security').isVisible()).toBe(true);
    const ok = await ui.page.evaluate(async () => (await (await fetch('/api/members/list', { method: 'POST', body: '{}' })).json()).ok);
    expect(ok).toBe(true);
  });
});
