/**
 * 整改台账 (issue 15 items 1–2): on the demo bureau plus 2,000 items over ten years (each with a note and,
 * when closed, a 佐证 link), the list of all items, a plan's list, the period counts the work summary
 * reads, the overdue card, and the 三单 .xlsx and 整改落实情况报告 .docx of the demo plan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { createItem as createArchiveItem } from '../../core/archive/service.ts';
import { addProgressTx, closeItemTx, createItemTx, linkEvidenceTx } from '../../core/rectification/service.ts';
import { listItems, overdueItems, periodCounts } from '../../core/rectification/queries.ts';
import { exportRectification, exportRectificationReport } from '../../core/rectification/export.ts';
import { DEMO_PLAN } from '../../core/rectification/demo.ts';
import { median } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'rect.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const ctx = l.ctx;
  const t0 = performance.now();
  await ctx.db.transaction().execute(async (tx) => {
    const proof = await createArchiveItem(ctx, tx, { year: 2026, category: 'D', title: '整改佐证（基准）', docDate: '2026-11-01' }, { kind: 'upload' });
    for (let i = 0; i < 2000; i++) {
      const y = 2017 + (i % 10);
      const { id } = await createItemTx(ctx, tx, {
        planId: null, kind: '整改', source: '党建工作检查', aspect: null, title: `问题${i}`, cause: null, measure: `措施${i}`, goal: null, leader: null, ownerUnit: '党委办公室', owner: '张三',
        dueOn: `${y}-12-31`, raisedOn: `${y}-03-01`, note: null, linkKind: null, linkKey: null,
      });
      await addProgressTx(ctx, tx, id, `${y}-06-01`, '推进中');
      if (i % 4) {
        await linkEvidenceTx(ctx, tx, id, proof.id);
        await closeItemTx(ctx, tx, id, `${y}-11-20`, "李四");
      }
    }
  });
  const seedMs = Math.round(performance.now() - t0);
  const time = (f: () => Promise<unknown>) => median(f);
  const out = {
    items: (await listItems(ctx, {})).length,
    seed2000Ms: seedMs,
    listAllMs: await time(() => listItems(ctx, {})),
    listPlanMs: await time(() => listItems(ctx, { plan: DEMO_PLAN })),
    periodCountsMs: await time(() => periodCounts(ctx, { from: '2026-01-01', to: '2026-06-30' })),
    overdueMs: await time(() => overdueItems(ctx)),
    listsXlsxYearMs: await time(() => exportRectification(ctx, { year: 2020 })),
    reportDocxMs: await time(() => exportRectificationReport(ctx, { plan: DEMO_PLAN })),
  };
  await l.close();
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(Number(v))]));
}
