/** Reading a binder's 归档文件目录.xlsx back: the header row and the item rows, nine cells each as shown. */
import ExcelJS from 'exceljs';

export async function catalogOf(bytes: Uint8Array): Promise<{ header: string[]; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const all: string[][] = [];
  ws.eachRow((r) => all.push(Array.from({ length: 9 }, (_, i) => r.getCell(i + 1).text ?? '')));
  const h = all.findIndex((r) => r[0] === '序号');
  return { header: all[h], rows: all.slice(h + 1).filter((r) => /^\d+$/.test(r[0])) };
}
