/**
 * Roster import: every row is checked before anything is written; the clerk
 * sees each problem by row and column, and the write is one transaction.
 * A row whose 公民身份号码 is already on file updates that member (only the
 * columns the file has), so re-importing never duplicates. The workbook is read
 * off the main thread (xlsx/parse.ts) with bounds on rows and cell length; each
 * row is read and checked in import-row.ts.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { readWorkbook, type ReadOptions } from '../xlsx/parse.ts';
import { memberToColumns, type MemberInput } from './model.ts';
import { colLabel, readMemberRow, type Col, type ImportProblem, type RowContext } from './import-row.ts';

export { composeWorkUnit, type ImportProblem } from './import-row.ts';

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

/** Problems listed at most; the count of all of them is `problemCount`. */
export const MAX_LISTED_PROBLEMS = 200;
const MAX_NOTES = 50;

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
  /** The first 200 problems, in row order. */
  problems: ImportProblem[];
  /** All problems, listed or not. */
  problemCount: number;
  /** Lines that are not members (填表人：…, a note merged across the table), shown so nothing disappears unseen. */
  notes: { row: number; text: string }[];
  validCount: number;
  invalidCount: number;
}

interface Parsed {
  preview: ImportPreview;
  valid: { action: '新增' | '更新'; existingId: string | null; member: MemberInput; row: number }[];
}

async function parse(ctx: Ctx, bytes: Uint8Array, read: ReadOptions): Promise<Parsed> {
  const sheet = await readWorkbook(bytes, { variants: HEADER_VARIANTS, requireAll: ['name', 'idNumber'] }, read);
  if (!sheet) throw new LedgerError('没有找到表头：工作表前 10 行中应有“姓名”和“公民身份号码（身份证号）”两列');
  const cols = sheet.columns as Partial<Record<Col, number>>;

  const branches = await ctx.db.selectFrom('org_units').select(['id', 'name', 'short_name', 'kind', 'parent_id']).where('deleted_at', 'is', null).execute();
  const branchByName = new Map<string, string>();
  for (const b of branches.filter((b) => b.kind === '党支部')) {
    branchByName.set(b.name, b.id);
    if (b.short_name) branchByName.set(b.short_name, b.id);
  }
  const rc: RowContext = {
    cols,
    today: ctx.platform.today(),
    branchByName,
    groupByBranchAndName: new Map(branches.filter((b) => b.kind === '党小组').map((g) => [`${g.parent_id}|${g.name}`, g.id])),
    existing: new Map((await ctx.db.selectFrom('members').selectAll().execute()).map((m) => [m.id_number, m])),
    seen: new Map(),
  };

  const problems: ImportProblem[] = [];
  const rows: ImportRowResult[] = [];
  const notes: ImportPreview['notes'] = [];
  const valid: Parsed['valid'] = [];
  for (const sheetRow of sheet.rows) {
    const out = readMemberRow(rc, sheetRow);
    if (!out) continue;
    if (out.kind === 'note') {
      if (notes.length < MAX_NOTES) notes.push({ row: sheetRow.row, text: out.text });
      continue;
    }
    const r = sheetRow.row;
    rows.push({ row: r, name: out.member.name, idNumber: out.member.idNumber, action: out.action, ok: out.problems.length === 0 });
    if (out.problems.length) problems.push(...out.problems);
    else valid.push({ action: out.action, existingId: out.prior?.id ?? null, member: out.member, row: r });
  }
  return {
    preview: {
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      recognized: (Object.keys(cols) as Col[]).map(colLabel),
      ignored: sheet.unknown,
      rows,
      problems: problems.slice(0, MAX_LISTED_PROBLEMS),
      problemCount: problems.length,
      notes,
      validCount: valid.length,
      invalidCount: rows.length - valid.length,
    },
    valid,
  };
}

export async function previewImport(ctx: Ctx, bytes: Uint8Array, read: ReadOptions = {}): Promise<ImportPreview> {
  return (await parse(ctx, bytes, read)).preview;
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
export async function commitImport(
  ctx: Ctx,
  bytes: Uint8Array,
  fileName: string,
  opts: { validOnly: boolean; expectValid?: number } & ReadOptions,
): Promise<ImportResult> {
  const { preview, valid } = await parse(ctx, bytes, { jobId: opts.jobId });
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
