/**
 * Dates and wording across the documents that are not dues reports (issue 10 §3):
 * dates as 2026年1月1日, one spelling 缴纳, 工作单位及职务 as two words, the 中共 rule
 * on both organizations of a 介绍信, the cut line between its three parts, and the
 * 党委's address block from 单位设置 with a warning when it is empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { partyOrgName } from '../../common/labels.ts';
import { setSetting } from '../../core/settings/service.ts';
import { APPLICANT_COLUMNS, ACTIVIST_COLUMNS, CANDIDATE_COLUMNS, ADMITTED_COLUMNS, CONVERTED_COLUMNS } from '../../templates/development-ledger.ts';
import { ROSTER_COLUMNS } from '../../templates/roster.ts';
import { IN_COLUMNS, OUT_COLUMNS } from '../../templates/transfer-registers.ts';
import { CUT_DASH, transferLetterDocx, type TransferLetterModel } from '../../templates/transfer-letter.ts';
import { pagesWith, renderDocument, skipRender } from '../support/document-check.ts';
import { tempDir, testLedger, zipPart } from '../support/ledger.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const bytes = (f: { contentBase64: string }) => Buffer.from(f.contentBase64, 'base64');
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
async function workbook(f: { contentBase64: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes(f) as unknown as ArrayBuffer);
  return wb;
}
/** Every string cell of a workbook, and every date cell with its number format. */
function cells(wb: ExcelJS.Workbook) {
  const texts: string[] = [];
  const dates: { value: Date; numFmt: string }[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value instanceof Date) dates.push({ value: c.value, numFmt: c.numFmt });
        else if (typeof c.value === 'string') texts.push(c.value);
      }),
    );
  return { texts, dates };
}
const ISO_OR_DOTTED = /\b\d{4}-\d{2}(-\d{2})?\b|\b\d{4}\.\d{1,2}(\.\d{1,2})?\b/;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

describe('dates in documents as 2026年1月1日', () => {
  it('the roster, the transfer registers, the development ledger and the life-stats sheet print no ISO or dotted date', async () => {
    const l = await testLedger({ demo: true });
    const books = {
      roster: await l.call('members/export', {}),
      transfers: await l.call('transfers/registers', { year: 2026 }),
      development: await l.call('development/export-ledger', { year: 2026 }),
      lifeStats: await l.call('activities/export-life-stats', { year: 2026 }),
    };
    for (const [name, f] of Object.entries(books)) {
      const { texts, dates } = cells(await workbook(f));
      expect(texts.filter((t) => ISO_OR_DOTTED.test(t)), name).toEqual([]);
      // date cells stay real dates (sortable) and show as the reader writes them
      expect(dates.filter((d) => d.numFmt !== DATE_FORMAT), name).toEqual([]);
      if (name !== 'lifeStats') expect(dates.length, name).toBeGreaterThan(0);
      expect(texts.some((t) => /填表日期：2026年11月28日|截至：?2026年11月28日/.test(t)), name).toBe(true);
    }
    const dev = cells(await workbook(books.development)).texts;
    expect(dev.some((t) => /^\d{4}年\d{1,2}月$/.test(t))).toBe(true); // 出生年月
    const transfers = cells(await workbook(books.transfers)).texts;
    expect(transfers).toContain('2026年8月'); // 党费交至 of the demo's transfer in
    await l.close();
  });

  it('the 公示 and the 档案材料清单 print Chinese dates only', async () => {
    const l = await testLedger({ demo: true });
    const list = await l.call('development/list', {});
    const rows = (Array.isArray(list) ? list : (list as { rows: unknown[] }).rows) as { id: string; stage: string }[];
    const cand = rows.find((r) => r.stage === '发展对象')!;
    for (const f of [await l.call('development/notice', { id: cand.id, kind: '发展对象', start: '2026-11-30', contact: null }), await l.call('development/checklist', { id: cand.id })]) {
      const all = paragraphs(await zipPart(bytes(f), 'word/document.xml')).join('\n');
      expect(all).not.toMatch(ISO_OR_DOTTED);
      expect(all).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    }
    await l.close();
  });

  it('a date column is wide enough for 2026年12月28日 on one line', () => {
    const columns = [...ROSTER_COLUMNS, ...IN_COLUMNS, ...OUT_COLUMNS, ...APPLICANT_COLUMNS, ...ACTIVIST_COLUMNS, ...CANDIDATE_COLUMNS, ...ADMITTED_COLUMNS, ...CONVERTED_COLUMNS];
    expect(columns.filter((c) => c.kind === 'date' && c.width < 12).map((c) => c.header)).toEqual([]);
  });
});

