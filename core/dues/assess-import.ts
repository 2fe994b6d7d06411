/**
 * Import of pay items or bases from the pay office's workbook (.xlsx): one row
 * per member, found by 公民身份号码 (or by a unique name), pay-item columns
 * named as in the unit's item table, or a 计算基数 / 税后工资总额 column.
 * Nothing is written while any row is wrong. The workbook is read by the same
 * bounded, off-thread reader as the roster (xlsx/parse.ts); a cell it cannot read
 * faithfully is the row's problem, naming the column.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { normalizeHeader, columnLetter } from '../xlsx/headers.ts';
import { idNumberOf, textOf } from '../xlsx/cells.ts';
import { readWorkbook, type ReadOptions } from '../xlsx/parse.ts';
import { DUES_CATEGORIES, parseYuan, type DuesCategory } from './calc.ts';
import { loadDuesSettings } from './settings.ts';
import { MONEY_MAX_FEN, yuanLimit } from '../validate.ts';
import { assessmentGrid, defaultCategory, evaluate, saveAssessments, type AssessInput } from './assess.ts';

export interface ImportRow {
  row: number;
  /** The sheet of the row, when the workbook had more than one to read (the 核定表 of the whole bureau: one per branch). */
  sheet?: string;
  name: string;
  baseFen: number | null;
  monthlyDueFen: number | null;
  problem: string | null;
}

export interface ImportResult {
  /** Every correct row and the first 200 with a problem. */
  rows: ImportRow[];
  validCount: number;
  invalidCount: number;
  /** Rows with a problem that are not in `rows`. */
  unlistedCount: number;
  written: boolean;
}

const MAX_LISTED_PROBLEMS = 200;
const LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '公民身份号码',
  category: '人员类别',
  branch: '所在党支部',
  base: '计算基数',
  reduced: '减免后金额',
  hardshipRef: '批准文号',
  note: '备注',
};

const FIXED = {
  name: ['姓名', '党员姓名'],
  idNumber: ['公民身份号码', '身份证号码', '身份证号'],
  category: ['人员类别', '党费类别', '类别'],
  branch: ['所在党支部', '党支部', '所在支部'],
  base: ['计算基数', '税后工资总额', '月工资收入', '党费计算基数'],
  reduced: ['减免后金额', '减免后月缴纳金额'],
  hardshipRef: ['批准文号', '减免批准文号'],
  note: ['备注'],
} as const;

