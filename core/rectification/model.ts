/**
 * 整改台账 and the 制度 registry (issue 15 items 1–2, rectification-summary.md 10.1): the vocabularies,
 * input schemas, labels, the one setting, the 编号, overdue and the 销号率. Pure: no database here.
 */
import { z } from 'zod';
import { isoDate, optDate, optText, text, year, listOf } from '../validate.ts';

import { RECT_SOURCES, RECT_STATUSES, OPEN_STATUSES, PLAN_KINDS, LINK_KINDS, RULE_CATEGORIES, RULE_STATUSES } from '../../common/rectification.ts';
import type { RectStatus, PlanKind, LinkKind } from '../../common/rectification.ts';
export { RECT_SOURCES, RECT_STATUSES, OPEN_STATUSES, PLAN_KINDS, LINK_KINDS, RULE_CATEGORIES, RULE_STATUSES, type RectStatus, type PlanKind, type LinkKind } from '../../common/rectification.ts';

/** The rule this area implements, with its sources (rectification-summary.md 10.1); shown in the UI. */
export const RECT_RULE = {
  version: 1,
  effectiveFrom: '2019-01-01',
  source: '“三单”（问题清单、责任清单、整改清单）与“完成一份、销号一份”为各地公开做法（rectification-summary.md 10.1 [R2][R4][R5]）；状态“未启动→整改中→待验收→已销号”及“长期坚持”为建议做法',
  verified: false,
  note: '未找到全国统一的整改台账格式规定，以上为地方做法；销号须有佐证材料和验收人。',
};

export const LONG_TERM_IN_RATE = 'rectification.longTermInRate';
export const rectSettingDefaults = {
  /** whether 长期坚持 items count in the base of the 销号率 (10.1: a setting); default: every item counts */
  [LONG_TERM_IN_RATE]: true,
};

/** 整改 ZG-2026-001, 工作要点 GZ-2026-001: one sequence per kind and year, never reused. */
export function itemCode(kind: string, year: number, seq: number): string {
  return `${kind === '工作要点' ? 'GZ' : 'ZG'}-${year}-${String(seq).padStart(3, '0')}`;
}

/** Past its 时限 (the day after the 时限 on) and not closed; 长期坚持 items have no 时限 and are never overdue. */
export function isOverdue(i: { status: string; due_on: string | null }, today: string): boolean {
  return i.status !== '已销号' && i.status !== '长期坚持' && i.due_on !== null && i.due_on < today;
}

/** 15 of 19 → 78.9: one decimal, half up, integer arithmetic; null when there is nothing to count. */
export function closeRate(closed: number, base: number): number | null {
  if (!base) return null;
  return Math.floor((closed * 2000 + base) / (2 * base)) / 10;
}

/** "19条整改措施已完成15条，销号率78.9%" */
export function rateSentence(closed: number, base: number): string {
  const r = closeRate(closed, base);
  return `${base}条整改措施已完成${closed}条，销号率${r === null ? '—' : `${r.toFixed(1)}%`}`;
}

const ENUM = (vals: readonly string[]) => ({ error: `应为 ${vals.join('、')} 之一` });

export const itemInput = z.object({
  planId: z.string().max(100).nullish().transform((v) => v || null),
  kind: z.enum(PLAN_KINDS, ENUM(PLAN_KINDS)).default('整改'),
  source: z.enum(RECT_SOURCES, ENUM(RECT_SOURCES)),
  aspect: optText(60),
  title: text(500),
  cause: optText(500),
  measure: text(1000),
  goal: optText(500),
  leader: optText(30),
  ownerUnit: text(60),
  owner: text(30),
  dueOn: optDate,
  raisedOn: optDate,
  note: optText(500),
  linkKind: z.enum(LINK_KINDS, ENUM(LINK_KINDS)).nullish().transform((v) => v ?? null),
  linkKey: z.string().max(300, '不能超过 300 字').nullish().transform((v) => v || null),
});
export type ItemInput = z.output<typeof itemInput>;

export const planInput = z.object({
  kind: z.enum(PLAN_KINDS, ENUM(PLAN_KINDS)).default('整改'),
  name: text(200),
  docNo: optText(60),
  year,
  aspects: listOf(text(60), 30).default([]),
  note: optText(500),
});
export type PlanInput = z.output<typeof planInput>;

export const ruleDocInput = z.object({
  name: text(200),
  docNo: optText(60),
  issuer: text(100),
  issuedOn: isoDate,
  category: z.enum(RULE_CATEGORIES, ENUM(RULE_CATEGORIES)),
  note: optText(500),
  /** the text of the document, filed with its archive item */
  fileName: z.string().max(200).optional(),
  contentBase64: z.string().max(60_000_000, '文件过大').optional(),
});
export type RuleDocInput = z.output<typeof ruleDocInput>;

export const rectLabels: Record<string, string> = {
  planId: '整改方案', kind: '类型', source: '问题来源', aspect: '方面', title: '问题描述', cause: '原因分析', measure: '整改措施',
  goal: '整改目标', leader: '责任领导', ownerUnit: '责任单位', owner: '责任人', dueOn: '整改时限', raisedOn: '提出日期', note: '备注',
  linkKind: '来源类别', linkKey: '来源事项', status: '状态', closedOn: '销号日期', acceptedBy: '验收人', onDate: '日期', text: '进展情况',
  archiveItemId: '档案', name: '名称', docNo: '文号', year: '年度', aspects: '方面', issuer: '发文单位', issuedOn: '印发日期', category: '类别',
  replacedBy: '替代文件', repealedOn: '废止日期', from: '开始日期', to: '结束日期', plan: '整改方案', fileName: '文件名', contentBase64: '文件内容',
  overdue: '只看超期', reason: '原因', evidence: '佐证材料', itemId: '整改事项',
  [LONG_TERM_IN_RATE]: '长期坚持事项计入销号率',
};
