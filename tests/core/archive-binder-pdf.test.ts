/**
 * The binder with LibreOffice (present here and in CI): each binder's PDF has as
 * many pages as its 归档文件目录's 页数 add up to, one bookmark per item with
 * pages, and the continuous page number; a file LibreOffice cannot convert is
 * named, not fatal. And office.ts on its own: finding soffice, a failed file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { invokeHandler, type AnyHandler } from '../../core/handler.ts';
import { handlers } from '../../core/api.ts';
import { fileBytes } from '../../core/validate.ts';
import { convertToPdf, findSoffice } from '../../core/archive/binder/office.ts';
import { outlineCount } from '../../core/archive/binder/pdf.ts';
import { failure, tempDir } from '../support/ledger.ts';
import { catalogOf } from '../support/binder.ts';

const soffice = findSoffice();
const needsOffice = soffice || process.env.CI ? describe : describe.skip;

describe('office.ts', () => {
  it('finds soffice on PATH or in the usual folders; PARTY_LEDGER_SOFFICE=none or a missing path means none', () => {
    expect(findSoffice({ ...process.env, PARTY_LEDGER_SOFFICE: 'none' })).toBeNull();
    expect(findSoffice({ ...process.env, PARTY_LEDGER_SOFFICE: '/nowhere/soffice' })).toBeNull();
    expect(findSoffice({ PATH: '' })).toBe(fs.existsSync('/usr/bin/soffice') ? '/usr/bin/soffice' : findSoffice({ PATH: '' }));
  });
});

needsOffice('the binder PDFs', () => {
  let zip: Record<string, Uint8Array>;
  let summary: any;
  let build: () => Promise<any>;
  let call: (name: string, input: unknown) => Promise<any>;
  let branchId: string;

  beforeAll(async () => {
    const dir = tempDir();
    const l = await openLedgerContext(path.join(dir, 'ledger.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
    await loadDemo(l.ctx);
    call = (name: string, input: unknown) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, l.ctx, name, input) as Promise<any>;
    const branch = (await call('archive/orgs', {})).find((o: any) => o.name === '东城派出所党支部');
    branchId = branch.id;
    build = () => call('archive/binder', { year: 2026, orgId: branch.id, pdf: true });
    const r = await build();
    summary = r.summary;
    zip = unzipSync(fileBytes(r));
  }, 300_000);

  it('each PDF has the catalog 页数 in pages and one bookmark per item with pages', async () => {
    expect(summary.pdf.reason).toBeNull();
    expect(summary.pdf.failed).toEqual([]);
    const folders = [...new Set(Object.keys(zip).filter((n) => n.includes('/')).map((n) => n.split('/')[0]))];
    let checked = 0;
    for (const f of folders) {
      const { rows } = await catalogOf(zip[`${f}/归档文件目录.xlsx`]);
      const pdf = zip[`${f}/${f}.pdf`];
      if (!rows.length) {
        expect(pdf).toBeUndefined();
        continue;
      }
      const pages = rows.map((r) => Number(r[7] || 0));
      const doc = await PDFDocument.load(pdf);
      expect(doc.getPageCount(), f).toBe(pages.reduce((a, b) => a + b, 0));
      expect(await outlineCount(pdf), f).toBe(pages.filter((p) => p > 0).length);
      expect(pages.every((p) => p > 0), f).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    const b = summary.binders.find((x: any) => x.code === 'B');
    expect(b.pages).toBeGreaterThan(b.items);
  });

  it('the same ledger gives the same PDFs, byte for byte', async () => {
    const again = unzipSync(fileBytes(await build()));
    const pdfs = Object.keys(zip).filter((n) => n.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(4);
    for (const n of pdfs) expect(Buffer.compare(Buffer.from(again[n]), Buffer.from(zip[n])), n).toBe(0);
  }, 300_000);

  it('取消 while LibreOffice converts: it is stopped and its folders are gone', async () => {
    const mine = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('party-ledger-binder-') || n.startsWith('party-ledger-lo-'));
    const before = mine();
    const running = call('archive/binder', { year: 2026, orgId: branchId, pdf: true, jobId: 'pdf-cancel' });
    let converting = false;
    for (let i = 0; i < 600 && !converting; i++) {
      const p = await call('archive/binder-progress', { jobId: 'pdf-cancel' });
      converting = Boolean(p.steps[p.current]?.label.startsWith('转换 PDF') && p.detail?.includes('LibreOffice'));
      if (converting) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(converting).toBe(true);
    expect((await call('archive/binder-cancel', { jobId: 'pdf-cancel' })).cancelled).toBe(true);
    expect((await failure(running)).message).toBe('已取消生成迎检材料，未留下文件');
    expect(mine()).toEqual(before);
  }, 300_000);

  it('a file LibreOffice gives no PDF for is named, the others still converted', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'in'));
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'in', 'good.txt'), '党务台账');
    // gone between listing and converting (a file LibreOffice cannot open gives no PDF the same way)
    const r = await convertToPdf(soffice!, [path.join(dir, 'in', 'good.txt'), path.join(dir, 'in', 'gone.docx')], path.join(dir, 'out'));
    expect([...r.pdfs.keys()]).toEqual(['good.txt']);
    expect(r.failed).toEqual(['gone.docx']);
  }, 120_000);
});
