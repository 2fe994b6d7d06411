import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testLedger, zipPart } from '../support/ledger.ts';
import { noticeEnd } from '../../core/development/documents.ts';
import { STATE_COUNCIL_HOLIDAYS } from '../../common/workdays.ts';

const bytes = (f: { contentBase64: string }) => Buffer.from(f.contentBase64, 'base64');

describe('development demo, documents and reminders', () => {
  it('the demo has people at every stage with the cases the clerk should see', async () => {
    const l = await testLedger({ demo: true });
    const rows = await l.call('development/list', {});
    const stages = new Set(rows.map((r) => r.stage));
    expect([...stages]).toEqual(['申请人', '入党积极分子', '发展对象', '预备党员', '正式党员']);
    expect(rows.length + (await l.call('development/list', { scope: 'left' })).length).toBeGreaterThanOrEqual(12);
    // No rule is broken except the one overdue talk.
    expect(rows.filter((r) => r.errors).map((r) => r.name)).toEqual([]);
    const warned = rows.filter((r) => r.warnings);
    expect(warned).toHaveLength(1);
    expect(warned[0].next).toMatchObject({ step: 2 });
    // Two accepted as 预备党员 this year, both on the member roster since the 支部大会.
    const accepted = [];
    for (const r of rows.filter((x) => x.stage === '预备党员')) {
      const v = await l.call('development/get', { id: r.id });
      const s15 = v.steps.find((s) => s.step === 15)!.date;
      const m = await l.call('members/get', { id: r.memberId! });
      expect(m).toMatchObject({ partyStatus: '预备', joinDate: s15 });
      if (s15.startsWith('2026-')) accepted.push(r.name);
    }
    expect(accepted).toHaveLength(2);
    // An activist not yet at one year, and a 转正 that falls due next month.
    expect(rows.some((r) => r.stage === '入党积极分子' && r.next?.step === 7 && r.next.earliest > '2026-11-28')).toBe(true);
    const dec = await l.call('development/reminders', { month: '2026-12' });
    expect(dec.items.some((i) => i.kind === '本月可办' && i.step === 22)).toBe(true);
    const nov = await l.call('development/reminders', {});
    expect(nov.items.filter((i) => i.kind === '已逾期').map((i) => i.step)).toEqual([2]);
  });

  it('exports the 发展党员工作台账 with its five registers', async () => {
    const l = await testLedger({ demo: true });
    const f = await l.call('development/export-ledger', { year: 2026 });
    expect(f.fileName).toBe('2026年度发展党员工作台账.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(f) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['入党申请人', '入党积极分子', '发展对象', '新发展党员', '预备党员转正']);
    const sheet = wb.getWorksheet('新发展党员')!;
    expect(sheet.getCell('A1').value).toBe('2026年度新发展党员登记表');
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toContain('支部大会通过日期');
    const data = [4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(data.map((d) => d[0])).toEqual(['1', '2']);
    // 支部大会通过日期: a real date cell of 2026, printed as 2026年M月D日
    expect(data.every((d) => d[11] instanceof Date && d[11].getUTCFullYear() === 2026)).toBe(true);
    expect(sheet.getCell(4, 12).numFmt).toBe('yyyy"年"m"月"d"日"');
    // 出生年月 as 1996年3月, 工作单位及职务 as the unit and the post, two words
    expect(data.every((d) => /^\d{4}年\d{1,2}月$/.test(String(d[4])))).toBe(true);
    expect(data.every((d) => /^\S+(大队|中心|派出所|中队|政治处) \S+$/.test(String(d[6])))).toBe(true);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const conv = wb.getWorksheet('预备党员转正')!;
    expect(conv.getCell('A2').value).toMatch(/转正 1 名/);
    // An earlier year has no new members from the demo's 2026 meetings.
    const f2025 = await l.call('development/export-ledger', { year: 2025 });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(bytes(f2025) as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('新发展党员')!.getCell('A2').value).toMatch(/接收预备党员 \d+ 名/);
    expect(wb2.getWorksheet('入党申请人')!.getCell('A2').value).toMatch(/统计截至2025年12月31日/);
  });

  it('prints the 公示 in GB/T 9704 with 5 working days', async () => {
    expect(noticeEnd('2026-06-15', 5)).toBe('2026-06-19');
    expect(noticeEnd('2026-06-19', 5)).toBe('2026-06-25');
    const l = await testLedger({ demo: true });
    const cand = (await l.call('development/list', { stage: '发展对象' }))[0];
    const f = await l.call('development/notice', { id: cand.id, kind: '预备党员', start: '2026-11-30', contact: '0531-12345678' });
    expect(f.fileName).toBe(`关于拟发展${cand.name}同志为中共预备党员的公示.docx`);
    const xml = await zipPart(bytes(f), 'word/document.xml');
    expect(xml).toContain(`关于拟发展${cand.name}同志为中共预备党员的公示`);
    expect(xml).toContain('公示时间：2026年11月30日至12月4日（5个工作日）');
    expect(xml).toContain('联系电话：0531-12345678');
    // the person's name in the text is one unbreakable unit (templates/typography.ts)
    expect(xml).toMatch(new RegExp(`<w:rubyBase>(?:(?!</w:rubyBase>).)*${cand.name}`));
    // The ledger counts by the holiday calendar: 国庆 2026 (10-01..07 off) stretches a 公示 from 9-28 to 10-09.
    expect(noticeEnd('2026-06-15', 5, STATE_COUNCIL_HOLIDAYS)).toBe('2026-06-22');
    const national = await zipPart(bytes(await l.call('development/notice', { id: cand.id, kind: '预备党员', start: '2026-09-28' })), 'word/document.xml');
    expect(national).toContain('公示时间：2026年9月28日至10月9日（5个工作日）');
    expect(xml).toContain(`中共江城市公安局临江分局${cand.branchName}`);
    expect(xml).toMatch(/w:eastAsia="[^"]+"/);
    const applicant = (await l.call('development/list', { stage: '申请人' }))[0];
    await expect(l.call('development/notice', { id: applicant.id, kind: '发展对象', start: '2026-11-30' })).rejects.toThrow(/尚未确定为入党积极分子/);
  });
});

describe('development checklist document', () => {
  it('lists the documents the file must hold and names what is missing', async () => {
    const l = await testLedger({ demo: true });
    const row = (await l.call('development/list', {})).find((r) => r.missingDocuments > 0)!;
    const f = await l.call('development/checklist', { id: row.id });
    expect(f.fileName).toBe(`${row.name}同志发展党员档案材料清单.docx`);
    const xml = await zipPart(bytes(f), 'word/document.xml');
    expect(xml).toContain('入党申请书');
    expect(xml).toContain('>缺<');
    expect(xml).toMatch(/缺 1 份：思想汇报/);
  });
});
