/**
 * Runs one command of the table: a host-level `run`, or a handler of the map
 * through `io.invoke` (the same invoke as every host), a returned document
 * written to --out through a temporary name and a rename.
 */
import type { FileResult } from '../validate.ts';
import { findDocument, writeDocument } from './helpers.ts';
import { flag, requireFlag, UsageError, type CliIo, type Command, type ParsedArgs, type Printed } from './registry.ts';

/** The document a result carried, as it is printed once written: where it went, not its bytes. */
export function writtenDocument(doc: FileResult, file: string) {
  return { file, fileName: doc.fileName, mime: doc.mime, size: Buffer.byteLength(doc.contentBase64, 'base64') };
}

/**
 * Runs a handler and writes a document it returns to `out`; a document with no `out` is a usage error.
 * Returns the result and the absolute path written (null when there was no document).
 */
export async function invokeWithOut(io: CliIo, name: string, input: unknown, out: string | undefined): Promise<{ result: unknown; file: string | null; key: string | null | undefined }> {
  const result = await io.invoke(name, input);
  const found = findDocument(result);
  if (!found) return { result, file: null, key: undefined };
  if (!out) throw new UsageError(`操作 ${name} 生成了文件（${found.doc.fileName}），请用 --out 指定保存位置`);
  return { result, file: writeDocument(out, found.doc), key: found.key };
}

export async function runCommand(cmd: Command, args: ParsedArgs, io: CliIo): Promise<void> {
  if ('run' in cmd) return cmd.run(args, io);
  const out = cmd.document ? requireFlag(args, 'out') : flag(args, 'out');
  const input = cmd.input ? await cmd.input(args, io) : {};
  const { result, file } = await invokeWithOut(io, cmd.handler, input, out);
  const printed: Printed | void = cmd.print
    ? await cmd.print(result, { args, io, file })
    : file
      ? { json: { file }, text: () => `已导出：${file}` }
      : { json: result, text: () => JSON.stringify(result, null, 2) };
  if (printed) io.print(printed.json, printed.text);
}
