/**
 * 迎检清单: what an inspector looks for in each of the eleven binders of
 * shared/reference/inspection-binders.md (A 组织建设 … K 党务公开及其他), as
 * versioned data. Each item says whom it binds (scope), how often it is due
 * (cadence) and what proves it: a record of the ledger (activities, sign-in
 * sheets, the roster, approved dues assessments, the development dossiers) or
 * a non-voided archive item of a category. The unit's edits are rows of its
 * own (core/inspect), laid over these defaults, never an edit of them.
 * Side-agnostic: the renderer shows the same lists.
 */
import type { Versioned } from './rules.ts';

export const BINDERS = [
  { code: 'A', name: '组织建设' },
  { code: 'B', name: '三会一课' },
  { code: 'C', name: '主题党日' },
  { code: 'D', name: '组织生活会和民主评议' },
  { code: 'E', name: '党费' },
  { code: 'F', name: '发展党员' },
  { code: 'G', name: '学习教育' },
  { code: 'H', name: '制度建设' },
  { code: 'I', name: '党建责任和述职评议考核' },
  { code: 'J', name: '评星定级' },
  { code: 'K', name: '党务公开及其他' },
] as const;
export type BinderCode = (typeof BINDERS)[number]['code'];
export const BINDER_CODES = BINDERS.map((b) => b.code) as BinderCode[];

/** "B 三会一课": how a binder is named in results, the workbook and the command line. */
export function binderLabel(code: string): string {
  const b = BINDERS.find((x) => x.code === code);
  return b ? `${b.code} ${b.name}` : code;
}

/** whom an item binds: the 党委 itself, every 党支部, every 党小组 (with members) */
export const INSPECT_SCOPES = ['党委', '党支部', '党小组'] as const;
export type InspectScope = (typeof INSPECT_SCOPES)[number];

export const INSPECT_CADENCES = ['年', '季', '月', '每次会议', '每人'] as const;
export type InspectCadence = (typeof INSPECT_CADENCES)[number];

export const INSPECT_STATUSES = ['齐全', '不完整', '缺失'] as const;
export type InspectStatus = (typeof INSPECT_STATUSES)[number];

/** How an item is proved. */
export type InspectProof =
  /** a record of this activity type in every period of the cadence (年/季/月) */
  | { kind: 'activity'; type: string }
  /** a 签到表 attachment on every meeting of these types (每次会议) */
  | { kind: 'signin'; types: string[] }
  /** members on the organization's roster (年) */
  | { kind: 'roster' }
  /** every member on the roster has an approved dues assessment of the year (每人) */
  | { kind: 'assessment' }
  /** every development file holds the documents of each step it has reached (每人) */
  | { kind: 'dossier' }
  /**
   * a non-voided archive item of this category for the organization, in every period (年/季/月);
   * `dueFromMonth` (年 only): in a running year the item is judged from that month on, not only once the year has ended
   */
  | { kind: 'archive'; category: string; dueFromMonth?: number | null };
export type InspectProofKind = InspectProof['kind'];

export const PROOF_LABEL: Record<InspectProofKind, string> = {
  activity: '组织生活记录',
  signin: '会议签到表',
  roster: '党员花名册',
  assessment: '年度党费核定（经审批）',
  dossier: '发展党员档案材料',
  archive: '档案（按类别）',
};

/** The cadences each kind of proof can be judged by. */
export const CADENCES_OF: Record<InspectProofKind, InspectCadence[]> = {
  activity: ['年', '季', '月'],
  signin: ['每次会议'],
  roster: ['年'],
  assessment: ['每人'],
  dossier: ['每人'],
  archive: ['年', '季', '月'],
};

export interface InspectItemDef {
  /** stable key of a default item, e.g. B-branch-committee */
  key: string;
  binder: BinderCode;
  title: string;
  scope: InspectScope;
  cadence: InspectCadence;
  proof: InspectProof;
  /** where the item comes from */
  basis: string;
}

const REF = 'inspection-binders.md';
const MEETINGS = ['支部党员大会', '支部委员会', '党小组会', '党课'];

