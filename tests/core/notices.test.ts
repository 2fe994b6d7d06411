/**
 * 党建工作提醒 (issue 15 item 4): the 主题党日工作安排 (validation in Chinese naming the field), the monthly notice
 * against the compliance calendar's own cells and the other sources, the 文号 sequence (consumed on issue, per
 * year, never on preview), the issued record and its count, and the document read back.
 */
import { describe, expect, it } from 'vitest';
import { fileBytes } from '../../core/validate.ts';
import { noticesIssued } from '../../core/notices/service.ts';
import { docxText, failure, testLedger, zipPart } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';
import { documentProblems, renderDocument, skipRender } from '../support/document-check.ts';

const PLAN = { year: 2026, month: 3, theme: '学雷锋 践初心', content: '走进社区开展志愿服务' };

describe('主题党日工作安排', () => {
  it('saves a month, updates it in place, clears it; bad input names the field in Chinese', async () => {
    const l = await testLedger();
    await bureau(l);
    expect((await l.call('notices/plan', { year: 2026 })).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    await l.call('notices/save-plan', PLAN);
    await l.call('notices/save-plan', { ...PLAN, theme: '学雷锋 见行动', docNo: '临江党委〔2026〕1号', issuedOn: '2026-01-05' });
    const plan = await l.call('notices/plan', { year: 2026 });
    expect(plan.filter((m) => m.theme)).toEqual([{ year: 2026, month: 3, theme: '学雷锋 见行动', content: '走进社区开展志愿服务', docNo: '临江党委〔2026〕1号', issuedOn: '2026-01-05' }]);
    // the activities area reads the plan for the calendar and the editor
    expect(await l.call('activities/planned-theme', { month: '2026-03' })).toEqual({ theme: '学雷锋 见行动', content: '走进社区开展志愿服务' });
    expect(await l.call('activities/theme-days', { year: 2026 })).toEqual([{ month: 3, theme: '学雷锋 见行动', content: '走进社区开展志愿服务' }]);
    expect(await l.call('activities/planned-theme', { month: '2026-04' })).toBeNull();

    expect((await failure(l.call('notices/save-plan', { ...PLAN, theme: '  ' }))).message).toBe('“主题”不能为空');
    expect((await failure(l.call('notices/save-plan', { ...PLAN, theme: '题'.repeat(61) }))).message).toBe('“主题”不能超过 60 字');
    const m13 = await failure(l.call('notices/save-plan', { ...PLAN, month: 13 }));
    expect(m13.message).toBe('“月份”应为 1 至 12 的月份');
    expect(m13.field).toBe('month');
    expect((await failure(l.call('notices/save-plan', { ...PLAN, content: '内'.repeat(501) }))).message).toBe('“内容建议”不能超过 500 字');
    expect((await failure(l.call('notices/save-plan', { ...PLAN, issuedOn: '2026-02-30' }))).message).toMatch(/^“印发日期”应为有效日期/);
    expect((await failure(l.call('notices/save-plan', { ...PLAN, issuedOn: '2027-01-02' }))).message).toBe('印发日期 2027-01-02 晚于2026年');

    await l.call('notices/clear-plan', { year: 2026, month: 3 });
    expect((await l.call('notices/plan', { year: 2026 })).filter((m) => m.theme)).toEqual([]);
    expect((await failure(l.call('notices/clear-plan', { year: 2026, month: 3 }))).message).toBe('2026年3月尚未安排主题党日');
    const log = await l.call('audit/log', { entity: 'theme_day_plans' });
    expect(log.rows.map((r) => r.summary)).toEqual(['删除2026年3月主题党日安排“学雷锋 见行动”', '修改2026年3月主题党日安排“学雷锋 见行动”', '制定2026年3月主题党日安排“学雷锋 践初心”']);
    await l.close();
  });

  it('the demo plans every month of the demo year; the year’s 主题党日工作安排 prints every month', async () => {
    const l = await testLedger({ demo: true });
    const plan = await l.call('notices/plan', { year: 2026 });
    expect(plan.every((m) => m.theme)).toBe(true);
    expect(plan[0]!.theme).toBe('学习贯彻全会精神');
    expect(plan[6]!.theme).toContain('重温入党誓词');
    const d = await l.call('notices/export-plan', { year: 2026 });
    expect(d.fileName).toBe('2026年主题党日工作安排.docx');
    const text = docxText(await zipPart(fileBytes(d), 'word/document.xml'));
    expect(text).toContain('2026年主题党日工作安排');
    for (const m of plan) expect(text).toContain(m.theme!);
    if (!skipRender) expect(documentProblems(renderDocument(fileBytes(d), 'docx'))).toEqual([]);
    expect((await failure(l.call('notices/export-plan', { year: 2025 }))).message).toBe('2025年尚未安排主题党日，请先逐月填写主题');
    await l.close();
  }, 180_000);
});

/** "支部委员会（2026年3月、7月）、党课（2026年第二季度）" → ["支部委员会|2026年3月", "支部委员会|2026年7月", "党课|2026年第二季度"] */
function mentioned(text: string): string[] {
  const out: string[] = [];
  for (const [, type, labels] of text.matchAll(/([^（）、：]+?)（([^）]+)）/g)) {
    const year = labels!.slice(0, 5);
    for (const l of labels!.split('、')) {
      const label = l.replace('，未达法定人数', '');
      out.push(`${type}|${label.startsWith(year) ? label : year + label}`);
    }
  }
  return out;
}

const periodLabel = (key: string) => {
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? `${m[1]}年${Number(m[2])}月` : `${key}年`;
};

describe('the monthly notice', () => {
  for (const [month, asOf] of [['2026-11', '2026-11-28'], ['2026-06', '2026-06-01']] as const) {
    it(`${month}: each branch's meetings due and overdue are exactly the calendar's cells as of ${asOf}`, async () => {
      const l = await testLedger({ demo: true });
      const p = await l.call('notices/preview', { month });
      expect(p.asOf).toBe(asOf);
      const cal = await l.call('activities/calendar', { year: 2026, asOf });
      const names = new Map(cal.orgs.map((o) => [o.id, o.name]));
      let due = 0;
      let overdue = 0;
      for (const o of [...p.branches, p.party]) {
        const ids = o === p.party ? cal.orgs.filter((x) => !p.branches.some((b) => b.orgId === x.id)).map((x) => x.id) : [o.orgId!];
        const want = (statuses: string[]) => cal.cells.filter((c) => ids.includes(c.orgId) && statuses.includes(c.status)).map((c) => `${c.type}|${periodLabel(c.period)}`).sort();
        const got = (topic: string) => o.lines.filter((x) => x.topic === topic).flatMap((x) => mentioned(x.text.replace(/^[^（]*?(?=[^（、]+（)/, ''))).sort();
        expect(got('组织生活'), `${o.name} 尚未开展`).toEqual(want(['due']));
        expect(got('往期缺失'), `${o.name} 往期缺失`).toEqual(want(['missing', 'quorum-not-met']));
        due += want(['due']).length;
        overdue += want(['missing', 'quorum-not-met']).length;
      }
      // the month has both: meetings still due and meetings missed earlier
      expect(due).toBeGreaterThan(0);
      expect(month === '2026-11' ? overdue : 1).toBeGreaterThan(0);
      expect(names.size).toBeGreaterThan(p.branches.length);
      await l.close();
    }, 120_000);
  }

  it('dues, development, 换届, 学时 and 整改 each come from their own area', async () => {
    const l = await testLedger({ demo: true });
    const p = await l.call('notices/preview', { month: '2026-11' });
    const byName = new Map([...p.branches, p.party].map((o) => [o.name, o]));
    const lines = (name: string, topic: string) => (byName.get(name)?.lines ?? []).filter((x) => x.topic === topic).map((x) => x.text).join('\n');
    expect(p.theme).toEqual({ theme: '规范执法 为民服务', content: '围绕执法规范化开展案例评查，听取群众意见' });
    // 党费: every member the home card counts as unpaid this month, under the branch
    const dues = await l.call('dues/overview', { month: '2026-11' });
    for (const b of dues.branches) for (const u of b.unpaid) expect(lines(b.branch, '党费'), `${b.branch} ${u.member}`).toContain(u.member);
    // 发展党员: the month's reminders
    const dev = await l.call('development/reminders', { month: '2026-11' });
    for (const r of dev.items.filter((x) => x.kind !== '启用前到期')) expect(lines(r.branchName, '发展党员')).toContain(`${r.name}第${r.step}步“${r.stepName}”`);
    // 换届: the demo's 治安大队 term ended in April
    expect(lines('治安大队党支部', '换届')).toContain('任期已于2026年4月10日届满');
    // 学时: from October on, everyone short
    const short = await l.call('hours/year', { year: 2026, short: true });
    for (const m of short.members) expect(lines(m.branch, '学时')).toContain(m.name);
    // 整改: open items due by the month's end, the 党委's own under 党委
    const rect = (await l.call('rectification/list', {})).filter((i) => i.status !== '已销号' && i.status !== '长期坚持' && i.dueOn && i.dueOn <= '2026-11-30');
    expect(rect.length).toBeGreaterThan(0);
    const all = [...p.branches, p.party].flatMap((o) => o.lines.filter((x) => x.topic === '整改').map((x) => x.text)).join('\n');
    for (const i of rect) expect(all).toContain(i.code);
    // 党委: the committee's own meetings (民主生活会 due in the fourth quarter)
    expect(lines('党委', '组织生活')).toContain('民主生活会（2026年）');
    // a remittance month (quarterly by default): December closes the fourth quarter
    const dec = await l.call('notices/preview', { month: '2026-12' });
    expect(dec.remitMonth).toBe(true);
    expect(dec.party.lines.map((x) => x.text).join()).toContain('按规定上缴机关工委');
    await l.close();
  }, 120_000);
});

describe('文号 sequence', () => {
  it('preview consumes nothing; each issue takes the next number of its year; the clerk may move it on, never back', async () => {
    const l = await testLedger({ today: '2026-11-28' });
    await bureau(l, { branches: 2 });
    await l.call('notices/save-settings', { docNoPrefix: '临江党委', duesDay: 20 });
    expect((await failure(l.call('notices/save-settings', { docNoPrefix: '临江党委〔2026〕', duesDay: null }))).message).toBe('“发文机关代字”只填机关代字（如“临江党委”），年份和序号由系统生成');
    expect((await failure(l.call('notices/save-settings', { docNoPrefix: '临江党委', duesDay: 31 }))).message).toBe('“党费收缴日”应为 1 至 28 的日期');
    expect((await l.call('notices/preview', { month: '2026-11' })).nextDocNo).toBe('临江党委〔2026〕1号');
    await l.call('notices/preview-document', { month: '2026-11' });
    expect(await l.call('notices/next-number', { year: 2026 })).toEqual({ year: 2026, nextNo: 1, docNo: '临江党委〔2026〕1号' });
    const a = await l.call('notices/issue', { month: '2026-11' });
    expect(a.notice).toMatchObject({ month: '2026-11', docNo: '临江党委〔2026〕1号', issuedOn: '2026-11-28', fileName: '2026年11月党建工作提醒.docx' });
    expect(a.notice.sha256).toMatch(/^[0-9a-f]{64}$/);
    const b = await l.call('notices/issue', { month: '2026-12', issuedOnDay: '2026-11-27' });
    expect(b.notice.docNo).toBe('临江党委〔2026〕2号');
    expect((await failure(l.call('notices/set-next-number', { year: 2026, nextNo: 2 }))).message).toBe('2026年已用到第 2 号，下一个序号应大于 2');
    await l.call('notices/set-next-number', { year: 2026, nextNo: 7 });
    expect((await l.call('notices/issue', { month: '2026-12' })).notice.docNo).toBe('临江党委〔2026〕7号');
    expect((await failure(l.call('notices/issue', { month: '2026-12', issuedOnDay: '2026-11-29' }))).message).toBe('发文日期 2026-11-29 晚于今天');
    expect((await failure(l.call('notices/issue', { month: '2026-13' }))).message).toBe('“月份”应为年月（如 2024-07）');
    // a failed issue leaves the number unused
    expect((await l.call('notices/next-number', { year: 2026 })).nextNo).toBe(8);
    expect((await l.call('notices/issued', {})).map((n) => n.docNo)).toEqual(['临江党委〔2026〕7号', '临江党委〔2026〕1号', '临江党委〔2026〕2号']);
    // the summary's count: by the date of issue, both ends included
    expect(await noticesIssued(l.ctx.db, '2026-11-27', '2026-11-27')).toMatchObject({ total: 1, months: ['2026-12'] });
    expect((await noticesIssued(l.ctx.db, '2026-07-01', '2026-12-31')).total).toBe(3);
    expect((await l.call('notices/count', { from: '2026-01-01', to: '2026-11-26' })).total).toBe(0);
    // the sequence of another year starts at 1
    expect((await l.call('notices/next-number', { year: 2027 })).docNo).toBe('临江党委〔2027〕1号');
    // a dues collection day reads in the notice
    expect((await l.call('notices/preview', { month: '2026-11' })).duesBy).toBe('11月20日前');
    await l.close();
  });
});

describe('the notice read back', () => {
  it('title, 文号, 主送 各党支部, each branch and its lines, the 党委, 落款 and date; GB/T 9704 mechanics', async () => {
    const l = await testLedger({ demo: true });
    const p = await l.call('notices/preview', { month: '2026-11' });
    const r = await l.call('notices/issue', { month: '2026-11' });
    const bytes = fileBytes(r);
    const text = docxText(await zipPart(bytes, 'word/document.xml'));
    expect(text).toContain('中共江城市公安局临江分局委员会');
    expect(text).toContain('临江党委〔2026〕1号');
    expect(text).toContain('关于做好2026年11月党建工作的提醒');
    expect(text).toContain('各党支部：');
    expect(text).toContain('主题：规范执法 为民服务。');
    let at = text.indexOf('二、各党支部本月工作提醒');
    expect(at).toBeGreaterThan(0);
    for (const b of p.branches) {
      const i = text.indexOf(b.name, at);
      expect(i, b.name).toBeGreaterThan(at);
      at = i;
      for (const line of b.lines) expect(text).toContain(`${line.topic}：${line.text}`);
    }
    expect(text.indexOf('党委本月工作事项')).toBeGreaterThan(at);
    for (const line of p.party.lines) expect(text).toContain(`${line.topic}：${line.text}`);
    expect(text).toContain('有关要求');
    expect(text.trimEnd()).toMatch(/中共江城市公安局临江分局委员会\s*2026年11月28日$/);
    if (!skipRender) {
      const doc = renderDocument(bytes, 'docx');
      const members = (await l.call('members/list', { pageSize: 100_000 })).rows.map((m) => m.name);
      expect(documentProblems(doc, members)).toEqual([]);
    }
    await l.close();
  }, 180_000);
});

describe('party-ledger export monthly-notice', () => {
  it('issues the month’s notice to a file, prints its 文号; preview and issued list; a bad month is refused', async () => {
    const { spawnSync } = await import('node:child_process');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { tempDir } = await import('../support/ledger.ts');
    const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const out = path.join(dir, '提醒.docx');
    const env = { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' };
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { env, encoding: 'utf8' });
    expect(cli(['init']).status).toBe(0);
    expect(cli(['demo']).status).toBe(0);
    const preview = cli(['notices', 'preview', '--month', '2026-11', '--json']);
    expect(preview.status, preview.stderr).toBe(0);
    expect(JSON.parse(preview.stdout).nextDocNo).toBe('临江党委〔2026〕1号');
    const r = cli(['export', 'monthly-notice', '--month', '2026-11', '--out', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ docNo: '临江党委〔2026〕1号', issuedOn: '2026-11-28' });
    expect(docxText(await zipPart(fs.readFileSync(out), 'word/document.xml'))).toContain('关于做好2026年11月党建工作的提醒');
    const issued = cli(['notices', 'issued', '--json']);
    expect(JSON.parse(issued.stdout).map((n: { docNo: string }) => n.docNo)).toEqual(['临江党委〔2026〕1号']);
    expect(cli(['notices', 'plan', '--year', '2026']).stdout).toContain('学习贯彻全会精神');
    expect(cli(['export', 'monthly-notice', '--month', '2026-1', '--out', out]).stderr).toMatch(/应为年月/);
  }, 180_000);
});
