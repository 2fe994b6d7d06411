/**
 * View models of the development documents: the 发展党员工作台账 (five
 * registers for a year) and the 公示 notice of one person. Plain formatted
 * strings; templates/development-*.ts lays them out.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { addMonths } from '../../common/dates.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate, monthLabel, partyOrgName } from '../../common/labels.ts';
import { LEDGER_SHEET_NAMES, developmentLedgerWorkbook, type DevPerson, type DevelopmentLedgerModel } from '../../templates/development-ledger.ts';
import { noticeDocument, type NoticeModel } from '../../templates/development-notice.ts';
import { checklistDocument } from '../../templates/development-checklist.ts';
import { probationEnd } from './engine.ts';
import { rulesOn } from './rulesets.ts';
import { STEP } from './steps.ts';
import { stageOf, type DevFile, type StepRecord } from './model.ts';
import { currentRules, loadFile } from './service.ts';
import { currentCalendar } from './rules-guard.ts';
import { workingDaysEnd, type HolidayCalendar } from '../../common/workdays.ts';
import { getFileView, loadAll } from './roster.ts';

const yearMonth = (iso: string) => (iso ? monthLabel(iso.slice(0, 7)) : '');
/** 工作单位及职务: in a register cell the unit and the post as two words ("分局指挥中心 民警"), so neither runs into the other; in prose run together. */
export const workAndPost = (f: Pick<DevFile, 'workUnit' | 'position'>, sep = ' ') => [f.workUnit, f.position].map((s) => s?.trim()).filter(Boolean).join(sep);
const person = (f: DevFile): DevPerson => ({ name: f.name, gender: f.gender, ethnicity: f.ethnicity, birthMonth: yearMonth(f.birthDate), education: f.education ?? '', workAndPost: workAndPost(f), branchName: f.branchName });

function introducerNames(steps: StepRecord[]): string {
  return (steps.find((s) => s.step === STEP.introducers)?.details.introducers ?? []).map((i) => i.name).join('、');
}

