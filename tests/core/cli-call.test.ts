/**
 * `party-ledger call`: any handler from the command line, through the same invoke as
 * every host. One demo ledger file for the whole file; spawns are few (≈3 CPU-s each).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../core/api.ts';
import { invokeWithoutLedger, runsWithoutLedger, type AnyHandler } from '../../core/handler.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { handlerList, readInput } from '../../core/cli/call.ts';
import { UsageError } from '../../core/cli/registry.ts';
import { failure, tempDir, testLedger } from '../support/ledger.ts';
import { areas } from '../../core/api.ts';

/** Every area module's one-line descriptions, merged (each must describe exactly its own handlers). */
const handlerSummaries: Record<string, string> = Object.assign({}, ...areas.map((a) => a.summaries));

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const TODAY = '2026-11-28';
const dir = tempDir();
const db = path.join(dir, 'ledger.sqlite');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', input, env: { ...process.env, PARTY_LEDGER_TODAY: TODAY } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tree: unknown;
let zhang: { total: number; rows: { name: string }[] };
let refusal: string;

beforeAll(async () => {
  const l = await testLedger({ demo: true, file: db, today: TODAY });
  tree = JSON.parse(JSON.stringify(await l.call('org/tree', {})));
  zhang = JSON.parse(JSON.stringify(await l.call('members/list', { search: '张' })));
  refusal = (await failure(l.call('members/list', { pageSize: 0 }))).message;
  await l.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('handler descriptions', () => {
  it('every handler of the map has a one-line Chinese description, and every description names a handler', () => {
    const names = Object.keys(handlers);
    expect(names.filter((n) => !handlerSummaries[n]?.trim())).toEqual([]);
    expect(Object.keys(handlerSummaries).filter((n) => !names.includes(n))).toEqual([]);
    for (const a of areas) expect(Object.keys(a.summaries).filter((n) => !(n in a.handlers))).toEqual([]);
    for (const n of names) expect(handlerSummaries[n]).toMatch(/[\u4e00-\u9fa5]/);
    expect(handlerList().find((h) => h.name === 'org/tree')).toMatchObject({ area: 'org' });
  });
});

describe('handlers that need no ledger', () => {
  const map = handlers as unknown as Record<string, AnyHandler>;
  it('run without one, with the same checks; any other handler is refused there', async () => {
    expect(Object.keys(map).filter((n) => runsWithoutLedger(map, n)).sort()).toEqual(['development/check', 'dues/calc']);
    const platform = fixedPlatform({ today: TODAY });
    expect(await invokeWithoutLedger(map, platform, 'dues/calc', { category: '在职', baseFen: 500001 })).toEqual({ baseFen: 500001, rateBasisPoints: 150, monthlyDueFen: 7500, capApplied: false });
    await expect(invokeWithoutLedger(map, platform, 'dues/calc', { category: '干部', baseFen: 1 })).rejects.toThrow(/^“人员类别”应为 在职、/);
    await expect(invokeWithoutLedger(map, platform, 'members/list', {})).rejects.toThrow('操作 members/list 需要打开台账');
    const r = (await invokeWithoutLedger(map, platform, 'development/check', { dossier: { birthDate: '2000-01-01', steps: { '1': '2026-01-31', '2': '2026-03-02' } } })) as { findings: { rule: string }[] };
    expect(r.findings.map((f) => f.rule)).toEqual(['talk-1-month']);
  });
});

describe('--input', () => {
  it('reads JSON text, @FILE and standard input; none is {}; text that is not JSON is a usage error in Chinese', () => {
    const file = path.join(dir, 'input.json');
    fs.writeFileSync(file, '{"search":"张"}');
    expect(readInput(undefined)).toEqual({});
    expect(readInput('{"a":1}')).toEqual({ a: 1 });
    expect(readInput(`@${file}`)).toEqual({ search: '张' });
    expect(readInput('-', () => '{"b":[2]}')).toEqual({ b: [2] });
    expect(() => readInput('{search:')).toThrow(UsageError);
    expect(() => readInput('{search:')).toThrow(/--input 不是有效的 JSON/);
    expect(() => readInput(`@${path.join(dir, 'missing.json')}`)).toThrow(/找不到输入文件/);
  });
});

describe('party-ledger call', () => {
  it('--list --json lists every handler of the map with its area and description', () => {
    const r = cli(['call', '--list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { name: string; area: string; description: string }[];
    expect(list.map((h) => h.name).sort()).toEqual(Object.keys(handlers).sort());
    expect(list.find((h) => h.name === 'members/list')).toEqual({ name: 'members/list', area: 'members', description: handlerSummaries['members/list'] });
  }, 180_000);

  it('org/tree prints the tree as JSON, as the handler returns it', () => {
    const r = cli(['call', 'org/tree']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(tree);
  }, 180_000);

  it('members/list with a search, given as JSON, as @FILE and on standard input', () => {
    expect(zhang.total).toBeGreaterThan(0);
    expect(zhang.rows.every((m) => m.name.includes('张'))).toBe(true);
    const inline = cli(['call', 'members/list', '--input', '{"search":"张"}']);
    expect(inline.code).toBe(0);
    expect(JSON.parse(inline.out)).toEqual(zhang);
    const file = path.join(dir, 'search.json');
    fs.writeFileSync(file, JSON.stringify({ search: '张' }));
    expect(JSON.parse(cli(['call', 'members/list', '--input', `@${file}`]).out)).toEqual(zhang);
    expect(JSON.parse(cli(['call', 'members/list', '--input', '-'], '{"search":"张"}').out)).toEqual(zhang);
  }, 180_000);

  it('a bad input exits 1 with the message invoking the handler gives; text that is not JSON exits 2', () => {
    const bad = cli(['call', 'members/list', '--input', '{"pageSize":0}']);
    expect(bad.code).toBe(1);
    expect(refusal).toMatch(/^“每页条数”/);
    expect(bad.err).toBe(`错误：${refusal}\n`);
    const notJson = cli(['call', 'members/list', '--input', '{pageSize:']);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/^--input 不是有效的 JSON/);
  }, 180_000);

  it('a document handler writes --out (and is refused with exit 2 without it)', async () => {
    const out = path.join(dir, 'registers.xlsx');
    const r = cli(['call', 'transfers/registers', '--input', '{"year":2026}', '--out', out]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed).toMatchObject({ file: out, fileName: expect.stringMatching(/\.xlsx$/), size: fs.statSync(out).size });
    expect(printed.contentBase64).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const none = cli(['call', 'transfers/registers', '--input', '{"year":2026}']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('请用 --out 指定保存位置');
  }, 180_000);
});
