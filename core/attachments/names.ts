/**
 * The name an attachment is stored under. It is only ever shown and offered as the
 * name to save under (the bytes live under their hash), but a name that is a path
 * or carries invisible characters would mislead the clerk or a save dialog, so such
 * names are refused; an overlong name is shortened keeping its extension.
 */
import path from 'node:path';
import { LedgerError } from '../errors.ts';

export const MAX_ATTACHMENT_NAME = 120;

export function attachmentFileName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new LedgerError('附件名称为空', 'fileName');
  if (name === '.' || name === '..') throw new LedgerError(`附件名称“${name}”不是有效的文件名`, 'fileName');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new LedgerError('附件名称含有不可见的控制字符，请改名后重新添加', 'fileName');
  if (/[/\\]/.test(name)) throw new LedgerError('附件名称不能包含“/”或“\\”，请只给文件名', 'fileName');
  const chars = Array.from(name); // code points, so a character outside the BMP is never cut in half
  if (chars.length <= MAX_ATTACHMENT_NAME) return name;
  const ext = Array.from(path.extname(name));
  const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
  return chars.slice(0, MAX_ATTACHMENT_NAME - keep.length).join('').trimEnd() + keep.join('');
}
