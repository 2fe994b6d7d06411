/**
 * Workbooks for import tests: a roster built with exceljs (cells of any type,
 * merges, formulas), and a huge one-column sheet written as raw XML with fflate
 * (a million rows in a few MB, built in about a second).
 */
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { strToU8 } from 'fflate';
import { makeIdNumber } from '../../core/members/idcard.ts';

export const ROSTER_HEADER = ['姓名', '身份证号码', '性别', '民族', '出生年月', '入党时间', '转正时间', '党员状态', '人员身份', '所在党支部', '手机', '备注'];

/** One good row for the demo bureau; `over` replaces cells by header name. */
export function rosterRow(name: string, id: string, over: Record<string, ExcelJS.CellValue> = {}): ExcelJS.CellValue[] {
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const base: Record<string, ExcelJS.CellValue> = {
    姓名: name, 身份证号码: id, 性别: Number(id[16]) % 2 ? '男' : '女', 民族: '汉族', 出生年月: birth, 入党时间: '2010-07-01', 转正时间: '2011-07-01',
    党员状态: '正式', 人员身份: '在职', 所在党支部: '刑侦大队党支部', 手机: '13800000000', 备注: null, ...over,
  };
  return ROSTER_HEADER.map((h) => base[h]);
}

export const newId = (seq: number, male = true) => makeIdNumber('370102', '1985-03-0' + ((seq % 9) + 1), 300 + seq, male);

/** Title in row 1, the header in row 2, data from row 3; `edit` may merge cells or set formulas. */
export async function rosterWorkbook(rows: ExcelJS.CellValue[][], edit?: (ws: ExcelJS.Worksheet) => void, header = ROSTER_HEADER): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['某支部党员名册']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** A zip archive (deflate through node:zlib at level 1, the fastest), enough for a workbook. */
function zip(files: Record<string, Uint8Array>): Uint8Array {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const packed = zlib.deflateRawSync(data, { level: 1 });
    const n = Buffer.from(name);
    const crc = zlib.crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    out.push(head, n, packed);
    central.push(dir, n);
    offset += head.length + n.length + packed.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...out, ...central, end]));
}

/** A sheet with a header row (inline strings) and `rows` one-cell data rows; no shared strings, as some generators write it. */
export function hugeWorkbook(header: string[], rows: number): Uint8Array {
  const inline = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const chunks: Buffer[] = [
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`,
    ),
  ];
  for (let from = 2; from <= rows + 1; from += 10_000) {
    let s = '';
    for (let r = from; r < Math.min(from + 10_000, rows + 2); r++) s += `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`;
    chunks.push(Buffer.from(s));
  }
  chunks.push(Buffer.from('</sheetData></worksheet>'));
  return zip({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': Buffer.concat(chunks),
  });
}
