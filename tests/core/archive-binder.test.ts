/**
 * 一键生成迎检材料 on the demo bureau (a data folder: its scans and photos are
 * files), read back: the folders and names, SHA256SUMS against every file, each
 * 归档文件目录 against its folder (DA/T 22 columns, 8-digit dates), the roster,
 * record books, dues ledger and development registers inside, a second build
 * byte-identical but for manifest's generatedAt, 取消 leaving nothing, bad
 * periods refused, and without LibreOffice the 页数 left blank with the reason.
 * The PDFs (page count = the catalog's 页数, one bookmark per item) are in
 * archive-binder-pdf.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { invokeHandler, type AnyHandler } from '../../core/handler.ts';
import { handlers } from '../../core/api.ts';
import { fileBytes } from '../../core/validate.ts';
import { NO_OFFICE } from '../../core/archive/binder/office.ts';
import { failure, tempDir } from '../support/ledger.ts';
import { catalogOf } from '../support/binder.ts';

type Call = (name: string, input: unknown) => Promise<any>;
let call: Call;
let later: Call;

beforeAll(async () => {
  const dir = tempDir();
  const l = await openLedgerContext(path.join(dir, 'ledger.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  call = (name, input) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, l.ctx, name, input) as Promise<any>;
  // the same ledger an hour and a half later on the same day: only the manifest's generatedAt may differ
  const ctx = { ...l.ctx, platform: { ...l.ctx.platform, now: () => '2026-11-28T09:30:00.000Z' } };
  later = (name, input) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, ctx, name, input) as Promise<any>;
}, 120_000);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FORMS = ['封面.docx', '归档文件目录.xlsx', '归档文件目录.docx', '备考表.docx'];

describe('the binder of the demo bureau-year', () => {
  let zip: Record<string, Uint8Array>;
  let first: any;

  beforeAll(async () => {
    first = await call('archive/binder', { year: 2026 });
    zip = unzipSync(fileBytes(first));
  }, 120_000);

  it('has the top files, one folder per binder with its forms, items named 0001 题名.ext', () => {
    expect(first.fileName).toBe('2026年度迎检材料.zip');
    const names = Object.keys(zip);
    expect(names.slice(0, 3)).toEqual(['总目录.docx', '总目录.xlsx', '迎检清单检查结果.xlsx']);
    expect(names.slice(-2)).toEqual(['manifest.json', 'SHA256SUMS']);
    const folders = [...new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]))];
    expect(folders).toEqual(['A 组织建设', 'B 三会一课', 'C 主题党日', 'D 组织生活会和民主评议', 'E 党费', 'F 发展党员', 'G 学习教育', 'H 制度建设', 'I 党建责任和述职评议考核', 'J 评星定级和创建', 'K 党务公开及其他']);
    for (const f of folders) {
      const inside = names.filter((n) => n.startsWith(`${f}/`)).map((n) => n.slice(f.length + 1));
      for (const form of FORMS) expect(inside).toContain(form);
      for (const n of inside.filter((x) => !FORMS.includes(x))) expect(n).toMatch(/^\d{4} [^/]+\.\w+$/);
    }
    expect(first.summary.pdf).toEqual({ requested: false, made: 0, reason: null, failed: [] });
  });

  it('SHA256SUMS verifies every file, and the manifest names each with its binder, 件号, source and size', () => {
    const lines = strFromU8(zip['SHA256SUMS']).trim().split('\n');
    const listed = new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]));
    const files = Object.keys(zip).filter((n) => n !== 'SHA256SUMS' && n !== 'manifest.json');
    expect([...listed.keys()]).toEqual(files);
    for (const f of files) expect(listed.get(f), f).toBe(sha(zip[f]));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']));
    expect(manifest.files.map((f: any) => f.path)).toEqual(files);
    const roster = manifest.files.find((f: any) => f.path.startsWith('A 组织建设/0001 '));
    expect(roster).toMatchObject({ binder: 'A 组织建设', itemNo: '0001', source: 'document:roster:2026', record: 'document:roster:2026', size: zip[roster.path].byteLength });
    const scan = manifest.files.find((f: any) => /^attachments:/.test(f.source) && f.path.startsWith('B 三会一课/'));
    expect(scan.record).toMatch(/^archive_items:/);
  });

  it('each 归档文件目录 lists exactly the items of its folder, DA/T 22 columns, 8-digit dates', async () => {
    for (const folder of [...new Set(Object.keys(zip).filter((n) => n.includes('/')).map((n) => n.split('/')[0]))]) {
      const { header, rows } = await catalogOf(zip[`${folder}/归档文件目录.xlsx`]);
      expect(header).toEqual(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
      const items = Object.keys(zip).filter((n) => n.startsWith(`${folder}/`) && /^\d{4} /.test(n.slice(folder.length + 1)));
      const nos = [...new Set(items.map((n) => n.slice(folder.length + 1, folder.length + 5)))];
      expect(rows.map((r) => r[0].padStart(4, '0')), folder).toEqual(nos);
      rows.forEach((r, i) => {
        const file = items.find((n) => n.startsWith(`${folder}/${nos[i]} `))!;
        expect(file.slice(folder.length + 6)).toMatch(new RegExp(`^${r[4].replace(/[\\/:*?"<>|]/g, '_').slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        expect(r[5], `${folder} ${r[0]}`).toMatch(/^\d{8}$/);
        expect(r[7]).toBe('');
      });
    }
  });

  it('holds the roster, every record book, the dues ledger, the development registers and the transfer letters', () => {
    const names = Object.keys(zip);
    expect(names.some((n) => /^A 组织建设\/\d{4} .*党员花名册.*\.xlsx$/.test(n))).toBe(true);
    expect(names.filter((n) => /^B 三会一课\/\d{4} .*记录本\.docx$/.test(n)).length).toBe(11);
    expect(names.some((n) => /^E 党费\/\d{4} 2026年党费收缴台账.*\.xlsx$/.test(n))).toBe(true);
    expect(names.some((n) => /^F 发展党员\/\d{4} 2026年度发展党员工作台账\.xlsx$/.test(n))).toBe(true);
    expect(names.some((n) => /^F 发展党员\/\d{4} .+同志发展党员档案材料清单\.docx$/.test(n))).toBe(true);
    expect(names.some((n) => /^A 组织建设\/\d{4} 2026年度转入转出党员登记表\.xlsx$/.test(n))).toBe(true);
    expect(names.some((n) => /^A 组织建设\/\d{4} 2026年度.+\.xlsx$/.test(n) && !n.includes('登记表') && !n.includes('花名册'))).toBe(true);
    // each letter issued, with its 存根 and 回执 on the form
    expect(names.some((n) => /^A 组织建设\/\d{4} 党员组织关系介绍信第.+号（.+）\.docx$/.test(n))).toBe(true);
  });

  it('says in the 备考表 what the 迎检清单 knows is missing', () => {
    const xml = strFromU8(unzipSync(zip['B 三会一课/备考表.docx'])['word/document.xml']);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('迎检清单：东城派出所党支部“党课记录和讲稿”不完整');
    for (const label of ['盒内文件情况说明', '整理人', '整理日期', '检查人', '检查日期']) expect(text).toContain(label);
  });

  it('built twice gives byte-identical files but for manifest.json generatedAt', async () => {
    const again = unzipSync(fileBytes(await later('archive/binder', { year: 2026 })));
    expect(Object.keys(again)).toEqual(Object.keys(zip));
    for (const n of Object.keys(zip)) if (n !== 'manifest.json') expect(Buffer.compare(Buffer.from(again[n]), Buffer.from(zip[n])), n).toBe(0);
    const [m1, m2] = [zip, again].map((z) => JSON.parse(strFromU8(z['manifest.json'])));
    expect([m1.generatedAt, m2.generatedAt]).toEqual(['2026-11-28T08:00:00.000Z', '2026-11-28T09:30:00.000Z']);
    expect({ ...m2, generatedAt: null }).toEqual({ ...m1, generatedAt: null });
  }, 120_000);
});

describe('scope, period, 取消 and no LibreOffice', () => {
  it('one branch for a period: its own items only, the name says the branch', async () => {
    const orgs = await call('archive/orgs', {});
    const branch = orgs.find((o: any) => o.name === '东城派出所党支部');
    const r = await call('archive/binder', { year: 2026, orgId: branch.id, from: '2026-01-01', to: '2026-06-30' });
    expect(r.fileName).toBe('2026年度迎检材料（东城派出所党支部）.zip');
    const names = Object.keys(unzipSync(fileBytes(r)));
    expect(names.some((n) => n.includes('东城派出所党支部党员花名册'))).toBe(true);
    expect(names.some((n) => n.includes('机关第一党支部'))).toBe(false);
    const manifest = JSON.parse(strFromU8(unzipSync(fileBytes(r))['manifest.json']));
    expect(manifest.scope).toEqual({ year: 2026, from: '2026-01-01', to: '2026-06-30', org: '东城派出所党支部' });
  }, 120_000);

  it('refuses a period outside the year, naming the field', async () => {
    expect((await failure(call('archive/binder', { year: 2026, from: '2025-12-01' }))).message).toContain('开始日期');
    expect((await failure(call('archive/binder', { year: 2026, from: '2026-05-01', to: '2026-04-01' }))).message).toContain('结束日期不能早于开始日期');
  });

  it('取消 stops the build with a Chinese message and leaves no temporary folder', async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('party-ledger-binder-'));
    const running = call('archive/binder', { year: 2026, jobId: 'cancel-me' });
    let progress: any;
    for (let i = 0; i < 200; i++) {
      progress = await call('archive/binder-progress', { jobId: 'cancel-me' });
      if (progress.current >= 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(progress.steps[0]).toEqual({ label: '读取档案和迎检清单', state: '完成' });
    expect((await call('archive/binder-cancel', { jobId: 'cancel-me' })).cancelled).toBe(true);
    expect((await failure(running)).message).toBe('已取消生成迎检材料，未留下文件');
    expect((await call('archive/binder-progress', { jobId: 'cancel-me' })).active).toBe(false);
    expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('party-ledger-binder-'))).toEqual(before);
  }, 120_000);

  it('without LibreOffice: the binder still builds, 页数 blank, the reason given', async () => {
    process.env.PARTY_LEDGER_SOFFICE = 'none';
    try {
      const r = await call('archive/binder', { year: 2026, pdf: true, from: '2026-01-01', to: '2026-03-31' });
      expect(r.summary.pdf).toMatchObject({ requested: true, made: 0, reason: NO_OFFICE });
      const zip = unzipSync(fileBytes(r));
      expect(Object.keys(zip).some((n) => n.endsWith('.pdf'))).toBe(false);
      expect((await catalogOf(zip['E 党费/归档文件目录.xlsx'])).rows.every((row) => row[7] === '')).toBe(true);
    } finally {
      delete process.env.PARTY_LEDGER_SOFFICE;
    }
  }, 120_000);
});
