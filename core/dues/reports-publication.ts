/** The view model of the 年度党费收缴、使用和管理情况公布 (.docx, templates/dues-report-docx.ts), from the year's figures. */
import type { DuesDocModel, DuesDocTable } from '../../templates/dues-report-docx.ts';
import { yuan } from './calc.ts';
import { monthLabel } from './months.ts';
import { pct } from './reports-common.ts';
import type { YearSummary } from './reports-year.ts';
import { chineseDate } from '../../common/labels.ts';

/** '（统计至2026年10月，上缴统计至2026年9月）' for a year not yet over. */
export const period = (s: YearSummary): string => (s.end < `${s.year}-12` ? `（统计至${monthLabel(s.end)}${s.remitEnd ? `，上缴统计至${monthLabel(s.remitEnd)}` : ''}）` : '');

/** The months a figure covers: '全年' once December has ended, else '1—10月' (or '1月'). */
export const monthsSpan = (year: number, end: string | null): string => {
  if (!end || end < `${year}-01`) return '';
  if (end >= `${year}-12`) return '全年';
  const m = Number(end.slice(5, 7));
  return m === 1 ? '1月' : `1—${m}月`;
};

/** The branches' collection and remittance, amounts right-aligned, with a total. */
export const branchTable = (s: YearSummary): DuesDocTable => {
  const sum = (k: 'dueFen' | 'collectedFen' | 'remittedFen') => s.branchRows.reduce((a, r) => a + r[k], 0);
  const remitSpan = monthsSpan(s.year, s.remitEnd);
  const collectSpan = monthsSpan(s.year, s.end);
  const same = remitSpan === collectSpan;
  return {
    headers: ['党支部', '应缴（元）', '实缴（元）', '收缴率', same ? '上缴党委（元）' : `${remitSpan}上缴党委（元）`],
    rows: [
      ...s.branchRows.map((r) => [r.orgName, yuan(r.dueFen), yuan(r.collectedFen), pct(r.collectedFen, r.dueFen), yuan(r.remittedFen)]),
      ['合计', yuan(sum('dueFen')), yuan(sum('collectedFen')), pct(sum('collectedFen'), sum('dueFen')), yuan(sum('remittedFen'))],
    ],
    widthsMm: [44, 27, 27, 20, 38],
    align: ['left', 'right', 'right', 'right', 'right'],
  };
};

/** The committee's balance on the report's date: 上年结转 + received − remitted up − spent. */
export const balanceOf = (s: YearSummary): number => s.carriedInFen + s.receivedFen - s.remittedUpFen - s.expenseTotalFen;

export function publicationModel(s: YearSummary, date: string): DuesDocModel {
  const collectSpan = monthsSpan(s.year, s.end);
  const remitSpan = monthsSpan(s.year, s.remitEnd);
  const on = chineseDate(date);
  const spentWhen = s.end >= `${s.year}-12` ? '全年' : `截至${on}，本年`;
  return {
    title: `关于${s.year}年度党费收缴、使用和管理情况的公布`,
    intro: [`各党支部、全体党员：`, `根据《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）关于每年向党员公布一次党费收缴、使用和管理情况的要求，现将${s.committee.replace(/^中共/, '')}${s.year}年度党费收缴、使用和管理情况公布如下。`],
    sections: [
      {
        heading: '一、党费收缴情况',
        paragraphs: [
          `${s.year}年${collectSpan}，全委应缴纳党费党员${s.members}名，应缴党费${yuan(s.dueFen)}元，实缴${yuan(s.collectedFen)}元，收缴率${pct(s.collectedFen, s.dueFen)}。各党支部收缴情况如下：`,
        ],
        table: branchTable(s),
      },
      {
        heading: '二、党费上缴情况',
        paragraphs: [
          remitSpan
            ? `各党支部上缴分局党委${s.year}年${remitSpan}党费${yuan(s.receivedFen)}元；分局党委上缴${s.upperBody}党费${yuan(s.remittedUpFen)}元。${remitSpan !== '全年' ? '其余月份党费按规定到期后上缴。' : ''}`
            : `${s.year}年度党费尚未到上缴期限。`,
        ],
      },
      {
        heading: '三、党费使用情况',
        paragraphs: s.expenses.length ? [`${spentWhen}使用党费${yuan(s.expenseTotalFen)}元，均经党委集体研究决定，用途如下：`] : [`${spentWhen}未使用党费。`],
        table: s.expenses.length
          ? { headers: ['用途', '笔数', '金额（元）'], rows: s.expenses.map((e) => [e.purpose, String(e.count), yuan(e.amountFen)]), widthsMm: [96, 20, 40], align: ['left', 'right', 'right'] }
          : undefined,
      },
      {
        heading: '四、党费结存情况',
        paragraphs: [
          `截至${on}，分局党委党费结存${yuan(balanceOf(s))}元：上年结转${yuan(s.carriedInFen)}元，本年收到各党支部上缴${remitSpan ? `${remitSpan}党费` : ''}${yuan(s.receivedFen)}元，上缴${s.upperBody}${yuan(s.remittedUpFen)}元，使用${yuan(s.expenseTotalFen)}元。党费专户储存，专款专用。`,
          '欢迎广大党员对党费收缴、使用和管理工作进行监督，如有疑问请向分局党委组织部门反映。',
        ],
      },
    ],
    signer: s.committee,
    date,
  };
}
