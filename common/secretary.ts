/** The 书记述职 indicators' keys and how each figure reads, shared by core (the 明细 sheet, the CLI) and the renderer (the table on 统计分析). */
export const INDICATOR_KEYS = ['meetings', 'themeDays', 'lifeMeeting', 'evaluation', 'development', 'dues', 'term', 'hours', 'rectification'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface IndicatorFigures {
  meetingsDue: number;
  meetingsHeld: number;
  meetingsRate: number | null;
  themeDue: number;
  themeHeld: number;
  lifeMeeting: string;
  evaluation: string;
  developmentPlan: string;
  developmentDone: number;
  duesRate: number | null;
  term: string;
  hoursMembers: number;
  hoursMet: number;
  hoursRate: number | null;
  rectItems: number;
  rectClosed: number;
  rectRate: number | null;
}

const pctText = (v: number | null) => (v === null ? '—' : `${v}%`);

/** One indicator's figure in words: "2/16（12.5%）", "已召开", "1（计划数未录入）". */
export function indicatorValue(r: IndicatorFigures, k: IndicatorKey): string {
  switch (k) {
    case 'meetings': return `${r.meetingsHeld}/${r.meetingsDue}（${pctText(r.meetingsRate)}）`;
    case 'themeDays': return `${r.themeHeld}/${r.themeDue}`;
    case 'lifeMeeting': return r.lifeMeeting;
    case 'evaluation': return r.evaluation;
    case 'development': return `${r.developmentDone}（计划${r.developmentPlan}）`;
    case 'dues': return pctText(r.duesRate);
    case 'term': return r.term;
    case 'hours': return `${r.hoursMet}/${r.hoursMembers}（${pctText(r.hoursRate)}）`;
    case 'rectification': return `${r.rectClosed}/${r.rectItems}（${pctText(r.rectRate)}）`;
  }
}
