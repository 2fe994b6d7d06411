/**
 * Reading development files: one file with its findings, next steps and the
 * checklist of documents; the roster (花名册) by stage; the monthly reminders.
 * Findings here are judged against today, so what is overdue shows; a
 * deadline that fell before the 台账启用日期 (core/settings/start-date.ts) is
 * shown as 启用前到期, for information, never as overdue.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { addMonths } from '../../common/dates.ts';
import { evaluate, probationEnd, rulesUsed, stepVersions, type Finding } from './engine.ts';
import { rulesOn, type RuleSet } from './rulesets.ts';
import { STAGE_TITLES, STEP, STEPS, stepDef, type StageTitle } from './steps.ts';
import { dossierOf, rowToFile, rowToStep, stageOf, type DevFile, type StepRecord } from './model.ts';
import { currentRules, loadFile } from './service.ts';
import { ledgerStartDate } from '../settings/start-date.ts';

export interface NextStepView {
  step: number;
  name: string;
  earliest: string;
  latest: string | null;
  /** "暂算" reason: the date rests on a year the holiday calendar does not know. */
  provisional?: string;
  /** the latest date has passed, on or after the 台账启用日期 (a date before it is not judged overdue) */
  overdue?: boolean;
}

export interface ChecklistItem {
  step: number;
  name: string;
  document: string;
  /** Marked as kept on the step, or a scan is attached under this document's name. */
  kept: boolean;
  files: { id: string; fileName: string }[];
}

/** Attached files of a file, by document name (the attachment's kind). */
export type AttachedFiles = Map<string, { id: string; fileName: string }[]>;

async function attachedFiles(tx: Tx, fileId?: string): Promise<Map<string, AttachedFiles>> {
  let q = tx.selectFrom('attachments').select(['id', 'entity_id', 'kind', 'file_name']).where('entity', '=', 'development_files').where('deleted_at', 'is', null);
  if (fileId) q = q.where('entity_id', '=', fileId);
  const out = new Map<string, AttachedFiles>();
  for (const r of await q.orderBy('created_at').execute()) {
    const byKind = out.get(r.entity_id) ?? new Map();
    const list = byKind.get(r.kind ?? '') ?? [];
    list.push({ id: r.id, fileName: r.file_name });
    byKind.set(r.kind ?? '', list);
    out.set(r.entity_id, byKind);
  }
  return out;
}

export interface FileView {
  file: DevFile;
  stage: StageTitle;
  applicationDate: string;
  probationEnd: string | null;
  steps: StepRecord[];
  findings: Finding[];
  next: NextStepView[];
  checklist: ChecklistItem[];
  missingDocuments: number;
  rules: { version: string; title: string; verified: boolean };
  /** The version that judged each recorded step (step → version), and those versions: switching the unit's default never re-judges a step. */
  stepRules: Record<number, string>;
  versions: { version: string; title: string; verified: boolean; source: string; effectiveFrom: string }[];
}

/** Documents the file must hold for the steps done so far, and whether each is kept. */
export function checklistOf(steps: StepRecord[], attached: AttachedFiles = new Map()): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  for (const s of steps)
    for (const doc of stepDef(s.step).documents) {
      const files = attached.get(doc) ?? [];
      out.push({ step: s.step, name: stepDef(s.step).name, document: doc, kept: s.documents.includes(doc) || files.length > 0, files });
    }
  return out;
}

/** The version a file is judged by: the one in force on its latest recorded step. */
function shownRules(rules: RuleSet, steps: StepRecord[]): FileView['rules'] {
  const r = rulesOn(rules, steps.map((s) => s.date).sort().at(-1));
  return { version: r.version, title: r.title, verified: r.verified };
}

export function viewOf(file: DevFile, steps: StepRecord[], rules: RuleSet, today: string, attached?: AttachedFiles, startDate = ''): FileView {
  const open = !file.leftType;
  const dossier = dossierOf(file, steps);
  const ev = evaluate(dossier, rules, { today: open ? today : null });
  // a step not yet taken whose deadline fell before the 台账启用日期 is not judged overdue (the reminders list it as 启用前到期);
  // the 6-month limit of an approval runs past the step's own latest date, so it stays
  const beforeStart = new Set(ev.next.filter((n) => n.latest && n.latest < startDate).map((n) => n.step));
  const findings = ev.findings.filter((f) => !(beforeStart.has(f.step) && !steps.some((s) => s.step === f.step) && f.rule !== 'approval-6-months'));
  const s15 = steps.find((s) => s.step === STEP.branchMeeting);
  const checklist = checklistOf(steps, attached);
  return {
    file,
    stage: stageOf(steps),
    applicationDate: steps.find((s) => s.step === STEP.application)?.date ?? '',
    probationEnd: s15 ? probationEnd(s15.date, rules, file.extensionMonths) : null,
    steps,
    findings,
    next: open ? ev.next.map((n) => ({ ...n, name: stepDef(n.step).name, overdue: !!n.latest && n.latest < today && n.latest >= startDate })) : [],
    checklist,
    missingDocuments: checklist.filter((c) => !c.kept).length,
    rules: shownRules(rules, steps),
    stepRules: stepVersions(dossier, rules),
    versions: rulesUsed(dossier, rules).map((v) => ({ version: v.version, title: v.title, verified: v.verified, source: v.source, effectiveFrom: v.effectiveFrom })),
  };
}