export const DEFAULT_CHECKLIST: Versioned<InspectItemDef[]> = {
  version: '2026.12',
  effectiveFrom: '2018-10-28',
  source:
    '迎检材料分类为通行做法（' + REF + '，据 K1–K6、Q12、Q20 等整理）；会议频次依《中国共产党支部工作条例（试行）》；述职评议依《党委（党组）书记抓基层党建工作述职评议考核办法（试行）》（2019年）',
  verified: false,
  values: [
    { key: 'A-roster', binder: 'A', title: '党员花名册', scope: '党支部', cadence: '年', proof: { kind: 'roster' }, basis: `${REF} A：党员花名册、党员登记表` },
    { key: 'B-branch-meeting', binder: 'B', title: '支部党员大会记录', scope: '党支部', cadence: '季', proof: { kind: 'activity', type: '支部党员大会' }, basis: '支部工作条例第十一条：党员大会一般每季度召开1次' },
    { key: 'B-committee', binder: 'B', title: '支委会记录', scope: '党支部', cadence: '月', proof: { kind: 'activity', type: '支部委员会' }, basis: '支部工作条例第十二条：支部委员会会议一般每月召开1次' },
    { key: 'B-group', binder: 'B', title: '党小组会记录', scope: '党小组', cadence: '月', proof: { kind: 'activity', type: '党小组会' }, basis: '支部工作条例第十三条：党小组会一般每月召开1次' },
    { key: 'B-lecture', binder: 'B', title: '党课记录和讲稿', scope: '党支部', cadence: '季', proof: { kind: 'activity', type: '党课' }, basis: '通行地方做法：支部党课每季度至少1次' },
    { key: 'B-committee-lecture', binder: 'B', title: '党委书记讲党课', scope: '党委', cadence: '年', proof: { kind: 'activity', type: '党课' }, basis: '支部工作条例第十六条：党委（党组）书记每年至少讲1次党课' },
    { key: 'B-signin', binder: 'B', title: '三会一课签到表', scope: '党支部', cadence: '每次会议', proof: { kind: 'signin', types: MEETINGS }, basis: `${REF} B：会议记录附签到表` },
    { key: 'C-day', binder: 'C', title: '主题党日活动记录', scope: '党支部', cadence: '月', proof: { kind: 'activity', type: '主题党日' }, basis: '支部工作条例第十六条：每月相对固定1天开展主题党日' },
    { key: 'C-signin', binder: 'C', title: '主题党日签到表', scope: '党支部', cadence: '每次会议', proof: { kind: 'signin', types: ['主题党日'] }, basis: `${REF} C：活动记录、签到、照片` },
    { key: 'D-life', binder: 'D', title: '组织生活会材料', scope: '党支部', cadence: '年', proof: { kind: 'activity', type: '组织生活会' }, basis: '支部工作条例第十七条：组织生活会每年至少召开1次' },
    { key: 'D-review', binder: 'D', title: '民主评议党员材料', scope: '党支部', cadence: '年', proof: { kind: 'activity', type: '民主评议党员' }, basis: `${REF} D：民主评议党员一般每年开展1次` },
    { key: 'D-leaders', binder: 'D', title: '民主生活会材料', scope: '党委', cadence: '年', proof: { kind: 'activity', type: '民主生活会' }, basis: '民主生活会若干规定：每年1次' },
    { key: 'E-assessment', binder: 'E', title: '年度党费核定表经审批', scope: '党支部', cadence: '每人', proof: { kind: 'assessment' }, basis: `${REF} E：年度核定表经签字审批` },
    { key: 'F-dossier', binder: 'F', title: '发展党员一人一档', scope: '党支部', cadence: '每人', proof: { kind: 'dossier' }, basis: `${REF} F：按阶段的个人档案材料` },
    { key: 'G-center', binder: 'G', title: '党委理论学习中心组学习记录', scope: '党委', cadence: '季', proof: { kind: 'activity', type: '理论学习中心组学习' }, basis: `${REF} G：党委中心组学习档案` },
    { key: 'H-rules', binder: 'H', title: '党建工作制度', scope: '党委', cadence: '年', proof: { kind: 'archive', category: 'H' }, basis: `${REF} H：上墙和归档的各项制度` },
    { key: 'I-report', binder: 'I', title: '书记抓基层党建述职报告', scope: '党委', cadence: '年', proof: { kind: 'archive', category: 'I', dueFromMonth: 11 }, basis: `${REF} I：述职报告，每年11月起、年底前完成（11月起即检查）` },
    { key: 'K-plans', binder: 'K', title: '年度工作计划和总结', scope: '党委', cadence: '年', proof: { kind: 'archive', category: 'K' }, basis: `${REF} K：半年、全年工作计划和总结` },
  ],
};

/** "/activities?new=1&orgId=…": a fix link as one string (the command line and the workbook print it). */
export function linkText(link: { path: string; query: Record<string, string> }): string {
  const q = Object.entries(link.query)
    .map(([k, v]) => `${k}=${v.replace(/[%&=#?+\s]/g, (c) => encodeURIComponent(c))}`)
    .join('&');
  return q ? `${link.path}?${q}` : link.path;
}
