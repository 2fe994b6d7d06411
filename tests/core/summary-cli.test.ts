/** `party-ledger stats summary` and `export work-summary`: a real process on a real ledger file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, tempDir, testLedger, zipPart } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-08-10' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('party-ledger stats summary / export work-summary', () => {
  it('prints every figure with its source and the missing areas; exports the .docx, a draft or the period', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const l = await testLedger({ file: db, today: '2026-08-10' });
    const { branchId, branches } = await bureau(l, { startDate: '2026-01-01', branches: 2 });
    await member(l, branchId, { name: '甲党员' });
    const attendance = await l.call('activities/suggest-attendance', { orgId: branchId, type: '主题党日', heldOn: '2026-06-30' });
    await l.call('activities/create', { orgId: branchId, type: '主题党日', heldOn: '2026-06-30', topic: '主题党日', attendance });
    const draft = await l.call('summary/create', { from: '2026-01-01', to: '2026-06-30' });
    await l.close();
    const r = cli(['stats', 'summary', '--from', '2026-01-01', '--to', '2026-06-30', '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.figures).toMatchObject({ themeDays: 1, themeDayAttendances: 1, branches: 2, transfersIn: 0, transfersOut: 0, careVisits: null });
    expect(s.sources.themeDays).toMatchObject({ area: 'activities', handler: 'activities/stats' });
    expect(s.missing.map((m: { area: string }) => m.area)).toContain('care');
    const b = JSON.parse(cli(['stats', 'summary', '--from', '2026-01-01', '--to', '2026-06-30', '--branch', branches[1]!.name, '--json', '--db', db]).out);
    // a branch with no record in the period: missing, not 0
    expect(b).toMatchObject({ scope: branches[1]!.name, figures: { themeDays: null } });
    expect(b.missing.map((m: { area: string }) => m.area)).toContain('activities');
    const a = JSON.parse(cli(['stats', 'summary', '--from', '2026-01-01', '--to', '2026-06-30', '--branch', branches[0]!.name, '--json', '--db', db]).out);
    expect(a).toMatchObject({ scope: branches[0]!.name, figures: { themeDays: 1, members: 1 } });
    const text = cli(['stats', 'summary', '--from', '2026-01-01', '--to', '2026-06-30', '--db', db]).out;
    expect(text).toContain('主题党日次数');
    expect(text).toContain('待补充');
    const out = path.join(dir, 'summary.docx');
    const e = cli(['export', 'work-summary', '--from', '2026-01-01', '--to', '2026-06-30', '--draft', draft.id, '--out', out, '--db', db]);
    expect(e.code, e.err).toBe(0);
    expect(e.out).toContain('待补充');
    const body = docxText(await zipPart(new Uint8Array(fs.readFileSync(out)), 'word/document.xml'));
    expect(body).toContain('共开展主题党日活动1次，累计参加人次1人次');
    const fresh = path.join(dir, 'fresh.docx');
    expect(cli(['export', 'work-summary', '--from', '2026-01-01', '--to', '2026-12-31', '--out', fresh, '--db', db]).code).toBe(0);
    expect(docxText(await zipPart(new Uint8Array(fs.readFileSync(fresh)), 'word/document.xml'))).toContain('2026年度党建工作总结');
    const bad = cli(['export', 'work-summary', '--out', fresh, '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--from');
  });
});
