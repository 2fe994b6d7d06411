/**
 * 操作日志 → 详情 as the clerk reads it: one row per field with its Chinese
 * label, names instead of ids (a member, an organization), local times
 * ("2026-12-01 20:02"), 是/否 instead of 1/0 or true/false, amounts in 元, and
 * no internal columns (id, created_at, updated_at, deleted_at, hashes). The log
 * keeps what was stored (chained by hash); this is only how it is shown.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { localDateTime } from '../../common/dates.ts';
import { ratePercent, yuan } from '../../common/money.ts';
import { installedAreas } from '../area.ts';
import { commonLabels, valueLabels, type Labels } from '../labels.ts';
import { LedgerError } from '../errors.ts';
import { maskIdsDeep, maskIdsInText } from '../members/privacy.ts';

export interface AuditDetailField {
  label: string;
  before: string;
  after: string;
}

export interface AuditDetail {
  at: string;
  actor: string;
  action: string;
  /** 党员, 组织, 党费缴纳记录, … */
  entityTitle: string;
  summary: string;
  /** 修改: the fields that changed; 新增/删除/…: every field that has a value */
  fields: AuditDetailField[];
}

export const ENTITY_TITLES: Record<string, string> = {
  members: '党员',
  org_units: '组织',
  org_roles: '任职',
  activities: '组织生活记录',
  attachments: '附件',
  development_files: '发展档案',
  dues_assessments: '党费核定',
  dues_payments: '党费缴纳记录',
  dues_expenses: '党费使用',
  dues_publications: '党费公示',
  dues_remittances: '党费上缴',
  transfers: '组织关系转接',
  care_visits: '走访慰问',
  disposal_cases: '不合格党员处置',
  disposal_steps: '处置程序',
  rect_plans: '整改方案',
  rect_items: '整改事项',
  rect_progress: '整改进展',
  rect_evidence: '整改佐证',
  rules_docs: '制度文件',
  theme_day_plans: '主题党日安排',
  monthly_notices: '党建工作提醒',
  notice_numbers: '提醒文号序号',
  settings: '设置',
  ledger: '台账',
};

/** Stored columns that no input form names (the form says branchId, the row also keeps branchName). */
const STORED_LABELS: Labels = {
  branchName: '所在支部',
  groupName: '党小组',
  orgName: '所属组织',
  parentName: '上级组织',
  memberName: '党员',
  personName: '姓名',
  leftType: '离开方式',
  leftDate: '离开日期',
  leftReason: '离开原因',
  orgId: '所属组织',
  memberId: '党员',
  fullDate: '转正日期',
  late: '迟到',
  leftEarly: '早退',
  writtenOpinion: '书面意见',
  capApplied: '按上限缴纳',
  rateBp: '缴纳比例',
  ratioBp: '比例',
  status: '状态',
  title: '标题',
  deletedAt: '删除时间',
};

/** Columns the clerk never needs: the record's own number, bookkeeping times, hashes. */
// textStatus and contentText: the archive's own text extraction (its state and the extracted words), not the clerk's data
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'hash', 'prevHash', 'seq', 'textStatus', 'contentText']);
const BOOLEAN_KEYS = new Set(['late', 'leftEarly', 'writtenOpinion', 'capApplied', 'verified', 'encrypted', 'active', 'force']);
/** An id column and the stored name column that already says it (the id is then hidden). */
const NAMED_BY: Record<string, string[]> = { branchId: ['branchName'], groupId: ['groupName'], memberId: ['personName', 'memberName', 'name'], orgId: ['orgName'], parentId: ['parentName'] };

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const isIdKey = (k: string) => k !== 'id' && /Id$/.test(k) && k !== 'idNumber';

function labelsOf(entity: string): Labels {
  const reg = installedAreas();
  // a setting may belong to any area (dues.settings, org.unitName): every area's words, then the owner's
  const all = entity === 'settings' ? Object.assign({}, ...reg.labels.values()) : {};
  const area = reg.areas.find((a) => (a.tables as string[]).includes(entity));
  return { ...commonLabels, ...all, ...(area ? reg.labels.get(area.name) : {}), ...STORED_LABELS };
}

function labelOf(key: string, labels: Labels): string {
  return labels[key] ?? (key.endsWith('Fen') ? labels[key.slice(0, -3)] : undefined) ?? '其他内容';
}

type Names = Map<string, string>;

function show(key: string, v: unknown, names: Names, labels: Labels): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (BOOLEAN_KEYS.has(key) && (v === 0 || v === 1)) return v ? '是' : '否';
  if (typeof v === 'number') {
    if (/Fen$/.test(key)) return `${yuan(v)} 元`;
    if (/Bp$/.test(key)) return ratePercent(v);
    return String(v);
  }
  if (typeof v === 'string') {
    if (isIdKey(key)) return names.get(v) ?? '（已不在台账中）';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return localDateTime(v);
    if (/^[a-z]+(-[a-z]+)*$/.test(v) && valueLabels[v]) return valueLabels[v];
    return v;
  }
  if (Array.isArray(v)) {
    if (!v.length) return '';
    if (v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => show(key, x, names, labels)).join('、');
    const parts = v.map((x) => {
      const o = x as Record<string, unknown>;
      const who = o.memberName ?? o.personName ?? o.name ?? o.title;
      const flags = Object.entries(o).filter(([k, x]) => BOOLEAN_KEYS.has(camel(k)) && (x === true || x === 1)).map(([k]) => labelOf(camel(k), labels));
      const how = [o.status ?? o.role, ...flags].filter(Boolean).map(String);
      return who ? `${String(who)}${how.length ? `（${how.join('，')}）` : ''}` : '';
    });
    return parts.every(Boolean) ? parts.join('、') : `共 ${v.length} 项`;
  }
  const fields = entries(v as Record<string, unknown>, names, labels);
  return fields.map(([k, s]) => `${k}：${s}`).join('；');
}

