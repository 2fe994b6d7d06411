/**
 * Changing development files. Every change runs the rule engine on the file as
 * it would be after the change: a change that brings in a new error of a
 * blocking rule is refused with the rule's reason; lateness (a talk or an
 * approval that came late) is recorded as it happened and shown as a finding.
 * Every change writes an audit row in its transaction.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { birthDateFromId, genderFromId, idNumberProblem, normalizeIdNumber } from '../members/idcard.ts';
import { resolveIdNumber } from '../members/privacy.ts';
import { evaluate, probationEnd, type Finding } from './engine.ts';
import { rulesOn } from './rulesets.ts';
import { currentRules, guard } from './rules-guard.ts';
import { STEP, stepDef, stepLabel } from './steps.ts';
import { cnCount } from './rule-types.ts';
import { dossierOf, rowToFile, rowToStep, type DevFile, type FileInput, type StepInput, type StepRecord } from './model.ts';
import { acceptAsProbationary, convertToFull, leaveWithMember, setMemberGroup } from './members-link.ts';

export { currentRules } from './rules-guard.ts';

export async function loadFile(tx: Tx, id: string): Promise<{ file: DevFile; steps: StepRecord[] }> {
  const row = await tx
    .selectFrom('development_files as f')
    .innerJoin('org_units as b', 'b.id', 'f.branch_id')
    .selectAll('f')
    .select('b.name as branch_name')
    .where('f.id', '=', id)
    .where('f.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new LedgerError('找不到该发展档案，可能已被删除');
  const steps = await tx.selectFrom('development_steps').selectAll().where('file_id', '=', id).orderBy('step').execute();
  return { file: rowToFile(row), steps: steps.map(rowToStep) };
}

async function checkBranch(tx: Tx, branchId: string): Promise<void> {
  const b = await tx.selectFrom('org_units').select('kind').where('id', '=', branchId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!b || b.kind !== '党支部') throw new LedgerError('所选党支部不存在', 'branchId');
}

function personColumns(input: FileInput) {
  const idNumber = normalizeIdNumber(input.idNumber);
  const problem = idNumberProblem(idNumber);
  if (problem) throw new LedgerError(`“公民身份号码”${problem}`, 'idNumber');
  return {
    name: input.name,
    gender: genderFromId(idNumber),
    ethnicity: input.ethnicity,
    birth_date: birthDateFromId(idNumber),
    id_number: idNumber,
    native_place: input.nativePlace,
    education: input.education,
    category: input.category,
    work_unit: input.workUnit,
    position: input.position,
    phone: input.phone,
    branch_id: input.branchId,
    note: input.note,
  };
}

async function checkDuplicate(tx: Tx, idNumber: string, selfId: string | null): Promise<void> {
  const open = await tx
    .selectFrom('development_files')
    .select(['id', 'name'])
    .where('id_number', '=', idNumber)
    .where('deleted_at', 'is', null)
    .where('left_type', 'is', null)
    .executeTakeFirst();
  if (open && open.id !== selfId) throw new LedgerError(`“${open.name}”已有发展档案（公民身份号码相同）`, 'idNumber');
  if (!selfId) {
    // A 预备党员 already on the roster (e.g. imported) may get a file to follow the steps up to 转正.
    const m = await tx.selectFrom('members').select(['name', 'party_status']).where('id_number', '=', idNumber).where('deleted_at', 'is', null).where('left_type', 'is', null).executeTakeFirst();
    if (m && m.party_status !== '预备') throw new LedgerError(`公民身份号码与在册正式党员“${m.name}”相同，不能再建发展档案`, 'idNumber');
  }
}

/** Opens a file when the 入党申请书 arrives; step 1 is recorded with it. */
export async function createFile(
  ctx: Ctx,
  input: FileInput & { applicationDate: string; actor: string | null; documents: string[] },
): Promise<string> {
  return ctx.db.transaction().execute(async (tx) => {
    const cols = personColumns(input);
    await checkBranch(tx, input.branchId);
    await checkDuplicate(tx, cols.id_number, null);
    if (input.applicationDate > ctx.platform.today()) throw new LedgerError('“递交入党申请书日期”不能晚于今天', 'applicationDate');
    const rules = await currentRules(tx);
    const step1: StepRecord = { step: STEP.application, date: input.applicationDate, actor: input.actor ?? '申请人', outcome: null, documents: input.documents, details: {}, note: null, enteredOn: ctx.platform.today() };
    const age = evaluate(dossierOf({ birthDate: cols.birth_date, extensionMonths: null }, [step1]), rules).findings.find((f) => f.rule === 'age-18');
    if (age) throw new LedgerError(age.message, 'applicationDate');
    const id = ctx.platform.newId();
    const now = ctx.platform.now();
    await tx
      .insertInto('development_files')
      .values({ id, ...cols, member_id: null, extension_months: null, extension_decided_on: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null })
      .execute();
    await writeStep(tx, ctx, id, step1, null);
    await audit(tx, ctx, { entity: 'development_files', entityId: id, action: '新增', summary: `建立“${input.name}”的发展档案（${input.applicationDate} 递交入党申请书）`, after: { ...cols, applicationDate: input.applicationDate } });
    return id;
  });
}

