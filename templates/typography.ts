/**
 * Chinese line breaking, held once for every document the app prints (.docx
 * through templates/gbt9704/*; worksheets through templates/xlsx-sheet.ts).
 *
 * What a typist never does, and how each is prevented:
 * - split a person's name ("熊/宇航", "欧阳晓/峰") or a label ("缺席人员及/原因"),
 *   or a date inside "11月28日" (leaving "日" alone on a line);
 * - start a line with closing punctuation (，。、；：？！”’）》…) or end one with
 *   opening punctuation (“‘（《…);
 * - nest “” inside “”: the inner pair is ‘’ (GB/T 15834-2011 4.1.3.3).
 *
 * The means, chosen by experiment (LibreOffice 24.x headless with the fonts of
 * build/fonts.conf, then pdftotext), each also what Word does:
 * - Units kept whole (names, labels' words, date parts, short tokens between
 *   separators) are written as a ruby (w:ruby) with an empty ruby text: Word
 *   and LibreOffice lay a ruby base out as one unbreakable unit, it prints as
 *   plain text on the exact line pitch, and the PDF's text reads unchanged
 *   ("熊宇航"). U+2060 WORD JOINER was tried first and does not work: LibreOffice
 *   breaks Han text at any character regardless of WJ (and ZWJ, U+FEFF), and a
 *   WJ after "（" even made it end a line with "（". Runs with w:noProof or keep
 *   properties keep paragraphs, not characters, together.
 * - Punctuation: the Normal style turns on w:kinsoku, w:overflowPunct and
 *   w:topLinePunct with the zh-CN language (templates/gbt9704/document.ts);
 *   LibreOffice then moves "（" to the next line and lets "，" hang in the
 *   margin rather than start a line, as Word does.
 *
 * Templates call keptPieces() through gbt9704's runs()/table cells; a model
 * names the people a text mentions with `keep` so they stay whole in prose.
 */

/** A piece of printed text; `keep` pieces must not break across lines. */
export interface Piece {
  text: string;
  keep: boolean;
}

/** Closing punctuation: no line starts with one. */
export const CLOSING = '，。、；：？！”’）》〉」』】〕〗…—·%‰,.;:?!)]}';
/** Opening punctuation: no line ends with one. */
export const OPENING = '“‘（《〈「『【〔〖([{';

/**
 * Nested quotation marks: a “…” inside “…” becomes ‘…’ (and a straight
 * "…" pair becomes “…”). Unbalanced marks are left as they are.
 */
