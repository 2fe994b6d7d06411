/**
 * 整改台账 as the three lists inspectors ask for (rectification-summary.md 10.1, "三单"): 问题清单,
 * 责任清单, 整改清单, one workbook of three sheets; core/rectification/export.ts builds the model.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export type ProblemKey = 'code' | 'source' | 'aspect' | 'title' | 'cause';
export type DutyKey = 'code' | 'title' | 'leader' | 'ownerUnit' | 'owner';
export type FixKey = 'code' | 'measure' | 'goal' | 'dueOn' | 'progress' | 'status' | 'closedOn' | 'acceptedBy';

export const PROBLEM_COLUMNS: readonly Column<ProblemKey>[] = [
  { key: 'code', header: '编号', width: 13, kind: 'text' },
  { key: 'source', header: '问题来源', width: 12, kind: 'text' },
  { key: 'aspect', header: '方面', width: 16, kind: 'text', align: 'left' },
  { key: 'title', header: '问题描述', width: 48, kind: 'text', align: 'left' },
  { key: 'cause', header: '原因分析', width: 32, kind: 'text', align: 'left' },
];
export const DUTY_COLUMNS: readonly Column<DutyKey>[] = [
  { key: 'code', header: '编号', width: 13, kind: 'text' },
  { key: 'title', header: '问题', width: 48, kind: 'text', align: 'left' },
  { key: 'leader', header: '责任领导', width: 12, kind: 'text' },
  { key: 'ownerUnit', header: '责任部门', width: 20, kind: 'text' },
  { key: 'owner', header: '责任人', width: 12, kind: 'text' },
];
export const FIX_COLUMNS: readonly Column<FixKey>[] = [
  { key: 'code', header: '编号', width: 13, kind: 'text' },
  { key: 'measure', header: '整改措施', width: 40, kind: 'text', align: 'left' },
  { key: 'goal', header: '整改目标', width: 22, kind: 'text', align: 'left' },
  { key: 'dueOn', header: '整改时限', width: 15, kind: 'date' },
  { key: 'progress', header: '进展情况', width: 30, kind: 'text', align: 'left' },
  { key: 'status', header: '状态', width: 16, kind: 'text' },
  { key: 'closedOn', header: '销号日期', width: 15, kind: 'date' },
  { key: 'acceptedBy', header: '验收人', width: 9, kind: 'text' },
];

export interface RectListsModel {
  /** "××方案整改台账" */
  title: string;
  subtitle: string;
  problems: SheetRow<ProblemKey>[];
  duties: SheetRow<DutyKey>[];
  fixes: SheetRow<FixKey>[];
  notes: string[];
}

export async function rectificationWorkbook(m: RectListsModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '问题清单', title: `${m.title}——问题清单`, subtitle: m.subtitle, columns: PROBLEM_COLUMNS, rows: m.problems, landscape: true });
  addSheet(wb, { name: '责任清单', title: `${m.title}——责任清单`, subtitle: m.subtitle, columns: DUTY_COLUMNS, rows: m.duties, landscape: true });
  addSheet(wb, { name: '整改清单', title: `${m.title}——整改清单`, subtitle: m.subtitle, columns: FIX_COLUMNS, rows: m.fixes, notes: m.notes, landscape: true });
  return workbookBytes(wb);
}
