/**
 * Demo 评星定级 (runs last, over the whole demo ledger): the example scheme scores each branch from the
 * demo's own ledger, then the 党委考评组's hand-scored entries (with their evidence) bring two branches
 * (刑侦大队, 城关派出所, each with a 党建创新项目) to about 96 — 五星 — and the other nine to 83–87 — 四星, as
 * the half-year summary reports (9 四星, 2 五星). The entries are sized from the ledger's points as they
 * stand, mid-band, so a change in an earlier area's demo moves the hand scores, not the stars. Last
 * year's results are named (so 升星/降星 shows), and this year's 自评 is recorded.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { addAttachment } from '../attachments/service.ts';
import { scoreYear } from './score.ts';
import { saveEntry } from './service.ts';
import { nameReview, saveReview } from './reviews.ts';

const FIVE_STAR = new Set([2, 4]);
const LAST_YEAR = [5, 4, 4, 4, 4, 4, 4, 3, 4, 4, 3];
const EVIDENCE: Record<string, string> = {
  team: '党委考评组查阅支部委员会名册及任职文件',
  active: '查阅本年度组织生活记录',
  commit: '查阅党员承诺践诺台账、志愿服务记录',
  pioneer: '查阅先锋创绩活动方案及总结',
  room: '现场查看党员活动室',
  equipment: '现场查看党员教育电教设备',
  work: '依据分局年度绩效考核结果',
  honor: '查阅本年度集体及个人表彰文件',
  satisfaction: '依据群众满意度测评汇总表',
  innovation: '查阅党建创新项目申报书及成效材料',
};

export async function demoStars(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const year = Number(ctx.platform.today().slice(0, 4));
  const today = ctx.platform.today();
  const sc = await scoreYear(ctx, year, { tx });
  for (const [bi, b] of state.branches.entries()) {
    const sheet = sc.branches.find((x) => x.branchId === b.id);
    if (!sheet) continue;
    const five = FIVE_STAR.has(bi);
    const target = five ? 960 : 830 + rng.int(0, 8) * 5;
    const ledger = sheet.lines.filter((l) => !l.pending).reduce((a, l) => a + Math.round(l.points * 10), 0);
    const open = sheet.lines.filter((l) => l.pending && (five || l.key !== 'innovation'));
    const fixed = five ? 80 : 0; // the innovation project of a 五星 branch: 8 points
    const rest = open.filter((l) => l.key !== 'innovation');
    const capacity = rest.reduce((a, l) => a + l.max * 10, 0);
    let need = Math.max(0, Math.min(capacity, target - ledger - fixed));
    const given = new Map<string, number>();
    for (const l of rest) {
      const share = Math.floor((l.max * 10 * need) / capacity / 5) * 5;
      given.set(l.key, share);
    }
    need -= [...given.values()].reduce((a, v) => a + v, 0);
    for (const l of rest) {
      while (need >= 5 && given.get(l.key)! + 5 <= l.max * 10) given.set(l.key, given.get(l.key)! + 5), (need -= 5);
    }
    if (five) given.set('innovation', fixed);
    for (const [key, tenths] of given) {
      const { id } = await saveEntry(ctx, { year, branchId: b.id, kind: 'indicator', itemKey: key, points: tenths / 10, times: null, evidence: EVIDENCE[key] ?? '党委考评组评定', note: null }, tx);
      const dir = ctx.platform.dataDir;
      // the files need a data folder (a ledger in memory has none)
      if (key === 'innovation' && bi === 2 && dir && dir !== ':memory:')
        await addAttachment(ctx, { entity: 'star_entries', entityId: id, fileName: '党建创新项目成效材料.txt', bytes: new TextEncoder().encode(`${b.name}党建创新项目“红色侦查先锋”成效材料（示例）`), kind: '证明材料' }, tx);
    }
    // last year's results, named in February of this year
    const last = { year: year - 1, branchId: b.id, selfOn: `${year}-01-10`, selfScore: null, committeeOn: `${year}-01-20`, auditOn: `${year}-02-01`, publicityFrom: `${year}-02-03`, publicityDays: 5, note: null };
    if (`${year}-02-10` <= today) {
      await saveReview(ctx, last, tx);
      const stars = LAST_YEAR[bi] ?? 4;
      await nameReview(ctx, { year: year - 1, branchId: b.id, namedOn: `${year}-02-10`, stars, score: stars === 5 ? 93 : stars === 4 ? 85 : 76 }, tx);
    }
    if (`${year}-11-20` <= today) await saveReview(ctx, { year, branchId: b.id, selfOn: `${year}-11-20`, selfScore: target / 10, committeeOn: null, auditOn: null, publicityFrom: null, publicityDays: null, note: null }, tx);
  }
}
