/**
 * 党建工作提醒 of a month (.docx, GB/T 9704 通知 layout): the 发文机关标志 and 发文字号 over the red separator,
 * the title, 主送 各党支部, the month's 主题党日 theme, each branch's items, what the 党委 itself owes, the
 * requirements, the signature and 成文日期. core/notices/export.ts builds the model; this only lays it out.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph } from 'docx';
import { blankLine, documentBytes, heading1, heading2, paragraph, signatureBlock, title } from './gbt9704.ts';
import { FONTS, LINE_PITCH_TWIPS, exactLine, mmToTwip, run } from './gbt9704/page.ts';

export interface MonthlyNoticeOrg {
  name: string;
  /** "组织生活：尚未开展：…" */
  lines: string[];
}

export interface MonthlyNoticeModel {
  /** 中共××分局委员会 (the 发文机关标志 and the signer) */
  committee: string;
  /** 临江党委〔2026〕5号 */
  docNo: string;
  heading: string;
  addressee: string;
  intro: string;
  theme: { theme: string; content: string | null } | null;
  monthLabel: string;
  branches: MonthlyNoticeOrg[];
  party: string[];
  requirements: string[];
  issuedOn: string;
  /** words a line must not break inside (the people named) */
  keep?: readonly string[];
}

const CN = '〇一二三四五六七八九';
/** 1 → 一, 11 → 十一, 23 → 二十三 (the heading numbers of a list of branches) */
export function cnNumber(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

const RED = 'C00000';

/** 发文机关标志 (red 小标宋, its top 35 mm below the type area's top) and 发文字号 centred two lines below, the red line 4 mm under it. */
function letterhead(issuer: string, docNo: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: mmToTwip(14), lineRule: LineRuleType.EXACT, before: mmToTwip(35), after: 0 },
      children: [run(issuer, FONTS.title, issuer.length > 15 ? '小一' : '一号', { color: RED })],
    }),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exactLine(), after: LINE_PITCH_TWIPS },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: [run(docNo)],
    }),
  ];
}

export async function monthlyNoticeDocument(m: MonthlyNoticeModel): Promise<Uint8Array> {
  const body: Paragraph[] = [paragraph(`${m.addressee}：`, { indent: false }), paragraph(m.intro, { indent: true })];
  let n = 0;
  const section = (text: string) => body.push(heading1(`${cnNumber(++n)}、${text}`));
  if (m.theme) {
    section(`${m.monthLabel}主题党日`);
    body.push(paragraph(`主题：${m.theme.theme}。`, { indent: true }));
    if (m.theme.content) body.push(paragraph(`内容建议：${m.theme.content.replace(/[。；]$/, '')}。`, { indent: true }));
  }
  section('各党支部本月工作提醒');
  m.branches.forEach((b, i) => {
    body.push(heading2(`（${cnNumber(i + 1)}）${b.name}`));
    if (b.lines.length) b.lines.forEach((l, k) => body.push(paragraph(`${k + 1}. ${l}`, { indent: true, keep: m.keep })));
    else body.push(paragraph('本月暂无到期事项，请按年度计划正常开展组织生活。', { indent: true }));
  });
  section('党委本月工作事项');
  if (m.party.length) m.party.forEach((l, k) => body.push(paragraph(`${k + 1}. ${l}`, { indent: true, keep: m.keep })));
  else body.push(paragraph('本月党委暂无到期事项。', { indent: true }));
  section('有关要求');
  m.requirements.forEach((l) => body.push(paragraph(l, { indent: true })));
  body.push(blankLine());
  body.push(...signatureBlock(m.committee, m.issuedOn, { sealed: true, keepTogether: true }));
  return documentBytes([{ children: [...letterhead(m.committee, m.docNo), blankLine(), title(m.heading), ...body] }], { title: m.heading });
}
