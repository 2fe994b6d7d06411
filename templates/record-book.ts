/**
 * 三会一课记录本 (.docx): cover, contents with page references, then each
 * meeting on its own pages in the standard record layout, signature lines,
 * 补记 marked. Also the single-meeting record. Model in, bytes out; GB/T 9704
 * typography from gbt9704.ts.
 */
import { AlignmentType, Bookmark, LeaderType, Paragraph, Tab, TabStopType, TextRun, type Table } from 'docx';
import { titleWords, ziWidth as printedWidth } from './typography.ts';
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
  keptRuns,
  run,
  runStyle,
  xmlElement,
  signatureLines,
  table,
  title,
  ziWidth,
  RUBY_COST,
  cellLines,
  cellWidthZi,
  mmToTwip,
  type CellSpec,
  type GbSection,
} from './gbt9704.ts';
import { wrapLines } from './typography.ts';

export interface MeetingRecord {
  no: number;
  anchor: string;
  /** 支部委员会会议记录 */
  heading: string;
  /** the 党小组 of a 党小组会, named in the contents */
  groupName?: string | null;
  /** names of the people the record mentions, kept whole on a line */
  people?: string[];
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
  /** 三会一课记录本, or for a 党委 理论学习中心组学习记录 / 党委会会议记录 */
  bookTitle?: string;
  unitName: string;
  orgName: string;
  periodText: string;
  keeper: string;
  span: string;
  /** 说明 printed at the foot of the cover (e.g. what 补记 means in this book) */
  notes?: string[];
  meetings: MeetingRecord[];
}

// The label columns hold "缺席人员及原因" (7 字 at 四号) on one line: a label never breaks inside itself.
const WIDTHS = [38, 44, 30, 44];

function label(text: string): CellSpec {
  return { text, label: true };
}

/** The rows of a meeting's form (cells as tables.ts takes them). */
function formSpec(m: MeetingRecord): (string | CellSpec)[][] {
  const keep = m.people ?? [];
  const wide = (l: string, v: string | string[]): (string | CellSpec)[] => [label(l), { lines: Array.isArray(v) ? (v.length ? v : ['']) : [v], span: 3, keep }];
  return [
    wide('会议名称', m.title),
    wide('组    织', m.orgName),
    wide('时    间', m.time),
    wide('地    点', m.place),
    ...m.extraRows.map(([l, v]) => wide(l, v)),
    [label('主 持 人'), { text: m.host, keep }, label('记 录 人'), { text: m.recorder, keep }],
    [label('应到人数'), m.due, label('实到人数'), m.present],
    wide('出席人员', m.presentNames || '—'),
    wide('缺席人员及原因', m.absentees),
    ...(m.lateOrEarly ? [wide('迟到早退', m.lateOrEarly)] : []),
    wide('列席人员', m.guests),
    wide('议    题', m.agenda.length ? m.agenda : ['—']),
  ];
}

function formTable(m: MeetingRecord): Table {
  return table(formSpec(m), { widthsMm: WIDTHS, hao: '四号', rowHeightMm: 9, cellPaddingTwips: 0 });
}

