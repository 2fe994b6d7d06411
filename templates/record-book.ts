/**
 * 三会一课记录本 (.docx): cover, contents with page references, then each
 * meeting on its own pages in the standard record layout, signature lines,
 * 补记 marked. Also the single-meeting record. Model in, bytes out; GB/T 9704
 * typography from gbt9704.ts.
 */
import { AlignmentType, Bookmark, LeaderType, Paragraph, PageReference, Tab, TabStopType, TextRun, type Table } from 'docx';
import {
  CONDENSE,
  FONTS,
  LINE_PITCH_TWIPS,
  PAGE,
  TYPE_WIDTH_TWIPS,
  ZI,
  attachmentNote,
  blankLine,
  centered,
  documentBytes,
  heading1,
  paragraph,
  run,
  runStyle,
  signatureLines,
  table,
  title,
  ziWidth,
  type CellSpec,
  type GbSection,
} from './gbt9704.ts';

export interface MeetingRecord {
  no: number;
  anchor: string;
  /** 支部委员会会议记录 */
  heading: string;
  /** 会议名称 */
  title: string;
  orgName: string;
  dateShort: string;
  time: string;
  place: string;
  host: string;
  recorder: string;
  /** e.g. [['授课人', '张三'], ['党课题目', '…']] */
  extraRows: [string, string][];
  due: string;
  present: string;
  presentNames: string;
  absentees: string;
  /** "张三（迟到：处警）；李四（早退）", '' when none */
  lateOrEarly: string;
  guests: string;
  agenda: string[];
  quorum: string | null;
  content: string[];
  votes: string[];
  resolutions: string[];
  tasks: string[];
  /** "补记：…" or null */
  lateEntry: string | null;
  /** the record's files, e.g. "签到表（签到表.png）", printed as the 附件说明 */
  attachments: string[];
  signatures: string[];
}

export interface RecordBookModel {
  unitName: string;
  orgName: string;
  periodText: string;
  keeper: string;
  span: string;
  /** 说明 printed at the foot of the cover (e.g. what 补记 means in this book) */
  notes?: string[];
  meetings: MeetingRecord[];
}

const WIDTHS = [30, 48, 30, 48];

function label(text: string): CellSpec {
  return { text, label: true };
}

function formTable(m: MeetingRecord): Table {
  const wide = (l: string, v: string | string[]): (string | CellSpec)[] => [label(l), { lines: Array.isArray(v) ? (v.length ? v : ['']) : [v], span: 3 }];
  const rows: (string | CellSpec)[][] = [
    wide('会议名称', m.title),
    wide('组    织', m.orgName),
    wide('时    间', m.time),
    wide('地    点', m.place),
    ...m.extraRows.map(([l, v]) => wide(l, v)),
    [label('主 持 人'), m.host, label('记 录 人'), m.recorder],
    [label('应到人数'), m.due, label('实到人数'), m.present],
    wide('出席人员', m.presentNames || '—'),
    wide('缺席人员及原因', m.absentees),
    ...(m.lateOrEarly ? [wide('迟到早退', m.lateOrEarly)] : []),
    wide('列席人员', m.guests),
    wide('议    题', m.agenda.length ? m.agenda : ['—']),
  ];
  return table(rows, { widthsMm: WIDTHS, hao: '四号', rowHeightMm: 9 });
}

function section(head: string, lines: string[]): Paragraph[] {
  if (!lines.length) return [];
  return [heading1(head), ...lines.map((l) => paragraph(l))];
}

/** The paragraphs of one meeting; the first carries the bookmark the contents points to. */
export function meetingBlocks(m: MeetingRecord, opts: { newPage: boolean; bookmark: boolean }): (Paragraph | Table)[] {
  const headRuns = [run(m.heading, FONTS.title, '二号')];
  const head = new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: opts.newPage,
    spacing: { line: Math.round(22 * 20 * 1.6), lineRule: 'exact', before: 0, after: m.lateEntry ? 0 : LINE_PITCH_TWIPS / 2 },
    children: opts.bookmark ? [new Bookmark({ id: m.anchor, children: headRuns })] : headRuns,
  });
  const out: (Paragraph | Table)[] = [head];
  if (m.lateEntry) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE_PITCH_TWIPS, lineRule: 'exact', after: LINE_PITCH_TWIPS / 2 }, children: [run(`（${m.lateEntry}）`, FONTS.heading2, '四号')] }));
  out.push(formTable(m));
  out.push(blankLine());
  if (m.quorum) out.push(paragraph(m.quorum));
  out.push(...section('会议内容', m.content.length ? m.content : ['（未记录）']));
  out.push(...section('表决情况', m.votes));
  out.push(...section('会议决议', m.resolutions));
  out.push(...section('会后任务', m.tasks));
  // "散会" stays on the page of the signature lines, so they never stand alone.
  out.push(paragraph('散会。', { keepNext: true }));
  out.push(...attachmentNote(m.attachments, { keepNext: true }));
  out.push(signatureLines(m.signatures));
  return out;
}

