/**
 * 公民身份号码 masked everywhere a handler shows it (lists, search, the log, the
 * recycle bin), revealed for one record with a log line, kept when a form sends the
 * mask back, and printed in full (or masked, per setting) on the documents that need it.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskIdsInText } from '../../core/members/privacy.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import type { Member } from '../../core/members/model.ts';
import { failure, testLedger, zipPart, type TestLedger } from '../support/ledger.ts';

const MASKED = /^\d{6}\*{8}\d{3}[\dX]$/;
/** A full 18-digit number anywhere in a JSON answer. */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

let l: TestLedger;
let full: Map<string, string>;
beforeAll(async () => {
  l = await testLedger({ demo: true });
  const rows = await l.ctx.db.selectFrom('members').select(['id', 'id_number']).execute();
  full = new Map(rows.map((r) => [r.id, r.id_number]));
}, 120_000);

async function someMember(): Promise<Member> {
  return (await l.call('members/list', { pageSize: 1 })).rows[0];
}

describe('masking', () => {
  it('keeps the first 6 and last 4 digits with 8 stars between', () => {
    expect(maskIdNumber('110105199003070037')).toBe('110105********0037');
    expect(maskIdNumber('11010519900307002X')).toBe('110105********002X');
    expect(maskIdsInText('删除党员“张三（110105199003070037）”，电话 13800138000')).toBe('删除党员“张三（110105********0037）”，电话 13800138000');
  });

  it('every member in the list, on and off the roster, shows a masked number', async () => {
    const { rows, total } = await l.call('members/list', { scope: 'all', pageSize: 1000 });
    expect(rows).toHaveLength(total);
    for (const m of rows) {
      expect(m.idNumber).toMatch(MASKED);
      expect(m.idNumber).toBe(maskIdNumber(full.get(m.id)!));
    }
    expect(JSON.stringify(rows)).not.toMatch(FULL_ID);
  });

  it('search by ID digits still finds the member (against the stored number) and answers masked', async () => {
    const m = await someMember();
    const id = full.get(m.id)!;
    for (const q of [id, id.slice(6, 14), id.slice(0, 10)]) {
      const r = await l.call('members/list', { search: q });
      expect(r.rows.map((x) => x.id)).toContain(m.id);
      expect(JSON.stringify(r)).not.toMatch(FULL_ID);
    }
  });

  it('members/get is masked; members/reveal-id gives the full number and logs 查看身份证号', async () => {
    const m = await someMember();
    expect((await l.call('members/get', { id: m.id })).idNumber).toMatch(MASKED);
    const before = (await l.call('audit/log', {})).total;
    expect(await l.call('members/reveal-id', { id: m.id })).toEqual({ idNumber: full.get(m.id) });
    const log = await l.call('audit/log', { pageSize: 1 });
    expect(log.total).toBe(before + 1);
    expect(log.rows[0]).toMatchObject({ entity: 'members', entityId: m.id, action: '查看', summary: `查看身份证号：党员“${m.name}”` });
    expect((await failure(l.call('members/reveal-id', { id: 'nobody' }))).message).toMatch(/找不到/);
  });

  it('saving the form with the masked number untouched keeps the stored number; a half-edited mask is refused; a new full number is stored', async () => {
    const m = await someMember();
    const stored = full.get(m.id)!;
    const { id, branchName, groupName, leftType, leftDate, leftReason, createdAt, updatedAt, ...input } = m;
    const saved = await l.call('members/update', { id, ...input, phone: '13900000001' });
    expect(saved.idNumber).toMatch(MASKED);
    expect((await l.ctx.db.selectFrom('members').select(['id_number', 'phone']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ id_number: stored, phone: '13900000001' });

    const half = `${m.idNumber.slice(0, 6)}1*******${m.idNumber.slice(-4)}`;
    const e = await failure(l.call('members/update', { id, ...input, idNumber: half }));
    expect(e.field).toBe('idNumber');
    expect(e.message).toMatch(/请先点“显示”/);
    // A mask of someone else's number is not this member's number either.
    const other = [...full.entries()].find(([k, v]) => k !== id && maskIdNumber(v) !== m.idNumber)!;
    expect((await failure(l.call('members/update', { id, ...input, idNumber: maskIdNumber(other[1]) }))).field).toBe('idNumber');
    expect((await l.ctx.db.selectFrom('members').select('id_number').where('id', '=', id).executeTakeFirstOrThrow()).id_number).toBe(stored);
  });

  it('the import preview lists the file’s rows with masked numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['姓名', '公民身份号码', '入党日期', '所在支部', '人员类别', '民族']);
    const id = makeIdNumber('370102', '1980-05-04', 999, true);
    ws.addRow(['新同志', id, '2005-07-01', '机关第一党支部', '在职', '汉族']);
    const contentBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = await l.call('members/import-preview', { fileName: 'a.xlsx', contentBase64 });
    expect(JSON.stringify(preview)).toContain(maskIdNumber(id));
    expect(JSON.stringify(preview)).not.toMatch(FULL_ID);
  });

  it('the operation log shows before/after and summaries masked, though it stores them in full', async () => {
    const m = (await l.call('members/list', { pageSize: 2 })).rows[1];
    const { id, branchName, groupName, leftType, leftDate, leftReason, createdAt, updatedAt, ...input } = m;
    await l.call('members/update', { id, ...input, note: '改了备注' });
    await l.call('members/delete', { id });
    const log = await l.call('audit/log', { pageSize: 5 });
    const update = log.rows.find((r) => r.action === '修改' && r.entityId === id)!;
    expect((update.before as Member).idNumber).toMatch(MASKED);
    expect((update.after as Member).idNumber).toMatch(MASKED);
    const del = log.rows.find((r) => r.action === '删除' && r.entityId === id)!;
    expect(del.summary).toContain(`（${maskIdNumber(full.get(id)!)}）`);
    expect(JSON.stringify(log)).not.toMatch(FULL_ID);
    const stored = await l.ctx.db.selectFrom('audit_log').select('before_json').where('entity_id', '=', id).where('action', '=', '修改').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(stored.before_json).toContain(full.get(id)!);
    // Searching the log by a full number (e.g. an old summary) works, and still answers masked.
    const recycle = await l.call('recycle/list', {});
    expect(recycle.find((r) => r.id === id)!.label).toContain(maskIdNumber(full.get(id)!));
    expect(JSON.stringify(recycle)).not.toMatch(FULL_ID);
    await l.call('recycle/restore', { table: 'members', id });
  });
});

