/** 整改台账 (rectification-summary.md 10.1): numbering, status rules, 销号 needs 佐证, overdue at the boundary, the rate, linked gaps; 制度 registry. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { docxText, failure, tempDir, testLedger, zipPart, type TestLedger } from '../support/ledger.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { bureau } from '../support/bureau.ts';
import { closeRate, rateSentence } from '../../core/rectification/model.ts';
import { fileBytes } from '../../core/validate.ts';

const base = { source: '党建工作检查' as const, title: '支委会不经常', measure: '每月召开支委会', ownerUnit: '刑侦大队党支部', owner: '张三', raisedOn: '2026-05-01' };

async function ledger(today = '2026-05-15') {
  const c = await openLedgerContext(':memory:', fixedPlatform({ today, dataDir: tempDir() }));
  const l = { ...c, call: ((name: string, input: unknown) => c.invoke(name, input)) as TestLedger['call'] };
  await bureau(l, { startDate: '2026-01-01' });
  return l;
}
const evidence = (l: TestLedger, id: string) => l.call('attachments/add', { entity: 'rect_items', entityId: id, fileName: '佐证.txt', contentBase64: Buffer.from('佐证').toString('base64') });

describe('整改台账', () => {
  it('the rate is one decimal, half up, integer arithmetic: 15 of 19 is 78.9', () => {
    expect(closeRate(15, 19)).toBe(78.9);
    expect(closeRate(1, 8)).toBe(12.5);
    expect(closeRate(1, 16)).toBe(6.3); // 6.25 half up
    expect(closeRate(2, 3)).toBe(66.7);
    expect(closeRate(0, 0)).toBeNull();
    expect(rateSentence(15, 19)).toBe('19条整改措施已完成15条，销号率78.9%');
  });

  it('numbers items per kind and year, never reusing a deleted number', async () => {
    const l = await ledger();
    const a = await l.call('rectification/add', { ...base, dueOn: '2026-06-30' });
    const b = await l.call('rectification/add', { ...base, dueOn: '2026-06-30', raisedOn: '2025-12-01' });
    const c = await l.call('rectification/add', { ...base, dueOn: '2026-06-30' });
    expect([a.code, b.code, c.code]).toEqual(['ZG-2026-001', 'ZG-2025-001', 'ZG-2026-002']);
    await l.call('rectification/delete', { id: c.id });
    expect((await l.call('rectification/add', { ...base, dueOn: '2026-06-30' })).code).toBe('ZG-2026-003');
    const plan = await l.call('rectification/create-plan', { kind: '工作要点', name: '2026年度党建工作要点', year: 2026, aspects: [] });
    expect((await l.call('rectification/add', { ...base, planId: plan.id, dueOn: null })).code).toBe('GZ-2026-001');
  });

  it('status rules: a note starts an item, 长期坚持 only without 时限, 已销号 only by 销号', async () => {
    const l = await ledger();
    const { id } = await l.call('rectification/add', { ...base, dueOn: '2026-06-30' });
    const get = async () => (await l.call('rectification/get', { id })).item;
    expect((await get()).status).toBe('未启动');
    await l.call('rectification/progress', { id, onDate: '2026-05-10', text: '已召开支委会' });
    expect((await get()).status).toBe('整改中');
    expect((await failure(l.call('rectification/set-status', { id, status: '长期坚持' }))).message).toContain('不设整改时限');
    expect((await failure(l.call('rectification/set-status', { id, status: '已销号' as never }))).message).toContain('销号');
    const lt = await l.call('rectification/add', { ...base, dueOn: null });
    expect((await l.call('rectification/get', { id: lt.id })).item.status).toBe('长期坚持');
    expect((await failure(l.call('rectification/progress', { id, onDate: '2026-05-16', text: '明天' }))).message).toContain('晚于今天');
  });

  it('销号 needs a date, a 验收人 and at least one 佐证; nothing is half-written', async () => {
    const l = await ledger();
    const { id, code } = await l.call('rectification/add', { ...base, dueOn: '2026-06-30' });
    const e = await failure(l.call('rectification/close', { id, closedOn: '2026-05-14', acceptedBy: '李四' }));
    expect(e.message).toBe(`${code} 还没有佐证材料：请先添加附件或关联档案，再销号`);
    expect((await l.call('rectification/get', { id })).item).toMatchObject({ status: '未启动', closedOn: null, acceptedBy: null });
    expect((await failure(l.call('rectification/close', { id, closedOn: '2026-05-14', acceptedBy: '' }))).message).toContain('不能为空');
    await evidence(l, id);
    expect((await failure(l.call('rectification/close', { id, closedOn: '2026-05-16', acceptedBy: '李四' }))).message).toContain('晚于今天');
    await l.call('rectification/close', { id, closedOn: '2026-05-14', acceptedBy: '李四' });
    expect((await l.call('rectification/get', { id })).item).toMatchObject({ status: '已销号', closedOn: '2026-05-14', acceptedBy: '李四', evidence: 1 });
    expect((await failure(l.call('rectification/close', { id, closedOn: '2026-05-14', acceptedBy: '李四' }))).message).toContain('已于 2026-05-14 销号');
    await l.call('rectification/reopen', { id, reason: '复查未通过' });
    expect((await l.call('rectification/get', { id })).item).toMatchObject({ status: '待验收', closedOn: null });
  });

  it('overdue from the day after the 时限; 已销号 and 长期坚持 never', async () => {
    for (const [today, overdue] of [['2026-05-15', false], ['2026-05-16', true]] as const) {
      const l = await ledger(today);
      await l.call('rectification/add', { ...base, dueOn: '2026-05-15', raisedOn: '2026-05-01' });
      await l.call('rectification/add', { ...base, dueOn: null, raisedOn: '2026-05-01' });
      const r = await l.call('rectification/overdue', {});
      expect(r.count).toBe(overdue ? 1 : 0);
      expect((await l.call('rectification/list', { overdue: true })).length).toBe(overdue ? 1 : 0);
    }
  });

  it('"加入整改" links the gap: it shows 整改中 until 销号, and a second item for the same gap is refused', async () => {
    const l = await ledger();
    const key = 'org1|支委会|2026-04';
    const { id } = await l.call('rectification/add', { ...base, dueOn: '2026-06-30', linkKind: 'compliance', linkKey: key });
    expect(await l.call('rectification/linked', { kind: 'compliance' })).toEqual({ [key]: { id, code: 'ZG-2026-001', status: '未启动' } });
    expect(await l.call('rectification/linked', { kind: 'inspect' })).toEqual({});
    expect((await failure(l.call('rectification/add', { ...base, dueOn: '2026-06-30', linkKind: 'compliance', linkKey: key }))).message).toBe('这个问题已在整改中（ZG-2026-001）');
    await evidence(l, id);
    await l.call('rectification/close', { id, closedOn: '2026-05-15', acceptedBy: '李四' });
    expect(await l.call('rectification/linked', { kind: 'compliance' })).toEqual({});
  });

  it('period counts by the items’ dates, and the plan’s rate', async () => {
    const l = await ledger('2026-08-10');
    const plan = await l.call('rectification/create-plan', { name: '作风建设实施意见', year: 2026, aspects: ['政治建设', '工作作风'] });
    expect((await failure(l.call('rectification/add', { ...base, planId: plan.id, aspect: '其他方面', dueOn: '2026-12-31' }))).message).toContain('不在方案');
    const ids = [];
    for (let k = 0; k < 3; k++) ids.push((await l.call('rectification/add', { ...base, planId: plan.id, aspect: '政治建设', dueOn: '2026-12-31', raisedOn: '2026-02-01' })).id);
    for (const [k, on] of [[0, '2026-06-30'], [1, '2026-07-01']] as const) {
      await evidence(l, ids[k]);
      await l.call('rectification/close', { id: ids[k], closedOn: on, acceptedBy: '李四' });
    }
    await l.call('rectification/add', { ...base, dueOn: '2026-12-31', raisedOn: '2026-07-01' });
    const h1 = await l.call('rectification/counts', { from: '2026-01-01', to: '2026-06-30' });
    expect(h1).toMatchObject({ raised: 3, closedInPeriod: 1, atEnd: { items: 3, closed: 1, rate: 33.3 } });
    const h2 = await l.call('rectification/counts', { from: '2026-07-01', to: '2026-12-31' });
    expect(h2).toMatchObject({ raised: 1, closedInPeriod: 1, atEnd: { items: 4, closed: 2, rate: 50 } });
    const [p] = await l.call('rectification/plans', {});
    expect(p).toMatchObject({ name: '作风建设实施意见', items: 3, closed: 2, sentence: '3条整改措施已完成2条，销号率66.7%' });
  });

  it('exports the three lists and the report, read back', async () => {
    const l = await ledger('2026-08-10');
    const plan = await l.call('rectification/create-plan', { name: '作风建设实施意见', docNo: '分局党委〔2026〕3号', year: 2026, aspects: ['政治建设'] });
    const { id } = await l.call('rectification/add', { ...base, planId: plan.id, aspect: '政治建设', dueOn: '2026-06-30', raisedOn: '2026-02-01', leader: '王书记' });
    await l.call('rectification/add', { ...base, planId: plan.id, aspect: '政治建设', title: '谈心谈话不经常', dueOn: '2026-07-31', raisedOn: '2026-02-01' });
    await evidence(l, id);
    await l.call('rectification/close', { id, closedOn: '2026-06-20', acceptedBy: '李四' });
    const x = await l.call('rectification/export', { plan: '作风建设实施意见' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(fileBytes(x)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '责任清单', '整改清单']);
    const text = (n: string) => wb.getWorksheet(n)!.getSheetValues().flat().map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))).join('|');
    expect(text('问题清单')).toContain('ZG-2026-001|党建工作检查|政治建设|支委会不经常');
    expect(text('责任清单')).toContain('王书记|刑侦大队党支部|张三');
    expect(text('整改清单')).toMatch(/已销号\|2026-06-20\|李四/);
    expect(text('整改清单')).toContain('未启动（已超期）');
    const d = await l.call('rectification/export-report', { plan: '作风建设实施意见' });
    expect(d.fileName).toBe('作风建设实施意见整改落实情况报告.docx');
    const body = docxText(await zipPart(fileBytes(d), 'word/document.xml'));
    expect(body).toContain('关于《作风建设实施意见》整改落实情况的报告');
    expect(body).toContain('按照《作风建设实施意见》（分局党委〔2026〕3号）要求');
    expect(body).toContain('2条整改措施已完成1条，销号率50.0%；未启动1条；其中超过整改时限未销号1条。');
    expect(body.indexOf('一、整改总体情况')).toBeLessThan(body.indexOf('四、下步工作措施'));
    expect(await failure(l.call('rectification/export', { plan: '没有的方案' }))).toMatchObject({ message: '没有名为“没有的方案”的整改方案' });
  });
});

describe('制度 registry', () => {
  it('files each document as a binder H archive item, counts by period, 废止 names the replacement', async () => {
    const l = await ledger('2026-08-10');
    const a = await l.call('rules-docs/add', { name: '三会一课制度', docNo: '分局党委〔2026〕4号', issuer: '分局党委', issuedOn: '2026-06-30', category: '制度', fileName: '三会一课制度.txt', contentBase64: Buffer.from('正文').toString('base64') });
    await l.call('rules-docs/add', { name: '谈心谈话制度', issuer: '分局党委', issuedOn: '2026-07-01', category: '制度' });
    const wp = await l.call('rules-docs/add', { name: '2026年度党建工作要点', issuer: '分局党委', issuedOn: '2026-01-05', category: '工作要点' });
    expect(wp.planId).toBeTruthy();
    const item = await l.ctx.db.selectFrom('archive_items').selectAll().where('id', '=', a.archiveItemId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ category_code: 'H', title: '三会一课制度', doc_no: '分局党委〔2026〕4号', year: 2026 });
    const files = await l.ctx.db.selectFrom('attachments').select('file_name').where('entity', '=', 'archive_items').where('entity_id', '=', a.archiveItemId).execute();
    expect(files.map((f) => f.file_name)).toEqual(['三会一课制度.txt']);
    expect(await l.call('rules-docs/issued', { from: '2026-01-01', to: '2026-06-30' })).toMatchObject({ total: 2, byCategory: { 制度: 1, 工作要点: 1 } });
    expect((await failure(l.call('rules-docs/add', { name: '重复', docNo: '分局党委〔2026〕4号', issuer: '分局党委', issuedOn: '2026-07-02', category: '通知' }))).message).toContain('已用于');
    const b = (await l.call('rules-docs/list', {})).find((d) => d.name === '谈心谈话制度')!;
    await l.call('rules-docs/repeal', { id: a.id, repealedOn: '2026-07-02', replacedBy: b.id });
    expect((await l.call('rules-docs/list', {})).find((d) => d.id === a.id)).toMatchObject({ status: '已废止', replacedByName: '谈心谈话制度' });
  });

  it('the demo: 19 measures in 6 方面, 15 closed, one overdue, four 制度 in H1 and the 工作要点', async () => {
    const l = await testLedger({ demo: true, today: '2026-11-28' });
    const [plan] = (await l.call('rectification/plans', { kind: '整改' })).filter((p) => p.name.includes('作风建设'));
    expect(plan).toMatchObject({ items: 19, closed: 15, overdue: 1, sentence: '19条整改措施已完成15条，销号率78.9%' });
    expect(plan.aspects).toHaveLength(6);
    expect((await l.call('rules-docs/issued', { from: '2026-01-01', to: '2026-06-30' })).byCategory.制度).toBe(4);
    expect((await l.call('rectification/list', { kind: '工作要点' })).length).toBeGreaterThan(0);
    expect((await l.call('rectification/list', { year: 2025 })).filter((i) => i.source === '党建工作检查')).toHaveLength(3);
  });
});
