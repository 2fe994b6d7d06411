/**
 * 学习提醒 of a month (.docx, GB/T 9704 通知 layout): what the 中心组 and the branches study this month.
 * The summary's "每月下发学习提醒" (../shared/reference/work-summary-example.txt): the plan's topics of the
 * month, the 中心组 sessions due, the 政治学习日 dates and the members still short of their 学时.
 */
import { blankLine, documentBytes, heading1, paragraph, signatureBlock, title } from './gbt9704.ts';

export interface ReminderTopic {
  no: number;
  title: string;
  form: string;
  lead: string | null;
}

export interface ReminderShortBranch {
  branch: string;
  /** "张三（已 20 学时，应 32）" */
  people: string[];
}

export interface StudyReminderModel {
  /** 2026-05 */
  month: string;
  /** 中共××分局委员会 (the signer) */
  committee: string;
  /** who receives it: "各党支部、理论学习中心组成员" */
  addressees: string;
  /** the plan's topics planned for the month */
  topics: ReminderTopic[];
  /** earlier topics not yet studied (overdue) */
  overdue: ReminderTopic[];
  /** 政治学习日 dates of the month (ISO), null when the unit has no 政治学习日 rule on */
  studyDays: string[] | null;
  studyWeekday: string | null;
  /** null before the month the 学时 check starts (October) */
  short: ReminderShortBranch[] | null;
  /** the 学时 rule in words: "党员每年不少于32学时…" */
  hoursRule: string;
  /** date of issue (ISO) */
  issuedOn: string;
}

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const topicLine = (t: ReminderTopic) => `${t.no}. ${t.title}（${t.form}${t.lead ? `，牵头：${t.lead}` : ''}）`;
const CN = ['一', '二', '三', '四', '五', '六'];

export async function studyReminderDocument(m: StudyReminderModel): Promise<Uint8Array> {
  const y = Number(m.month.slice(0, 4));
  const mon = Number(m.month.slice(5, 7));
  const heading = `关于${y}年${mon}月理论学习的提醒`;
  const body = [];
  let n = 0;
  const section = (text: string) => heading1(`${CN[n++]}、${text}`);
  body.push(paragraph(`${m.addressees}：`, { indent: false }));
  body.push(paragraph(`为落实理论学习中心组学习和“第一议题”制度，推动党员经常性学习，现将${mon}月学习安排提醒如下。`, { indent: true }));
  body.push(section('中心组学习重点'));
  if (m.topics.length) for (const t of m.topics) body.push(paragraph(topicLine(t), { indent: true }));
  else body.push(paragraph('本月年度学习安排未列学习专题，可结合上级最新要求开展学习。', { indent: true }));
  if (m.overdue.length) {
    body.push(paragraph('以下专题已过计划月份尚未学习，请抓紧安排：', { indent: true }));
    for (const t of m.overdue) body.push(paragraph(topicLine(t), { indent: true }));
  }
  body.push(section('“第一议题”'));
  body.push(paragraph('党委会、中心组学习和支部“三会一课”须将学习习近平新时代中国特色社会主义思想和习近平总书记最新重要讲话、重要指示批示精神作为第一议题，记录学习内容、来源和形式。', { indent: true }));
  if (m.studyDays) {
    body.push(section('政治学习日'));
    body.push(paragraph(m.studyDays.length ? `本月政治学习日为${m.studyDays.map(md).join('、')}（每周${m.studyWeekday ?? ''}），各党支部按时组织并做好记录。` : '本月无政治学习日安排。', { indent: true }));
  }
  body.push(section('学时'));
  body.push(paragraph(m.hoursRule, { indent: true }));
  if (m.short) {
    if (m.short.length) {
      body.push(paragraph('截至目前，以下同志学时尚未达到要求，请所在党支部督促补学：', { indent: true }));
      for (const b of m.short) body.push(paragraph(`${b.branch}：${b.people.join('、')}。`, { indent: true }));
    } else body.push(paragraph('截至目前，全体党员学时均已达到要求。', { indent: true }));
  }
  body.push(blankLine());
  body.push(...signatureBlock(m.committee, m.issuedOn));
  return documentBytes([{ children: [title(heading), ...body] }], { title: heading });
}
