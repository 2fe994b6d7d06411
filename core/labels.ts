/**
 * Chinese names of input fields, and the one sentence a failed validation
 * becomes. Labels are looked up in the handler's own area first (its module's
 * `labels`, core/area.ts `labelsFor`), then in the shared vocabulary below, so
 * that `branchId` can be 所在支部 for a member and 编入支部 for a transfer. Paths
 * into lists read as the clerk would say them: months.0 → 第1个缴纳月份,
 * attendance.2.memberName → 出席名单第3项的姓名.
 */
import type { z } from 'zod';
import { LedgerError } from './errors.ts';

export type Labels = Record<string, string>;

/** Words every area uses the same way; an area's own label wins. */
export const commonLabels: Readonly<Labels> = {
  id: '编号',
  page: '页码',
  pageSize: '每页条数',
  search: '搜索内容',
  year: '年度',
  month: '月份',
  quarter: '季度',
  from: '开始日期',
  to: '结束日期',
  asOf: '截至日期',
  note: '备注',
  reason: '原因',
  orgId: '组织',
  branchId: '支部',
  groupId: '党小组',
  memberId: '党员',
  fileName: '文件名',
  contentBase64: '文件内容',
  scope: '范围',
  sortBy: '排序字段',
  sortDir: '排序方向',
  entity: '记录类型',
  entityId: '所属记录',
  table: '记录类型',
  kind: '类别',
  force: '清空已有数据',
  commit: '确认写入',
  validOnly: '只导入正确的行',
  expectValid: '预计正确的行数',
  prefix: '设置项前缀',
  key: '设置项',
  value: '设置值',
  date: '日期',
  name: '名称',
  type: '类型',
  jobId: '读取任务编号',
};

/** The field a path names, in Chinese: '' for the whole input. */
export function pathLabel(path: readonly PropertyKey[], labels: Labels): string {
  const full = path.map(String).join('.');
  if (labels[full]) return labels[full];
  const name = (seg: PropertyKey) => labels[String(seg)] ?? String(seg);
  let prefix = '';
  for (let i = 0; i < path.length; i++) {
    const next = path[i + 1];
    if (typeof next === 'number') {
      if (i + 1 === path.length - 1) return `${prefix}第${next + 1}个${name(path[i])}`;
      prefix = `${prefix}${name(path[i])}第${next + 1}项的`;
      i++;
    } else if (i === path.length - 1) return `${prefix}${name(path[i])}`;
  }
  return prefix.replace(/的$/, '');
}

/**
 * Chinese words for the codes a form sends rather than a clerk types (a sort
 * direction, a scope, a rule option), so that a refused value is named in
 * Chinese; a code not listed here is never echoed (the message says 取值不正确).
 */
export const valueLabels: Readonly<Record<string, string>> = {
  asc: '升序',
  desc: '降序',
  open: '进行中',
  active: '在册',
  left: '已离开',
  all: '全部',
  name: '姓名',
  birthDate: '出生日期',
  joinDate: '入党日期',
  branch: '所在支部',
  idNumber: '公民身份号码',
  fen: '舍入到分',
  jiao: '舍入到角',
  income: '收入',
  deduction: '扣除',
  annual: '年初核定',
  'follow-salary': '随工资调整',
  'admission-month': '支部大会接收当月',
  'next-month': '支部大会接收次月',
};

/** A refused value list in Chinese: “升序”或“降序”; null when some value has no Chinese word. */
function valueList(values: readonly unknown[]): string | null {
  const words = values.map((v) => (typeof v === 'string' && /[\u4e00-\u9fa5]/.test(v) ? v : valueLabels[String(v)]));
  if (words.some((w) => !w)) return null;
  return words.length === 2 ? `“${words[0]}”或“${words[1]}”` : `${words.join('、')} 之一`;
}

/** zod's own English sentences, which may still quote Chinese values ("Invalid option: expected one of "支部"|…"). */
const ZOD_ENGLISH = /\b(Invalid|Too (big|small)|Expected|expected|Required|must)\b/;

const KIND: Record<string, string> = { number: '数字', int: '整数', string: '文字', boolean: '是或否', array: '列表', object: '一组内容', date: '日期' };

/** A Chinese message for zod's own (English) issues. */
function fallbackMessage(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { expected?: string; origin?: string; maximum?: number | bigint; minimum?: number | bigint; values?: unknown[] };
  switch (i.code) {
    case 'invalid_type':
      // zod reports the input only on request (which would echo whole files back), but says "received undefined"
      return /received (undefined|null)\b/.test(i.message) ? '不能为空' : `应为${KIND[i.expected ?? ''] ?? '正确的格式'}`;
    case 'too_big':
      if (i.origin === 'string') return `不能超过 ${i.maximum} 字`;
      if (i.origin === 'array' || i.origin === 'set') return `最多 ${i.maximum} 项`;
      return `不能大于 ${i.maximum}`;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? '不能为空' : `至少 ${i.minimum} 字`;
      if (i.origin === 'array' || i.origin === 'set') return `至少 ${i.minimum} 项`;
      return `不能小于 ${i.minimum}`;
    case 'invalid_value':
      return i.values?.length && valueList(i.values) ? `应为 ${valueList(i.values)}` : '取值不正确';
    case 'not_multiple_of':
      return '数值不正确';
    case 'invalid_union': {
      // a date-or-empty field: say what the date branch says ("应为有效日期…")
      const inner = (i as { errors?: z.core.$ZodIssue[][] }).errors?.flat().find((x) => /[\u4e00-\u9fa5]/.test(x.message));
      return inner?.message ?? '格式不正确';
    }
    default:
      return '格式不正确';
  }
}

/** Turns a zod failure into one Chinese sentence naming the field. */
export function describeZodError(err: z.ZodError, labels: Labels = {}): LedgerError {
  const issue = err.issues[0];
  const key = issue.path.map(String).join('.');
  const label = pathLabel(issue.path, labels);
  const msg = issue.message && /[\u4e00-\u9fa5]/.test(issue.message) && !ZOD_ENGLISH.test(issue.message) ? issue.message : fallbackMessage(issue);
  return new LedgerError(label ? `“${label}”${msg}` : msg, key || undefined, err.issues);
}
