/**
 * Online-study records (学习强国, 网络学院 exports or any sheet of 姓名 + 学时) into the hours of a year.
 * The header is found in the first 10 rows by variants (the score import's name, 身份证号, 警号 and phone
 * variants, core/tests/headers.ts, plus 学时 ones); each row is matched to a member as the score import
 * does (core/tests/match.ts); every row is checked first and the import is written only when no row has
 * a problem: all or nothing, in one transaction. The sheet is read by core/xlsx (streamed, in a worker).
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { inChunks } from '../../db/chunks.ts';
import { readWorkbook, type ReadOptions } from '../xlsx/parse.ts';
import { filled, halfWidthCompact, idNumberOf, textOf, type CellReading } from '../xlsx/cells.ts';
import { SCORE_VARIANTS } from '../tests/headers.ts';
import { matchRow, rosterOn } from '../tests/match.ts';
import { hoursText, toTenths } from './model.ts';

type Col = 'name' | 'hours' | 'idNumber' | 'policeNo' | 'phone';
const HOURS_NAMES = ['学时', '学时数', '学习学时', '获得学时', '已获学时', '完成学时', '累计学时', '总学时', '网络学时', '在线学时', '网络学习学时', '学时（小时）'];
const VARIANTS: Record<Col, string[]> = {
  name: SCORE_VARIANTS.name,
  idNumber: SCORE_VARIANTS.idNumber,
  policeNo: SCORE_VARIANTS.policeNo,
  phone: SCORE_VARIANTS.phone,
  hours: [...HOURS_NAMES, ...HOURS_NAMES.flatMap((n) => [`${n}：`, `${n}:`])],
};
/** An online record above this is a typing slip, not a year's study. */
const MAX_TENTHS = 5000;

export interface HoursProblem {
  row: number;
  column: string;
  message: string;
}

export interface HoursImportPreview {
  sheetName: string;
  headerRow: number;
  rows: { row: number; name: string; hours: number | null; branch: string | null; matchedBy: string | null; ok: boolean }[];
  problems: HoursProblem[];
  validCount: number;
  invalidCount: number;
  totalHours: number;
}

interface Valid {
  row: number;
  memberId: string;
  name: string;
  tenths: number;
}

const text = (r: CellReading | undefined) => {
  const t = textOf(r, { compact: true });
  return t.ok ? t.value.trim() : '';
};

function readHours(r: CellReading | undefined): { tenths: number } | { problem: string } {
  if (!filled(r)) return { problem: '未填写学时' };
  let v: number;
  if (r!.t === 'number') v = r!.v;
  else {
    const t = textOf(r);
    if (!t.ok) return { problem: t.problem };
    const s = halfWidthCompact(t.value).replace(/(学时|小时)$/, '');
    if (!/^\d+(\.\d+)?$/.test(s)) return { problem: `“${t.value}”不是学时数` };
    v = Number(s);
  }
  const tenths = toTenths(v);
  if (tenths === null) return { problem: `${v} 的小数超过一位` };
  if (tenths <= 0 || tenths > MAX_TENTHS) return { problem: `${v} 不在 0.1 至 ${MAX_TENTHS / 10} 学时之间` };
  return { tenths };
}

