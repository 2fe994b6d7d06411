/**
 * Roster import: every row is checked before anything is written; the clerk
 * sees each problem by row and column, and the write is one transaction.
 * A row whose 公民身份号码 is already on file updates that member (only the
 * columns the file has), so re-importing never duplicates.
 */
import type ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { cellDate, cellText, columnLetter, loadWorkbook, matchHeaders } from '../xlsx-read.ts';
import { memberInputFromRow, memberLabels, memberProblems, memberToColumns, type MemberInput } from './model.ts';
import { birthDateFromId, genderFromId, idNumberProblem, normalizeIdNumber } from './idcard.ts';

type Col = keyof MemberInput | 'workUnitAndPosition';

export const HEADER_VARIANTS: Record<Col, string[]> = {
  name: ['姓名', '党员姓名'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码', '身份证', '公民身份证号码', '身份证件号码'],
  nativePlace: ['籍贯'],
  education: ['学历', '文化程度', '全日制学历'],
  workStartDate: ['参加工作时间', '参加工作日期', '参工时间'],
  joinDate: ['入党日期', '入党时间', '加入党组织日期', '入党年月日'],
  fullDate: ['转正日期', '转正时间', '转为正式党员日期'],
  partyStatus: ['党员状态', '党籍状态', '党员类型', '正式/预备'],
  category: ['人员类别', '人员身份', '党员类别'],
  workUnit: ['工作单位', '单位', '所在单位'],
  workUnitAndPosition: ['工作单位及职务', '单位及职务', '工作单位及职务（岗位）'],
  policeType: ['警种'],
  position: ['职务', '岗位', '职务职级'],
  policeRank: ['警衔'],
  phone: ['联系电话', '电话', '手机', '手机号码', '联系方式'],
  branchId: ['所在支部', '所在党支部', '党支部', '支部', '所属支部'],
  groupId: ['党小组', '所在党小组'],
  note: ['备注'],
};

const REQUIRED: Col[] = ['name', 'idNumber'];
const DATE_COLS = new Set<Col>(['birthDate', 'workStartDate', 'joinDate', 'fullDate']);

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportRowResult {
  row: number;
  name: string;
  idNumber: string;
  action: '新增' | '更新';
  ok: boolean;
}

export interface ImportPreview {
  sheetName: string;
  headerRow: number;
  recognized: string[];
  ignored: string[];
  rows: ImportRowResult[];
  problems: ImportProblem[];
  validCount: number;
  invalidCount: number;
}

interface Parsed {
  preview: ImportPreview;
  valid: { action: '新增' | '更新'; existingId: string | null; member: MemberInput; row: number }[];
}

export function composeWorkUnit(m: Pick<MemberInput, 'workUnit' | 'policeType' | 'position' | 'policeRank'>): string {
  return [m.workUnit, m.policeType, m.position, m.policeRank].filter(Boolean).join(' ');
}

const EMPTY: MemberInput = {
  name: '', gender: '', ethnicity: '', birthDate: '', idNumber: '', nativePlace: null, education: null, workStartDate: null,
  joinDate: '', fullDate: null, partyStatus: '', category: '', workUnit: null, policeType: null, position: null, policeRank: null,
  phone: null, branchId: '', groupId: null, note: null,
};

async function parse(ctx: Ctx, bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<Parsed> {
  const wb = await loadWorkbook(bytes);
  let sheet: ExcelJS.Worksheet | undefined;
  let match: ReturnType<typeof matchHeaders<Col>> = null;
  for (const ws of wb.worksheets) {
    const m = matchHeaders(ws, HEADER_VARIANTS);
    if (m && REQUIRED.every((k) => m.columns[k] !== undefined)) {
      sheet = ws;
      match = m;
      break;
    }
  }
  if (!sheet || !match) throw new LedgerError('没有找到表头：工作表前 10 行中应有“姓名”和“公民身份号码（身份证号）”两列');
  const cols = match.columns;

  const branches = await ctx.db.selectFrom('org_units').select(['id', 'name', 'short_name', 'kind', 'parent_id']).where('deleted_at', 'is', null).execute();
  const branchByName = new Map<string, string>();
  for (const b of branches.filter((b) => b.kind === '党支部')) {
    branchByName.set(b.name, b.id);
    if (b.short_name) branchByName.set(b.short_name, b.id);
  }
  const groupByBranchAndName = new Map(branches.filter((b) => b.kind === '党小组').map((g) => [`${g.parent_id}|${g.name}`, g.id]));
  const existing = new Map((await ctx.db.selectFrom('members').selectAll().execute()).map((m) => [m.id_number, m]));

  const problems: ImportProblem[] = [];
  const rows: ImportRowResult[] = [];
  const valid: Parsed['valid'] = [];
  const seen = new Map<string, number>();
  const today = ctx.platform.today();
  const colName = (k: Col) => `${columnLetter(cols[k]!)}列（${k === 'workUnitAndPosition' ? '工作单位及职务' : memberLabels[k]}）`;
  const last = sheet.rowCount;

  for (let r = match.headerRow + 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const raw = (k: Col) => (cols[k] === undefined ? undefined : row.getCell(cols[k]!).value);
    // Blank rows, and notes such as "填表人：" lines (merged across, or with neither name nor number), are not members.
    if (row.getCell(cols.idNumber!).isMerged) continue;
    if (cellText(raw('name') ?? null) === '' && cellText(raw('idNumber') ?? null) === '') continue;
    if (onProgress && r % 500 === 0) onProgress(r - match.headerRow, last - match.headerRow);
    const rowProblems: ImportProblem[] = [];
    const add = (k: Col | null, message: string) => rowProblems.push({ row: r, column: k ? colName(k) : '', message });

    const idNumber = normalizeIdNumber(cellText(raw('idNumber') ?? null));
    const prior = existing.get(idNumber);
    const m: MemberInput = prior ? memberInputFromRow(prior) : { ...EMPTY, idNumber };
    m.idNumber = idNumber;
    for (const k of Object.keys(cols) as Col[]) {
      if (k === 'idNumber' || k === 'workUnitAndPosition' || k === 'branchId' || k === 'groupId') continue;
      const v = raw(k) ?? null;
      if (DATE_COLS.has(k)) {
        try {
          (m as unknown as Record<string, string | null>)[k] = cellDate(v) ?? (prior ? null : '');
        } catch (e) {
          add(k, (e as Error).message);
        }
      } else {
        const t = cellText(v);
        (m as unknown as Record<string, string | null>)[k] = t || (k === 'name' || k === 'gender' || k === 'ethnicity' || k === 'partyStatus' || k === 'category' ? '' : null);
      }
    }
    if (cols.workUnitAndPosition !== undefined) {
      const t = cellText(raw('workUnitAndPosition') ?? null);
      if (t !== composeWorkUnit(m)) Object.assign(m, { workUnit: t || null, policeType: null, position: null, policeRank: null });
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
      const bn = cellText(raw('branchId') ?? null);
      const id = branchByName.get(bn);
      if (!bn) add('branchId', '不能为空');
      else if (!id) add('branchId', `找不到党支部“${bn}”，请先在“组织架构”中建立`);
      else {
        if (id !== m.branchId) m.groupId = null;
        m.branchId = id;
      }
    } else if (!prior) add(null, '文件中没有“所在支部”列，新党员无法编入支部');
    if (cols.groupId !== undefined) {
      const gn = cellText(raw('groupId') ?? null);
      if (!gn) m.groupId = null;
      else {
        const gid = groupByBranchAndName.get(`${m.branchId}|${gn}`);
        if (!gid) add('groupId', `所在支部中没有党小组“${gn}”`);
        else m.groupId = gid;
      }
    }
    if (prior?.deleted_at) add('idNumber', `与回收站中的党员“${prior.name}”重复，请先在回收站恢复`);
    const dupRow = seen.get(idNumber);
    if (idNumber && dupRow) add('idNumber', `与第 ${dupRow} 行重复`);
    else if (idNumber) seen.set(idNumber, r);

    const already = new Set(rowProblems.map((p) => p.column));
    for (const p of memberProblems(m, today)) {
      const k: Col = p.field === 'workUnit' && cols.workUnitAndPosition !== undefined ? 'workUnitAndPosition' : p.field;
      if (cols[k] === undefined) {
        // Gender and birth date come from a valid 公民身份号码; with a bad number only that one problem is worth saying.
        if (p.field === 'branchId' || ((p.field === 'gender' || p.field === 'birthDate') && idNumberProblem(idNumber))) continue;
        rowProblems.push({ row: r, column: `（缺少“${memberLabels[p.field]}”列）`, message: p.message });
      } else if (!already.has(colName(k))) add(k, p.message);
    }
    const action = prior ? '更新' : '新增';
    rows.push({ row: r, name: m.name, idNumber, action, ok: rowProblems.length === 0 });
    if (rowProblems.length) problems.push(...rowProblems);
    else valid.push({ action, existingId: prior?.id ?? null, member: m, row: r });
  }
  const recognized = (Object.keys(cols) as Col[]).map((k) => (k === 'workUnitAndPosition' ? '工作单位及职务' : memberLabels[k]));
  return {
    preview: {
      sheetName: sheet.name,
      headerRow: match.headerRow,
      recognized,
      ignored: match.unknown,
      rows,
      problems,
      validCount: valid.length,
      invalidCount: rows.length - valid.length,
    },
    valid,
  };
}

export async function previewImport(ctx: Ctx, bytes: Uint8Array): Promise<ImportPreview> {
  return (await parse(ctx, bytes)).preview;
}

export interface ImportResult extends ImportPreview {
  written: boolean;
  created: number;
  updated: number;
}

/**
 * Writes the rows. With `validOnly` false, any invalid row means nothing is written.
 * With `validOnly` true, exactly the valid rows are written (`expectValid`, when given,
 * must match the count the clerk confirmed, so a file changed in between is refused).
 */
export async function commitImport(ctx: Ctx, bytes: Uint8Array, fileName: string, opts: { validOnly: boolean; expectValid?: number }): Promise<ImportResult> {
  const { preview, valid } = await parse(ctx, bytes);
  if (opts.expectValid !== undefined && opts.expectValid !== valid.length)
    throw new LedgerError(`文件内容与预览时不一致（预览 ${opts.expectValid} 行有效，现在 ${valid.length} 行），请重新预览`);
  if (preview.problems.length && !opts.validOnly) return { ...preview, written: false, created: 0, updated: 0 };
  if (valid.length === 0) return { ...preview, written: false, created: 0, updated: 0 };
  let created = 0;
  let updated = 0;
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.platform.now();
    for (const v of valid) {
      const cols = memberToColumns(v.member);
      if (v.existingId) {
        await tx.updateTable('members').set({ ...cols, updated_at: now }).where('id', '=', v.existingId).execute();
        updated++;
      } else {
        await tx
          .insertInto('members')
          .values({ id: ctx.platform.newId(), ...cols, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null })
          .execute();
        created++;
      }
    }
    await audit(tx, ctx, {
      entity: 'members',
      entityId: 'import',
      action: '导入',
      summary: `从“${fileName}”导入花名册：新增 ${created} 人，更新 ${updated} 人${preview.invalidCount ? `，跳过有误的 ${preview.invalidCount} 行` : ''}`,
      after: valid.map((v) => ({ row: v.row, action: v.action, name: v.member.name, idNumber: v.member.idNumber })),
    });
  });
  return { ...preview, written: true, created, updated };
}
