/**
 * A binder's PDF: its documents (Word, Excel, text) converted by LibreOffice in
 * one call, its PDF attachments and images taken as they are, merged in 件号
 * order (pdf.ts). What cannot be rendered (a video, an unknown format, a file
 * LibreOffice refused) is named by its path in the zip and adds no pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Binder } from './contents.ts';
import { convertToPdf } from './office.ts';
import { mergeBinderPdf, type PdfItem, type PdfPart } from './pdf.ts';
import type { BinderJob } from './jobs.ts';

const OFFICE = new Set(['docx', 'doc', 'xlsx', 'xls', 'odt', 'ods', 'rtf', 'txt', 'wps', 'et']);

export async function binderPdf(soffice: string, b: Binder, paths: string[][], dir: string, lastDay: string, job: BinderJob): Promise<{ bytes: Uint8Array; pages: number[]; failed: string[]; error: string | null }> {
  fs.mkdirSync(path.join(dir, 'in'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
  // ASCII names for LibreOffice: the zip's names are Chinese and may repeat once made safe
  const inputs: { tmp: string; zipPath: string }[] = [];
  b.items.forEach((it, i) =>
    it.files.forEach((f, k) => {
      if (!OFFICE.has(f.ext)) return;
      const tmp = `${String(i + 1).padStart(4, '0')}-${k + 1}.${f.ext}`;
      fs.writeFileSync(path.join(dir, 'in', tmp), f.bytes);
      inputs.push({ tmp, zipPath: paths[i][k] });
    }),
  );
  const failed: string[] = [];
  let error: string | null = null;
  const converted = new Map<string, Uint8Array>();
  if (inputs.length) {
    job.detail(`LibreOffice 正在转换 ${inputs.length} 个文件`);
    const r = await convertToPdf(soffice, inputs.map((x) => path.join(dir, 'in', x.tmp)), path.join(dir, 'out'), job.signal);
    job.check();
    if (r.error) error = `${b.folder}：${r.error}`;
    for (const x of inputs) {
      const pdf = r.pdfs.get(x.tmp);
      if (pdf) converted.set(x.tmp, new Uint8Array(fs.readFileSync(pdf)));
      else failed.push(x.zipPath);
    }
  }
  const items: PdfItem[] = b.items.map((it, i) => ({
    title: `${String(i + 1).padStart(4, '0')} ${it.title}`,
    parts: it.files.flatMap((f, k): PdfPart[] => {
      const name = paths[i][k];
      if (OFFICE.has(f.ext)) {
        const pdf = converted.get(`${String(i + 1).padStart(4, '0')}-${k + 1}.${f.ext}`);
        return pdf ? [{ kind: 'pdf', bytes: pdf, name }] : [];
      }
      if (f.ext === 'pdf') return [{ kind: 'pdf', bytes: f.bytes, name }];
      if (f.ext === 'png') return [{ kind: 'png', bytes: f.bytes, name }];
      if (f.ext === 'jpg' || f.ext === 'jpeg') return [{ kind: 'jpg', bytes: f.bytes, name }];
      failed.push(name);
      return [];
    }),
  }));
  job.detail('合并 PDF');
  const [y, m, d] = lastDay.split('-').map(Number);
  const merged = await mergeBinderPdf(items, { title: b.folder, date: new Date(Date.UTC(y, m - 1, d)), failed });
  return { ...merged, failed, error };
}
