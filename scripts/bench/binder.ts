/**
 * 一键生成迎检材料 figures (issue 12 item 3): the binder of the demo bureau-year
 * without PDFs (target ≤ 10 s; median of 3 after a warm-up) and with PDFs
 * (LibreOffice, one call per binder; one run, reported only). Also the size of
 * each zip and the pages of the PDFs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { buildBinder } from '../../core/archive/binder/build.ts';
import { startBinderJob } from '../../core/archive/binder/jobs.ts';
import { findSoffice } from '../../core/archive/binder/office.ts';
import { median, time } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'binder.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const build = (pdf: boolean) => buildBinder(l.ctx, { year: 2026, pdf }, startBinderJob(undefined).job);
  const out: Record<string, number | string> = {};
  let size = 0;
  out.binderNoPdfMs = await median(async () => (size = (await build(false)).bytes.byteLength), 3);
  out.binderNoPdfTargetMs = 10_000;
  out.binderNoPdfZipBytes = size;
  if (findSoffice()) {
    const r = await time(() => build(true));
    out.binderPdfMs = r.ms;
    out.binderPdfZipBytes = r.value.bytes.byteLength;
    out.binderPdfPages = r.value.binders.reduce((n, b) => n + (b.pages ?? 0), 0);
    out.binderPdfs = r.value.pdf.made;
  } else out.binderPdf = 'LibreOffice 未找到，未测';
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
