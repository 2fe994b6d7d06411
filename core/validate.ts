/** Shared zod pieces with Chinese messages; every area builds its inputs from these. */
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export const isoDate = z.string({ error: '不能为空' }).refine(isValidIsoDate, { message: '应为有效日期（如 2024-07-01）' });
export const optDate = z
  .union([isoDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为年月（如 2024-07）' });
export const year = z.coerce.number({ error: '应为年份' }).int('应为年份').min(1921, '年份过早').max(2200, '年份过大');
export const text = (max = 200) => z.string({ error: '不能为空' }).trim().min(1, '不能为空').max(max, `不能超过 ${max} 字`);
export const optText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 字`)
    .nullish()
    .transform((v) => (v ? v : null));
export const id = z.string({ error: '不能为空' }).min(1, '不能为空');
export const fileInput = z.object({
  fileName: z.string().min(1, '文件名不能为空'),
  contentBase64: z.string().min(1, '文件内容为空'),
});

/** A generated document crossing the boundary: the host decides where it is saved. */
export interface FileResult {
  fileName: string;
  mime: string;
  contentBase64: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function fileResult(fileName: string, bytes: Uint8Array, mime: string): FileResult {
  return { fileName, mime, contentBase64: Buffer.from(bytes).toString('base64') };
}
