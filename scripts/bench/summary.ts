/**
 * 党建工作总结: `stats summary` (every figure of a half-year, summary/figures computed afresh, not memoized)
 * at demo scale and on the 50 branches × 10 years ledger of bench/activities.ts (target ≤ 500 ms); the
 * draft (figures, parts 三 and 四) and the work-summary .docx from the demo's H1 draft (target ≤ 1 s).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { summaryFigures } from '../../core/summary/figures.ts';
import { generate, listDrafts } from '../../core/summary/service.ts';
import { exportWorkSummary } from '../../core/summary/export.ts';
import { bigLedger } from './activities.ts';
import { median } from './util.ts';

const TODAY = '2026-11-28';
const H1 = { from: '2026-01-01', to: '2026-06-30' };

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-summary-'));
  const demo = await openLedgerContext(path.join(dir, 'demo.sqlite'), fixedPlatform({ today: TODAY, dataDir: dir }));
  await loadDemo(demo.ctx);
  const figuresDemo = await median(() => summaryFigures(demo.ctx, H1), 7);
  const figuresDemoYear = await median(() => summaryFigures(demo.ctx, { from: '2026-01-01', to: '2026-12-31' }), 5);
  const draftDemo = await median(() => generate(demo.ctx, H1), 5);
  const [d] = await listDrafts(demo.ctx);
  const docx = await median(() => exportWorkSummary(demo.ctx, { draftId: d!.id }), 5);
  const docxFresh = await median(() => exportWorkSummary(demo.ctx, H1), 3);
  const big = await bigLedger(dir);
  const figuresBig = await median(() => summaryFigures(big.l.ctx, H1), 5);
  const figuresBigYear = await median(() => summaryFigures(big.l.ctx, { from: '2025-01-01', to: '2025-12-31' }), 3);
  const result = {
    statsSummaryH1DemoMs: figuresDemo,
    statsSummaryYearDemoMs: figuresDemoYear,
    draftH1DemoMs: draftDemo,
    workSummaryDocxFromDraftMs: docx,
    workSummaryDocxFromLedgerMs: docxFresh,
    big50x10Activities: big.activities,
    statsSummaryH1Big50x10Ms: figuresBig,
    statsSummaryYearBig50x10Ms: figuresBigYear,
  };
  await demo.close();
  await big.l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}