async function parse(ctx: Ctx, bytes: Uint8Array, year: number, read: ReadOptions) {
  const sheet = await readWorkbook(bytes, { variants: VARIANTS, requireAll: ['name', 'hours'] }, read);
  if (!sheet) throw new LedgerError('没有找到表头：工作表前 10 行中应有“姓名”和“学时”两列');
  const today = ctx.platform.today();
  const roster = await rosterOn(ctx.db, `${year}-12-31` < today ? `${year}-12-31` : today);
  const problems: HoursProblem[] = [];
  const rows: HoursImportPreview['rows'] = [];
  const valid: Valid[] = [];
  const seen = new Map<string, number>();
  for (const sr of sheet.rows) {
    const c = sr.cells as Partial<Record<Col, CellReading>>;
    if (!Object.values(c).some(filled)) continue;
    const r = sr.row;
    const mine: HoursProblem[] = [];
    const name = text(c.name);
    if (!name) mine.push({ row: r, column: '姓名', message: '未填写姓名' });
    const h = readHours(c.hours);
    if ('problem' in h) mine.push({ row: r, column: '学时', message: h.problem });
    const idr = idNumberOf(c.idNumber);
    if (!idr.ok) mine.push({ row: r, column: '身份证号', message: idr.problem });
    let memberId: string | null = null;
    let branch: string | null = null;
    let matchedBy: string | null = null;
    if (name) {
      // no 部门 column here: a name not on the roster is a problem, never a non-member participant
      const m = matchRow(roster, { name, idNumber: idr.ok ? idr.value : '', phone: halfWidthCompact(text(c.phone)), department: '' });
      if (m.kind === 'member') {
        [memberId, branch, matchedBy] = [m.person.id, roster.branchName.get(m.person.branchId) ?? null, m.by];
        const first = seen.get(memberId);
        if (first !== undefined) mine.push({ row: r, column: '姓名', message: `与第 ${first} 行是同一人（${name}），请合并为一行` });
        else seen.set(memberId, r);
      } else if (m.kind === 'problem') {
        const none = !roster.byName.has(name);
        mine.push({ row: r, column: m.column, message: none ? `花名册中没有“${name}”，请核对姓名` : m.message });
      }
    }
    rows.push({ row: r, name, hours: 'tenths' in h ? h.tenths / 10 : null, branch, matchedBy, ok: mine.length === 0 });
    if (mine.length) problems.push(...mine);
    else if (memberId && 'tenths' in h) valid.push({ row: r, memberId, name, tenths: h.tenths });
  }
  const preview: HoursImportPreview = {
    sheetName: sheet.sheetName,
    headerRow: sheet.headerRow,
    rows,
    problems,
    validCount: valid.length,
    invalidCount: rows.filter((x) => !x.ok).length,
    totalHours: valid.reduce((s, v) => s + v.tenths, 0) / 10,
  };
  return { preview, valid };
}

export interface HoursImportInput {
  bytes: Uint8Array;
  fileName: string;
  year: number;
  note?: string | null;
}

export async function previewOnlineHours(ctx: Ctx, input: HoursImportInput, read: ReadOptions = {}): Promise<HoursImportPreview> {
  return (await parse(ctx, input.bytes, input.year, read)).preview;
}

/** All or nothing: with any problem nothing is written and every problem is returned by row. */
export async function importOnlineHours(ctx: Ctx, input: HoursImportInput, read: ReadOptions = {}): Promise<HoursImportPreview & { written: boolean; importId: string | null }> {
  const { preview, valid } = await parse(ctx, input.bytes, input.year, read);
  if (preview.problems.length) return { ...preview, written: false, importId: null };
  if (!valid.length) throw new LedgerError('文件中没有学时记录：表头下面没有数据行');
  const importId = ctx.platform.newId();
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.platform.now();
    const head = { id: importId, year: input.year, source_file: input.fileName, imported_on: ctx.platform.today(), row_count: valid.length, note: input.note ?? null, created_at: now, deleted_at: null };
    await tx.insertInto('study_online_imports').values(head).execute();
    const values = valid.map((v) => ({ id: ctx.platform.newId(), import_id: importId, row_no: v.row, member_id: v.memberId, name: v.name, hours: v.tenths, created_at: now }));
    await inChunks(values, 200, (chunk) => tx.insertInto('study_online_hours').values(chunk).execute());
    const total = valid.reduce((s, v) => s + v.tenths, 0);
    await audit(tx, ctx, {
      entity: 'study_online_imports', entityId: importId, action: '导入',
      summary: `从“${input.fileName}”导入${input.year}年网络学习学时：${valid.length} 人，共 ${hoursText(total)} 学时`, after: head,
    });
  });
  return { ...preview, written: true, importId };
}

export async function listOnlineImports(ctx: Ctx, year: number) {
  const rows = await ctx.db.selectFrom('study_online_imports').selectAll().where('deleted_at', 'is', null).where('year', '=', year).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, year: r.year, sourceFile: r.source_file, importedOn: r.imported_on, rowCount: r.row_count, note: r.note }));
}