function section(head: string, lines: string[], keep: readonly string[]): Paragraph[] {
  if (!lines.length) return [];
  return [heading1(head), ...lines.map((l) => paragraph(l, { keep, widowControl: true }))];
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
  const keep = m.people ?? [];
  if (m.quorum) out.push(paragraph(m.quorum, { widowControl: true }));
  out.push(...section('会议内容', m.content.length ? m.content : ['（未记录）'], keep));
  out.push(...section('表决情况', m.votes, keep));
  out.push(...section('会议决议', m.resolutions, keep));
  out.push(...section('会后任务', m.tasks, keep));
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
  const values = [m.orgName, m.periodText, m.keeper, m.span, `${m.meetings.length} 次`];
  // the labels start where the longest value still fits the line with 3.5 字 to spare
  // (LibreOffice and Word add ¼ 字 between Han and digits), at most 5 字 in
  const indent = Math.max(0, Math.min(5, Math.floor(PAGE.chars - 6 - Math.max(...values.map(printedWidth)) - 3.5)));
  const line = (l: string, v: string) =>
    new Paragraph({
      indent: { left: indent * ZI },
      spacing: { line: Math.round(LINE_PITCH_TWIPS * 1.5), lineRule: 'exact' },
      children: [...spreadLabel(l), ...keptRuns(v, FONTS.body, '三号', { underline: {}, auto: true })],
    });
  const blank = '\u3000'.repeat(6);
  return [
    blankLine(),
    blankLine(),
    centered(m.unitName, { font: FONTS.heading1, hao: '三号' }),
    blankLine(),
    blankLine(),
    title(m.bookTitle ?? '三会一课记录本', { hao: '小初', spacingAfterLines: 4 }),
    line('党组织名称', m.orgName),
    line('记录年度', m.periodText),
    line('记录人', m.keeper || blank),
    line('起止日期', m.span || blank),
    line('记录次数', `${m.meetings.length} 次`),
    ...(m.notes?.length ? [blankLine(), ...m.notes.map((n, i) => paragraph(i === 0 ? `说明：${n}` : n))] : []),
  ];
}

/**
 * The lines of a contents entry `width` 字 wide, broken only between words
 * (the date, the meeting, the words of its topic: never "集/中学习"), the last
 * line leaving at least `room` 字 for the dot leader and the page number.
 */
export function contentsEntryParts(text: string, width: number, room = 3): string[] {
  const words = text
    .split(/(?<=\s)(?=\S)|(?<=：)|(?=（补记）)/u)
    .flatMap((w) => (/\s$/.test(w) ? [w] : titleWords(w)))
    .flatMap((w) => (printedWidth(w) > width - room - 1 ? [...w] : [w]));
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && printedWidth(cur + w) > width) {
      lines.push(cur.trimEnd());
      cur = w.trimStart();
    } else cur += w;
  }
  lines.push(cur);
  // the last line must leave room: move its first words down a line
  const last = lines[lines.length - 1];
  if (printedWidth(last) > width - room) {
    const ws = words.slice(words.length - countWords(words, last));
    let head = '';
    let i = 0;
    while (i < ws.length && printedWidth(head + ws[i]) <= width - room - 1) head += ws[i++];
    if (i === 0) while (i < ws.length && printedWidth(head + ws[i]) <= width) head += ws[i++];
    lines.splice(lines.length - 1, 1, head, ws.slice(i).join('').trimStart());
  }
  return lines.filter((l, i) => l || i === 0);
}

/** How many of the last words make up `tail`. */
function countWords(words: string[], tail: string): number {
  let n = 0;
  let acc = '';
  while (n < words.length && acc.trimStart() !== tail) acc = words[words.length - 1 - n++] + acc;
  return n;
}

/** The text of a contents entry: date, meeting (and its 党小组), topic, 补记. */
export function contentsEntryText(x: MeetingRecord): string {
  const group = x.groupName ? `（${x.groupName}）` : '';
  const topic = x.title.includes('：') ? x.title.slice(x.title.indexOf('：')) : '';
  return `${x.dateShort}  ${x.heading.replace(/记录$/, '')}${group}${topic}${x.lateEntry ? '（补记）' : ''}`;
}

/**
 * A PAGEREF field with its result stored: a reader that does not update
 * fields shows `page`; Word refreshes it (the document asks to update fields
 * on opening), LibreOffice computes it from the bookmark.
 */
function pageRef(anchor: string, page: number): TextRun[] {
  const st = runStyle(FONTS.body, '三号');
  const rpr = `<w:rPr><w:rFonts w:ascii="${FONTS.body}" w:hAnsi="${FONTS.body}" w:eastAsia="${FONTS.body}" w:cs="${FONTS.body}"/><w:spacing w:val="${CONDENSE}"/><w:sz w:val="${st.size}"/><w:szCs w:val="${st.size}"/></w:rPr>`;
  const r = (inner: string) => xmlElement(`<w:r>${rpr}${inner}</w:r>`) as unknown as TextRun;
  return [
    r('<w:fldChar w:fldCharType="begin"/>'),
    r(`<w:instrText xml:space="preserve"> PAGEREF ${anchor} \\h </w:instrText>`),
    r('<w:fldChar w:fldCharType="separate"/>'),
    r(`<w:t>${page}</w:t>`),
    r('<w:fldChar w:fldCharType="end"/>'),
  ];
}