/**
 * A cover label spread evenly over `zi` characters (分散对齐) and a colon, so the
 * values after it line up: the space goes between the characters as extra
 * character spacing, never as spaces of a width that depends on the font.
 */
function spreadLabel(label: string, zi = 5): TextRun[] {
  const chars = [...label];
  const pitch = ZI + CONDENSE;
  const extra = chars.length > 1 ? Math.round(((zi - chars.length) * pitch) / (chars.length - 1)) : 0;
  return [
    ...(chars.length > 1 ? [run(chars.slice(0, -1).join(''), FONTS.heading1, '三号', { characterSpacing: CONDENSE + extra })] : []),
    run(`${chars[chars.length - 1]}：`, FONTS.heading1, '三号'),
  ];
}

function cover(m: RecordBookModel): Paragraph[] {
  const line = (l: string, v: string) =>
    new Paragraph({
      indent: { left: 5 * ZI },
      spacing: { line: Math.round(LINE_PITCH_TWIPS * 1.5), lineRule: 'exact' },
      children: [...spreadLabel(l), run(v, FONTS.body, '三号', { underline: {} })],
    });
  const blank = '\u3000'.repeat(6);
  return [
    blankLine(),
    blankLine(),
    centered(m.unitName, { font: FONTS.heading1, hao: '三号' }),
    blankLine(),
    blankLine(),
    title('三会一课记录本', { hao: '小初', spacingAfterLines: 4 }),
    line('党组织名称', m.orgName),
    line('记录年度', m.periodText),
    line('记录人', m.keeper || blank),
    line('起止日期', m.span || blank),
    line('记录次数', `${m.meetings.length} 次`),
    ...(m.notes?.length ? [blankLine(), ...m.notes.map((n, i) => paragraph(i === 0 ? `说明：${n}` : n))] : []),
  ];
}

/**
 * Splits a contents entry so its last line leaves at least `room` 字 of the
 * `width`-字 line for the dot leader and page number: the renderer wraps the
 * rest itself, and a line that would end too close to the margin is broken
 * earlier (otherwise the leader vanishes or stands alone on the next line).
 */
export function contentsEntryParts(text: string, width: number, room = 3): string[] {
  let lineStart = 0;
  let w = 0;
  const chars = [...text];
  chars.forEach((ch, i) => {
    const cw = ziWidth(ch);
    if (w + cw > width) {
      lineStart = i;
      w = 0;
    }
    w += cw;
  });
  if (w <= width - room) return [text];
  // keep what fits with one 字 to spare, move the rest to a line of its own
  let head = lineStart;
  let hw = 0;
  while (head < chars.length && hw + ziWidth(chars[head]) <= width - room - 1) hw += ziWidth(chars[head++]);
  return [chars.slice(0, head).join(''), chars.slice(head).join('')];
}

function contents(m: RecordBookModel): Paragraph[] {
  const st = runStyle(FONTS.body, '三号');
  const out: Paragraph[] = [title('目  录')];
  if (!m.meetings.length) out.push(paragraph('本期间没有组织生活记录。'));
  for (const x of m.meetings) {
    const no = `${x.no}．`;
    const hang = ziWidth(no);
    const text = `${x.dateShort}  ${x.heading.replace(/记录$/, '')}${x.title.includes('：') ? x.title.slice(x.title.indexOf('：')) : ''}${x.lateEntry ? '（补记）' : ''}`;
    const parts = contentsEntryParts(text, PAGE.chars - hang);
    out.push(
      new Paragraph({
        // Wrapped lines hang under the text, after the number; the page number sits at the margin.
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH_TWIPS, leader: LeaderType.DOT }],
        indent: { left: Math.round(hang * ZI), hanging: Math.round(hang * ZI) },
        spacing: { line: LINE_PITCH_TWIPS, lineRule: 'exact' },
        children: [
          run(`${no}${parts[0]}`),
          ...parts.slice(1).map((p) => new TextRun({ ...st, break: 1, text: p })),
          new TextRun({ ...st, children: [new Tab()] }),
          new PageReference(x.anchor),
        ],
      }),
    );
  }
  return out;
}

export async function recordBookDocx(m: RecordBookModel): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [...contents(m)];
  m.meetings.forEach((x) => body.push(...meetingBlocks(x, { newPage: true, bookmark: true })));
  const sections: GbSection[] = [
    { children: cover(m), pageNumbers: false },
    { children: body, startPage: 1 },
  ];
  return documentBytes(sections, { title: `${m.orgName}${m.periodText}三会一课记录本`, updateFields: true });
}

export async function meetingDocx(m: MeetingRecord): Promise<Uint8Array> {
  return documentBytes([{ children: meetingBlocks(m, { newPage: false, bookmark: false }) }], { title: m.heading });
}
