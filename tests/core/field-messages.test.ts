/**
 * No programmer text in a validation message: every handler with an input
 * schema is sent invalid input (nothing at all, then each field with a value of
 * the wrong kind, too long, negative, a bad date), through the same invoke every
 * host uses, and no message it answers with holds an ASCII identifier — no
 * `unitName`, no `org_id`, no `months.0`. Only inputs the schema refuses are
 * sent, so no handler runs.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { handlers } from '../../core/api.ts';
import { testLedger } from '../support/ledger.ts';
import { fieldPaths } from '../support/schema-walk.ts';
import { asciiWords } from '../support/ascii-words.ts';

/** A copy of `base` with `value` at `path` (lists created as needed). */
function setAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const arr = Array.isArray(base) ? [...base] : [];
    arr[head] = setAt(arr[head], rest, value);
    return arr;
  }
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object) } : {};
  (obj as Record<string, unknown>)[head] = setAt((obj as Record<string, unknown>)[head], rest, value);
  return obj;
}

const WRONG: unknown[] = [12345, 'x'.repeat(100_001), -1, 2 ** 60, { a: 1 }, ['a'], '2026-13-45', '', true, 1.5];

describe('validation messages in Chinese only', () => {
  it('asciiWords finds camelCase, snake_case and dotted paths, and lets MB and Excel pass', () => {
    expect(asciiWords('“unitName”不能为空')).toEqual(['unitName']);
    expect(asciiWords('“org_id”不能为空；months.0 有误')).toEqual(['org_id', 'months.0']);
    expect(asciiWords('文件不能大于 40 MB，请用 Excel 另存')).toEqual([]);
  });

  it('the setup form says “单位名称”不能为空', async () => {
    const l = await testLedger();
    await expect(l.invoke('setup/create', { unitName: '', committeeName: '中共测试分局委员会' })).rejects.toThrow('“单位名称”不能为空');
    await expect(l.invoke('setup/create', { committeeName: '中共测试分局委员会' })).rejects.toThrow('“单位名称”不能为空');
    await expect(l.invoke('setup/create', { unitName: '测试分局' })).rejects.toThrow('“党委名称”不能为空');
    await l.close();
  });

  it('every handler with a schema answers invalid input without an ASCII identifier', async () => {
    const l = await testLedger();
    const leaks: string[] = [];
    let refused = 0;
    for (const [name, h] of Object.entries(handlers)) {
      const schema = (h as { input: z.ZodType }).input;
      const inputs: unknown[] = [{}, null, 'x', []];
      for (const p of fieldPaths(schema)) for (const w of WRONG) inputs.push(setAt({}, p, w));
      for (const input of inputs) {
        if (schema.safeParse(input ?? {}).success) continue; // valid: would run the handler
        refused++;
        try {
          await l.invoke(name, input);
          leaks.push(`${name}: accepted ${JSON.stringify(input).slice(0, 80)}`);
        } catch (e) {
          const msg = (e as Error).message;
          const words = asciiWords(msg);
          if (words.length || !/[\u4e00-\u9fa5]/.test(msg)) leaks.push(`${name} ${JSON.stringify(input).slice(0, 60)} → ${msg.slice(0, 120)}`);
        }
      }
    }
    expect(refused).toBeGreaterThan(2000);
    expect([...new Set(leaks)]).toEqual([]);
    await l.close();
  }, 120_000);
});
