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
export const id = z.string({ error: '不能为空' }).min(1, '不能为空').max(100, '过长（应为记录编号）');
/** A filter or reference value (an id, a type, a status) that may be empty: bounded like every other input. */
export const ref = z.string().max(100, '不能超过 100 字');

/** Longest search text; longer is refused before it reaches SQLite's LIKE (core/search.ts escapes the rest). */
export const SEARCH_MAX = 100;
export const searchText = z.string().max(SEARCH_MAX, `不能超过 ${SEARCH_MAX} 字，请缩短搜索内容`).optional();

/** A list input with a bound: `listOf(item, 50)` refuses a 51st item in Chinese. */
export const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `最多 ${max} 项`);

/** Largest file a handler takes (attachments, imports): its base64 text is bounded before decoding. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;
export const fileInput = z.object({
  fileName: z.string().min(1, '文件名不能为空'),
  contentBase64: z.string().min(1, '文件内容为空').max(Math.ceil(MAX_FILE_BYTES / 3) * 4, `文件不能大于 ${MAX_FILE_BYTES / 1024 / 1024} MB`),
});

/**
 * Upper limits of money inputs, in 分, by kind of amount. Generous for a
 * sub-bureau (about 100 members) yet far below 2^51, so a typing slip
 * (2^51 分 for a remittance) is refused with the field's name.
 */
export const MONEY_MAX_FEN = {
  /** a monthly pay item or calculation base: 1,000,000 元 */
  monthlyBase: 100_000_000,
  /** one month's dues, a reduced amount, the monthly cap, a fixed amount: 100,000 元 */
  monthlyDues: 10_000_000,
  /** a remittance or a use of dues: 10,000,000 元 */
  total: 1_000_000_000,
} as const;

export function yuanLimit(fen: number): string {
  const yuan = fen / 100;
  return yuan >= 10_000 && yuan % 10_000 === 0 ? `${yuan / 10_000} 万元` : `${yuan} 元`;
}

/** An amount in 分: an integer from `min` to `maxFen`. */
export const money = (maxFen: number, min = 0) =>
  z
    .number({ error: '应为金额（整数分）' })
    .int('应为整数分')
    .min(min, min > 0 ? '应大于 0' : '不能为负数')
    .max(maxFen, `不能超过 ${yuanLimit(maxFen)}`);

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

/** The bytes of a file that crossed the boundary as base64 (an upload, or a document a handler returned). */
export function fileBytes(f: { contentBase64: string }): Uint8Array {
  return new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
}