export async function getFileView(ctx: Ctx, id: string): Promise<FileView> {
  const { file, steps } = await loadFile(ctx.db, id);
  const today = ctx.platform.today();
  return viewOf(file, steps, await currentRules(ctx.db), today, (await attachedFiles(ctx.db, id)).get(id), await ledgerStartDate(ctx.db, today));
}

/** Every file with its steps, two queries. */
export async function loadAll(tx: Tx, opts: { branchId?: string; scope?: 'open' | 'left' | 'all' } = {}): Promise<{ file: DevFile; steps: StepRecord[] }[]> {
  let q = tx.selectFrom('development_files as f').innerJoin('org_units as b', 'b.id', 'f.branch_id').selectAll('f').select(['b.name as branch_name', 'b.sort_order as branch_order']).where('f.deleted_at', 'is', null);
  if (opts.branchId) q = q.where('f.branch_id', '=', opts.branchId);
  if ((opts.scope ?? 'open') === 'open') q = q.where('f.left_type', 'is', null);
  if (opts.scope === 'left') q = q.where('f.left_type', 'is not', null);
  const files = await q.execute();
  const steps = await tx
    .selectFrom('development_steps as s')
    .innerJoin('development_files as f', 'f.id', 's.file_id')
    .selectAll('s')
    .where('f.deleted_at', 'is', null)
    .orderBy('s.step')
    .execute();
  const by = new Map<string, StepRecord[]>();
  for (const s of steps) {
    const list = by.get(s.file_id) ?? [];
    list.push(rowToStep(s));
    by.set(s.file_id, list);
  }
  return files.map((f) => ({ file: rowToFile(f), steps: by.get(f.id) ?? [] }));
}

export interface RosterRow {
  id: string;
  name: string;
  gender: string;
  birthDate: string;
  branchId: string;
  branchName: string;
  stage: StageTitle;
  applicationDate: string;
  lastStep: number;
  lastStepName: string;
  lastStepDate: string;
  next: NextStepView | null;
  /** the next step's latest date has passed, on or after the 台账启用日期 */
  overdue: boolean;
  errors: number;
  warnings: number;
  missingDocuments: number;
  memberId: string | null;
  leftType: string | null;
  leftDate: string | null;
  /** 正式党员 whose file still waits for step 25 (归档) */
  done: boolean;
}

/** The first next step worth showing: the one with a deadline, else the lowest-numbered. */
function headline(next: NextStepView[]): NextStepView | null {
  return [...next].sort((a, b) => (a.latest ?? '9999') .localeCompare(b.latest ?? '9999') || a.step - b.step)[0] ?? null;
}

export async function listRoster(ctx: Ctx, opts: { branchId?: string; stage?: string; scope?: 'open' | 'left' | 'all' } = {}): Promise<RosterRow[]> {
  const rules = await currentRules(ctx.db);
  const today = ctx.platform.today();
  const startDate = await ledgerStartDate(ctx.db, today);
  const rows: RosterRow[] = [];
  const attached = await attachedFiles(ctx.db);
  for (const { file, steps } of await loadAll(ctx.db, opts)) {
    if (!steps.length) continue;
    const v = viewOf(file, steps, rules, today, attached.get(file.id), startDate);
    if (opts.stage && v.stage !== opts.stage) continue;
    const last = steps[steps.length - 1];
    rows.push({
      id: file.id,
      name: file.name,
      gender: file.gender,
      birthDate: file.birthDate,
      branchId: file.branchId,
      branchName: file.branchName,
      stage: v.stage,
      applicationDate: v.applicationDate,
      lastStep: last.step,
      lastStepName: stepDef(last.step).name,
      lastStepDate: last.date,
      next: headline(v.next),
      overdue: !!headline(v.next)?.overdue,
      errors: v.findings.filter((f) => f.severity === 'error').length,
      warnings: v.findings.filter((f) => f.severity === 'warning').length,
      missingDocuments: v.missingDocuments,
      memberId: file.memberId,
      leftType: file.leftType,
      leftDate: file.leftDate,
      done: steps.some((s) => s.step === STEP.archiving),
    });
  }
  return rows.sort((a, b) => STAGE_TITLES.indexOf(a.stage) - STAGE_TITLES.indexOf(b.stage) || a.applicationDate.localeCompare(b.applicationDate) || a.name.localeCompare(b.name, 'zh'));
}

