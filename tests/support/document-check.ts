/**
 * The document check every document test shares: a .docx or .xlsx rendered as a
 * reader sees it (LibreOffice, fonts mapped by build/fonts.conf), its text read
 * back page by page with pdftotext, and the checks an inspector would make by eye:
 * no name or label split across two lines, no line starting with closing or ending
 * with opening punctuation, the page on which a text stands (contents entries,
 * signature blocks).
 *
 * LibreOffice is installed by .ci/run, so in CI a missing soffice fails the test
 * instead of skipping it (`requireRenderer`).
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './ledger.ts';

const which = (cmd: string): string => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();

/** Path of LibreOffice's soffice, or '' when it is not installed. */
export const soffice = which('soffice');
/** True when documents can be rendered here; in CI they must be. */
export const canRender = Boolean(soffice) && Boolean(which('pdftotext'));
/** For `it.skipIf(skipRender)`: skips only outside CI; in CI a missing renderer fails (see requireRenderer). */
export const skipRender = !canRender && !process.env.CI;

export function requireRenderer(): void {
  if (!canRender) throw new Error('LibreOffice (soffice) and poppler (pdftotext) are needed to check documents; .ci/run installs them');
}

export interface RenderedDocument {
  /** The PDF on disk. */
  pdf: string;
  /** Number of pages. */
  pageCount: number;
  /** Text of each page (index 0 = page 1), `pdftotext -layout`. */
  layout: string[];
  /** Text of each page in reading order (`pdftotext` without -layout): lines of one table cell stay consecutive. */
  raw: string[];
}

const cache = new Map<string, RenderedDocument>();

const keyOf = (bytes: Uint8Array, ext: string): string => createHash('sha256').update(bytes).digest('hex') + ext;

function readPdf(pdf: string): RenderedDocument {
  const pages = (args: string[]): string[] => {
    const text = execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const parts = text.split('\f');
    if (parts.length > 0 && parts[parts.length - 1]!.trim() === '') parts.pop();
    return parts;
  };
  const layout = pages(['-layout']);
  return { pdf, pageCount: layout.length, layout, raw: pages([]) };
}

/**
 * Renders documents (.docx or .xlsx bytes) to PDF through LibreOffice, all in one
 * LibreOffice run, and reads their text per page. Renders of the same bytes are
 * shared within one test file.
 */