describe('wording', () => {
  it('spells 缴纳 (never 交纳) in every document builder, template and UI string', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|vue|md)$/.test(e.name) && fs.readFileSync(p, 'utf8').includes('交纳')) found.push(path.relative(ROOT, p));
      }
    };
    for (const dir of ['core', 'templates', 'common', 'renderer/src']) walk(path.join(ROOT, dir));
    expect(found).toEqual([]);
  });

  it('the development ledger prints 工作单位及职务 as the unit and the post, never run together', async () => {
    const l = await testLedger({ demo: true });
    const wb = await workbook(await l.call('development/export-ledger', { year: 2026 }));
    const col = APPLICANT_COLUMNS.findIndex((c) => c.key === 'workAndPost') + 1;
    const values = wb.worksheets.flatMap((ws) => Array.from({ length: ws.rowCount - 3 }, (_, i) => ws.getCell(i + 4, col).value)).filter((v): v is string => typeof v === 'string' && !v.startsWith('填表人'));
    expect(values.length).toBeGreaterThan(5);
    expect(values).toContain('分局指挥中心 科员');
    expect(values.filter((v) => /机关第[一二]/.test(v) || !/^\S+ \S+$/.test(v))).toEqual([]);
    await l.close();
  });
});

describe('the 介绍信', () => {
  it('adds 中共 where an organization lacks it, never doubles it', () => {
    expect(partyOrgName('江城市公安局临江分局治安大队党支部')).toBe('中共江城市公安局临江分局治安大队党支部');
    expect(partyOrgName('中共江城市公安局江北分局委员会')).toBe('中共江城市公安局江北分局委员会');
    expect(partyOrgName('中国共产党江城市委员会')).toBe('中国共产党江城市委员会');
    expect(partyOrgName(' 某党委 ')).toBe('中共某党委');
    expect(partyOrgName('')).toBe('');
  });

  it('prints both organizations with the same rule, whichever of them lacks the prefix', async () => {
    const l = await testLedger({ demo: true });
    const t = (await l.call('transfers/list', { year: 2026 })).find((x) => x.direction === '转出')!;
    // the demo: ours without 中共 on record, theirs with it
    expect([t.fromOrg.startsWith('中共'), t.toOrg.startsWith('中共')]).toEqual([false, true]);
    const all = paragraphs(await zipPart(bytes(await l.call('transfers/letter', { id: t.id })), 'word/document.xml')).join('\n');
    expect(all).toContain(`组织关系由 中共${t.fromOrg} 转到 ${t.toOrg} 。`);
    expect(all).toContain(`由 中共${t.fromOrg} 去 ${t.toOrg} ，请转接组织关系。`);
    expect(all).toContain(`\n ${t.toOrg} ：`);
    expect(all).not.toContain('中共中共');
    await l.close();
  });

  it('takes the address block from 单位设置 and warns when it is empty; the value of the former 介绍信设置 still prints', async () => {
    const l = await testLedger({ demo: true });
    const t = (await l.call('transfers/list', { year: 2026 })).find((x) => x.direction === '转出')!;
    const letter = async () => {
      const f = await l.call('transfers/letter', { id: t.id });
      return { warnings: f.warnings, text: paragraphs(await zipPart(bytes(f), 'word/document.xml')) };
    };
    // the demo bureau has its address block filled in
    let r = await letter();
    expect(r.warnings).toEqual([]);
    expect(r.text).toContain('党员原所在基层党委通讯地址： 江城市临江区滨江路88号 ');
    expect(r.text).toContain('邮编： 441000 ');
    const { unitName, committeeName } = await l.call('setup/status', {});
    const save = (c: Record<string, string>) => l.call('org/settings-save', { unitName, committeeName, sealText: '', ...c });
    await save({ committeePhone: '' });
    r = await letter();
    expect(r.warnings).toEqual(['单位设置中未填写联系电话，介绍信上将留空。']);
    expect(r.text).toContain('联系电话： 　　　　 　传真： 0710-3216002 ');
    // a form that does not send the address block leaves it as it is
    await l.call('org/settings-save', { unitName, committeeName, sealText: '' });
    expect((await letter()).warnings).toEqual(['单位设置中未填写联系电话，介绍信上将留空。']);
    await save({ committeeAddress: '', committeePhone: '', committeeFax: '', committeePostcode: '' });
    expect((await letter()).warnings).toEqual(['单位设置中未填写通讯地址、联系电话、邮编，介绍信上将留空。']);
    await expect(save({ committeePostcode: '4410' })).rejects.toThrow(/“党委邮编”应为 6 位数字/);
    // a ledger that kept the block in the former 介绍信设置 prints it where 单位设置 is empty
    await l.ctx.db.transaction().execute((tx) => setSetting(tx, l.ctx, 'transfers.committeeContact', { address: '旧地址1号', phone: '0710-1111111', fax: '', postcode: '441001' }));
    r = await letter();
    expect(r.warnings).toEqual([]);
    expect(r.text).toContain('党员原所在基层党委通讯地址： 旧地址1号 ');
    expect((await l.call('transfers/settings', {})).contact).toEqual({ address: '旧地址1号', phone: '0710-1111111', fax: '', postcode: '441001' });
    await l.close();
  });

  it.skipIf(skipRender)('renders on three pages, the cut line closing the 存根 and the 介绍信 on their own pages', async () => {
    const l = await testLedger({ demo: true });
    const t = (await l.call('transfers/list', { year: 2026 })).find((x) => x.direction === '转出')!;
    const doc = renderDocument(bytes(await l.call('transfers/letter', { id: t.id })), 'docx');
    expect(doc.pageCount).toBe(3);
    expect(pagesWith(doc, '（骑缝）')).toEqual([1, 2]);
    expect(pagesWith(doc, '（贴回执联处）')).toEqual([1]);
    expect(pagesWith(doc, '邮编：')).toEqual([2]);
    expect(pagesWith(doc, '特此回复')).toEqual([3]);
    // the cut line is the last line of its page, and stays on one line
    for (const page of [0, 1]) {
      const lines = doc.layout[page].split('\n').filter((x) => x.trim());
      expect(lines.at(-1)).toMatch(new RegExp(`^\\s*${CUT_DASH}+ 第 ${t.letterNo} 号（骑缝） ${CUT_DASH}+$`));
    }
    await l.close();
  }, 120_000);
});

