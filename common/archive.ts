/**
 * The archive's pure rules (../shared/reference/archives.md, DA/T 22-2015): the
 * default category scheme (the eleven 迎检 binders A–K of inspection-binders.md
 * with a 保管期限 default each, versioned data with its sources), the 档号 as
 * 全宗号-门类代码·年度-保管期限-机构（问题）代码-件号 (7.3), 8-digit catalog dates,
 * self-made titles in [ ] (7.5) and the box rule (7.6). Side-agnostic.
 */
import type { Versioned } from './rules.ts';

export const RETENTIONS = ['永久', '30年', '10年'] as const;
export type Retention = (typeof RETENTIONS)[number];
export const SECRECY_LEVELS = ['无', '秘密', '机密', '绝密'] as const;
/** Where an item came from (archive_items.source_kind). */
export const SOURCE_KINDS = { document: '生成文档', attachment: '会议附件', upload: '手工上传' } as const;

export interface ArchiveCategory {
  code: string;
  name: string;
  defaultRetention: Retention;
  note: string;
}

/**
 * The shipped scheme. Retention defaults follow the party-archive examples of
 * archives.md 7.8 (local, they disagree; the unit's own approved 保管期限表
 * governs, 8号令 第十二条): 名册, 改选, 发展党员 and 转正, 介绍信 30年 [A15];
 * 制度 and the 党委's plans and summaries 永久 [A16]; the rest by analogy [C].
 */
export const DEFAULT_CATEGORIES: Versioned<ArchiveCategory[]>[] = [
  {
    version: '2026.12',
    effectiveFrom: '2016-06-01',
    source:
      '类目：inspection-binders.md 迎检材料 A–K（推荐分组）；保管期限：archives.md 7.8（国家档案局令第8号：永久、30年、10年；南昌大学机关党委等单位示例，以本单位经批准的保管期限表为准）',
    verified: false,
    values: [
      { code: 'A', name: '组织建设', defaultRetention: '30年', note: '党员花名册、党员登记表、换届、组织关系转接登记表及介绍信存根、党内统计' },
      { code: 'B', name: '三会一课', defaultRetention: '30年', note: '年度计划、支部党员大会/支委会/党小组会记录及签到表、党课讲稿、照片' },
      { code: 'C', name: '主题党日', defaultRetention: '10年', note: '月度计划和主题、活动记录、签到、照片' },
      { code: 'D', name: '组织生活会和民主评议', defaultRetention: '30年', note: '方案、对照检查材料、会议记录、问题和整改清单、民主评议结果' },
      { code: 'E', name: '党费', defaultRetention: '30年', note: '年度核定表、收缴台账、收据和凭证、党费收缴使用情况公布' },
      { code: 'F', name: '发展党员', defaultRetention: '30年', note: '年度计划、发展党员工作台账、会议记录和表决票、公示' },
      { code: 'G', name: '学习教育', defaultRetention: '10年', note: '学习计划、集体学习记录、学时台账、中心组学习材料' },
      { code: 'H', name: '制度建设', defaultRetention: '永久', note: '本单位党建工作制度' },
      { code: 'I', name: '党建责任和述职评议考核', defaultRetention: '30年', note: '责任清单、书记抓基层党建述职报告、评议表、整改方案' },
      { code: 'J', name: '评星定级和创建', defaultRetention: '30年', note: '自评表、申报表、公示、批复' },
      { code: 'K', name: '党务公开及其他', defaultRetention: '永久', note: '党务公开记录、表彰、关怀帮扶、工作计划和总结、请示报告批复、上级文件' },
    ],
  },
];

export interface ArchiveNoParts {
  /** 全宗号 (assigned by the 档案馆; blank when none was given) */
  fonds: string;
  /** 门类代码, WS for 文书档案 */
  classCode: string;
  year: number;
  /** the 保管期限 code (Y / D30 / D10) */
  retentionCode: string;
  /** the 机构（问题） level, or blank when the unit does not use it */
  level: string;
  itemNo: number;
}

export type ArchiveNoResult = { ok: true; archiveNo: string; warning: string | null } | { ok: false; message: string };

/** 件号 as 4 digits; more than 4 digits is refused. */
export function itemNoText(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return null;
  return String(n).padStart(4, '0');
}

/**
 * The 档号 (archives.md 7.3): "-" between levels, "·" within one. Without a 全宗号
 * the number starts at the 门类 level and carries a warning: never an invented one.
 */
export function composeArchiveNo(p: ArchiveNoParts): ArchiveNoResult {
  const no = itemNoText(p.itemNo);
  if (!no) return { ok: false, message: `件号 ${p.itemNo} 超出 4 位（0001—9999）` };
  const rest = [`${p.classCode}·${p.year}`, p.retentionCode, p.level, no].filter((s) => s !== '').join('-');
  const fonds = p.fonds.trim();
  if (!fonds) return { ok: true, archiveNo: rest, warning: '未设置全宗号：档号缺全宗号一级，请在档案设置中填写档案馆给定的全宗号' };
  return { ok: true, archiveNo: `${fonds}-${rest}`, warning: null };
}

/** The catalog's 日期: YYYYMMDD (archives.md 7.5); blank when unknown. */
export function catalogDate(iso: string | null | undefined): string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replaceAll('-', '') : '';
}

/**
 * A title for the catalog: a self-made title (or self-made part) goes inside [ ]:
 * no title → `[self]`; a title that does not show the content → `[self]title`.
 */
export function catalogTitle(title: string | null | undefined, selfMade?: string | null): string {
  const t = (title ?? '').trim();
  const s = (selfMade ?? '').trim();
  if (!s) return t;
  return `[${s}]${t}`;
}

/** One box (盒) of items (archives.md 7.6): one 年度, one 保管期限 (and one 机构（问题）). */
export interface BoxItem {
  year: number;
  retention: string;
  level: string;
  itemNo: number;
}

export function boxRefusal(box: readonly BoxItem[], item: BoxItem): string | null {
  const first = box[0];
  if (!first) return null;
  if (first.year !== item.year) return `盒内已是 ${first.year} 年度的文件，不能放入 ${item.year} 年度的文件`;
  if (first.retention !== item.retention) return `盒内已是保管期限${first.retention}的文件，不能放入保管期限${item.retention}的文件`;
  if (first.level !== item.level) return '盒内已是另一机构（问题）的文件，不能混放';
  return null;
}

/** The spine's 起止件号: the first in the upper cell, the last in the lower. */
export function boxSpine(box: readonly BoxItem[]): { from: string; to: string } | null {
  if (!box.length) return null;
  const nos = box.map((b) => b.itemNo);
  return { from: itemNoText(Math.min(...nos)) ?? '', to: itemNoText(Math.max(...nos)) ?? '' };
}