/** Room left on an entry's last line for the dot leader and page number: 4 字 (3 and the ¼-字 gaps renderers add around digits). */
const CONTENTS_ROOM = 4;

function contents(m: RecordBookModel, pages: number[]): Paragraph[] {
  const st = runStyle(FONTS.body, '三号');
  const out: Paragraph[] = [title('目  录')];
  if (!m.meetings.length) out.push(paragraph('本期间没有组织生活记录。'));
  m.meetings.forEach((x, i) => {
    const no = `${x.no}．`;
    const hang = ziWidth(no);
    const parts = contentsEntryParts(contentsEntryText(x), PAGE.chars - hang, CONTENTS_ROOM);
    out.push(
      new Paragraph({
        // Wrapped lines hang under the text, after the number; the page number sits at the margin
        // after a dot leader to a right tab stop, so the leader fills whatever room the last line leaves.
        tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH_TWIPS, leader: LeaderType.DOT }],
        indent: { left: Math.round(hang * ZI), hanging: Math.round(hang * ZI) },
        spacing: { line: LINE_PITCH_TWIPS, lineRule: 'exact' },
        keepLines: true,
        children: [
          run(`${no}${parts[0]}`),
          ...parts.slice(1).map((p) => new TextRun({ ...st, break: 1, text: p })),
          new TextRun({ ...st, children: [new Tab()] }),
          ...pageRef(x.anchor, pages[i]),
        ],
      }),
    );
  });
  return out;
}

export async function recordBookDocx(m: RecordBookModel): Promise<Uint8Array> {
  const pages = bookPages(m);
  const body: (Paragraph | Table)[] = [...contents(m, pages.first)];
  m.meetings.forEach((x) => body.push(...meetingBlocks(x, { newPage: true, bookmark: true })));
  const sections: GbSection[] = [
    { children: cover(m), pageNumbers: false },
    { children: body, startPage: 1 },
  ];
  return documentBytes(sections, { title: `${m.orgName}${m.periodText}${m.bookTitle ?? '三会一课记录本'}`, updateFields: true });
}

export async function meetingDocx(m: MeetingRecord): Promise<Uint8Array> {
  return documentBytes([{ children: meetingBlocks(m, { newPage: false, bookmark: false }) }], { title: m.heading });
}

// ---- the book's own layout, to store each contents entry's page number ----
//
// The book controls its layout: every line of body text is exactly one grid
// line (LINE_PITCH_TWIPS) of 28 字, headings and titles have exact heights,
// form rows have a minimum height and 4号 lines at least 1.5 × 14 pt, and every
// meeting starts a new page. So the page each meeting starts on is computed
// here, from the same model the blocks are made from.

/** Height of the type area in twips (225 mm). */
const AREA = Math.round((225 * 1440) / 25.4);
const ROW_MIN = mmToTwip(9);
// 4号 lines of at least 1.5 × 14 pt snap to the document grid: one grid line each (Word and LibreOffice)
const CELL_LINE = LINE_PITCH_TWIPS;
/** A row's border, measured in LibreOffice: rows of one line are 29.5 pt apart. */
const CELL_PAD = 10;

/** Lines a body paragraph takes: 28 字 a line, a 2-字 first-line indent, the named people kept whole. */
export function bodyLines(text: string, keep: readonly string[] = []): number {
  return wrapLines('    ' + text, PAGE.chars, { keep, auto: false, unitCost: RUBY_COST }).length;
}