export async function ledgerModel(ctx: Ctx, year: number): Promise<DevelopmentLedgerModel> {
  const today = ctx.platform.today();
  const yearEnd = `${year}-12-31`;
  const asOf = yearEnd < today ? yearEnd : today;
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const rules = await currentRules(ctx.db);
  const all = await loadAll(ctx.db, { scope: 'all' });
  const byBranch = (a: { file: DevFile }, b: { file: DevFile }) => a.file.branchName.localeCompare(b.file.branchName, 'zh');
  const date = (steps: StepRecord[], n: number) => steps.find((s) => s.step === n)?.date ?? '';
  // Registers of people at a stage on `asOf`: only the steps dated by then count.
  const atStage = (stage: string) =>
    all
      .map(({ file, steps }) => ({ file, steps: steps.filter((s) => s.date <= asOf) }))
      .filter(({ file, steps }) => steps.length && (!file.leftDate || file.leftDate > asOf) && stageOf(steps) === stage)
      .sort((a, b) => date(a.steps, STEP.application).localeCompare(date(b.steps, STEP.application)) || byBranch(a, b));
  const inYear = (n: number) =>
    all.filter(({ steps }) => date(steps, n).startsWith(`${year}-`)).sort((a, b) => date(a.steps, n).localeCompare(date(b.steps, n)) || byBranch(a, b));
  const footer = `填表人：　　　　　　审核人：　　　　　　填表日期：${chineseDate(today)}`;
  const sub = (n: number, what: string) => `填报单位：${unit}　　统计截至${chineseDate(asOf)}　　共 ${n} 名${what}`;

  const applicants = atStage('申请人');
  const activists = atStage('入党积极分子');
  const candidates = atStage('发展对象');
  const admitted = inYear(STEP.branchMeeting);
  const converted = inYear(STEP.conversionApproval);

  const step = (steps: StepRecord[], n: number) => steps.find((s) => s.step === n);
  return {
    applicants: {
      title: `${year}年度入党申请人基本情况登记表`,
      subtitle: sub(applicants.length, '入党申请人'),
      rows: applicants.map(({ file, steps }) => ({ ...person(file), appliedOn: date(steps, STEP.application), talkedOn: date(steps, STEP.talk), talkedBy: step(steps, STEP.talk)?.actor ?? '', note: file.note ?? '' })),
      footer,
    },
    activists: {
      title: `${year}年度入党积极分子基本情况登记表`,
      subtitle: sub(activists.length, '入党积极分子'),
      rows: activists.map(({ file, steps }) => ({
        ...person(file),
        appliedOn: date(steps, STEP.application),
        activistOn: date(steps, STEP.activist),
        contacts: (step(steps, STEP.contactPersons)?.details.contacts ?? []).join('、'),
        filedOn: date(steps, STEP.activistFiling),
        candidateFrom: step(steps, STEP.activist) ? addMonths(date(steps, STEP.activist), rulesOn(rules, date(steps, STEP.activist)).values.activistMinMonths) : '',
        note: file.note ?? '',
      })),
      footer,
    },
    candidates: {
      title: `${year}年度发展对象基本情况登记表`,
      subtitle: sub(candidates.length, '发展对象'),
      rows: candidates.map(({ file, steps }) => {
        const t = step(steps, STEP.training);
        return {
          ...person(file),
          appliedOn: date(steps, STEP.application),
          activistOn: date(steps, STEP.activist),
          candidateOn: date(steps, STEP.candidate),
          introducers: introducerNames(steps),
          politicalReview: step(steps, STEP.politicalReview) ? `${chineseDate(date(steps, STEP.politicalReview))}完成` : '未完成',
          training: t ? `${t.details.trainingDays ?? 0}天/${t.details.trainingHours ?? 0}学时` : '未参加',
          note: file.note ?? '',
        };
      }),
      footer,
    },
    admitted: {
      title: `${year}年度新发展党员登记表`,
      subtitle: `填报单位：${unit}　　${year}年度经支部大会接收预备党员 ${admitted.length} 名`,
      rows: admitted.map(({ file, steps }) => ({
        ...person(file),
        appliedOn: date(steps, STEP.application),
        activistOn: date(steps, STEP.activist),
        candidateOn: date(steps, STEP.candidate),
        admittedOn: date(steps, STEP.branchMeeting),
        approvedOn: date(steps, STEP.approval),
        introducers: introducerNames(steps),
        swornOn: date(steps, STEP.oath),
        note: file.leftType ? `${file.leftType}（${chineseDate(file.leftDate ?? '')}）` : (file.note ?? ''),
      })),
      footer,
    },
    converted: {
      title: `${year}年度预备党员转正登记表`,
      subtitle: `填报单位：${unit}　　${year}年度经上级党委批准转正 ${converted.length} 名`,
      rows: converted.map(({ file, steps }) => ({
        ...person(file),
        admittedOn: date(steps, STEP.branchMeeting),
        probationEnd: probationEnd(date(steps, STEP.branchMeeting), rules, null),
        extension: file.extensionMonths ? `${file.extensionMonths}个月` : '',
        meetingOn: date(steps, STEP.conversionMeeting),
        approvedOn: date(steps, STEP.conversionApproval),
        fullDate: probationEnd(date(steps, STEP.branchMeeting), rules, file.extensionMonths),
        note: file.note ?? '',
      })),
      footer,
    },
  };
}

export async function exportLedger(ctx: Ctx, year: number): Promise<{ bytes: Uint8Array; fileName: string; counts: Record<string, number> }> {
  const model = await ledgerModel(ctx, year);
  const bytes = await developmentLedgerWorkbook(model);
  return { bytes, fileName: `${year}年度发展党员工作台账.xlsx`, counts: Object.fromEntries((Object.keys(LEDGER_SHEET_NAMES) as (keyof DevelopmentLedgerModel)[]).map((k) => [LEDGER_SHEET_NAMES[k], model[k].rows.length])) };
}

/** The last day of a notice of `days` working days starting on `start`, by a holiday calendar (none given: Monday to Friday). */
export function noticeEnd(start: string, days: number, calendar: HolidayCalendar = []): string {
  return workingDaysEnd(start, days, calendar).end;
}

export type NoticeKind = '发展对象' | '预备党员';

/**
 * What the clerk must know before posting a 公示 whose end date rests on a year the
 * holiday calendar does not know (counted Monday to Friday): the date may move once
 * that year's 放假安排 is entered. The posted text carries no "暂算" (the public reads
 * a period, not a caveat); the warning goes to the clerk instead, on every path.
 */
export function noticeWarnings(unknownYears: number[], end: string): string[] {
  if (!unknownYears.length) return [];
  const years = unknownYears.map((y) => `${y}年`).join('、');
  return [`${years}节假日安排未录入，公示截止日期按周一至周五暂算为${chineseDate(end)}，请核对后再张贴（在发展党员规则设置的“节假日安排”中录入${years}放假安排后重新生成，即按节假日计算）。`];
}

export interface NoticeOptions {
  kind: NoticeKind;
  start: string;
  days: number;
  contact: string | null;
}

