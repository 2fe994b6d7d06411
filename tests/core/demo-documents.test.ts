/**
 * Every document of the demo bureau, rendered as a reader sees it (LibreOffice, all
 * in one run) and read page by page by the shared document check: no name of a
 * demo member or applicant split over two lines, no label broken inside itself, no
 * line starting with closing or ending with opening punctuation. This is the
 * inspector's reading of the whole book; layout checks of single documents
 * (contents page numbers, signature pages, sheet sizes) stay with each document's
 * own tests.
 *
 * DEMO_DOCS_OUT=folder keeps the PDFs there to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBytes } from '../../core/validate.ts';
import { contentsEntries, documentProblems, pagesWith, renderDocuments, skipRender, type RenderedDocument } from '../support/document-check.ts';
import { zipPart } from '../support/ledger.ts';
import { testLedger, type TestLedger } from '../support/ledger.ts';

const TODAY = '2026-11-28';
const YEAR = 2026;

/** Labels of the printed forms that must never break inside themselves. */
const LABELS = ['缺席人员及原因', '应到人数', '实到人数', '主持人', '记录人', '会议主题', '会议内容', '列席人员'];

let l: TestLedger;
let names: string[] = [];
const rendered = new Map<string, RenderedDocument>();
const files = new Map<string, Uint8Array>();

type File = { fileName: string; contentBase64: string };
const call = (name: string, input: object): Promise<any> => l.call(name as never, input as never) as Promise<any>;
const rows = (r: any): any[] => (Array.isArray(r) ? r : (r.rows ?? r.items ?? []));

/** The documents a clerk prints for the demo year, by the name the test reports. */
async function demoDocuments(): Promise<[string, File][]> {
  const branches = (await call('org/branches', {})) as { id: string; name: string }[];
  const tree = await call('org/tree', {});
  const committee = (Array.isArray(tree) ? tree[0] : tree) as { id: string };
  const meeting = rows(await call('activities/list', {}))[0];
  const file = rows(await call('development/list', { scope: 'all' }))[0];
  const out = rows(await call('transfers/list', { direction: '转出' }))[0];
  const docs: [string, Promise<File>][] = [
    ['三会一课记录本（党委）', call('activities/export-record-book', { orgId: committee.id, year: YEAR })],
    ...branches.map((b): [string, Promise<File>] => [`三会一课记录本（${b.name}）`, call('activities/export-record-book', { orgId: b.id, year: YEAR })]),
    ['会议记录（一次）', call('activities/print', { id: meeting.id })],
    ['组织生活开展情况统计表', call('activities/export-life-stats', { year: YEAR })],
    ['党员花名册', call('members/export', {})],
    ['发展党员工作台账', call('development/export-ledger', { year: YEAR })],
    ['发展档案材料清单', call('development/checklist', { id: file.id })],
    ['党费收缴台账', call('dues/export-ledger', { year: YEAR })],
    ['党费收缴情况季度统计表', call('dues/export-report', { year: YEAR, quarter: 3 })],
    ['党员党费核定表', call('dues/export-assessment', { year: YEAR })],
    ['党费收缴使用情况公布', call('dues/export-publication', { year: YEAR })],
    ['党费专项检查自查报告', call('dues/export-audit', { year: YEAR })],
    ['转入、转出党员登记表', call('transfers/registers', { year: YEAR })],
    ['组织关系介绍信', call('transfers/letter', { id: out.id })],
    ['基层组织建设重点指标完成情况统计表', call('stats/export-secretary-indicators', { year: YEAR })],
    ['党建工作总结（上半年）', call('summary/export', { draftId: (await call('summary/drafts', {}))[0].id })],
  ];
  const result: [string, File][] = [];
  for (const [name, p] of docs) result.push([name, await p]);
  return result;
}

const expected = ['三会一课记录本（党委）', '会议记录（一次）', '组织生活开展情况统计表', '党员花名册', '发展党员工作台账', '发展档案材料清单', '党费收缴台账', '党费收缴情况季度统计表', '党员党费核定表', '党费收缴使用情况公布', '党费专项检查自查报告', '转入、转出党员登记表', '组织关系介绍信', '基层组织建设重点指标完成情况统计表', '党建工作总结（上半年）'];

beforeAll(async () => {
  l = await testLedger({ today: TODAY, demo: true });
  const members = await call('members/list', { scope: 'all', pageSize: 100_000 });
  const applicants = rows(await call('development/list', { scope: 'all' }));
  names = [...rows(members), ...applicants].map((p: { name?: string }) => p.name ?? '').filter(Boolean);
  if (skipRender) return;
  const docs = await demoDocuments();
  const pdfs = renderDocuments(docs.map(([, f]) => ({ bytes: fileBytes(f), ext: f.fileName.endsWith('.xlsx') ? 'xlsx' : 'docx' })));
  docs.forEach(([name, f], i) => (rendered.set(name, pdfs[i]!), files.set(name, fileBytes(f))));
  if (process.env.DEMO_DOCS_OUT) {
    fs.mkdirSync(process.env.DEMO_DOCS_OUT, { recursive: true });
    for (const [name, doc] of rendered) fs.copyFileSync(doc.pdf, path.join(process.env.DEMO_DOCS_OUT, `${name}.pdf`));
  }
}, 900_000);

afterAll(async () => { await l?.close(); });

describe('every document of the demo bureau, as an inspector reads it', () => {
  it('knows the names to look for', () => {
    expect(names.length).toBeGreaterThan(100);
    expect(names).toContain('欧阳晓峰');
  });

  it.skipIf(skipRender)('renders every document, and every branch has its record book', () => {
    for (const name of expected) expect(rendered.get(name)?.pageCount ?? 0, name).toBeGreaterThan(0);
    expect([...rendered.keys()].filter((n) => n.startsWith('三会一课记录本（') && n.endsWith('支部）')).length).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(skipRender)('every record book: each contents entry shows, as stored and as printed, the page its meeting starts on', async () => {
    const books = [...rendered.keys()].filter((n) => n.startsWith('三会一课记录本（'));
    expect(books.length).toBeGreaterThanOrEqual(11);
    for (const name of books) {
      const doc = rendered.get(name)!;
      // page numbers start at 1 on the contents, after the unnumbered cover
      const starts = pagesWith(doc, '会议名称').map((p) => p - 1);
      const contentsPages = Array.from({ length: starts[0] ?? 0 }, (_, i) => i + 1);
      expect(contentsEntries(doc, contentsPages).map((e) => e.page), name).toEqual(starts);
      // the value stored in each PAGEREF field, for a reader that does not update fields
      const xml = await zipPart(files.get(name)!, 'word/document.xml');
      const stored = [...xml.matchAll(/PAGEREF meeting_\d+[\s\S]*?fldCharType="separate"\/>[\s\S]*?<w:t(?: [^>]*)?>(\d+)<\/w:t>/g)].map((m) => Number(m[1]));
      expect(stored, name).toEqual(starts);
    }
  });

  it.skipIf(skipRender)('finds nothing to fix by hand in any of them', () => {
    const problems: string[] = [];
    for (const [name, doc] of rendered) for (const p of documentProblems(doc, [...names, ...LABELS])) problems.push(`${name}：${p}`);
    expect(problems).toEqual([]);
  });
});