/** Heights of the form's rows: the lines tables.ts wraps each cell into, one grid line each. */
function formRows(m: MeetingRecord): number[] {
  const widths = WIDTHS.map(mmToTwip);
  return formSpec(m).map((row) => {
    let col = 0;
    let lines = 1;
    for (const raw of row) {
      const c: CellSpec = typeof raw === 'string' ? { text: raw } : raw;
      const span = c.span ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      lines = Math.max(lines, cellLines(c, cellWidthZi(w, '四号')).length);
    }
    return Math.max(ROW_MIN, lines * CELL_LINE + CELL_PAD);
  });
}

/** The flow after the form: [lines, keepWithNext] per paragraph. */
function flow(m: MeetingRecord): { lines: number; keepNext: boolean; heading?: boolean }[] {
  const out: { lines: number; keepNext: boolean; heading?: boolean }[] = [{ lines: 1, keepNext: false }];
  const keep = m.people ?? [];
  if (m.quorum) out.push({ lines: bodyLines(m.quorum), keepNext: false });
  const sec = (lines: string[]) => {
    if (!lines.length) return;
    out.push({ lines: 1, keepNext: true, heading: true });
    for (const l of lines) out.push({ lines: bodyLines(l, keep), keepNext: false });
  };
  sec(m.content.length ? m.content : ['（未记录）']);
  sec(m.votes);
  sec(m.resolutions);
  sec(m.tasks);
  out.push({ lines: 1, keepNext: true });
  if (m.attachments.length) {
    out.push({ lines: 1, keepNext: true });
    for (const a of m.attachments) out.push({ lines: wrapLines(a, PAGE.chars - 5).length, keepNext: true });
  }
  out.push({ lines: 2, keepNext: false });
  return out;
}

/** Pages one meeting takes, starting on a fresh page. */
export function meetingPages(m: MeetingRecord): number {
  const L = LINE_PITCH_TWIPS;
  let page = 1;
  // the 2号 heading (exact 35.2 pt) snaps to two grid lines and the half line after it to a whole one
  // (measured in LibreOffice); a 补记 note is one more line
  let used = (m.lateEntry ? 4 : 3) * L;
  for (const h of formRows(m)) {
    if (used + h > AREA && used > 0) (page++, (used = 0));
    used += h;
  }
  const items = flow(m);
  const room = () => Math.floor((AREA - used) / L);
  for (let i = 0; i < items.length; i++) {
    // a keep-with-next chain goes to the next page whole when it does not fit with
    // the first two lines (orphan control) of what follows it
    let chain = 0;
    let j = i;
    while (j < items.length && items[j].keepNext) chain += items[j++].lines;
    const next = items[j];
    const need = chain + (next ? (j > i ? Math.min(2, next.lines) : Math.min(next.lines, next.lines <= 3 ? next.lines : 2)) : 0);
    if (need > room() && used > 0) (page++, (used = 0));
    if (j > i) {
      used += chain * L;
      i = j - 1;
      continue;
    }
    // a paragraph: split across the page with at least two lines on each side
    let n = items[i].lines;
    while (n > 0) {
      const r = room();
      if (n <= r) {
        used += n * L;
        n = 0;
      } else {
        const take = n >= 4 && r >= 2 ? Math.min(r, n - 2) : 0;
        n -= take;
        page++;
        used = 0;
      }
    }
  }
  return page;
}

/** Lines of the contents, and so its pages. */
function contentsPages(m: RecordBookModel): number {
  const L = LINE_PITCH_TWIPS;
  let page = 1;
  let used = 3 * L;
  for (const x of m.meetings) {
    const h = contentsEntryParts(contentsEntryText(x), PAGE.chars - ziWidth(`${x.no}．`), CONTENTS_ROOM).length * L;
    if (used + h > AREA) (page++, (used = 0));
    used += h;
  }
  return page;
}

/** The page each meeting starts on, numbered from 1 at the contents (the cover has none). */
export function bookPages(m: RecordBookModel): { first: number[]; contents: number } {
  const c = contentsPages(m);
  let at = c + 1;
  const first = m.meetings.map((x) => {
    const p = at;
    at += meetingPages(x);
    return p;
  });
  return { first, contents: c };
}
