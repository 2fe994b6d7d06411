/** The view model of the 年度党费收缴、使用和管理情况公布 (.docx, templates/dues-report-docx.ts), from the year's figures. */
import type { DuesDocModel } from '../../templates/dues-report-docx.ts';
import { yuan } from './calc.ts';
import { monthLabel } from './months.ts';
import { pct } from './reports-common.ts';
import type { YearSummary } from './reports-year.ts';

/** '（统计至2026年10月，上缴统计至2026年9月）' for a year not yet over. */
export const period = (s: YearSummary): string => (s.end < `${s.year}-12` ? `（统计至${monthLabel(s.end)}${s.remitEnd ? `，上缴统计至${monthLabel(s.remitEnd)}` : ''}）` : '');

export const branchTable = (s: YearSummary) => ({
  headers: ['党支部', '应缴（元）', '实缴（元）', '收缴率', '上缴党委（元）'],
  rows: s.branchRows.map((r) => [r.orgName, yuan(r.dueFen), yuan(r.collectedFen), pct(r.collectedFen, r.dueFen), yuan(r.remittedFen)]),
  widthsMm: [48, 27, 27, 20, 34],
});

export function publicationModel(s: YearSummary, date: string): DuesDocModel {
  const balance = s.receivedFen - s.remittedUpFen - s.expenseTotalFen;
  return {
    title: `关于${s.year}年度党费收缴、使用和管理情况的公布`,
    intro: [`各党支部、全体党员：`, `根据《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）关于每年向党员公布一次党费收缴、使用和管理情况的要求，现将${s.committee.replace(/^中共/, '')}${s.year}年度党费收缴、使用和管理情况公布如下。`],
    sections: [
      {
        heading: '一、党费收缴情况',
        paragraphs: [
          `${s.year}年度${period(s)}全委应缴纳党费党员 ${s.members} 名，应缴党费 ${yuan(s.dueFen)} 元，实缴 ${yuan(s.collectedFen)} 元，收缴率 ${pct(s.collectedFen, s.dueFen)}。各党支部收缴情况如下：`,
        ],
        table: branchTable(s),
      },
      {
        heading: '二、党费上缴情况',
        paragraphs: [`各党支部全年上缴分局党委党费 ${yuan(s.receivedFen)} 元；分局党委上缴${s.upperBody}党费 ${yuan(s.remittedUpFen)} 元。`],
      },
      {
        heading: '三、党费使用情况',
        paragraphs: s.expenses.length
          ? [`全年使用党费 ${yuan(s.expenseTotalFen)} 元，均经党委集体研究决定，用途如下：`]
          : ['本年度未使用党费。'],
        table: s.expenses.length ? { headers: ['用途', '笔数', '金额（元）'], rows: s.expenses.map((e) => [e.purpose, String(e.count), yuan(e.amountFen)]), widthsMm: [96, 20, 40] } : undefined,
      },
      {
        heading: '四、党费结存情况',
        paragraphs: [`截至${s.end === `${s.year}-12` ? `${s.year}年底` : `${monthLabel(s.end)}底`}，分局党委党费结存 ${yuan(balance)} 元（本年收到 ${yuan(s.receivedFen)} 元，上缴 ${yuan(s.remittedUpFen)} 元，使用 ${yuan(s.expenseTotalFen)} 元），党费专户储存，专款专用。`, '欢迎广大党员对党费收缴、使用和管理工作进行监督，如有疑问请向分局党委组织部门反映。'],
      },
    ],
    signer: s.committee,
    date,
  };
}
