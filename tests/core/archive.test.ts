/**
 * Archive items on a real ledger: 件号 per (年度, 保管期限, 类别) at their boundaries
 * (year change, 保管期限 split, category change, voided items keep their numbers),
 * the 档号 under the settings, uploads with files and their text, 作废 and the
 * operation log, search, meeting attachments proposed and filed, re-filing a
 * generated document (unchanged → nothing; changed → a new version, the old kept),
 * and the 归档文件目录 read back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { invokeHandler, type AnyHandler } from '../../core/handler.ts';
import { handlers } from '../../core/api.ts';
import { fileBytes } from '../../core/validate.ts';
import { bureau, memberInput, type Bureau } from '../support/bureau.ts';
import { failure, tempDir } from '../support/ledger.ts';

type Call = (name: string, input: unknown) => Promise<any>;
let call: Call;
let b: Bureau;

const b64 = (s: string) => Buffer.from(s).toString('base64');
const item = (over: Record<string, unknown> = {}) => ({ year: 2026, category: 'B', title: '支委会记录', ...over });

beforeEach(async () => {
  const ledger = await openLedgerContext(':memory:', fixedPlatform({ today: '2026-11-28', dataDir: tempDir() }));
  call = (name, input) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, ledger.ctx, name, input) as Promise<any>;
  b = await bureau(ledger, { branches: 2 });
  await call('archive/settings-save', { fondsNo: 'Z123', classCode: 'WS', orgCode: 'DJB' });
});

describe('件号 and 档号', () => {
  it('number each year, 保管期限 and category from 0001; voided items keep their numbers', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await call('archive/create', item({ title: `第${i + 1}件`, retention: '30年' })));
    expect(made.map((m) => m.itemNoText)).toEqual(['0001', '0002', '0003', '0004', '0005']);
    expect(made[0].archiveNo).toBe('Z123-WS·2026-D30-DJB·B-0001');
    // a first 永久 item: its own sequence
    expect((await call('archive/create', item({ retention: '永久' }))).archiveNo).toBe('Z123-WS·2026-Y-DJB·B-0001');
    // the next year restarts
    expect((await call('archive/create', item({ year: 2027, retention: '30年' }))).itemNoText).toBe('0001');
    // another category: its own sequence
    expect((await call('archive/create', item({ category: 'E', retention: '30年' }))).archiveNo).toBe('Z123-WS·2026-D30-DJB·E-0001');
    // 0003 voided: the next is 0006, 0003 stays, marked
    const voided = await call('archive/void', { id: made[2].id, reason: '重复归档' });
    expect(voided.voidedAt).toBeTruthy();
    expect(voided.itemNoText).toBe('0003');
    expect((await call('archive/create', item({ retention: '30年' }))).itemNoText).toBe('0006');
    const list = await call('archive/list', { year: 2026, category: 'B' });
    expect(list.filter((r: any) => r.retention === '30年').map((r: any) => [r.itemNoText, Boolean(r.voidedAt)])).toEqual([
      ['0001', false], ['0002', false], ['0003', true], ['0004', false], ['0005', false], ['0006', false],
    ]);
    expect((await call('archive/list', { year: 2026, category: 'B', includeVoided: false })).length).toBe(6);
  });

  it('takes the category default 保管期限 and refuses what cannot be filed', async () => {
    expect((await call('archive/create', item({ category: 'H' }))).retention).toBe('永久');
    expect((await call('archive/create', item({ category: 'C' }))).retention).toBe('10年');
    expect((await failure(call('archive/create', item({ category: 'Z' })))).message).toContain('没有类别“Z”');
    expect((await failure(call('archive/create', item({ docDate: '2025-12-31' })))).message).toContain('不在 2026 年度内');
    expect((await failure(call('archive/create', item({ retention: '长期' })))).message).toContain('保管期限');
    await call('archive/category-save', { code: 'J', name: '评星定级和创建', defaultRetention: '30年', retired: true });
    expect((await failure(call('archive/create', item({ category: 'J' })))).message).toContain('已停用');
  });

  it('warns instead of inventing a 全宗号', async () => {
    await call('archive/settings-save', { fondsNo: '', classCode: 'WS', orgCode: '' });
    const r = await call('archive/create', item({ retention: '10年' }));
    expect(r.archiveNo).toBe('WS·2026-D10-B-0001');
    expect(r.archiveNoWarning).toContain('全宗号');
  });
});

describe('uploads, 作废, log and search', () => {
  it('files an item with several files, reads Word and text files for search, logs who did what', async () => {
    const r = await call('archive/add', {
      ...item({ category: 'K', title: '关于开展主题党日活动的通知', docNo: '江公党〔2026〕5号', author: '中共江城市公安局委员会', docDate: '2026-03-05' }),
      files: [{ fileName: '通知.txt', contentBase64: b64('各支部于每月第一周开展主题党日，重温入党誓词。') }, { fileName: '扫描.png', contentBase64: b64('not really a png') }],
    });
    expect(r.files).toBe(2);
    expect(r.textStatus).toBe('done');
    expect((await call('archive/list', { search: '入党誓词' })).map((x: any) => x.id)).toEqual([r.id]);
    expect((await call('archive/list', { search: '江公党〔2026〕5号' })).length).toBe(1);
    expect((await call('archive/list', { search: '公安局委员会' })).length).toBe(1);
    expect((await call('archive/list', { search: '100%' })).length).toBe(0);
    // by a word of the category's name, and words that must all match
    expect((await call('archive/list', { search: '党务公开' })).length).toBe(1);
    expect((await call('archive/list', { search: '党务公开 入党誓词' })).length).toBe(1);
    expect((await call('archive/list', { search: '三会一课 入党誓词' })).length).toBe(0);
    expect((await call('archive/list', { year: 2026, orgId: b.branchIds[0] })).length).toBe(0);
    expect((await call('archive/list', { year: 2026, orgId: b.rootId })).length).toBe(1);
    await call('archive/void', { id: r.id, reason: '文号有误，重新归档' });
    expect((await failure(call('archive/void', { id: r.id, reason: '再次' }))).message).toContain('已于');
    expect((await failure(call('archive/attach', { id: r.id, fileName: 'a.txt', contentBase64: b64('x') }))).message).toContain('已作废');
    const got = await call('archive/get', { id: r.id });
    expect(got.fileList.map((f: any) => f.fileName)).toEqual(['通知.txt', '扫描.png']);
    expect(got.log.map((l: any) => l.action)).toEqual(['作废', '新增']);
    expect(got.log[0].summary).toContain('文号有误');
  });
});

describe('meeting attachments and generated documents', () => {
  it('proposes a meeting’s 签到表 as an item of its binder and files it once', async () => {
    const a = await call('activities/create', { orgId: b.branchIds[0], type: '支部委员会', heldOn: '2026-03-02', attendance: [] });
    const t = await call('activities/create', { orgId: b.branchIds[1], type: '主题党日', heldOn: '2026-04-02', attendance: [] });
    const sign = await call('attachments/add', { entity: 'activities', entityId: a.id, fileName: '签到表.png', contentBase64: b64('scan-1'), kind: '签到表' });
    await call('attachments/add', { entity: 'activities', entityId: t.id, fileName: '照片.png', contentBase64: b64('photo-1'), kind: '照片' });
    const props = await call('archive/proposals', { year: 2026 });
    expect(props.map((p: any) => [p.category, p.kind, p.title])).toEqual([
      ['B', '签到表', '2026年3月2日支部委员会会议签到表'],
      ['C', '照片', '2026年4月2日主题党日照片'],
    ]);
    expect((await call('archive/proposals', { year: 2026, orgId: b.branchIds[1] })).length).toBe(1);
    const { ids } = await call('archive/file-proposals', { year: 2026, attachmentIds: [sign.id] });
    const filed = await call('archive/get', { id: ids[0] });
    expect([filed.recordEntity, filed.recordId, filed.sourceRef, filed.orgId, filed.docDate]).toEqual(['activities', a.id, sign.id, b.branchIds[0], '2026-03-02']);
    expect(filed.fileList[0].sha256).toBe(sign.sha256);
    expect(filed.fileList[0].kind).toBe('签到表');
    expect((await call('archive/proposals', { year: 2026 })).length).toBe(1);
    expect((await failure(call('archive/file-proposals', { year: 2026, attachmentIds: [sign.id] }))).message).toContain('已归档');
  });

  it('freezes a generated document by hash: again unchanged files nothing, changed files a new version and keeps the old', async () => {
    await call('members/create', { ...memberInput({ name: '张建国' }), branchId: b.branchIds[0] });
    const key = 'roster:2026';
    const first = await call('archive/file-document', { year: 2026, key });
    expect([first.outcome, first.version]).toEqual(['新归档', 1]);
    const again = await call('archive/file-document', { year: 2026, key });
    expect([again.outcome, again.itemId, again.sha256]).toEqual(['未变化', first.itemId, first.sha256]);
    await call('members/create', { ...memberInput({ name: '李秀英' }), branchId: b.branchIds[1] });
    const changed = await call('archive/file-document', { year: 2026, key });
    expect([changed.outcome, changed.version]).toEqual(['新版本', 2]);
    expect(changed.sha256).not.toBe(first.sha256);
    const rosters = (await call('archive/list', { year: 2026, category: 'A' })).filter((r: any) => r.sourceRef === key);
    expect(rosters.map((r: any) => [r.version, r.itemNoText, Boolean(r.voidedAt)])).toEqual([[1, '0001', false], [2, '0002', false]]);
    expect((await call('archive/get', { id: first.itemId })).contentText).toContain('张建国');
    expect((await call('archive/get', { id: first.itemId })).contentText).not.toContain('李秀英');
    const year = await call('archive/file-year', { year: 2026 });
    expect(year.counts.新归档 + year.counts.新版本 + year.counts.未变化).toBe(year.filed.length);
    expect(year.filed.find((f: any) => f.key === key).outcome).toBe('未变化');
    expect((await call('archive/file-year', { year: 2026 })).counts.新归档).toBe(0);
  });
});

describe('归档文件目录', () => {
  it('lists the year’s items per category and 保管期限 with the DA/T 22 columns and 8-digit dates', async () => {
    await call('archive/create', item({ title: '一月支委会记录', docDate: '2026-01-05', pages: 3, retention: '30年' }));
    const v = await call('archive/create', item({ title: '重复件', docDate: '2026-02-05', retention: '30年' }));
    await call('archive/void', { id: v.id, reason: '重复' });
    await call('archive/create', item({ category: 'K', title: '关于印发要点的通知', docNo: '江公党〔2026〕3号', author: '中共江城市公安局委员会', docDate: '2026-12-31', secrecy: '秘密' }));
    const r = await call('archive/catalog', { year: 2026 });
    expect(r.fileName).toBe('2026年度归档文件目录.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(fileBytes(r)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['B 三会一课 30年', 'K 党务公开及其他 永久']);
    const ws = wb.worksheets[0];
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    const cells = (w: ExcelJS.Worksheet, n: number) => Array.from({ length: 9 }, (_, i) => w.getCell(n, i + 1).value).map((x) => (x === undefined || x === null ? '' : String(x).replace(/\n/g, '')));
    const values = (n: number) => cells(ws, n);
    let header = 1;
    while (values(header)[0] !== '序号') header++;
    expect(values(header)).toEqual(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
    expect(values(header + 1)).toEqual(['1', 'Z123-WS·2026-D30-DJB·B-0001', '', '', '一月支委会记录', '20260105', '无', '3', '']);
    expect(values(header + 2)).toEqual(['2', 'Z123-WS·2026-D30-DJB·B-0002', '', '', '重复件', '20260205', '无', '', '作废：重复']);
    expect(ws.getCell(header + 1, 6).value).toBe('20260105');
    const k = wb.worksheets[1];
    const kv = cells(k, header + 1);
    expect(kv.slice(0, 7)).toEqual(['1', 'Z123-WS·2026-Y-DJB·K-0001', '江公党〔2026〕3号', '中共江城市公安局委员会', '关于印发要点的通知', '20261231', '秘密']);
    expect(JSON.stringify(k.getRow(header - 1).values)).toContain('保管期限：永久');
    expect((await failure(call('archive/catalog', { year: 2025 }))).message).toContain('还没有归档');
  });
});
