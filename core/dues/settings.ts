/**
 * The unit's dues settings, with the national defaults built in. Local practice
 * (pay items counted in the base, rounding, cap, farmer amount, fixing policy,
 * warning thresholds, remittance ratios) is data the 分局党委 can change; every
 * change goes through setSetting and so lands in the operation log.
 *
 * The rule numbers among them (cap, fixed amounts, rounding) are the unit's own
 * version of the dues rules, with its own source ("本单位规定：…"), laid after the
 * national version; the national record itself is never changed.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { LedgerError } from '../errors.ts';
import { inForceOn } from '../../common/rules.ts';
import { NATIONAL_DUES, NATIONAL_DUES_VERSIONS, type CalcOptions, type DuesVersion, type Rounding } from './calc.ts';
import { yuan } from '../../common/money.ts';

export interface PayItem {
  name: string;
  /** income adds to the base, deduction is subtracted */
  kind: 'income' | 'deduction';
  include: boolean;
  /** where the item comes from: 机关 / 事业 / 企业 / 离退休 / 扣除 / 公安 */
  group: string;
  note: string;
}

/** Defaults per 中组发〔2008〕3号 and the 2017 exclusions (reference §1.2). */
export const DEFAULT_PAY_ITEMS: PayItem[] = [
  { name: '职务工资', kind: 'income', include: true, group: '机关', note: '机关工作人员' },
  { name: '级别工资', kind: 'income', include: true, group: '机关', note: '机关工作人员' },
  { name: '工作性津贴', kind: 'income', include: true, group: '机关', note: '规范津贴补贴' },
  { name: '生活性补贴', kind: 'income', include: true, group: '机关', note: '规范津贴补贴' },
  { name: '岗位工资', kind: 'income', include: true, group: '事业', note: '事业单位、机关工人、企业' },
  { name: '薪级工资', kind: 'income', include: true, group: '事业', note: '事业单位' },
  { name: '基础性绩效工资', kind: 'income', include: true, group: '事业', note: '2017：只计基础性绩效' },
  { name: '技术等级工资', kind: 'income', include: true, group: '机关', note: '机关工人' },
  { name: '基本工资', kind: 'income', include: true, group: '企业', note: '企业人员固定部分' },
  { name: '经常性奖金', kind: 'income', include: true, group: '企业', note: '企业人员普遍发放的奖金' },
  { name: '基本离退休费', kind: 'income', include: true, group: '离退休', note: '2017：离退休人员只计基本离退休费/基本养老金' },
  { name: '警衔津贴', kind: 'income', include: false, group: '公安', note: '文件未明确，由分局党委决定（默认不计入，视为部分人员津贴）' },
  { name: '公安值勤岗位津贴', kind: 'income', include: false, group: '公安', note: '2017：仅对部分岗位发放的津贴不计入' },
  { name: '奖励性绩效工资', kind: 'income', include: false, group: '事业', note: '2017：不计入' },
  { name: '非经常性奖金', kind: 'income', include: false, group: '企业', note: '2017：不固定、不普遍发放的奖金不计入' },
  { name: '离退休津补贴', kind: 'income', include: false, group: '离退休', note: '2017：不计入' },
  { name: '住房补贴', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '交通补贴', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '通讯补贴', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '加班补贴', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '误餐补贴', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '取暖费', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '防暑降温费', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '公务用车补贴', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '物业费', kind: 'income', include: false, group: '改革性补贴', note: '2017：不计入' },
  { name: '艰苦边远地区津贴', kind: 'income', include: false, group: '地区津贴', note: '2017：仅对部分地区发放的津贴不计入' },
  { name: '个人所得税', kind: 'deduction', include: true, group: '扣除', note: '税后' },
  { name: '养老保险', kind: 'deduction', include: true, group: '扣除', note: '个人缴纳部分' },
  { name: '医疗保险', kind: 'deduction', include: true, group: '扣除', note: '个人缴纳部分' },
  { name: '失业保险', kind: 'deduction', include: true, group: '扣除', note: '个人缴纳部分' },
  { name: '职业年金', kind: 'deduction', include: true, group: '扣除', note: '个人缴纳部分' },
  { name: '企业年金', kind: 'deduction', include: true, group: '扣除', note: '个人缴纳部分（企业人员）' },
  { name: '住房公积金', kind: 'deduction', include: true, group: '扣除', note: '个人缴纳部分' },
];

export interface DuesSettings {
  rounding: Rounding;
  capEnabled: boolean;
  capFen: number;
  fixedLowFen: number;
  farmerFen: number;
  /** 'annual': fixed at the start of the year (2017); 'follow-salary': from the month new pay is first received (2008 第十条) */
  fixPolicy: 'annual' | 'follow-salary';
  /** 'admission-month': the 支部大会 month is the first due month; 'next-month': the month after */
  probationStart: 'admission-month' | 'next-month';
  payItems: PayItem[];
  warnMonths: number;
  criticalMonths: number;
  arrearsLimitMonths: number;
  prepayLimitMonths: number;
  /** share of collected dues a branch remits to the 党委, basis points (10000 = all) */
  branchRemitRatioBp: number;
  /** share the 党委 remits to the upper body */
  committeeRemitRatioBp: number;
  /** how often dues are remitted upward, in months (local practice: quarterly, half-yearly or yearly) */
  remitEveryMonths: 3 | 6 | 12;
  upperBodyName: string;
}

