import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, testLedger, zipPart, type TestLedger } from '../support/ledger.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { bureau } from '../support/bureau.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { invokeHandler, type AnyHandler } from '../../core/handler.ts';
import { handlers } from '../../core/api.ts';
import { PAGE, mmToTwip, ziWidth } from '../../templates/gbt9704.ts';
import { contentsEntryParts } from '../../templates/record-book.ts';

const bytesOf = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
/** Visible text of a WordprocessingML part. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

let l: TestLedger;
let branchId: string;
let docx: Uint8Array;

beforeAll(async () => {
  l = await testLedger({ demo: true });
  branchId = (await l.call('org/branches', {})).find((b) => b.name === '机关第二党支部')!.id;
  const f = await l.call('activities/export-record-book', { orgId: branchId, year: 2026 });
  expect(f.fileName).toBe('机关第二党支部2026年度三会一课记录本.docx');
  docx = bytesOf(f);
});

describe('三会一课记录本 (.docx)', () => {
  it('is A4 with the GB/T 9704 margins, East-Asian fonts and sizes, and a PAGE field', async () => {
    const xml = await zipPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    for (const [side, mm] of [['top', 37], ['bottom', 35], ['left', 28], ['right', 26]] as const) expect(xml).toContain(`w:${side}="${mmToTwip(mm)}"`);
    const runBefore = (text: string) => {
      const i = xml.indexOf(text);
      return xml.slice(xml.lastIndexOf('<w:r>', i), i);
    };
    expect(runBefore('支部委员会会议记录')).toContain('w:eastAsia="方正小标宋简体"');
    expect(runBefore('支部委员会会议记录')).toContain('<w:sz w:val="44"/>');
    expect(runBefore('散会。')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runBefore('散会。')).toContain('<w:sz w:val="32"/>');
    expect(runBefore('会议内容')).toContain('w:eastAsia="黑体"');
    const footers = await Promise.all([1, 2, 3, 4].map((n) => zipPart(docx, `word/footer${n}.xml`).catch(() => '')));
    expect(footers.some((f) => /<w:instrText[^>]*>PAGE<\/w:instrText>/.test(f) && f.includes('w:eastAsia="宋体"'))).toBe(true);
    // the cover section has no page number; numbering restarts at 1 after it
    expect(xml).toMatch(/<w:pgNumType w:start="1"\/>/);
  });

  it('aligns the cover values: every label is spread to the same printed width', async () => {
    const xml = await zipPart(docx, 'word/document.xml');
    const cover = xml.slice(0, xml.indexOf('目  录'));
    const lines = (cover.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).filter((p) => p.includes('<w:u '));
    expect(lines.map((p) => textOf(p).split('：')[0].replace(/\s/g, ''))).toEqual(['党组织名称', '记录年度', '记录人', '起止日期', '记录次数']);
    const widths = lines.map((p) => {
      const runs = [...p.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((r) => r[1]);
      const label = runs.slice(0, runs.findIndex((r) => r.includes('<w:u ')));
      // advance in twips: 3号 is 320 a 字 (½ for half-width), plus the run's character spacing after each character
      return label.reduce((w, r) => {
        const text = /<w:t[^>]*>([^<]*)<\/w:t>/.exec(r)?.[1] ?? '';
        const spacing = Number(/<w:spacing w:val="(-?\d+)"\/>/.exec(r)?.[1] ?? 0);
        return w + [...text].reduce((x, ch) => x + ziWidth(ch) * 320 + spacing, 0);
      }, 0);
    });
    expect(lines.every((p) => !/<w:t[^>]*>[^<]* [^<]*：/.test(p))).toBe(true);
    expect(new Set(widths).size).toBe(1);
  });

  it('holds every meeting of the year with its attendance, contents with page references, and marks the 补记', async () => {
    const xml = await zipPart(docx, 'word/document.xml');
    const text = textOf(xml);
    const meetings = await l.call('activities/list', { orgId: branchId, from: '2026-01-01', to: '2026-12-31' });
    expect(meetings.length).toBeGreaterThan(20);
    for (const m of meetings) {
      const [y, mo, d] = m.heldOn.split('-').map(Number);
      expect(text).toContain(`${y}年${mo}月${d}日`);
    }
    expect((xml.match(/PAGEREF meeting_\d+/g) ?? []).length).toBe(meetings.length);
    expect((text.match(/应到人数/g) ?? []).length).toBe(meetings.length);
    // Each meeting's block, in date order, carries its own date, 应到/实到 and the names present.
    const blocks = text.split('会议名称').slice(1);
    const ascending = [...meetings].reverse();
    expect(blocks).toHaveLength(ascending.length);
    for (const [i, m] of ascending.entries()) {
      const full = await l.call('activities/get', { id: m.id });
      const [yy, mm, dd] = m.heldOn.split('-').map(Number);
      expect(blocks[i]).toContain(`${yy}年${mm}月${dd}日`);
      expect(blocks[i]).toContain(`应到人数${m.due} 人`);
      expect(blocks[i]).toContain(`实到人数${m.present} 人`);
      const names = full.attendance.filter((x) => x.status === '出席').map((x) => (x.partyStatus === '预备' ? `${x.memberName}（预备党员）` : x.memberName));
      expect(blocks[i]).toContain(names.join('、'));
    }
    // attendance of one meeting, names and absentees with reasons
    const one = await l.call('activities/get', { id: meetings[meetings.length - 1].id });
    for (const a of one.attendance.filter((x) => x.status === '出席')) expect(text).toContain(a.memberName);
    expect(text).toContain(`${one.due} 人`);
    const away = one.attendance.find((x) => x.status !== '出席');
    if (away) expect(text).toContain(`${away.memberName}（${away.status}`);
    expect(meetings.filter((m) => m.late)).toHaveLength(1);
    expect(text).toMatch(/支部委员会会议（补记）/);
    expect(text).toMatch(/补记：本次会议于2026年9月\d+日召开，记录于2026年(9|10)月\d+日补记录入/);
    expect(text).toContain('主持人（签字）：');
    expect(text).toContain('记录人（签字）：');
    expect(text).toContain('三会一课记录本');
  });

  it('fits the signature line in the 28-字 line, both blanks as long', async () => {
    const xml = await zipPart(docx, 'word/document.xml');
    const paras = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
    for (const who of ['主持人', '授课人']) {
      const p = paras.find((x) => x.includes(`>${who}（签字）：<`))!;
      const runs = [...p.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((r) => ({ text: /<w:t[^>]*>([^<]*)<\/w:t>/.exec(r[1])?.[1] ?? '', underlined: r[1].includes('<w:u ') }));
      expect(runs.reduce((w, r) => w + ziWidth(r.text), 0)).toBeLessThanOrEqual(PAGE.chars);
      const blanks = runs.filter((r) => r.underlined).map((r) => ziWidth(r.text));
      expect(blanks).toHaveLength(2);
      expect(blanks[0]).toBe(blanks[1]);
      expect(blanks[0]).toBeGreaterThanOrEqual(4);
    }
  });

  it('breaks a contents entry between words, its last line leaving 3 字 for the leader and page number', () => {
    // 26.5 字 wide after "1．": 23 characters fit with room; 25 do not, so the last ones move to a line of their own
    expect(contentsEntryParts('党'.repeat(23), 26.5)).toEqual(['党'.repeat(23)]);
    const parts = contentsEntryParts('党'.repeat(25), 26.5);
    expect(parts).toHaveLength(2);
    expect(parts.join('')).toBe('党'.repeat(25));
    expect(ziWidth(parts[0])).toBeLessThanOrEqual(26.5 - 3);
    // every line is broken by the template, none wider than the line, the last with room
    const long = contentsEntryParts('党'.repeat(36), 26.5);
    expect(long.join('')).toBe('党'.repeat(36));
    expect(long.every((p) => ziWidth(p) <= 26.5)).toBe(true);
    expect(ziWidth(long[long.length - 1])).toBeLessThanOrEqual(26.5 - 3);
    expect(contentsEntryParts(`2026年11月25日  党课：${'党'.repeat(14)}`, 26)).toHaveLength(2);
    // between words: after the meeting's "：", never inside "集中学习"
    expect(contentsEntryParts('2026年2月18日  理论学习中心组学习：第一季度集中学习', 26)).toEqual(['2026年2月18日  理论学习中心组学习：', '第一季度集中学习']);
  });

  it('prints a single meeting with absentees and reasons, and the quorum finding', async () => {
    const west = (await l.call('org/branches', {})).find((b) => b.name === '西城派出所党支部')!.id;
    const low = (await l.call('activities/list', { orgId: west, type: '支部党员大会' })).find((m) => m.quorum.met === false)!;
    const f = await l.call('activities/print', { id: low.id });
    const text = textOf(await zipPart(bytesOf(f), 'word/document.xml'));
    expect(text).toContain('支部党员大会记录');
    expect(text).toContain('未达到法定到会人数');
    const full = await l.call('activities/get', { id: low.id });
    const away = full.attendance.find((a) => a.status !== '出席')!;
    expect(text).toContain(`${away.memberName}（${away.status}：${away.reason}）`);
  });
});

describe('latecomers and early leavers in a record', () => {
  it('are named in their own row, never among the absentees', async () => {
    const west = (await l.call('org/branches', {})).find((b) => b.name === '西城派出所党支部')!.id;
    // the 应到 list is the roster of the day (record integrity): statuses are set on it
    const roster = await l.call('activities/suggest-attendance', { orgId: west, type: '支部党员大会', heldOn: '2026-11-21' });
    const [p1, p2, p3] = roster;
    const attendance = roster.map((e, i) => (i === 0 ? { ...e, late: true, reason: '处警' } : i === 1 ? { ...e, leftEarly: true } : i === 2 ? { ...e, status: '病假' as const, reason: '住院' } : e));
    const a = await l.call('activities/create', { orgId: west, type: '支部党员大会', heldOn: '2026-11-21', attendance });
    const text = textOf(await zipPart(bytesOf(await l.call('activities/print', { id: a.id })), 'word/document.xml'));
    expect(text).toContain(`缺席人员及原因${p3.memberName}（病假：住院）迟到早退${p1.memberName}（迟到：处警）；${p2.memberName}（早退）列席人员`);
    expect(text).toContain(`出席人员${[p1, p2, ...roster.slice(3)].map((e) => e.memberName).join('、')}`);
    await l.call('activities/delete', { id: a.id });
    // a meeting where nobody came late or left early has no such row
    const b = await l.call('activities/create', { orgId: west, type: '支部党员大会', heldOn: '2026-11-21', attendance: roster });
    expect(textOf(await zipPart(bytesOf(await l.call('activities/print', { id: b.id })), 'word/document.xml'))).not.toContain('迟到早退');
    await l.call('activities/delete', { id: b.id });
  });
});

describe('the 第一议题 of a branch meeting', () => {
  it('is printed in the record book form under its own label; a meeting without one has no such row', async () => {
    const west = (await l.call('org/branches', {})).find((b) => b.name === '西城派出所党支部')!.id;
    const roster = await l.call('activities/suggest-attendance', { orgId: west, type: '支部党员大会', heldOn: '2026-11-21' });
    const firstTopic = { title: '习近平总书记在中央政治局集体学习时的重要讲话', on: '2026-10-30', source: '新华社', how: '原文学习，书记领学' };
    const a = await l.call('activities/create', { orgId: west, type: '支部党员大会', heldOn: '2026-11-21', attendance: roster, firstTopic });
    const text = textOf(await zipPart(bytesOf(await l.call('activities/print', { id: a.id })), 'word/document.xml'));
    expect(text).toContain('第一议题习近平总书记在中央政治局集体学习时的重要讲话；2026年10月30日　新华社；原文学习，书记领学');
    await l.call('activities/delete', { id: a.id });
    const b = await l.call('activities/create', { orgId: west, type: '支部党员大会', heldOn: '2026-11-21', attendance: roster });
    expect(textOf(await zipPart(bytesOf(await l.call('activities/print', { id: b.id })), 'word/document.xml'))).not.toContain('第一议题');
    await l.call('activities/delete', { id: b.id });
  });
});

describe('the quorum sentence of a record', () => {
  it('counts against the same 应到 as the table: all due for a 支委会, voting members for a 党员大会', async () => {
    const branches = await l.call('org/branches', {});
    const west = branches.find((b) => b.name === '西城派出所党支部')!.id;
    const committeeList = await l.call('activities/suggest-attendance', { orgId: west, type: '支部委员会', heldOn: '2026-11-20' });
    expect(committeeList).toHaveLength(4);
    const committee = await l.call('activities/create', { orgId: west, type: '支部委员会', heldOn: '2026-11-20', attendance: committeeList });
    const c = textOf(await zipPart(bytesOf(await l.call('activities/print', { id: committee.id })), 'word/document.xml'));
    expect(c).toContain('应到人数4 人');
    expect(c).toContain('到会人数符合规定（到会委员达到半数以上，应到 4 人，至少 2 人）');
    // 南关派出所 has a 预备党员 on its roster: the 党员大会 counts the voting members
    const south = branches.find((b) => b.name === '南关派出所党支部')!.id;
    const roster = await l.call('activities/suggest-attendance', { orgId: south, type: '支部党员大会', heldOn: '2026-11-20' });
    const voting = roster.filter((e) => e.partyStatus === '正式').length;
    expect(voting).toBeLessThan(roster.length);
    const general = await l.call('activities/create', { orgId: south, type: '支部党员大会', heldOn: '2026-11-20', attendance: roster });
    const g = textOf(await zipPart(bytesOf(await l.call('activities/print', { id: general.id })), 'word/document.xml'));
    expect(g).toContain(`应到人数${roster.length} 人（其中有表决权 ${voting} 人）`);
    expect(g).toContain(`应到会有表决权党员的半数以上，应到 ${voting} 人，至少 `);
    for (const id of [committee.id, general.id]) await l.call('activities/delete', { id });
  });
});

describe('attachments in the printed record', () => {
  it('lists the sign-in sheet, photos and outlines as an 附件说明 before the signatures, numbered, wrapped lines under the name', async () => {
    const dir = tempDir();
    const ledger = await openLedgerContext(':memory:', fixedPlatform({ today: '2026-11-28', dataDir: dir }));
    const call = (name: string, input: unknown) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, ledger.ctx, name, input) as Promise<any>;
    const { branchId: orgId } = await bureau(ledger, { branches: [{ name: '一支部', termStartOn: null }] });
    const a = await call('activities/create', { orgId, type: '支部委员会', heldOn: '2026-11-02', attendance: [], content: '研究工作。' });
    const bare = await call('activities/create', { orgId, type: '支部委员会', heldOn: '2026-10-02', attendance: [] });
    const file = (content: string) => Buffer.from(content).toString('base64');
    await call('attachments/add', { entity: 'activities', entityId: a.id, fileName: '签到表.png', contentBase64: file('sign-in'), kind: '签到表' });
    await call('attachments/add', { entity: 'activities', entityId: a.id, fileName: '会议现场.jpg', contentBase64: file('photo'), kind: '照片' });
    const xml = await zipPart(bytesOf(await call('activities/print', { id: a.id })), 'word/document.xml');
    const text = textOf(xml);
    expect(text).toMatch(/散会。附件：1\.签到表（签到表\.png）2\.照片（会议现场\.jpg）主持人（签字）：/);
    const paraOf = (t: string) => (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).find((p) => textOf(p).startsWith(t))!;
    // 附件： starts 2 字 in; each name (after "1.", ½ 字 digits) starts at 2 + 3 + 1 = 6 字, where wrapped lines go
    expect(paraOf('附件：1.')).toMatch(/<w:ind w:left="1920" w:hanging="1280"\/>/);
    expect(paraOf('2.照片')).toMatch(/<w:ind w:left="1920" w:hanging="320"\/>/);
    expect(paraOf('附件：1.')).toContain('<w:keepNext/>');
    // the record book carries it too; a record without files has no 附件 line
    const book = textOf(await zipPart(bytesOf(await call('activities/export-record-book', { orgId, year: 2026 })), 'word/document.xml'));
    expect(book.match(/附件：/g)).toHaveLength(1);
    expect(textOf(await zipPart(bytesOf(await call('activities/print', { id: bare.id })), 'word/document.xml'))).not.toContain('附件：');
    await ledger.close();
  });
});

describe('组织生活开展情况统计表 (.xlsx)', () => {
  it('has per branch and type monthly counts, person-times and compliance, a summary and the findings', async () => {
    const x = await l.call('activities/export-life-stats', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    const ws = wb.getWorksheet('开展情况统计')!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => String(r.getCell(i + 1).value ?? ''))));
    expect(rows[0][0]).toBe('2026年度组织生活开展情况统计表');
    const header = rows.find((r) => r[0] === '序号')!;
    expect(header.slice(0, 6)).toEqual(['序号', '党组织', '活动类型', '频次要求', '1月', '2月']);
    const zhian = rows.find((r) => r[1] === '治安大队党支部' && r[2] === '支部委员会')!;
    expect(zhian[4 + 2]).toBe(''); // March: none
    expect(zhian[4 + 6]).toBe(''); // July: none
    expect(zhian[header.indexOf('开展情况')]).toMatch(/缺失 2/);
    const total = rows.find((r) => r[1] === '合计')!;
    const stats = await l.call('activities/stats', { from: '2026-01-01', to: '2026-12-31' });
    expect(Number(total[header.indexOf('合计次数')])).toBe(stats.total.count);
    expect(Number(total[header.indexOf('参加人次')])).toBe(stats.total.personTimes);
    const summary = wb.getWorksheet('分类汇总')!;
    const sentences: string[] = [];
    summary.eachRow((r) => sentences.push(String(r.getCell(4).value ?? '')));
    expect(sentences).toContain(stats.sentences.find((s) => s.startsWith('主题党日')));
    const findings = wb.getWorksheet('问题清单')!;
    let found = false;
    findings.eachRow((r) => (found ||= String(r.getCell(6).value).includes('东城派出所党支部2026年第二季度未开展党课')));
    expect(found).toBe(true);
  });
});

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

describe('the record book through LibreOffice', () => {
  it.skipIf(!soffice)('converts to an A4 PDF with an embedded CJK font (skipped when soffice is not installed)', () => {
    const dir = tempDir('record-book-pdf-');
    const file = path.join(dir, 'record-book.docx');
    fs.writeFileSync(file, docx);
    const fontsConf = path.resolve('build/fonts.conf');
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, `-env:UserInstallation=file://${dir}/lo-profile`, file], {
      env: { ...process.env, FONTCONFIG_FILE: fontsConf },
      timeout: 120_000,
      stdio: 'ignore',
    });
    const pdf = path.join(dir, 'record-book.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(30);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    const cjk = fonts.split('\n').filter((line) => /CJK|Song|Hei|Kai|Fang|Noto Serif|Noto Sans/i.test(line));
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk.every((line) => / yes +yes /.test(line))).toBe(true);
    // Contents: every entry ends in a dot leader after its text and then its page number, even
    // when the title nearly fills the line (the leader was lost, or left alone on a line).
    const contents = execFileSync('pdftotext', ['-f', '2', '-l', '3', '-layout', pdf, '-'], { encoding: 'utf8' });
    const numbered = contents.split('\n').map((line) => line.replace(/\s+/g, '')).filter((line) => /\d$/.test(line));
    expect(numbered.length).toBeGreaterThan(20);
    for (const line of numbered) expect(line).toMatch(/[^.]\.{3,}\d+$/);
  }, 180_000);
});
