/**
 * LibreOffice, where the machine has it: found on PATH or in its usual install
 * folders, run headless to turn a binder's .docx/.xlsx into PDF. One call per
 * binder, with a fresh user profile in a temporary folder (never the clerk's
 * own, which a running LibreOffice would hold locked) and nothing from the
 * network. A file LibreOffice could not convert is named in the result, not fatal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

/** The usual install folders, after PATH. */
export function usualFolders(platform = process.platform, env = process.env): string[] {
  if (platform === 'win32') {
    return [env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files', 'C:\\Program Files (x86)']
      .filter((d): d is string => Boolean(d))
      .map((d) => path.win32.join(d, 'LibreOffice', 'program'));
  }
  if (platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS'];
  const opt = (() => {
    try {
      return fs.readdirSync('/opt').filter((d) => /^libreoffice/i.test(d)).map((d) => `/opt/${d}/program`);
    } catch {
      return [];
    }
  })();
  return ['/usr/bin', '/usr/local/bin', '/usr/lib/libreoffice/program', '/snap/bin', ...opt];
}

/** The soffice program, or null. `PARTY_LEDGER_SOFFICE` names one (or `none`, to build without PDFs). */
export function findSoffice(env = process.env): string | null {
  const pinned = env.PARTY_LEDGER_SOFFICE;
  if (pinned === 'none') return null;
  if (pinned) return fs.existsSync(pinned) ? pinned : null;
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...usualFolders()];
  for (const d of dirs)
    for (const n of NAMES) {
      const p = path.join(d, n);
      try {
        if (fs.statSync(p).isFile()) return p;
      } catch {
        // not there
      }
    }
  return null;
}

export const NO_OFFICE = '本机未找到 LibreOffice（soffice），未生成 PDF，归档文件目录的页数留空，请打印后手工填写';

export interface Conversion {
  /** input file name → its PDF's path */
  pdfs: Map<string, string>;
  /** input file names LibreOffice gave no PDF for */
  failed: string[];
  /** a Chinese note when the call itself failed */
  error: string | null;
}

/**
 * Converts the files (all in one folder) to PDF in `outDir`, in one soffice call.
 * Aborting kills LibreOffice; the caller removes the folders.
 */
export async function convertToPdf(soffice: string, files: string[], outDir: string, signal?: AbortSignal, timeoutMs = 600_000): Promise<Conversion> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-lo-'));
  try {
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'pdf', '--outdir', outDir, ...files];
    const error = await new Promise<string | null>((resolve) => {
      const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const kill = () => child.kill('SIGKILL');
      const timer = setTimeout(kill, timeoutMs);
      signal?.addEventListener('abort', kill, { once: true });
      child.on('error', (e) => resolve(`无法启动 LibreOffice：${e.message}`));
      child.on('close', (code) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', kill);
        resolve(signal?.aborted ? '已取消' : code === 0 ? null : `LibreOffice 转换未完成（退出码 ${code}）${stderr ? `：${stderr.trim().split('\n').pop()}` : ''}`);
      });
    });
    const pdfs = new Map<string, string>();
    const failed: string[] = [];
    for (const f of files) {
      const pdf = path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.pdf`);
      if (fs.existsSync(pdf) && fs.statSync(pdf).size > 0) pdfs.set(path.basename(f), pdf);
      else failed.push(path.basename(f));
    }
    return { pdfs, failed, error };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