export async function updateFile(ctx: Ctx, id: string, input: FileInput): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { file: before, steps } = await loadFile(tx, id);
    const cols = personColumns({ ...input, idNumber: resolveIdNumber(input.idNumber, before.idNumber) }); // a masked number sent back = keep it
    await checkBranch(tx, input.branchId);
    await checkDuplicate(tx, cols.id_number, id);
    if (before.memberId && (cols.id_number !== before.idNumber || input.branchId !== before.branchId))
      throw new LedgerError('已编入党员花名册，公民身份号码和所在支部请在党员花名册中修改', 'idNumber');
    const age = evaluate(dossierOf({ birthDate: cols.birth_date, extensionMonths: null }, steps), await currentRules(tx)).findings.find((f) => f.rule === 'age-18');
    if (age) throw new LedgerError(age.message, 'idNumber');
    await tx.updateTable('development_files').set({ ...cols, updated_at: ctx.platform.now() }).where('id', '=', id).execute();
    const { file: after } = await loadFile(tx, id);
    await audit(tx, ctx, { entity: 'development_files', entityId: id, action: '修改', summary: `修改“${after.name}”发展档案的基本情况`, before, after });
  });
}

async function writeStep(tx: Tx, ctx: Ctx, fileId: string, s: StepRecord, existingId: string | null): Promise<void> {
  const now = ctx.platform.now();
  const cols = {
    date: s.date,
    actor: s.actor,
    outcome: s.outcome,
    documents_json: JSON.stringify(s.documents),
    details_json: JSON.stringify(s.details),
    note: s.note,
    updated_at: now,
  };
  if (existingId) await tx.updateTable('development_steps').set(cols).where('id', '=', existingId).execute();
  else await tx.insertInto('development_steps').values({ id: ctx.platform.newId(), file_id: fileId, step: s.step, entered_on: s.enteredOn, created_at: now, ...cols }).execute();
}

/** Fills what the ledger knows about introducers who are members: name and the date they became 正式党员. */
async function resolveIntroducers(tx: Tx, input: StepInput): Promise<void> {
  for (const i of input.details.introducers ?? []) {
    if (!i.memberId && !i.name) throw new LedgerError('请填写入党介绍人的姓名', 'introducers');
    if (!i.memberId) continue;
    const m = await tx.selectFrom('members').select(['name', 'party_status', 'full_date', 'join_date', 'left_type']).where('id', '=', i.memberId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!m) throw new LedgerError('所选入党介绍人不在党员花名册中', 'introducers');
    i.name = m.name;
    i.fullMemberSince = m.party_status === '正式' ? (m.full_date ?? m.join_date) : null;
  }
}

function requireDetails(input: StepInput, introducers: number): void {
  const d = input.details;
  if (input.step === STEP.introducers && !(d.introducers?.length)) throw new LedgerError(`请填写${cnCount(introducers)}名入党介绍人`, 'introducers');
  if (input.step === STEP.training && d.trainingDays === undefined && d.trainingHours === undefined) throw new LedgerError('请填写集中培训的天数或学时', 'trainingDays');
  if ((input.step === STEP.branchMeeting || input.step === STEP.conversionMeeting) && !d.meeting) throw new LedgerError('请填写支部大会应到、实到和赞成人数', 'meeting');
  if (input.step === STEP.politicalReview && !d.conclusion) throw new LedgerError('政治审查须有书面结论，请填写结论', 'conclusion');
  if (d.publicityStart && d.publicityEnd && d.publicityEnd < d.publicityStart) throw new LedgerError('公示结束日期早于开始日期', 'publicityEnd');
}