/** Visible [label, text] pairs of one stored object. */
function entries(o: Record<string, unknown>, names: Names, labels: Labels): [string, string][] {
  // a stored JSON column (guests_json, speakers_json) reads as the list it holds, under the input field's name
  const parsed = (k: string, v: unknown): [string, unknown] => {
    if (!/Json$/.test(k) || typeof v !== 'string') return [k, v];
    try {
      return [k.slice(0, -4), JSON.parse(v)];
    } catch {
      return [k.slice(0, -4), v];
    }
  };
  const obj = Object.fromEntries(Object.entries(o).map(([k, v]) => parsed(camel(k), v)));
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (HIDDEN.has(k) || /Hash$/.test(k)) continue;
    if (isIdKey(k) && (NAMED_BY[k] ?? []).some((n) => obj[n] !== undefined && obj[n] !== null)) continue;
    out.push([labelOf(k, labels), show(k, v, names, labels)]);
  }
  return out;
}

/** Every id-looking value in the two sides, looked up once as a member or an organization. */
async function namesFor(db: Kysely<DB>, values: unknown[]): Promise<Names> {
  const ids = new Set<string>();
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string' && isIdKey(key)) ids.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, camel(k));
  };
  values.forEach((v) => walk(v));
  const list = [...ids];
  const names: Names = new Map();
  if (!list.length) return names;
  for (const r of await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', list).execute()) names.set(r.id, r.name);
  for (const r of await db.selectFrom('members').select(['id', 'name']).where('id', 'in', list).execute()) names.set(r.id, r.name);
  for (const r of await db.selectFrom('dues_expenses').select(['id', 'spent_on', 'purpose', 'amount_fen']).where('id', 'in', list).execute()) names.set(r.id, `${r.spent_on} ${r.purpose} ${yuan(r.amount_fen)} 元`);
  for (const r of await db.selectFrom('disposal_cases').select(['id', 'opinion_on', 'situation']).where('id', 'in', list).execute()) names.set(r.id, `${r.opinion_on}启动的处置（${r.situation}）`);
  for (const r of await db.selectFrom('rect_items').select(['id', 'title']).where('id', 'in', list).execute()) names.set(r.id, `整改事项：${r.title}`);
  for (const r of await db.selectFrom('archive_items').select(['id', 'year', 'title']).where('id', 'in', list).execute()) names.set(r.id, `${r.year}年档案：${r.title}`);
  return names;
}

/** The label of a setting (entity 'settings', entity id 'org.unitName'). */
function settingLabel(key: string): string {
  const last = key.split('.').pop() ?? key;
  for (const labels of installedAreas().labels.values()) if (labels[last]) return labels[last];
  return '设置值';
}

/** Builds the detail of one audit row, from its stored JSON. */
export async function auditDetail(db: Kysely<DB>, logId: string): Promise<AuditDetail> {
  const r = await db.selectFrom('audit_log').selectAll().where('id', '=', logId).executeTakeFirst();
  if (!r) throw new LedgerError('找不到该条操作记录', 'id');
  const before = r.before_json ? maskIdsDeep(JSON.parse(r.before_json)) : undefined;
  const after = r.after_json ? maskIdsDeep(JSON.parse(r.after_json)) : undefined;
  const labels = labelsOf(r.entity);
  const names = await namesFor(db, [before, after]);
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  let fields: AuditDetailField[];
  if (isObj(before) || isObj(after)) {
    const b = new Map(isObj(before) ? entries(before, names, labels) : []);
    const a = new Map(isObj(after) ? entries(after, names, labels) : []);
    const keys = [...new Set([...b.keys(), ...a.keys()])];
    fields = keys.map((label) => ({ label, before: b.get(label) ?? '', after: a.get(label) ?? '' }));
    fields = isObj(before) && isObj(after) ? fields.filter((f) => f.before !== f.after) : fields.filter((f) => f.before || f.after);
  } else if (before !== undefined || after !== undefined) {
    const label = r.entity === 'settings' ? settingLabel(r.entity_id) : '内容';
    fields = [{ label, before: show('', before, names, labels), after: show('', after, names, labels) }];
  } else fields = [];
  return {
    at: localDateTime(r.at),
    actor: r.actor,
    action: r.action,
    entityTitle: ENTITY_TITLES[r.entity] ?? '记录',
    summary: maskIdsInText(r.summary),
    fields,
  };
}
