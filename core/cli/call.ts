/**
 * `party-ledger call HANDLER [--input JSON | --input @FILE | --input -] [--out FILE]`:
 * any handler of the map, through the same invoke as every host (the same zod checks,
 * the same Chinese messages); the result as JSON on stdout, a returned document written
 * to --out. `party-ledger call --list [--json]`: every handler with its area and what it does.
 */
import fs from 'node:fs';
import { LedgerError } from '../errors.ts';
import { areaOf, areas, handlers } from '../api.ts';
import type { FileResult } from '../validate.ts';
import { flag, UsageError, type RunCommand } from './registry.ts';
import { invokeWithOut, writtenDocument } from './run.ts';
import { table } from './helpers.ts';

const summaryOf = (name: string) => areas.find((a) => a.name === areaOf(name))?.summaries[name] ?? '';

export interface HandlerEntry {
  name: string;
  area: string;
  description: string;
}

export function handlerList(): HandlerEntry[] {
  return Object.keys(handlers).map((name) => ({ name, area: areaOf(name) ?? '', description: summaryOf(name) }));
}

const LIST_HINT = 'party-ledger call --list 列出全部操作';

/** --input as given: JSON text, @FILE, or - for standard input; none is `{}`. Text that is not JSON is a usage error. */
export function readInput(v: string | undefined, stdin: () => string = () => fs.readFileSync(0, 'utf8')): unknown {
  if (v === undefined) return {};
  let text = v;
  let from = '--input';
  if (v === '-') [text, from] = [stdin(), '标准输入'];
  else if (v.startsWith('@')) {
    const file = v.slice(1);
    if (!fs.existsSync(file)) throw new LedgerError(`找不到输入文件：${file}`);
    [text, from] = [fs.readFileSync(file, 'utf8'), `输入文件 ${file}`];
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${from} 不是有效的 JSON：${(e as Error).message}`);
  }
}

/** The result as printed: a document replaced by where it was written (no base64 on the screen). */
function shown(result: unknown, file: string | null, key: string | null | undefined): unknown {
  if (file === null) return result;
  const doc = (key === null ? result : (result as Record<string, unknown>)[key!]) as FileResult & Record<string, unknown>;
  const { contentBase64: _bytes, ...rest } = doc;
  const written = { ...rest, ...writtenDocument(doc, file) };
  return key === null ? written : { ...(result as object), [key!]: written };
}

export const callCommands: RunCommand[] = [
  {
    path: ['call'],
    usage: 'call HANDLER [--input JSON | --input @FILE | --input -] [--out FILE]；call --list [--json]',
    summary: '直接运行任一操作（与界面相同的检查和提示），结果以 JSON 输出，生成的文件写入 --out；--list 列出全部操作',
    run: async (a, io) => {
      if (a.flags.list === true) {
        const list = handlerList();
        io.print(list, () => table([['操作', '领域', '说明'], ...list.map((h) => [h.name, h.area, h.description])]) + `\n共 ${list.length} 个操作`);
        return;
      }
      const name = a.positional[0];
      if (!name) throw new UsageError(`缺少操作名称（${LIST_HINT}）`);
      if (!Object.prototype.hasOwnProperty.call(handlers, name)) throw new UsageError(`未知的操作：${name}（${LIST_HINT}）`);
      const input = readInput(flag(a, 'input'));
      const { result, file, key } = await invokeWithOut(io, name, input, flag(a, 'out'));
      io.out(JSON.stringify(shown(result, file, key) ?? null, null, 2));
    },
  },
];
