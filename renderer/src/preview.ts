/**
 * Every generated document goes through one preview (components/FilePreview.vue,
 * mounted once in App.vue): the clerk sees the .docx in its own layout or the
 * .xlsx as a sheet, then saves, prints or (desktop) opens it. A view calls
 * `previewFile(file, '已导出')` where it used to call `saveFile` directly; the
 * prefix starts the message shown after 保存.
 */
import { shallowRef } from 'vue';
import type { FileResult } from '../../core/validate';
import { isDesktop } from './api/client';

export interface PreviewRequest {
  file: FileResult;
  /** the start of the message after 保存, e.g. 已导出, 已生成介绍信 */
  savedPrefix: string;
}

export const previewing = shallowRef<PreviewRequest | null>(null);

export function previewFile(file: FileResult, savedPrefix = '已导出'): void {
  previewing.value = { file, savedPrefix };
}

export function closePreview(): void {
  previewing.value = null;
}

/** What the clerk reads after 保存: the chosen path (desktop) or the file name in the browser's download folder. */
export function savedMessage(prefix: string, where: string, desktop = isDesktop): string {
  return desktop ? `${prefix}：${where}` : `${prefix}：${where}，已保存到浏览器的“下载”文件夹`;
}

export type PreviewKind = 'docx' | 'xlsx' | null;

export function previewKind(file: Pick<FileResult, 'fileName'>): PreviewKind {
  const ext = file.fileName.split('.').pop()?.toLowerCase();
  return ext === 'docx' ? 'docx' : ext === 'xlsx' ? 'xlsx' : null;
}

export function fileBytesOf(file: Pick<FileResult, 'contentBase64'>): Uint8Array {
  return Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
}
