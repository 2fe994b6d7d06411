/**
 * 一键生成迎检材料: the binders of a year (or a period of it), for the whole 党委
 * or one branch, as one .zip (inspection-binders.md, archives.md 7.5–7.9):
 *
 *   总目录.docx/.xlsx, 迎检清单检查结果.xlsx   the binders, and what is known to be missing
 *   A 组织建设/封面.docx, 归档文件目录.xlsx/.docx, 0001 题名.ext …, 备考表.docx[, A 组织建设.pdf]
 *   …
 *   manifest.json   every file: binder, 件号, source record, size, SHA-256 (and the one generated-at time)
 *   SHA256SUMS      `sha256sum -c` lines for every file but manifest.json and itself
 *
 * Deterministic: fixed entry order, entry times at the period's last day 00:00,
 * documents frozen; only manifest.json's generatedAt changes between two builds
 * of the same ledger. Work is in memory and in a temporary folder removed at
 * the end, so a cancelled build leaves nothing behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Ctx } from '../../context.ts';
import { LedgerError } from '../../errors.ts';
import { writeZip, type ZipEntry } from '../../backup/zip.ts';
import { inspectCheck } from '../../inspect/check.ts';
import { exportGaps } from '../../inspect/export.ts';
import { listCategories } from '../categories.ts';
import { archiveSettings } from '../settings.ts';
import { committeeId } from '../service.ts';
import { collectBinders, type Binder } from './contents.ts';
import { binderForms, catalogRows, indexForms, periodText, seqNo } from './forms.ts';
import { binderPdf } from './binder-pdf.ts';
import { frozenDocument as frozen } from '../text.ts';
import { NO_OFFICE, findSoffice } from './office.ts';
import type { BinderJob } from './jobs.ts';

export interface BinderOptions {
  year: number;
  from?: string | null;
  to?: string | null;
  orgId?: string | null;
  pdf?: boolean;
}

export interface ManifestFile {
  path: string;
  binder: string | null;
  /** the binder's 件号 (0001), null for a form or a top-level file */
  itemNo: string | null;
  /** the file's own record: attachments:<id>, document:<key>, or binder:<form> for what the binder itself makes */
  source: string;
  /** the item the file belongs to: archive_items:<id> when filed, else the same as source */
  record: string;
  size: number;
  sha256: string;
}

export interface BinderResult {
  fileName: string;
  bytes: Uint8Array;
  files: number;
  binders: { code: string; name: string; items: number; pages: number | null }[];
  pdf: { requested: boolean; made: number; reason: string | null; failed: string[] };
  problems: string[];
  gaps: number;
}

const STORED = new Set(['docx', 'xlsx', 'pdf', 'png', 'jpg', 'jpeg', 'zip', 'gif', 'webp', 'mp4']);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 60) || '未命名';

function period(o: BinderOptions): { from: string; to: string } {
  const from = o.from || `${o.year}-01-01`;
  const to = o.to || `${o.year}-12-31`;
  if (!from.startsWith(`${o.year}-`)) throw new LedgerError(`开始日期应在${o.year}年内`, 'from');
  if (!to.startsWith(`${o.year}-`)) throw new LedgerError(`结束日期应在${o.year}年内`, 'to');
  if (from > to) throw new LedgerError('结束日期不能早于开始日期', 'to');
  return { from, to };
}

/** The file names of a binder's items, in 件号 order: `0001 题名.ext`, a second file of one item `0001 题名-2.ext`. */
export function itemPaths(b: Binder): string[][] {
  return b.items.map((it, i) => it.files.map((f, k) => `${b.folder}/${seqNo(i + 1)} ${safe(it.title)}${k ? `-${k + 1}` : ''}${f.ext ? `.${f.ext}` : ''}`));
}