export function renderDocuments(files: { bytes: Uint8Array; ext: 'docx' | 'xlsx' }[]): RenderedDocument[] {
  requireRenderer();
  const todo = files.map((f, i) => ({ ...f, i, key: keyOf(f.bytes, f.ext) })).filter((f) => !cache.has(f.key));
  if (todo.length > 0) {
    const dir = tempDir('document-check-');
    const paths = todo.map((f) => {
      const file = path.join(dir, `doc${f.i}.${f.ext}`);
      fs.writeFileSync(file, f.bytes);
      return file;
    });
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, `-env:UserInstallation=file://${dir}/lo-profile`, ...paths], {
      env: { ...process.env, FONTCONFIG_FILE: path.resolve('build/fonts.conf') },
      timeout: 240_000 * todo.length,
      stdio: 'ignore',
    });
    for (const f of todo) {
      const pdf = path.join(dir, `doc${f.i}.pdf`);
      if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert document ${f.i + 1} (.${f.ext}) to PDF`);
      cache.set(f.key, readPdf(pdf));
    }
  }
  return files.map((f) => cache.get(keyOf(f.bytes, f.ext))!);
}

/** One document rendered as a reader sees it (see renderDocuments). */
export function renderDocument(bytes: Uint8Array, ext: 'docx' | 'xlsx'): RenderedDocument {
  return renderDocuments([{ bytes, ext }])[0]!;
}

/** Characters that join text without showing (word joiner, zero-width no-break space, zero-width space). */
const INVISIBLE = /[\u2060\uFEFF\u200B]/g;

/** Text as a reader reads it: invisible joiners removed, runs of spaces kept (they separate columns). */
export function visible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Text with every space removed too, for finding a phrase whatever the layout did to it. */
export function compact(text: string): string {
  return visible(text).replace(/[\s\u3000]+/g, '');
}

/** Closing punctuation a line may not start with, opening punctuation it may not end with. */
export const NO_LINE_START = '，。、；：？！”’）》」』】〕…';
export const NO_LINE_END = '“‘（《「『【〔';

export interface LineProblem {
  page: number;
  line: string;
  problem: string;
}

/**
 * Lines (per column segment in the layout text: a run of two or more spaces
 * separates table columns) that start with closing punctuation or end with
 * opening punctuation.
 */
export function punctuationProblems(doc: RenderedDocument): LineProblem[] {
  const found: LineProblem[] = [];
  doc.layout.forEach((text, i) => {
    for (const line of visible(text).split('\n')) {
      for (const segment of line.split(/\s{2,}|\u3000{2,}/).map((s) => s.trim()).filter(Boolean)) {
        if (NO_LINE_START.includes(segment[0]!)) found.push({ page: i + 1, line, problem: `行首是“${segment[0]}”` });
        if (NO_LINE_END.includes(segment[segment.length - 1]!)) found.push({ page: i + 1, line, problem: `行尾是“${segment[segment.length - 1]}”` });
      }
    }
  });
  return found;
}

/**
 * Names or labels split across two consecutive lines: a line ending with the first
 * part of a word and the next line starting with the rest (reading-order text, so
 * the lines of one table cell are consecutive; also per column segment of the
 * layout text).
 */
export function splitWords(doc: RenderedDocument, words: readonly string[]): LineProblem[] {
  const found: LineProblem[] = [];
  const list = [...new Set(words.filter((w) => [...w].length >= 2))];
  const check = (page: number, lines: string[]): void => {
    for (let i = 0; i + 1 < lines.length; i++) {
      const a = lines[i]!, b = lines[i + 1]!;
      if (!a || !b) continue;
      for (const w of list) {
        const chars = [...w];
        for (let k = 1; k < chars.length; k++) {
          const head = chars.slice(0, k).join(''), tail = chars.slice(k).join('');
          if (a.endsWith(head) && b.startsWith(tail) && !a.endsWith(w) && !b.startsWith(w)) {
            found.push({ page, line: `${a} / ${b}`, problem: `“${w}”被拆成“${head}/${tail}”` });
          }
        }
      }
    }
  };
  doc.raw.forEach((text, i) => check(i + 1, visible(text).split('\n').map((l) => l.trim())));
  doc.layout.forEach((text, i) => {
    // Columns of the layout text: the segment at the same start offset on consecutive lines.
    const lines = visible(text).split('\n');
    const columns = new Map<number, string[]>();
    lines.forEach((line, row) => {
      const re = /\S+(?: \S+)*/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line))) {
        const col = columns.get(m.index) ?? [];
        col[row] = m[0];
        columns.set(m.index, col);
      }
    });
    for (const col of columns.values()) {
      const seq = Array.from({ length: lines.length }, (_, r) => col[r] ?? '');
      check(i + 1, seq);
    }
  });
  // One split reported once even when both views show it.
  const seen = new Set<string>();
  return found.filter((p) => {
    const key = `${p.page}|${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Pages (1-based) whose text contains `text`, compared without spaces and joiners. */
export function pagesWith(doc: RenderedDocument, text: string): number[] {
  const needle = compact(text);
  const out: number[] = [];
  doc.layout.forEach((page, i) => {
    if (compact(page).includes(needle)) out.push(i + 1);
  });
  return out;
}

/** The first page (1-based) containing `text`, or 0. */
export function pageOf(doc: RenderedDocument, text: string): number {
  return pagesWith(doc, text)[0] ?? 0;
}

/**
 * Contents entries as printed: lines of the given pages that end in a dot leader and
 * a page number ("第一季度支部党员大会 ……… 12"), with the entry's text before the leader.
 */
export function contentsEntries(doc: RenderedDocument, pages: number[]): { text: string; page: number }[] {
  const out: { text: string; page: number }[] = [];
  for (const p of pages) {
    for (const line of visible(doc.layout[p - 1] ?? '').split('\n')) {
      const m = /^(.*?)[.．·…\s]{3,}(\d+)\s*$/.exec(line.trim());
      // a short leader comes out of pdftotext spaced (". . . .119")
      if (m && /[.．·…](?:\s?[.．·…]){2,}/.test(line)) out.push({ text: compact(m[1]!), page: Number(m[2]) });
    }
  }
  return out;
}

/**
 * The shared check of a rendered document: no split name or label and no bad line
 * start or end. Returns the problems as readable lines (empty when all is well), so
 * a test can `expect(documentProblems(doc, names)).toEqual([])` and see what is wrong.
 */
export function documentProblems(doc: RenderedDocument, words: readonly string[] = []): string[] {
  return [...splitWords(doc, words), ...punctuationProblems(doc)].map((p) => `第${p.page}页：${p.problem}：${p.line.trim()}`);
}

/** True when `a` and `b` both stand on one page (the signature block with the last paragraph). */
export function onSamePage(doc: RenderedDocument, a: string, b: string): boolean {
  const pa = pagesWith(doc, a), pb = pagesWith(doc, b);
  return pa.some((p) => pb.includes(p));
}
