/**
 * One roster row as the import sees it: the cells read faithfully (cells.ts),
 * merged onto the member already on file, then checked by the same zod schema
 * as the member form and by `memberProblems`. Every cell that cannot be read
 * and every rule broken is a problem naming the row and the column; nothing is
 * dropped without a word (a line merged across the table is returned as a note).
 */
import type { MembersTable } from '../../db/schema.ts';
import { columnLetter } from '../xlsx/headers.ts';
import { dateOf, filled, idNumberOf, textOf, type CellReading } from '../xlsx/cells.ts';
import type { SheetRow } from '../xlsx/parse.ts';
import { memberInputFromRow, memberInputSchema, memberLabels, memberProblems, type MemberInput } from './model.ts';
import { birthDateFromId, genderFromId, idNumberProblem } from './idcard.ts';

export type Col = keyof MemberInput | 'workUnitAndPosition';

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface RowContext {
  cols: Partial<Record<Col, number>>;
  today: string;
  branchByName: Map<string, string>;
  groupByBranchAndName: Map<string, string>;
  existing: Map<string, MembersTable>;
  /** 公民身份号码 → the first row that had it. */
  seen: Map<string, number>;
}

export type RowOutcome =
  | { kind: 'note'; text: string }
  | { kind: 'member'; action: '新增' | '更新'; prior: MembersTable | null; member: MemberInput; problems: ImportProblem[] };

const DATE_COLS = new Set<Col>(['birthDate', 'workStartDate', 'joinDate', 'fullDate']);
const REQUIRED_TEXT = new Set<Col>(['name', 'gender', 'ethnicity', 'partyStatus', 'category']);
/** Short fields where a space between Chinese characters is padding (张　三, 刑侦大队 党支部). */
const COMPACT = new Set<Col>(['name', 'gender', 'ethnicity', 'partyStatus', 'category', 'education', 'branchId', 'groupId']);
const NOTE_TEXT = /[：:]|^(说明|注|填表|制表|审核|合计|总计|小计|共)/;

const EMPTY: MemberInput = {
  name: '', gender: '', ethnicity: '', birthDate: '', idNumber: '', nativePlace: null, education: null, workStartDate: null,
  joinDate: '', fullDate: null, partyStatus: '', category: '', workUnit: null, policeType: null, position: null, policeRank: null,
  phone: null, branchId: '', groupId: null, note: null,
};

export const colLabel = (k: Col) => (k === 'workUnitAndPosition' ? '工作单位及职务' : memberLabels[k]);

export function composeWorkUnit(m: Pick<MemberInput, 'workUnit' | 'policeType' | 'position' | 'policeRank'>): string {
  return [m.workUnit, m.policeType, m.position, m.policeRank].filter(Boolean).join(' ');
}

function shownText(r: CellReading | undefined): string {
  return r && (r.t === 'text' || r.t === 'number' || r.t === 'date') ? String(r.v) : '';
}