describe('documents that need the full number', () => {
  async function rosterIds(): Promise<string[]> {
    const r = await l.call('members/export', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('党员花名册')!;
    const out: string[] = [];
    ws.eachRow((row, n) => {
      if (n >= 4 && /^\d+$/.test(String(row.getCell(1).value ?? ''))) out.push(String(row.getCell(6).value));
    });
    return out;
  }

  it('花名册 prints the full number by default, masked when the unit says so (members/id-mask-save, validated and logged)', async () => {
    const ids = await rosterIds();
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every((v) => /^\d{17}[\dX]$/.test(v))).toBe(true);
    await l.call('members/id-mask-save', { roster: true, transferLetter: false });
    const masked = await rosterIds();
    expect(masked.every((v) => MASKED.test(v))).toBe(true);
    expect((await l.call('audit/log', { pageSize: 1 })).rows[0].summary).toBe('修改设置 documents.maskId.roster');
    expect((await failure(l.call('members/id-mask-save', { roster: 'yes', transferLetter: false } as never))).message).toMatch(/“党员花名册”/);
    await l.call('members/id-mask-save', { roster: false, transferLetter: false });
    expect((await rosterIds())[0]).toMatch(/^\d{17}[\dX]$/);
  });

  it('介绍信 prints the full number by default, masked when the unit says so', async () => {
    const list = await l.call('transfers/list', { year: 2026 });
    const out = list.find((t) => t.direction === '转出')!;
    const number = full.get(out.memberId)!;
    const letter = async () => zipPart(Buffer.from((await l.call('transfers/letter', { id: out.id })).contentBase64, 'base64'), 'word/document.xml');
    expect(await letter()).toContain(number);
    await l.call('members/id-mask-save', { roster: false, transferLetter: true });
    const xml = await letter();
    expect(xml).not.toContain(number);
    expect(xml).toContain(maskIdNumber(number));
    await l.call('members/id-mask-save', { roster: false, transferLetter: false });
  });
});

describe('发展档案', () => {
  it('development/get is masked, 显示 logs, saving the basic facts with the mask untouched keeps the number', async () => {
    const files = await l.ctx.db.selectFrom('development_files').select(['id', 'id_number', 'member_id']).where('deleted_at', 'is', null).where('member_id', 'is', null).execute();
    const f = files[0];
    const view = await l.call('development/get', { id: f.id });
    expect(view.file.idNumber).toBe(maskIdNumber(f.id_number));
    expect(JSON.stringify(view)).not.toMatch(FULL_ID);
    expect(await l.call('development/reveal-id', { id: f.id })).toEqual({ idNumber: f.id_number });
    expect((await l.call('audit/log', { pageSize: 1 })).rows[0]).toMatchObject({ action: '查看', summary: `查看身份证号：发展对象“${view.file.name}”` });
    const v = view.file;
    await l.call('development/update', { id: f.id, name: v.name, ethnicity: v.ethnicity, idNumber: v.idNumber, nativePlace: v.nativePlace, education: v.education, category: v.category as '在职', workUnit: v.workUnit, position: v.position, phone: '13900000002', branchId: v.branchId, note: v.note });
    expect(await l.ctx.db.selectFrom('development_files').select(['id_number', 'phone']).where('id', '=', f.id).executeTakeFirstOrThrow()).toEqual({ id_number: f.id_number, phone: '13900000002' });
  });
});