export async function noticeModel(ctx: Ctx, fileId: string, opts: NoticeOptions): Promise<NoticeModel & { end: string; warnings: string[] }> {
  const { file, steps } = await loadFile(ctx.db, fileId);
  const date = (n: number) => steps.find((s) => s.step === n)?.date;
  if (opts.kind === '发展对象' && !date(STEP.activist)) throw new LedgerError('尚未确定为入党积极分子，不能公示为发展对象');
  if (opts.kind === '预备党员' && !date(STEP.candidate)) throw new LedgerError('尚未确定为发展对象，不能公示为拟接收的预备党员');
  const unit = (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const signer = partyOrgName(`${unit}${file.branchName}`);
  const due = workingDaysEnd(opts.start, opts.days, await currentCalendar(ctx.db));
  const end = due.end;
  const edu = file.education ? `，${file.education}学历` : '';
  const post = workAndPost(file, '') ? `，${workAndPost(file, '')}` : '';
  const facts = [
    `${chineseDate(date(STEP.application)!)}递交入党申请书`,
    date(STEP.activist) && `${chineseDate(date(STEP.activist)!)}被确定为入党积极分子`,
    opts.kind === '预备党员' && date(STEP.candidate) && `${chineseDate(date(STEP.candidate)!)}被确定为发展对象`,
  ]
    .filter(Boolean)
    .join('，');
  const intro = introducerNames(steps);
  const what = opts.kind === '发展对象' ? '确定为发展对象' : '发展为中共预备党员';
  const paragraphs = [
    `经党支部委员会研究，拟将${file.name}同志${what}。根据《中国共产党发展党员工作细则》有关规定，现将有关情况公示如下：`,
    `${file.name}，${file.gender}，${file.ethnicity}，${chineseDate(file.birthDate).replace(/\d+日$/, '')}出生${edu}${post}。${facts}${opts.kind === '预备党员' && intro ? `，入党介绍人为${intro}` : ''}。`,
    `公示时间：${chineseDate(opts.start)}至${opts.start.slice(0, 4) === end.slice(0, 4) ? chineseDate(end).replace(/^\d+年/, '') : chineseDate(end)}（${opts.days}个工作日）。`,
    `公示期间，党员和群众可通过来电、来信、来访等方式，向党支部${opts.kind === '预备党员' ? '或上级党委组织部门' : ''}反映公示对象的情况和问题。反映问题要实事求是，以个人名义反映的应署真实姓名，以单位名义反映的应加盖公章。`,
    ...(opts.contact ? [`联系电话：${opts.contact}`] : []),
  ];
  const title = opts.kind === '发展对象' ? `关于拟确定${file.name}同志为发展对象的公示` : `关于拟发展${file.name}同志为中共预备党员的公示`;
  const keep = [file.name, ...intro.split('、')].filter(Boolean);
  return { title, paragraphs, signer, date: opts.start, end, warnings: noticeWarnings(due.unknownYears, end), keep };
}

/** The 公示 .docx, its last day, and the warnings the clerk sees before posting it (an end date counted Monday to Friday). */
export async function exportNotice(ctx: Ctx, fileId: string, opts: NoticeOptions): Promise<{ bytes: Uint8Array; fileName: string; end: string; warnings: string[] }> {
  const model = await noticeModel(ctx, fileId, opts);
  return { bytes: await noticeDocument(model), fileName: `${model.title}.docx`, end: model.end, warnings: model.warnings };
}

/** The per-person 档案材料清单: what the file must hold for the steps done, and what is missing. */
export async function exportChecklist(ctx: Ctx, fileId: string): Promise<{ bytes: Uint8Array; fileName: string; missing: number }> {
  const v = await getFileView(ctx, fileId);
  const f = v.file;
  const rows = v.checklist.map((c, i) => [String(i + 1), `第${c.step}步 ${c.name}`, c.document, c.kept ? (c.files.length ? `已存（扫描件 ${c.files.length} 份）` : '已存') : '缺']);
  const title = `${f.name}同志发展党员档案材料清单`;
  const bytes = await checklistDocument({
    title,
    subtitle: `${f.branchName}　${f.leftType ?? v.stage}　截至${chineseDate(ctx.platform.today())}`,
    rows,
    keep: [f.name],
    summary: v.missingDocuments ? `应存材料 ${v.checklist.length} 份，缺 ${v.missingDocuments} 份：${v.checklist.filter((c) => !c.kept).map((c) => c.document).join('、')}。` : `应存材料 ${v.checklist.length} 份，均已留存。`,
  });
  return { bytes, fileName: `${title}.docx`, missing: v.missingDocuments };
}