describe('the 介绍信 with a long receiving organization', () => {
  it.skipIf(skipRender)('still has three pages, no empty one, the cut lines on pages 1 and 2', async () => {
    const m: TransferLetterModel = {
      letterNo: '2026001', name: '欧阳晓峰', gender: '男', age: '36', ethnicity: '汉', partyStatus: '正式', idNumber: '320302199001023605',
      fromOrg: '中共江城市公安局临江分局治安大队党支部', toOrg: '中共江城市公安局交通警察支队高速公路管理大队第三中队党支部',
      duesPaidTo: '贰零贰陆年壹拾月', validityDays: '叁拾', date: '二〇二六年十月十四日', memberPhone: '15873821347',
      committeeName: '中共江城市公安局临江分局委员会', committeeAddress: '江城市临江区滨江路88号', committeePhone: '0710-3216001', committeeFax: '0710-3216002', committeePostcode: '441000',
    };
    const doc = renderDocument(await transferLetterDocx(m), 'docx');
    expect(doc.pageCount).toBe(3);
    expect(doc.layout.every((p) => p.trim().length > 0)).toBe(true);
    expect(pagesWith(doc, '（骑缝）')).toEqual([1, 2]);
    expect(pagesWith(doc, '特此回复')).toEqual([3]);
  }, 120_000);
});

describe('the CLI prints the letter warning on stderr', () => {
  it('export transfer-letter with an empty 联系电话: the file is written, the warning goes to stderr', () => {
    const BIN = path.join(ROOT, 'bin', 'party-ledger.mjs');
    const dir = tempDir();
    const db = path.join(dir, 'w.sqlite');
    const env = { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' };
    const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env });
    expect(cli(['init']).status).toBe(0);
    expect(cli(['demo']).status).toBe(0);
    const status = JSON.parse(cli(['call', 'setup/status', '--input', '{}']).stdout);
    expect(cli(['call', 'org/settings-save', '--input', JSON.stringify({ unitName: status.unitName, committeeName: status.committeeName, sealText: '', committeePhone: '' })]).status).toBe(0);
    const out = JSON.parse(cli(['call', 'transfers/list', '--input', '{"year":2026,"direction":"转出"}']).stdout) as { id: string }[];
    const file = path.join(dir, 'letter.docx');
    const r = cli(['export', 'transfer-letter', '--transfer', out[0].id, '--out', file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('提醒：单位设置中未填写联系电话，介绍信上将留空。\n');
    expect(r.stdout).toContain('已生成介绍信');
    expect(fs.existsSync(file)).toBe(true);
  }, 240_000);
});
