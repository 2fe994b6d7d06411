/** The demo bureau's 迎检清单: the gaps the demo was built with are found, and nothing else. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { tempDir } from '../support/ledger.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { inspectCheck } from '../../core/inspect/check.ts';
import { DEMO_UNSIGNED_BRANCH, demoUnsignedQuarter } from '../../core/archive/demo.ts';

describe('the demo bureau in the 迎检清单', () => {
  it('finds the sign-in gap, the missing 思想汇报, the 党委 without a 述职报告 and the known meeting gaps, and nothing else', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    // a ledger with a data folder: the demo's 签到表 are files
    const l = await openLedgerContext(path.join(dir, 'ledger.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
    await loadDemo(l.ctx);
    expect(demoUnsignedQuarter('2026-11-28').key).toBe('2026-Q3');
    const r = await inspectCheck(l.ctx, { year: 2026 });
    const gaps = r.items.filter((i) => i.status !== '齐全').map((i) => `${i.org}｜${i.item}｜${i.status}｜${i.reason}`);
    expect(gaps.sort()).toEqual(
      [
        // compliance gaps the demo has always had (tests/core/activities.test.ts)
        '治安大队党支部｜支委会记录｜不完整｜3月、7月支委会无记录',
        '东城派出所党支部｜党课记录和讲稿｜不完整｜第二季度党课无记录',
        // a branch without any 签到表 in one quarter
        `${DEMO_UNSIGNED_BRANCH}｜三会一课签到表｜不完整｜5次会议缺签到表（第三季度均无签到表）`,
        `${DEMO_UNSIGNED_BRANCH}｜主题党日签到表｜不完整｜3次主题党日缺签到表（第三季度均无签到表）`,
        // 冯宇航's file lacks the 思想汇报 of step 6
        '刑侦大队党支部｜发展党员一人一档｜不完整｜入党积极分子冯宇航缺思想汇报',
        // no archive item of category I
        '中共江城市公安局临江分局委员会｜书记抓基层党建述职报告｜缺失｜2026年未归档书记抓基层党建述职报告',
      ].sort(),
    );
    const feng = r.items.find((i) => i.reason.includes('冯宇航'))!;
    expect(feng.link?.path).toBe('/development/file');
    expect(feng.link?.query.step).toBe('6');
    const signIn = r.items.find((i) => i.org === DEMO_UNSIGNED_BRANCH && i.item === '三会一课签到表')!;
    const first = await l.ctx.db.selectFrom('activities').select(['held_on', 'org_id']).where('id', '=', signIn.link!.query.edit).executeTakeFirstOrThrow();
    expect(first.held_on >= '2026-07-01' && first.held_on <= '2026-09-30').toBe(true);
    // every binder with items has a percent; the whole is below 100 and above 90. H 制度建设 and
    // K 党务公开及其他 are judged in the running year because the archive demo has filed their items
    expect(Object.keys(r.completeness)).toEqual(['A 组织建设', 'B 三会一课', 'C 主题党日', 'D 组织生活会和民主评议', 'E 党费', 'F 发展党员', 'G 学习教育', 'H 制度建设', 'I 党建责任和述职评议考核', 'K 党务公开及其他']);
    expect(r.completeness['H 制度建设']).toBe(100);
    expect(r.completeness['K 党务公开及其他']).toBe(100);
    expect(r.completeness['I 党建责任和述职评议考核']).toBe(0);
    expect(r.overall).toBeGreaterThan(90);
    expect(r.overall).toBeLessThan(100);
    // one branch: only its own rows
    const one = await inspectCheck(l.ctx, { year: 2026, branchId: first.org_id });
    expect(new Set(one.items.map((i) => i.org))).toEqual(new Set([DEMO_UNSIGNED_BRANCH]));
    await l.close();
  });
});
