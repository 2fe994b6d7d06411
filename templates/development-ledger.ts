/**
 * 发展党员工作台账 (.xlsx): the five registers, one sheet each, laid out by
 * templates/xlsx-sheet.ts (title, header repeated on every page, A4 landscape).
 */
import { addSheet, newWorkbook, workbookBytes, type SheetColumn } from './xlsx-sheet.ts';

export interface LedgerRegister {
  name: string;
  title: string;
  subtitle: string;
  columns: SheetColumn[];
  rows: string[][];
  footer: string;
}

export interface DevelopmentLedgerModel {
  registers: LedgerRegister[];
}

export async function developmentLedgerWorkbook(m: DevelopmentLedgerModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const r of m.registers) addSheet(wb, { name: r.name, title: r.title, subtitle: r.subtitle, columns: r.columns, rows: r.rows, notes: [r.footer] });
  return workbookBytes(wb);
}