export function nestQuotes(s: string): string {
  let t = s;
  if ((s.match(/"/g) ?? []).length % 2 === 0) {
    let open = false;
    t = s.replace(/"/g, () => ((open = !open) ? '“' : '”'));
  }
  let depth = 0;
  let out = '';
  for (const ch of t) {
    if (ch === '“' || ch === '‘') {
      out += depth % 2 === 1 ? '‘' : '“';
      depth++;
    } else if ((ch === '”' || ch === '’') && depth > 0) {
      depth--;
      out += depth % 2 === 1 ? '’' : '”';
    } else out += ch;
  }
  return depth === 0 ? out : t;
}

const HAN = '\\p{Script=Han}';
/** Units that never break: a date's parts "11月28日", "2026年", "28日". */
const DATE_PARTS = '\\d{1,2}月\\d{1,2}日|\\d{4}年度?|\\d{1,2}月|\\d{1,2}日';
/** Separators around a short token: a 2–4 字 run between two of them is kept whole. */
const SEP = '、，；：。！？（）()\\s“”‘’《》/·';
const SHORT_TOKEN = `(?<=^|[${SEP}])${HAN}{2,4}(?=$|[${SEP}])`;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a string into pieces for printing: quotes nested (nestQuotes), and
 * kept whole: the `keep` strings (names of the people the text mentions,
 * labels' words) and, unless `auto` is false, the parts of dates and short
 * runs of 2–4 Han characters standing between separators (a name in
 * "沈海燕、邹浩然", a post in "（组织委员）"). Each kept piece takes the
 * punctuation next to it.
 */
export function keptPieces(text: string, opts: { keep?: readonly string[]; auto?: boolean } = {}): Piece[] {
  const t = nestQuotes(text);
  if (!t) return [{ text: t, keep: false }];
  const keep = [...new Set(opts.keep ?? [])].filter((k) => [...k].length > 1).sort((a, b) => b.length - a.length);
  const alts = [...keep.map(escapeRe), ...(opts.auto === false ? [] : [DATE_PARTS, SHORT_TOKEN])];
  if (!alts.length) return [{ text: t, keep: false }];
  const re = new RegExp(alts.join('|'), 'gu');
  const out: Piece[] = [];
  let at = 0;
  for (const m of t.matchAll(re)) {
    if (m.index < at) continue;
    // a kept unit takes the punctuation around it: the renderer cannot push a
    // closing mark back onto the line of a unit it may not break, so "谈打算。"
    // and "（请假" are held as one
    let from = m.index;
    let to = m.index + m[0].length;
    while (from > at && OPENING.includes(t[from - 1])) from--;
    while (to < t.length && CLOSING.includes(t[to])) to++;
    if (from > at) out.push({ text: t.slice(at, from), keep: false });
    out.push({ text: t.slice(from, to), keep: true });
    at = to;
  }
  if (at < t.length) out.push({ text: t.slice(at), keep: false });
  return out;
}

/** Printed width in 字 (Han and full-width punctuation 1, digits and Latin ½). */
export function ziWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 || (c >= 0x2010 && c <= 0x206f) ? 1 : 0.5;
  }
  return w;
}

/**
 * Wraps text into lines of at most `width` 字 itself (for table cells, whose
 * width the template knows): breaks only outside kept pieces, never before
 * closing or after opening punctuation. A kept piece wider than a line is
 * broken by width as a last resort.
 */
export function wrapLines(text: string, width: number, opts: { keep?: readonly string[]; auto?: boolean; unitCost?: number } = {}): string[] {
  // the units that may not be split: kept pieces, and single characters glued to their punctuation
  const units: string[] = [];
  const cost = new Set<string>();
  for (const p of keptPieces(text, opts)) {
    if (p.keep) (units.push(p.text), cost.add(p.text));
    else for (const ch of p.text) units.push(ch);
  }
  const glued: string[] = [];
  for (const u of units) {
    const prev = glued[glued.length - 1];
    if (prev !== undefined && (CLOSING.includes(u[0]) || OPENING.includes(prev[prev.length - 1]))) glued[glued.length - 1] = prev + u;
    else glued.push(u);
  }
  const lines: string[] = [];
  let cur = '';
  // a kept piece printed as a ruby takes a little more room (opts.unitCost 字, measured in LibreOffice)
  let curW = 0;
  for (const u of glued.flatMap((g) => (ziWidth(g) > width ? splitByWidth(g, width) : [g]))) {
    const w = ziWidth(u) + (opts.unitCost && [...cost].some((k) => u.includes(k)) ? opts.unitCost : 0);
    if (cur && curW + w > width) {
      lines.push(cur);
      cur = u;
      curW = w;
    } else (cur += u), (curW += w);
  }
  if (cur || !lines.length) lines.push(cur);
  return lines;
}

/** Words a title may break after (关于…) or before (…的通知). */
const TITLE_BREAK_AFTER = ['关于', '、', '，', '：', ' ', '\u3000'];
const TITLE_BREAK_BEFORE = ['的通知', '的公布', '的公告', '的报告', '的决定', '的请示', '的意见', '的批复', '的函', '的情况', '的说明', '的实施方案', '的方案', '的通报', '和', '与', '及'];

/**
 * The words of a title where no break hint was given: boundaries after 关于
 * and punctuation, before 的通知/的公布/…, before 和/与/及, and between Han
 * characters and digits ("2026年度").
 */
export function titleWords(text: string): string[] {
  const s = text;
  const cuts = new Set<number>();
  for (const w of TITLE_BREAK_AFTER) for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) cuts.add(i + w.length);
  for (const w of TITLE_BREAK_BEFORE) for (let i = s.indexOf(w); i > 0; i = s.indexOf(w, i + 1)) cuts.add(i);
  for (let i = 1; i < s.length; i++) if (/\p{Script=Han}/u.test(s[i - 1]) && /\d/.test(s[i])) cuts.add(i);
  const at = [...cuts].filter((i) => i > 0 && i < s.length).sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const i of at) {
    out.push(s.slice(from, i));
    from = i;
  }
  out.push(s.slice(from));
  return out.filter(Boolean);
}

/**
 * Breaks a title into lines of at most `width` 字, only between words, with
 * the lines as even as possible (the longest line as short as it can be, then
 * the fewest lines): GB/T 9704 7.2.3 "回行时要做到词意完整，排列对称，长短适宜".
 * A word longer than a line is broken by width as a last resort.
 */
export function balancedLines(wordList: string[], width: number): string[] {
  return balancedGroups(wordList, width).map((g) => g.join(''));
}

/** balancedLines, each line as its words. */
export function balancedGroups(wordList: string[], width: number): string[][] {
  const ws = wordList.flatMap((w) => (ziWidth(w) <= width ? [w] : splitByWidth(w, width)));
  const total = ziWidth(ws.join(''));
  if (total <= width) return [ws];
  const n = ws.length;
  // best[i] = [max line width, line count, breaks] for the words i..n-1
  const best: { max: number; lines: number; spread: number; next: number }[] = Array(n + 1);
  best[n] = { max: 0, lines: 0, spread: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let w = 0;
    let pick: (typeof best)[number] | null = null;
    for (let j = i; j < n; j++) {
      w += ziWidth(ws[j]);
      if (w > width) break;
      const rest = best[j + 1];
      const cand = { max: Math.max(w, rest.max), lines: rest.lines + 1, spread: Math.max(rest.spread, rest.lines ? Math.abs(w - rest.max) : 0), next: j + 1 };
      if (!pick || cand.lines < pick.lines || (cand.lines === pick.lines && (cand.max < pick.max || (cand.max === pick.max && cand.spread < pick.spread)))) pick = cand;
    }
    best[i] = pick ?? { max: Infinity, lines: Infinity, spread: 0, next: i + 1 };
  }
  // fewest lines first, then the most balanced among them
  const lines: string[][] = [];
  for (let i = 0; i < n; i = best[i].next) lines.push(ws.slice(i, best[i].next));
  return lines;
}

/** Splits by width as a last resort, still never starting a piece with closing or ending one with opening punctuation. */
function splitByWidth(s: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (cur && ziWidth(cur + ch) > width && !CLOSING.includes(ch)) {
      let carry = '';
      while (cur.length > 1 && OPENING.includes(cur[cur.length - 1])) (carry = cur[cur.length - 1] + carry), (cur = cur.slice(0, -1));
      out.push(cur);
      cur = carry;
    }
    cur += ch;
  }
  return cur ? [...out, cur] : out;
}
