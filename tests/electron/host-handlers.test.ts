/**
 * The desktop host's own handlers behind the preview dialog (electron/host-handlers.ts):
 * 保存 writes where the clerk chose; 打开 and 在文件夹中显示 take only a Word or Excel file
 * this session saved, so the renderer can never make the main process open a program.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HostDeps } from '../../electron/host-handlers.ts';

// the electron package cannot load outside Electron; the handlers get fakes through their deps
vi.mock('electron', () => ({ dialog: {}, shell: {} }));
const { hostHandlers, mayOpenSaved } = await import('../../electron/host-handlers.ts');

function fakeHost(chosen: string | null, openAnswer = '') {
  const log: string[] = [];
  const deps: HostDeps = {
    dialog: { showSaveDialog: (async (...args: unknown[]) => {
      const opts = args[args.length - 1] as { defaultPath: string };
      log.push(`dialog ${opts.defaultPath}`);
      return chosen ? { canceled: false, filePath: chosen } : { canceled: true, filePath: '' };
    }) as HostDeps['dialog']['showSaveDialog'] },
    shell: {
      openPath: async (p: string) => (log.push(`open ${p}`), openAnswer),
      showItemInFolder: (p: string) => void log.push(`show ${p}`),
    },
    write: (f, b) => void log.push(`write ${f} ${b.length}`),
  };
  return { h: hostHandlers(() => null, deps), log };
}

const docx = path.resolve('/home/clerk/文档/党支部工作记录本.docx');
const file = { fileName: '党支部工作记录本.docx', contentBase64: Buffer.from('PK..').toString('base64') };

describe('host/save-file, host/open-file, host/show-in-folder', () => {
  it('saves where the clerk chose, then opens and shows exactly that file', async () => {
    const { h, log } = fakeHost(docx);
    expect(await h['host/save-file'](file)).toEqual({ path: docx });
    expect(await h['host/open-file']({ path: docx })).toEqual({ opened: true });
    expect(await h['host/show-in-folder']({ path: docx })).toEqual({ shown: true });
    expect(log).toEqual([`dialog 党支部工作记录本.docx`, `write ${docx} 4`, `open ${docx}`, `show ${docx}`]);
  });

  it('a cancelled save dialog saves nothing and opens nothing', async () => {
    const { h, log } = fakeHost(null);
    expect(await h['host/save-file'](file)).toEqual({ path: null });
    await expect(h['host/open-file']({ path: docx })).rejects.toThrow('只能打开本次保存的 Word 或 Excel 文件，请先保存');
    expect(log).toEqual(['dialog 党支部工作记录本.docx']);
  });

  it('says in Chinese when the system has no program for the file', async () => {
    const { h } = fakeHost(docx, 'No application is associated');
    await h['host/save-file'](file);
    await expect(h['host/open-file']({ path: docx })).rejects.toThrow(/^无法打开文件：No application is associated。请确认本机装有 Word、WPS 或 Excel$/);
  });

  it.each([
    ['a program', '/usr/bin/bash'],
    ['a script', 'C:\\Users\\clerk\\evil.bat'],
    ['a relative path', '党支部工作记录本.docx'],
    ['a traversal to the saved file', '/home/clerk/文档/../文档/党支部工作记录本.docx'],
    ['a docx never saved', '/home/clerk/文档/别的.docx'],
    ['not text', 42],
    ['nothing', undefined],
  ])('refuses to open or show %s', async (_what, p) => {
    const { h, log } = fakeHost(docx);
    await h['host/save-file'](file);
    await expect(h['host/open-file']({ path: p })).rejects.toThrow('只能打开本次保存的');
    await expect(h['host/show-in-folder']({ path: p })).rejects.toThrow('只能打开本次保存的');
    expect(log.filter((l) => l.startsWith('open') || l.startsWith('show'))).toEqual([]);
  });

  it('mayOpenSaved takes only Word and Excel files of the saved set', () => {
    const backup = path.resolve('/home/clerk/备份.zip');
    expect(mayOpenSaved(backup, new Set([backup]))).toBe(false);
    expect(mayOpenSaved(docx, new Set([docx]))).toBe(true);
    expect(mayOpenSaved(docx, new Set())).toBe(false);
  });
});
