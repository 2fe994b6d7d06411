/** The model of 组织生活开展情况统计表 for a year: counts per organization × type × month, 参加人次, compliance per rule. */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate } from '../../common/labels.ts';
import type { LifeStatsModel } from '../../templates/life-stats.ts';
import { complianceCalendar, findingsOf, frequencyOfPeriod, STATUS_LABEL, FINDING_LABEL, type CellStatus } from './compliance.ts';
import { FREQUENCY_LABEL, ruleAppliesTo } from './rules.ts';
import { attendanceOf, queryActivities } from './service.ts';
import { sentenceOf, type TypeFigure } from './stats.ts';

export async function lifeStatsModel(ctx: Ctx, year: number, asOf?: string): Promise<LifeStatsModel> {
  const cal = await complianceCalendar(ctx, year, asOf);
  const rows = await queryActivities(ctx.db, { from: `${year}-01-01`, to: `${year}-12-31` });
  const att = await attendanceOf(ctx.db, rows.map((r) => r.id));
  // orgId|type → month counts and person-times
  const cells = new Map<string, { months: number[]; persons: number }>();
  for (const r of rows) {
    const k = `${r.org_id}|${r.type}`;
    const c = cells.get(k) ?? { months: Array(12).fill(0), persons: 0 };
    c.months[Number(r.held_on.slice(5, 7)) - 1]++;
    c.persons += (att.get(r.id) ?? []).filter((a) => a.status === '出席').length;
    cells.set(k, c);
  }
  const out: LifeStatsModel['rows'] = [];
  const totalsMonths = Array(12).fill(0);
  let totalCount = 0;
  let totalPersons = 0;
  const byType = new Map<string, TypeFigure>();
  for (const org of cal.orgs) {
    const types = new Set<string>();
    for (const rule of cal.rules) if (cal.cells.some((c) => c.orgId === org.id && c.type === rule.type)) types.add(rule.type);
    for (const k of cells.keys()) if (k.startsWith(`${org.id}|`)) types.add(k.slice(org.id.length + 1));
    for (const type of types) {
      const c = cells.get(`${org.id}|${type}`) ?? { months: Array(12).fill(0), persons: 0 };
      const ruleCells = cal.cells.filter((x) => x.orgId === org.id && x.type === type);
      // A unit version may change a type's frequency during the year: name each frequency that applied.
      const frequencies = cal.rules
        .filter((r) => r.type === type && ruleAppliesTo(r, org) && ruleCells.some((x) => frequencyOfPeriod(x.period) === r.frequency))
        .map((r) => FREQUENCY_LABEL[r.frequency]);
      const count = (s: CellStatus) => ruleCells.filter((x) => x.status === s).length;
      const required = ruleCells.filter((x) => x.status !== 'upcoming' && x.status !== 'n/a' && x.status !== 'before-start').length;
      const held = count('held') + count('held-late') + count('quorum-not-met');
      const notes = (['missing', 'quorum-not-met', 'held-late', 'due'] as CellStatus[]).filter((s) => count(s)).map((s) => `${STATUS_LABEL[s]} ${count(s)}`);
      const status = frequencies.length ? (required ? `应开展 ${required}，已开展 ${held}${notes.length ? `；${notes.join('，')}` : ''}` : '未到期') : '不作频次要求';
      const quarters = [0, 1, 2, 3].map((q) => c.months.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0));
      const sum = c.months.reduce((a, b) => a + b, 0);
      out.push({ org: org.name, type, frequency: frequencies.length ? frequencies.join('、') : '—', months: c.months.map((v) => v || null), quarters: quarters.map((v) => v || null), count: sum, persons: c.persons, status });
      c.months.forEach((v, i) => (totalsMonths[i] += v));
      totalCount += sum;
      totalPersons += c.persons;
      const f = byType.get(type) ?? { type, count: 0, personTimes: 0 };
      f.count += sum;
      f.personTimes += c.persons;
      byType.set(type, f);
    }
  }
  const quarterTotals = [0, 1, 2, 3].map((q) => totalsMonths.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0));
  const findings = findingsOf(cal).filter((f) => f.status !== 'due');
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  return {
    title: `${year}年度组织生活开展情况统计表`,
    subtitle: `填报单位：${unit}　　统计截至：${chineseDate(cal.asOf)}　　频次规则：${cal.ruleVersion.version === 0 ? '全国默认' : `本单位第 ${cal.ruleVersion.version} 版`}（${chineseDate(cal.ruleVersion.effectiveFrom)}起施行）`,
    rows: out,
    totals: { months: totalsMonths, quarters: quarterTotals, count: totalCount, persons: totalPersons, status: `问题 ${findings.length} 项` },
    summary: [...byType.values()].filter((f) => f.count).sort((a, b) => b.count - a.count).map((f) => ({ type: f.type, count: f.count, persons: f.personTimes, sentence: sentenceOf(f) })),
    findings: findings.map((f) => ({ org: f.branch, type: f.rule.type, period: f.periodLabel, state: FINDING_LABEL[f.status], message: f.message })),
    footer: '填表人：              审核人：              填报日期：',
  };
}
