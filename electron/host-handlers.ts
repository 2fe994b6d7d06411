/**
 * Handlers only the desktop host has: saving a generated document where the
 * clerk chooses, then opening that file with the system's program (Word, WPS,
 * Excel) or showing it in its folder. Only a file this session saved may be
 * opened or shown, and only a document kind (`mayOpenSaved`): the renderer can
 * never make the main process open an arbitrary path (a program, a script).
 */
import path from 'node:path';
import { dialog as electronDialog, shell as electronShell, type BrowserWindow } from 'electron';
import { writeFileAtomic } from '../core/files.ts';
import { LedgerError } from '../core/errors.ts';

/** Kinds of file the save dialog offers, and the only kinds 打开 and 在文件夹中显示 accept. */
export const SAVE_KINDS: Record<string, string> = { docx: 'Word 文档', xlsx: 'Excel 工作簿', png: 'PNG 图片', zip: 'ZIP 压缩包', plbk: '党务台账加密备份' };
const OPENABLE = new Set(['docx', 'xlsx']);

/** Whether the renderer may ask to open `p`: exactly a path this session saved, of a document kind. */
export function mayOpenSaved(p: unknown, saved: ReadonlySet<string>): p is string {
  if (typeof p !== 'string' || !p || !path.isAbsolute(p)) return false;
  const ext = path.extname(p).slice(1).toLowerCase();
  return OPENABLE.has(ext) && saved.has(path.resolve(p)) && path.resolve(p) === p;
}

export interface HostDeps {
  dialog: Pick<typeof electronDialog, 'showSaveDialog'>;
  shell: Pick<typeof electronShell, 'openPath' | 'showItemInFolder'>;
  write: (file: string, bytes: Buffer) => void;
}

export function hostHandlers(
  getWindow: () => BrowserWindow | null,
  deps: HostDeps = { dialog: electronDialog, shell: electronShell, write: writeFileAtomic },
): Record<string, (input: unknown) => Promise<unknown>> {
  const saved = new Set<string>();
  const savedPath = (input: unknown): string => {
    const p = (input as { path?: unknown } | null)?.path;
    if (!mayOpenSaved(p, saved)) throw new LedgerError('只能打开本次保存的 Word 或 Excel 文件，请先保存');
    return p;
  };
  return {
    'host/save-file': async (input) => {
      const f = input as { fileName?: string; contentBase64?: string };
      if (!f?.fileName || typeof f.contentBase64 !== 'string') throw new LedgerError('没有可保存的文件');
      const win = getWindow();
      const ext = f.fileName.split('.').pop() ?? '';
      const opts = { defaultPath: f.fileName, filters: [{ name: SAVE_KINDS[ext] ?? '文件', extensions: [ext] }] };
      const r = win ? await deps.dialog.showSaveDialog(win, opts) : await deps.dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return { path: null };
      deps.write(r.filePath, Buffer.from(f.contentBase64, 'base64'));
      saved.add(path.resolve(r.filePath));
      return { path: r.filePath };
    },
    'host/open-file': async (input) => {
      const problem = await deps.shell.openPath(savedPath(input));
      // openPath answers with an error text (no program for .docx, file gone) instead of throwing
      if (problem) throw new LedgerError(`无法打开文件：${problem}。请确认本机装有 Word、WPS 或 Excel`);
      return { opened: true };
    },
    'host/show-in-folder': async (input) => {
      deps.shell.showItemInFolder(savedPath(input));
      return { shown: true };
    },
  };
}