export function readMemberRow(rc: RowContext, sheetRow: SheetRow): RowOutcome | null {
  const { cols } = rc;
  const r = sheetRow.row;
  const cell = (k: Col) => (cols[k] === undefined ? undefined : sheetRow.cells[k]);
  const colName = (k: Col) => `${columnLetter(cols[k]!)}列（${colLabel(k)}）`;
  const idCell = cell('idNumber');
  const nameCell = cell('name');
  const present = (Object.keys(sheetRow.cells) as Col[]).filter((k) => filled(sheetRow.cells[k]));
  const firstText = present.map((k) => shownText(sheetRow.cells[k])).find(Boolean) ?? sheetRow.other ?? '';

  // A line merged across the table (填表人：…, 说明：…) is a note under the roster, not a member.
  const across = idCell?.merge && !idCell.merge.master && !idCell.merge.multiRow ? idCell.merge.ref : null;
  if (across && nameCell?.merge?.ref === across) {
    const text = shownText(nameCell) || sheetRow.other || '';
    const spansAll = (Object.keys(cols) as Col[]).every((k) => sheetRow.cells[k]?.merge?.ref === across);
    if (!text || NOTE_TEXT.test(text) || spansAll) return { kind: 'note', text };
  }
  if (!filled(nameCell) && !filled(idCell)) {
    if (present.length < 2) return firstText ? { kind: 'note', text: firstText } : null;
  }

  const problems: ImportProblem[] = [];
  const add = (column: string, message: string) => {
    if (column && problems.some((p) => p.column === column)) return;
    problems.push({ row: r, column, message });
  };
  if (!filled(nameCell) && !filled(idCell)) add('', '姓名和公民身份号码都为空，这一行无法导入');

  let idNumber = '';
  const id = idNumberOf(idCell);
  if (idCell?.merge && (idCell.merge.multiRow || !idCell.merge.master))
    add(colName('idNumber'), `是合并单元格（${idCell.merge.ref}）：每位党员的公民身份号码应单独填在一格中，请取消合并后重新导入`);
  else if (!id.ok) add(colName('idNumber'), id.problem);
  else idNumber = id.value;

  const prior = (idNumber && rc.existing.get(idNumber)) || null;
  const m: MemberInput = prior ? memberInputFromRow(prior) : { ...EMPTY };
  m.idNumber = idNumber;
  const set = (k: keyof MemberInput, v: string | null) => ((m as unknown as Record<string, string | null>)[k] = v);
  for (const k of Object.keys(cols) as Col[]) {
    if (k === 'idNumber' || k === 'workUnitAndPosition' || k === 'branchId' || k === 'groupId') continue;
    if (DATE_COLS.has(k)) {
      const d = dateOf(cell(k));
      if (d.ok) set(k, d.value ?? (prior ? null : ''));
      else add(colName(k), d.problem);
    } else {
      const t = textOf(cell(k), { compact: COMPACT.has(k), halfWidth: k === 'phone' });
      if (t.ok) set(k, t.value || (REQUIRED_TEXT.has(k) ? '' : null));
      else add(colName(k), t.problem);
    }
  }
  if (cols.workUnitAndPosition !== undefined) {
    const t = textOf(cell('workUnitAndPosition'));
    if (!t.ok) add(colName('workUnitAndPosition'), t.problem);
    else if (t.value !== composeWorkUnit(m)) Object.assign(m, { workUnit: t.value || null, policeType: null, position: null, policeRank: null });
  }
  // Derive what the 公民身份号码 already says when the file leaves it out.
  if (!idNumberProblem(idNumber)) {
    if (!m.birthDate) m.birthDate = birthDateFromId(idNumber);
    if (!m.gender) m.gender = genderFromId(idNumber);
  }
  if (!m.partyStatus && m.joinDate) m.partyStatus = m.fullDate ? '正式' : '预备';
  if (m.partyStatus === '预备党员') m.partyStatus = '预备';
  if (m.partyStatus === '正式党员') m.partyStatus = '正式';
  if (cols.branchId !== undefined) {
    const bn = textOf(cell('branchId'), { compact: true });
    const bid = bn.ok ? rc.branchByName.get(bn.value) : undefined;
    if (!bn.ok) add(colName('branchId'), bn.problem);
    else if (!bn.value) add(colName('branchId'), '不能为空');
    else if (!bid) add(colName('branchId'), `找不到党支部“${bn.value}”，请先在“组织架构”中建立`);
    else {
      if (bid !== m.branchId) m.groupId = null;
      m.branchId = bid;
    }
  } else if (!prior) add('', '文件中没有“所在支部”列，新党员无法编入支部');
  if (cols.groupId !== undefined) {
    const gn = textOf(cell('groupId'), { compact: true });
    if (!gn.ok) add(colName('groupId'), gn.problem);
    else if (!gn.value) m.groupId = null;
    else {
      const gid = rc.groupByBranchAndName.get(`${m.branchId}|${gn.value}`);
      if (!gid) add(colName('groupId'), `所在支部中没有党小组“${gn.value}”`);
      else m.groupId = gid;
    }
  }
  if (prior?.deleted_at) add(colName('idNumber'), `与回收站中的党员“${prior.name}”重复，请先在回收站恢复`);
  else if (prior?.left_type)
    add(
      colName('idNumber'),
      prior.left_type === '转出'
        ? `“${prior.name}”已于 ${prior.left_date} 转出，如需恢复请用登记转入`
        : `“${prior.name}”已于 ${prior.left_date} ${prior.left_type}，不在党员名册中，不能通过导入更新`,
    );
  const dupRow = idNumber ? rc.seen.get(idNumber) : undefined;
  if (dupRow) add(colName('idNumber'), `与第 ${dupRow} 行重复`);
  else if (idNumber) rc.seen.set(idNumber, r);

  // The member form's schema, then the rules that relate fields; one problem per column.
  const fieldProblem = (field: keyof MemberInput, message: string) => {
    const k: Col = field === 'workUnit' && cols.workUnitAndPosition !== undefined ? 'workUnitAndPosition' : field;
    if (cols[k] !== undefined) return add(colName(k), message);
    // Gender and birth date come from a valid 公民身份号码; with a bad number only that one problem is worth saying.
    if (field === 'branchId' || ((field === 'gender' || field === 'birthDate') && idNumberProblem(idNumber))) return;
    add(`（缺少“${memberLabels[field]}”列）`, message);
  };
  const shape = memberInputSchema.safeParse(m);
  if (!shape.success) for (const issue of shape.error.issues) fieldProblem(String(issue.path[0]) as keyof MemberInput, issue.message);
  for (const p of memberProblems(m, rc.today)) fieldProblem(p.field, p.message);
  return { kind: 'member', action: prior ? '更新' : '新增', prior, member: m, problems };
}