async function prepareStep(tx: Tx, ctx: Ctx, input: StepInput) {
  const { file, steps } = await loadFile(tx, input.fileId);
  if (file.leftType) throw new LedgerError(`该发展档案已于 ${file.leftDate} ${file.leftType}，不能再记录步骤`);
  if (input.date > ctx.platform.today()) throw new LedgerError('“日期”不能晚于今天', 'date');
  const rules = await currentRules(tx);
  requireDetails(input, rulesOn(rules, input.date).values.introducers);
  await resolveIntroducers(tx, input);
  const existing = await tx.selectFrom('development_steps').select(['id', 'entered_on']).where('file_id', '=', file.id).where('step', '=', input.step).executeTakeFirst();
  const rec: StepRecord = {
    step: input.step,
    date: input.date,
    actor: input.actor ?? stepDef(input.step).actor,
    outcome: input.outcome,
    documents: input.documents,
    details: input.details,
    note: input.note,
    enteredOn: existing?.entered_on ?? ctx.platform.today(),
  };
  const after = [...steps.filter((s) => s.step !== input.step), rec].sort((a, b) => a.step - b.step);
  return { file, steps, existing, rec, after, rules };
}

/** What recording the step would bring, without writing: the findings judged against today, or why it would be refused. */
export async function previewStep(ctx: Ctx, input: StepInput): Promise<{ blocked: string | null; findings: Finding[] }> {
  try {
    const p = await prepareStep(ctx.db, ctx, input);
    guard(p.rules, p.file, p.steps, p.after, input.step);
    const findings = evaluate(dossierOf(p.file, p.after), p.rules, { today: ctx.platform.today() }).findings;
    return { blocked: null, findings };
  } catch (e) {
    if (e instanceof LedgerError) return { blocked: e.message, findings: (Array.isArray(e.details) ? e.details : []) as Finding[] };
    throw e;
  }
}

/** Records (or corrects) one step of a file. */
export async function recordStep(ctx: Ctx, input: StepInput): Promise<{ findings: Finding[] }> {
  return ctx.db.transaction().execute(async (tx) => {
    const { file, steps, existing, rec, after, rules } = await prepareStep(tx, ctx, input);
    const findings = guard(rules, file, steps, after, input.step);
    await writeStep(tx, ctx, file.id, rec, existing?.id ?? null);
    if (input.step === STEP.branchMeeting) await acceptAsProbationary(tx, ctx, file, rec.date);
    const fresh = (await loadFile(tx, file.id)).file;
    if (input.step === STEP.groupAssignment && input.details.groupId && fresh.memberId) await setMemberGroup(tx, ctx, fresh.memberId, input.details.groupId);
    if (input.step === STEP.conversionApproval || (input.step === STEP.branchMeeting && after.some((s) => s.step === STEP.conversionApproval))) await convertToFull(tx, ctx, fresh, after, rules);
    const before = steps.find((s) => s.step === input.step);
    await audit(tx, ctx, {
      entity: 'development_files',
      entityId: file.id,
      action: before ? '修改' : '新增',
      summary: `${before ? '更正' : '记录'}“${file.name}”${stepLabel(input.step)}（${rec.date}）`,
      before,
      after: rec,
    });
    return { findings };
  });
}

/** Removes the record of a step that nothing later depends on. */
export async function removeStep(ctx: Ctx, fileId: string, step: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { file, steps } = await loadFile(tx, fileId);
    const rec = steps.find((s) => s.step === step);
    if (!rec) throw new LedgerError(`${stepLabel(step)}尚未记录`);
    const later = steps.find((s) => s.step !== step && stepDef(s.step).after.includes(step));
    if (later) throw new LedgerError(`已记录${stepLabel(later.step)}，请先撤销它`);
    if (step === STEP.application) throw new LedgerError('第1步是建档的依据，不能撤销；如需作废请删除整个发展档案');
    if ((step === STEP.branchMeeting || step === STEP.conversionApproval) && file.memberId) throw new LedgerError('该步骤已改变党员花名册，不能撤销；如记录有误请更正日期');
    await tx.deleteFrom('development_steps').where('file_id', '=', fileId).where('step', '=', step).execute();
    await audit(tx, ctx, { entity: 'development_files', entityId: fileId, action: '修改', summary: `撤销“${file.name}”${stepLabel(step)}的记录`, before: rec });
  });
}