export async function buildBinder(ctx: Ctx, o: BinderOptions, job: BinderJob): Promise<BinderResult> {
  const { from, to } = period(o);
  const committee = await committeeId(ctx.db);
  const orgId = o.orgId && o.orgId !== committee ? o.orgId : null;
  const org = orgId ? await ctx.db.selectFrom('org_units').select(['name', 'kind']).where('id', '=', orgId).where('deleted_at', 'is', null).executeTakeFirst() : null;
  if (orgId && org?.kind !== '党支部') throw new LedgerError('请选择党委或一个党支部', 'orgId');
  const cats = (await listCategories(ctx)).filter((c) => !c.retired);
  const soffice = o.pdf ? findSoffice() : null;
  const steps = ['读取档案和迎检清单', ...cats.map((c) => `整理 ${c.code} ${c.name}`), ...(soffice ? cats.map((c) => `转换 PDF：${c.code} ${c.name}`) : []), '编制目录、封面和备考表', '打包并计算校验值'];
  job.plan(steps);
  await job.step(0);
  const settings = await archiveSettings(ctx.db);
  const fondsName = (await ctx.db.selectFrom('org_units').select('name').where('id', '=', committee).executeTakeFirstOrThrow()).name;
  const check = await inspectCheck(ctx, { year: o.year, branchId: orgId ?? undefined });
  const gaps = check.items.filter((i) => i.status !== '齐全');
  const gapSheet = await exportGaps(ctx, { year: o.year, branchId: orgId ?? undefined });
  const problems: string[] = [];
  const binders = await collectBinders(ctx, { year: o.year, from, to, orgId }, job, (code) => 1 + cats.findIndex((c) => c.code === code), problems);
  const paths = new Map(binders.map((b) => [b.code, itemPaths(b)]));

  const pages = new Map<string, number[] | null>();
  const pdfs = new Map<string, Uint8Array>();
  const failed: string[] = [];
  let pdfReason: string | null = o.pdf && !soffice ? NO_OFFICE : null;
  if (soffice) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-binder-'));
    try {
      for (const [k, b] of binders.entries()) {
        await job.step(1 + cats.length + k);
        if (!b.items.length) continue;
        const made = await binderPdf(soffice, b, paths.get(b.code)!, path.join(tmp, b.code), to, job);
        failed.push(...made.failed);
        if (made.error) pdfReason = made.error;
        pages.set(b.code, made.pages);
        pdfs.set(b.code, made.bytes);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  await job.step(steps.length - 2);
  const c = { year: o.year, from, to, fondsName, fondsNo: settings.fondsNo, scopeName: org?.name ?? fondsName };
  const entries: { path: string; bytes: Uint8Array; binder: string | null; itemNo: string | null; source: string; record?: string }[] = [];
  const notes = [
    `本材料由党务台账按${periodText(c)}的台账生成；“迎检清单检查结果.xlsx”列出检查时已知未齐全的项目（共${gaps.length}项）。`,
    pdfReason ?? (soffice ? '每类另附一份 PDF（含书签和连续页码），目录中的页数取自该 PDF。' : '未生成 PDF：目录中的页数留空，请打印后手工填写。'),
    '盒号由档案室按移交规则编定，封面盒号栏留空。manifest.json 记录每个文件的来源、大小和 SHA-256；SHA256SUMS 可用 sha256sum -c 校验。',
  ];
  for (const [name, bytes] of await indexForms(c, binders, pages, gaps, notes)) entries.push({ path: name, bytes: frozen(bytes), binder: null, itemNo: null, source: 'binder:index' });
  entries.push({ path: '迎检清单检查结果.xlsx', bytes: frozen(gapSheet.bytes), binder: null, itemNo: null, source: 'inspect:check' });
  for (const b of binders) {
    job.check();
    const rows = catalogRows(b, pages.get(b.code) ?? null);
    const mine = problems.filter((p) => p.startsWith(b.code + ' '));
    const forms = await binderForms(c, b, rows, gaps.filter((g) => g.binderCode === b.code), mine, o.pdf && !soffice ? NO_OFFICE : null);
    const form = (name: string) => forms.find((f) => f[0] === name)![1];
    const add = (name: string, bytes: Uint8Array) => entries.push({ path: `${b.folder}/${name}`, bytes: frozen(bytes), binder: b.folder, itemNo: null, source: `binder:${name.replace(/\.\w+$/, '')}` });
    add('封面.docx', form('封面.docx'));
    add('归档文件目录.xlsx', form('归档文件目录.xlsx'));
    add('归档文件目录.docx', form('归档文件目录.docx'));
    b.items.forEach((it, i) => it.files.forEach((f, k) => entries.push({ path: paths.get(b.code)![i][k], bytes: f.bytes, binder: b.folder, itemNo: seqNo(i + 1), source: f.source, record: it.source })));
    add('备考表.docx', form('备考表.docx'));
    const pdf = pdfs.get(b.code);
    if (pdf) entries.push({ path: `${b.folder}/${b.folder}.pdf`, bytes: pdf, binder: b.folder, itemNo: null, source: 'binder:pdf' });
  }

  await job.step(steps.length - 1);
  const files: ManifestFile[] = entries.map((e) => ({ path: e.path, binder: e.binder, itemNo: e.itemNo, source: e.source, record: e.record ?? e.source, size: e.bytes.byteLength, sha256: sha(e.bytes) }));
  const manifest = {
    generatedAt: ctx.platform.now(),
    generator: '党务台账',
    scope: { year: o.year, from, to, org: c.scopeName },
    pdf: { requested: Boolean(o.pdf), made: pdfs.size, reason: pdfReason, failed },
    problems,
    files,
  };
  const sums = files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
  const [y, m, d] = to.split('-').map(Number);
  const zipEntries: ZipEntry[] = [
    ...entries.map((e) => ({ name: e.path, bytes: e.bytes, level: STORED.has(e.path.split('.').pop()!.toLowerCase()) ? 0 : 6 })),
    { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), level: 6 },
    { name: 'SHA256SUMS', bytes: Buffer.from(sums), level: 6 },
  ];
  const bytes = writeZip(zipEntries, new Date(y, m - 1, d));
  job.check();
  return {
    fileName: `${o.year}年度迎检材料${org ? `（${org.name}）` : ''}.zip`,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    files: zipEntries.length,
    binders: binders.map((b) => ({ code: b.code, name: b.name, items: b.items.length, pages: pages.get(b.code)?.reduce((a, x) => a + x, 0) ?? null })),
    pdf: manifest.pdf,
    problems,
    gaps: gaps.length,
  };
}