const national = NATIONAL_DUES.values;

export const DUES_DEFAULTS: DuesSettings = {
  rounding: national.rounding,
  capEnabled: national.capEnabled,
  capFen: national.capFen,
  fixedLowFen: national.fixedLowFen,
  farmerFen: national.farmerFen,
  fixPolicy: 'annual',
  probationStart: 'admission-month',
  payItems: DEFAULT_PAY_ITEMS,
  warnMonths: 3,
  criticalMonths: 6,
  arrearsLimitMonths: 6,
  prepayLimitMonths: 6,
  branchRemitRatioBp: 10_000,
  committeeRemitRatioBp: 10_000,
  remitEveryMonths: 3,
  upperBodyName: '机关工委',
};

const KEY = 'dues.settings';
/** dues.openingBalance: the committee's balance on 1 January of a year from the books before the ledger, { year, amountFen } (上年结转 of the 公布 and 自查报告), null when none. */
export const duesSettingDefaults = { [KEY]: DUES_DEFAULTS, 'dues.openingBalance': null };

export async function loadDuesSettings(tx: Tx): Promise<DuesSettings> {
  const stored = await getSetting<Partial<DuesSettings>>(tx, KEY);
  return { ...DUES_DEFAULTS, ...stored };
}

/**
 * The unit's own version of the dues rules: where its settings differ from the national
 * numbers, a new version whose source names what the unit decided (null: none differs).
 * The settings carry no date of their own, so the version applies from the national date.
 */

export function unitDuesVersion(s: DuesSettings, base: DuesVersion = inForceOn(NATIONAL_DUES_VERSIONS, '9999-12-31')): DuesVersion | null {
  const n = base.values;
  const said: string[] = [];
  if (s.capEnabled !== n.capEnabled || (s.capEnabled && s.capFen !== n.capFen)) said.push(s.capEnabled ? `每月党费一般不超过 ${yuan(s.capFen)} 元` : '每月党费不设上限');
  if (s.fixedLowFen !== n.fixedLowFen) said.push(`学生、下岗失业、低保党员每月 ${yuan(s.fixedLowFen)} 元`);
  if (s.farmerFen !== n.farmerFen) said.push(`农民党员每月 ${yuan(s.farmerFen)} 元`);
  if (s.rounding !== n.rounding) said.push(s.rounding === 'jiao' ? '四舍五入到角' : '四舍五入到分');
  if (!said.length) return null;
  return {
    version: `本单位（据 ${base.version}）`,
    effectiveFrom: base.effectiveFrom,
    source: `本单位规定：${said.join('；')}`,
    verified: true,
    values: { ...n, rounding: s.rounding, capEnabled: s.capEnabled, capFen: s.capFen, fixedLowFen: s.fixedLowFen, farmerFen: s.farmerFen },
  };
}

/** Every version of the dues rules the unit applies: the national ones, then the unit's own. */
export function duesVersions(s: DuesSettings): DuesVersion[] {
  const unit = unitDuesVersion(s);
  return unit ? [...NATIONAL_DUES_VERSIONS, unit] : [...NATIONAL_DUES_VERSIONS];
}

/** The numbers in force for a month assessed (YYYY-MM; none: the latest version). */
export function calcOptions(s: DuesSettings, month?: string | null): CalcOptions {
  return inForceOn(duesVersions(s), month ?? '9999-12-31').values;
}

export async function saveDuesSettings(ctx: Ctx, patch: Partial<DuesSettings>): Promise<DuesSettings> {
  return ctx.db.transaction().execute(async (tx) => {
    const next = { ...(await loadDuesSettings(tx)), ...patch };
    if (next.farmerFen < 20 || next.farmerFen > 100) throw new LedgerError('农民党员月缴党费应在 0.2 元至 1 元之间（中组发〔2008〕3号 第六条）', 'farmerFen');
    if (next.warnMonths < 1 || next.criticalMonths <= next.warnMonths) throw new LedgerError('“严重提醒”月数应大于“提醒”月数', 'criticalMonths');
    const names = new Set<string>();
    for (const it of next.payItems) {
      if (!it.name.trim()) throw new LedgerError('工资项目名称不能为空', 'payItems');
      if (names.has(it.name)) throw new LedgerError(`工资项目“${it.name}”重复`, 'payItems');
      names.add(it.name);
    }
    await setSetting(tx, ctx, KEY, next);
    return next;
  });
}