/** 延长预备期: once, 6 to 12 months, decided by the 支部大会 when the probation ends. */
export async function extendProbation(ctx: Ctx, fileId: string, decidedOn: string, months: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { file, steps } = await loadFile(tx, fileId);
    if (file.leftType) throw new LedgerError(`该发展档案已于 ${file.leftDate} ${file.leftType}`);
    const s15 = steps.find((s) => s.step === STEP.branchMeeting);
    if (!s15) throw new LedgerError('尚未被支部大会接收为预备党员，不能延长预备期');
    if (steps.some((s) => s.step === STEP.conversionApproval)) throw new LedgerError('已批准转正，不能延长预备期');
    if (decidedOn > ctx.platform.today()) throw new LedgerError('“决定日期”不能晚于今天', 'decidedOn');
    if (decidedOn < s15.date) throw new LedgerError('“决定日期”早于接收预备党员的支部大会', 'decidedOn');
    const rules = await currentRules(tx);
    const due = probationEnd(s15.date, rules, null);
    const limits = rulesOn(rules, decidedOn).values;
    if (decidedOn < due) throw new LedgerError(`预备期（自支部大会 ${s15.date} 起）至 ${due} 期满，期满后方可由支部大会决定延长预备期`, 'decidedOn');
    if (!months) throw new LedgerError(`延长预备期应不少于 ${limits.extensionMinMonths} 个月、不超过 ${limits.extensionMaxMonths} 个月`, 'months');
    const count = file.extensionMonths ? 2 : 1;
    const finding = evaluate({ ...dossierOf({ ...file, extensionMonths: months }, steps), extensionCount: count }, rules).findings.find((f) => f.rule === 'extension-6-12-months');
    if (finding) throw new LedgerError(finding.message, 'months');
    guard(rules, { ...file, extensionMonths: months }, steps, steps, STEP.conversionMeeting, count);
    await tx.updateTable('development_files').set({ extension_months: months, extension_decided_on: decidedOn, updated_at: ctx.platform.now() }).where('id', '=', fileId).execute();
    await audit(tx, ctx, { entity: 'development_files', entityId: fileId, action: '修改', summary: `“${file.name}”延长预备期 ${months} 个月（${decidedOn} 支部大会决定）`, before: { extensionMonths: null }, after: { extensionMonths: months, extensionDecidedOn: decidedOn } });
  });
}

/** Leaving the file (withdrawn, not accepted or approved, probationary status cancelled), with the reason. */
export async function leaveFile(ctx: Ctx, id: string, leave: { leftType: string; leftDate: string; leftReason: string }): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { file, steps } = await loadFile(tx, id);
    if (file.leftType) throw new LedgerError(`该发展档案已于 ${file.leftDate} ${file.leftType}`);
    if (leave.leftDate > ctx.platform.today()) throw new LedgerError('“离开日期”不能晚于今天', 'leftDate');
    if (leave.leftDate < steps[0].date) throw new LedgerError('“离开日期”早于递交入党申请书的日期', 'leftDate');
    if (steps.some((s) => s.step === STEP.conversionApproval)) throw new LedgerError('已批准转正为正式党员，不能再离开发展档案');
    if (leave.leftType === '取消预备党员资格' && !file.memberId) throw new LedgerError('尚未成为预备党员，不能取消预备党员资格', 'leftType');
    await tx.updateTable('development_files').set({ left_type: leave.leftType, left_date: leave.leftDate, left_reason: leave.leftReason, updated_at: ctx.platform.now() }).where('id', '=', id).execute();
    if (file.memberId) await leaveWithMember(tx, ctx, file.memberId, leave);
    await audit(tx, ctx, { entity: 'development_files', entityId: id, action: '离开', summary: `“${file.name}”${leave.leftType}（${leave.leftDate}）：${leave.leftReason}`, before: { leftType: null }, after: leave });
  });
}

export async function deleteFile(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { file } = await loadFile(tx, id);
    if (file.memberId) throw new LedgerError('该档案的人员已编入党员花名册，不能删除档案；可记录离开');
    await softDelete(tx, ctx, 'development_files', id);
  });
}
