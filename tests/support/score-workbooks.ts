/** Score workbooks as the quiz tools export them, for the 政治理论测试 import tests, the e2e and the bench. */
import ExcelJS from 'exceljs';

/** 问卷星's leading columns, then 总分, the fill-in questions and one column per question. */
export const WJX_HEADER = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '总分', '1、您的姓名：', '2、所在部门：', '3、手机号码：', '4、“第一议题”制度的主要内容是？', '5、以下哪些属于“三会一课”？'];

export interface Taker {
  name: string;
  score: ExcelJS.CellValue;
  department?: string;
  phone?: string;
  idNumber?: string;
}

/** A 问卷星 All_Data_Readable-style sheet: the header on row 1, one row per answer sheet. */
export async function wjxWorkbook(takers: Taker[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(WJX_HEADER);
  takers.forEach((t, i) =>
    ws.addRow([i + 1, `2026/04/22 09:${String(10 + (i % 50)).padStart(2, '0')}:00`, '612秒', '微信', 'N/A', '10.1.2.3(内网)', t.score, t.name, t.department ?? '', t.phone ?? '', 'A', 'A┋B┋C']),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A plain sheet: a title, a blank line, then 序号 / 姓名 / 部门 / 成绩 (or the header given) from row 3. */
export async function plainWorkbook(takers: Taker[], header = ['序号', '姓名', '部门', '成绩'], title = '政治理论知识测试成绩'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.addRow([title]);
  ws.addRow([]);
  ws.addRow(header);
  takers.forEach((t, i) => {
    const by: Record<string, ExcelJS.CellValue> = { 序号: i + 1, 姓名: t.name, 部门: t.department ?? null, 成绩: t.score, 得分: t.score, 身份证号: t.idNumber ?? null, 手机号: t.phone ?? null };
    ws.addRow(header.map((h) => by[h] ?? null));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