export async function importBases(ctx: Ctx, year: number, bytes: Uint8Array, commit: boolean, read: ReadOptions = {}): Promise<ImportResult> {
  const s = await loadDuesSettings(ctx.db);
  const variants: Record<string, string[]> = { ...FIXED } as unknown as Record<string, string[]>;
  for (const it of s.payItems) variants[`item:${it.name}`] = [it.name, `${it.name}（个人）`];
  const h = await readWorkbook(bytes, { variants, requireAny: ['name', 'idNumber'], allSheets: true }, read);
  if (!h)
    throw new LedgerError('找不到表头：第一行（或前 10 行之一）应有“姓名”或“公民身份号码”，以及工资项目或“计算基数”列');
  const sheets = [h, ...(h.more ?? [])];
  const usable = (d: typeof h) => Object.keys(d.columns).some((k) => k.startsWith('item:')) || d.columns.base !== undefined || d.columns.category !== undefined;
  if (!usable(h))
    throw new LedgerError(`表中没有可识别的工资项目列或“计算基数”列；可识别的列名：${s.payItems.map((i) => i.name).join('、')}、计算基数`);

  const grid = await assessmentGrid(ctx.db, year);
  const members = await ctx.db
    .selectFrom('members as m')
    .innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.id_number', 'b.name as branch_name'])
    .where('m.deleted_at', 'is', null)
    .execute();
  const owing = new Map(grid.map((g) => [g.memberId, g]));
  const byId = new Map(members.map((m) => [m.id_number, m]));
  const byName = new Map<string, (typeof members)[number][]>();
  for (const m of members) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);

  const rows: ImportRow[] = [];
  const entries: AssessInput[] = [];
  const seen = new Map<string, string>();
  const many = sheets.length > 1;
  for (const sh of sheets) {
    const itemCols = Object.entries(sh.columns).filter(([k]) => k.startsWith('item:')) as [string, number][];
    for (const sheetRow of sh.rows) {
      const r = sheetRow.row;
      const where = (k: string) => `${columnLetter(sh.columns[k])}列（${LABELS[k] ?? k.slice(5)}）`;
      // A cell that cannot be read is the row's problem; reading stops at the first one.
      const col = (k: string): string => {
        if (sh.columns[k] === undefined) return '';
        const c = sheetRow.cells[k];
        if (k === 'idNumber' && c?.merge && (c.merge.multiRow || !c.merge.master))
          throw new Error(`${where(k)}：是合并单元格（${c.merge.ref}），每人的公民身份号码应单独填在一格中，请取消合并后重新导入`);
        const t = k === 'idNumber' ? idNumberOf(c) : textOf(sheetRow.cells[k], { compact: k === 'name' || k === 'branch' || k === 'category' });
        if (!t.ok) throw new Error(`${where(k)}：${t.problem}`);
        return t.value;
      };
      let name = '';
      let idText = '';
      let unreadable: string | null = null;
      try {
        name = col('name');
        idText = col('idNumber');
      } catch (e) {
        unreadable = (e as Error).message;
      }
      if (!unreadable && !name && !idText) continue;
      if (/^(合计|总计|小计)/.test(normalizeHeader(name))) continue;
      // notes under the table (说明：…, 填报人：…) are not members
      if (!unreadable && !idText && /[：:]/.test(name)) continue;
      const out: ImportRow = { row: r, ...(many ? { sheet: sh.sheetName } : {}), name, baseFen: null, monthlyDueFen: null, problem: null };
      rows.push(out);
      try {
        if (unreadable) throw new Error(unreadable);
        let m = idText ? byId.get(idText) : undefined;
        if (idText && !m) throw new Error(`公民身份号码 ${idText} 不在花名册中`);
        if (!m) {
          let same = byName.get(name) ?? [];
          const branch = col('branch');
          if (same.length > 1 && branch) same = same.filter((x) => x.branch_name === branch);
          if (same.length !== 1) throw new Error(same.length ? `花名册中有 ${same.length} 名“${name}”，请填写公民身份号码` : `“${name}”不在花名册中`);
          m = same[0];
        }
        out.name = m.name;
        const g = owing.get(m.id);
        if (!g) throw new Error(`${m.name}在 ${year} 年不需缴纳党费（入党或离开日期不在该年内）`);
        const at = many ? `工作表“${sh.sheetName}”第 ${r} 行` : `第 ${r} 行`;
        if (seen.has(m.id)) throw new Error(`${m.name}在表中出现了两次（另见${seen.get(m.id)}）`);
        seen.set(m.id, at);
        const catText = col('category');
        const category = (catText || defaultCategory(g.memberCategory)) as DuesCategory;
        if (!DUES_CATEGORIES.includes(category)) throw new Error(`人员类别“${catText}”应为 ${DUES_CATEGORIES.join('、')} 之一`);
        const money = (t: string, what: string) => {
          if (!t) return null;
          const f = parseYuan(t);
          if (f === null) throw new Error(`${what}“${t}”不是有效金额`);
          const max = what === '减免后金额' ? MONEY_MAX_FEN.monthlyDues : MONEY_MAX_FEN.monthlyBase;
          if (f > max) throw new Error(`${what}“${t}”不能超过 ${yuanLimit(max)}`);
          return f;
        };
        const items: Record<string, number> = {};
        for (const [k] of itemCols) {
          const v = money(col(k), k.slice(5));
          if (v !== null) items[k.slice(5)] = v;
        }
        const entry: AssessInput = {
          memberId: m.id,
          category,
          items: Object.keys(items).length ? items : null,
          baseFen: money(col('base'), '计算基数'),
          reducedFen: money(col('reduced'), '减免后金额'),
          hardshipRef: col('hardshipRef') || null,
          note: col('note') || null,
        };
        const res = evaluate(entry, category, s, defaultCategory(g.memberCategory));
        out.baseFen = res.baseFen;
        out.monthlyDueFen = res.monthlyDueFen;
        entries.push(entry);
      } catch (e) {
        out.problem = (e as Error).message;
      }
    }
  }
  const invalidCount = rows.filter((r) => r.problem).length;
  if (!rows.length) throw new LedgerError('表中没有数据行');
  let written = false;
  if (commit && invalidCount === 0) {
    await saveAssessments(ctx, year, entries);
    written = true;
  }
  let listed = 0;
  const shown = rows.filter((r) => !r.problem || ++listed <= MAX_LISTED_PROBLEMS);
  return { rows: shown, validCount: rows.length - invalidCount, invalidCount, unlistedCount: rows.length - shown.length, written };
}
