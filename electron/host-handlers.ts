/** Handlers only the desktop host has: saving a generated document where the clerk chooses. */
import { dialog, type BrowserWindow } from 'electron';
import { writeFileAtomic } from '../core/files.ts';
import { LedgerError } from '../core/errors.ts';

export function hostHandlers(getWindow: () => BrowserWindow | null): Record<string, (input: unknown) => Promise<unknown>> {
  return {
    'host/save-file': async (input) => {
      const f = input as { fileName?: string; contentBase64?: string };
      if (!f?.fileName || typeof f.contentBase64 !== 'string') throw new LedgerError('没有可保存的文件');
      const win = getWindow();
      const ext = f.fileName.split('.').pop() ?? '';
      const kinds: Record<string, string> = { docx: 'Word 文档', xlsx: 'Excel 工作簿', png: 'PNG 图片', zip: '党务台账备份', plbk: '党务台账加密备份' };
      const opts = { defaultPath: f.fileName, filters: [{ name: kinds[ext] ?? '文件', extensions: [ext] }] };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return { path: null };
      writeFileAtomic(r.filePath, Buffer.from(f.contentBase64, 'base64'));
      return { path: r.filePath };
    },
  };
}
