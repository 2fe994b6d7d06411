/**
 * 走访慰问 and 处置 figures (issue 14 items 5 and 2): 2,000 visits over a year on the demo bureau
 * (half paid from 党费, so each is a 党费使用 record too), written through the area's service in
 * one transaction; then the year's list, the figures, the 走访慰问登记表, the 党费 publication over
 * those expenses, and the 处置 list with a case for every member on the roster (200 tried; one open case a member).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { addDays } from '../../common/dates.ts';
import { addVisit } from '../../core/care/service.ts';
import { careStats, listVisits } from '../../core/care/queries.ts';
import { exportCareRegister } from '../../core/care/export.ts';
import { openCase, decideCase } from '../../core/disposal/service.ts';
import { listCases } from '../../core/disposal/queries.ts';
import { median, time } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'care.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const members = await l.ctx.db.selectFrom('members').select('id').where('left_type', 'is', null).where('deleted_at', 'is', null).execute();
  const write = await time(() =>
    l.ctx.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 2000; i++) {
        const dues = i % 2 === 0;
        await addVisit(l.ctx, {
          visitOn: addDays('2026-01-01', i % 330), personKind: '党员', memberId: members[i % members.length].id, reason: '生活困难', visitors: '党委书记', amountFen: 50000,
          fundSource: dues ? '本级党费' : '工会', approval: dues ? `纪要${i}号` : null,
        }, tx);
      }
    }),
  );
  const cases = await time(() =>
    l.ctx.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 200; i++) {
        const { id } = await openCase(l.ctx, { memberId: members[i % members.length].id, triggerKind: '情形', situation: '失联6个月以上2年以下', opinionOn: '2026-03-01', filedOn: '2026-03-05', filedTo: '分局党委' }, tx).catch(() => ({ id: '' }));
        if (id) await decideCase(l.ctx, id, { measure: '限期改正', decidedOn: '2026-03-10' }, tx);
      }
    }),
  );
  const { handlers } = await import('../../core/api.ts');
  const publication = () => (handlers['dues/export-publication'] as unknown as { run: (c: typeof l.ctx, q: unknown) => Promise<unknown> }).run(l.ctx, { year: 2026, date: '2026-11-28' });
  const n = (await listCases(l.ctx)).length;
  const out = {
    'visits: 2000 written (1000 with their 党费使用), ms': Math.round(write.ms),
    'visits: list of the year (2004), ms': Math.round(await median(() => listVisits(l.ctx, 2026))),
    'visits: care stats of the year, ms': Math.round(await median(() => careStats(l.ctx, '2026-01-01', '2026-12-31'))),
    'visits: 走访慰问登记表 .xlsx, ms': Math.round(await median(() => exportCareRegister(l.ctx, 2026), 3)),
    'dues: 党费收缴使用情况公布 with 1004 uses, ms': Math.round(await median(publication, 3)),
    [`disposal: ${n} cases opened and decided (one open case a member), ms`]: Math.round(cases.ms),
    [`disposal: list of ${n} cases with steps and deadlines, ms`]: Math.round(await median(() => listCases(l.ctx))),
  };
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