export interface Reminder {
  fileId: string;
  name: string;
  branchName: string;
  stage: StageTitle;
  step: number;
  stepName: string;
  /**
   * 已逾期: the latest date has passed; 本月到期: the latest date falls in the month; 本月可办: the earliest date falls in the month;
   * 启用前到期: the date passed before the 台账启用日期 (for information, not judged overdue)
   */
  kind: '已逾期' | '本月到期' | '本月可办' | '启用前到期';
  earliest: string;
  latest: string | null;
  message: string;
  /** "暂算" reason: the date shown rests on a year the holiday calendar does not know (counted Monday to Friday). */
  provisional?: string;
}

/**
 * One open file's reminders in month `m` (YYYY-MM), judged on `today`: deadlines passed or falling in the month,
 * steps that become possible in it. A date counted Monday to Friday for a year without 放假安排 carries its "暂算" reason.
 * A deadline before `startDate` (the 台账启用日期) is 启用前到期, not 已逾期.
 */
export function fileReminders(v: FileView, m: string, today: string, startDate = ''): Reminder[] {
  const items: Reminder[] = [];
  const monthEnd = addMonths(`${m}-01`, 1);
  const base = { fileId: v.file.id, name: v.file.name, branchName: v.file.branchName, stage: v.stage };
  for (const n of v.next) {
    const label = `${n.name}`;
    const step = { ...base, step: n.step, stepName: n.name, ...(n.provisional ? { provisional: n.provisional } : {}) };
    const conversion = n.step === STEP.conversionRequest || n.step === STEP.conversionMeeting;
    if (n.latest && n.latest < startDate) items.push({ ...step, kind: '启用前到期', earliest: n.earliest, latest: n.latest, message: `${label}应在 ${n.latest} 前完成（台账启用前到期，请核实是否已办理并补录）` });
    else if (n.latest && n.latest < today) items.push({ ...step, kind: '已逾期', earliest: n.earliest, latest: n.latest, message: `${label}应在 ${n.latest} 前完成，已逾期` });
    else if (n.latest && n.latest < monthEnd && n.latest >= `${m}-01`) items.push({ ...step, kind: '本月到期', earliest: n.earliest, latest: n.latest, message: `${label}最迟 ${n.latest}` });
    else if (!n.latest && n.earliest >= `${m}-01` && n.earliest < monthEnd && (n.step === STEP.candidate || conversion))
      items.push({ ...step, kind: '本月可办', earliest: n.earliest, latest: null, message: `${label}：${n.earliest} 起可办${conversion ? '（预备期满）' : '（培养满一年）'}` });
    // A probation that ended in an earlier month and has not been discussed: the branch should discuss it promptly.
    else if (!n.latest && n.earliest < `${m}-01` && n.earliest < today && conversion)
      items.push({ ...step, kind: n.earliest < startDate ? '启用前到期' : '已逾期', earliest: n.earliest, latest: null, message: `预备期已于 ${v.probationEnd} 期满，应及时${n.step === STEP.conversionRequest ? '提出转正申请并' : ''}讨论能否转正` });
  }
  // Half-yearly assessment of an activist (the assessment step is done, the 发展对象 not yet fixed).
  const half = v.findings.find((f) => f.rule === 'assessment-half-yearly');
  if (half) items.push({ ...base, step: STEP.assessment, stepName: stepDef(STEP.assessment).name, kind: '已逾期', earliest: v.applicationDate, latest: null, message: half.message });
  return items;
}

/** What is due or overdue in a month (YYYY-MM): deadlines falling in it or passed, and steps that become possible in it. */
export async function reminders(ctx: Ctx, month?: string): Promise<{ month: string; items: Reminder[] }> {
  const today = ctx.platform.today();
  const m = month ?? today.slice(0, 7);
  const rules = await currentRules(ctx.db);
  const startDate = await ledgerStartDate(ctx.db, today);
  const items: Reminder[] = [];
  for (const { file, steps } of await loadAll(ctx.db, { scope: 'open' })) {
    if (!steps.length || steps.some((s) => s.step === STEP.archiving)) continue;
    items.push(...fileReminders(viewOf(file, steps, rules, today, undefined, startDate), m, today, startDate));
  }
  const order = { 已逾期: 0, 本月到期: 1, 本月可办: 2, 启用前到期: 3 };
  items.sort((a, b) => order[a.kind] - order[b.kind] || (a.latest ?? a.earliest).localeCompare(b.latest ?? b.earliest));
  return { month: m, items };
}

export { STEPS };
