/**
 * The demo bureau's development files: thirteen people at every stage, dated
 * relative to today — an overdue talk, an activist not yet at one year, two
 * accepted as 预备党员 this year, one whose 转正 falls due next month, one
 * converted this year, one archived, one who withdrew.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { DEMO_BRANCHES } from '../org/demo.ts';
import { addDays, addMonths } from '../../common/dates.ts';
import { makeIdNumber } from '../members/idcard.ts';
import { birthDateFromId } from '../members/idcard.ts';
import { RULES_2014 } from './rulesets.ts';
import { stepDef } from './steps.ts';
import type { StepDetails } from './model.ts';
import { loadFile } from './service.ts';
import { acceptAsProbationary, convertToFull } from './members-link.ts';
import { noticeEnd } from './documents.ts';
import { STATE_COUNCIL_HOLIDAYS } from '../../common/workdays.ts';
import { demoEnrollInLaterRecords } from '../activities/demo.ts';

interface Plan {
  name: string;
  male: boolean;
  birth: string;
  branch: number;
  anchor: 1 | 3 | 15;
  /** months (negative: before today) and extra days of the anchor step */
  at: [number, number];
  upTo: number;
  education: string;
  position: string;
  left?: { type: string; reason: string; afterDays: number };
  missing?: string[];
}

const PLANS: Plan[] = [
  { name: '韩雨桐', male: false, birth: '2001-05-16', branch: 4, anchor: 1, at: [0, -40], upTo: 1, education: '大学本科', position: '辅警' },
  { name: '罗子豪', male: true, birth: '1999-09-03', branch: 5, anchor: 1, at: [0, -8], upTo: 1, education: '大学本科', position: '民警' },
  { name: '邓佳怡', male: false, birth: '1997-12-21', branch: 1, anchor: 1, at: [0, -75], upTo: 2, education: '研究生', position: '科员' },
  { name: '冯宇航', male: true, birth: '1996-03-11', branch: 2, anchor: 3, at: [-8, 0], upTo: 6, education: '大学本科', position: '侦查员', missing: ['思想汇报'] },
  { name: '曹思琪', male: false, birth: '1995-07-30', branch: 6, anchor: 3, at: [-12, -5], upTo: 6, education: '大学本科', position: '社区民警' },
  { name: '袁浩然', male: true, birth: '1994-11-02', branch: 3, anchor: 3, at: [-13, -10], upTo: 9, education: '大学专科', position: '民警' },
  { name: '许文博', male: true, birth: '1993-02-14', branch: 9, anchor: 3, at: [-14, -25], upTo: 14, education: '大学本科', position: '队员' },
  { name: '傅欣然', male: false, birth: '1996-06-06', branch: 0, anchor: 15, at: [-5, 0], upTo: 21, education: '研究生', position: '科员' },
  { name: '沈俊杰', male: true, birth: '1995-04-19', branch: 2, anchor: 15, at: [0, -40], upTo: 16, education: '大学本科', position: '侦查员' },
  { name: '彭晓燕', male: false, birth: '1994-08-25', branch: 4, anchor: 15, at: [-11, 0], upTo: 21, education: '大学本科', position: '社区民警' },
  { name: '吕振华', male: true, birth: '1992-10-10', branch: 8, anchor: 15, at: [-17, 0], upTo: 24, education: '大学专科', position: '民警' },
  { name: '蒋明辉', male: true, birth: '1991-01-28', branch: 7, anchor: 15, at: [-30, 0], upTo: 25, education: '大学本科', position: '民警' },
  { name: '苏梦瑶', male: false, birth: '2000-03-08', branch: 3, anchor: 1, at: [-6, 0], upTo: 2, education: '大学本科', position: '辅警', left: { type: '撤回申请', reason: '本人书面申请撤回入党申请', afterDays: 90 } },
];

/** Dates of all 25 steps around one anchor step. */
function timeline(anchor: 1 | 3 | 15, date: string): Record<number, string> {
  const s3 = anchor === 3 ? date : anchor === 1 ? addMonths(addDays(date, 12), 5) : addMonths(addDays(date, -85), -12);
  const s1 = anchor === 1 ? date : addDays(addMonths(s3, -5), -12);
  const s7 = addDays(addMonths(s3, 12), 10);
  const s15 = anchor === 15 ? date : addDays(s7, 75);
  const s17 = addDays(s15, 45);
  const s23 = addMonths(s15, 12);
  return {
    1: s1, 2: addDays(s1, 12), 3: s3, 4: addDays(s3, 10), 5: addDays(s3, 7), 6: addMonths(s3, 6),
    7: s7, 8: addDays(s7, 7), 9: addDays(s7, 10), 10: addDays(s7, 40), 11: addDays(s7, 30), 12: addDays(s7, 50),
    13: addDays(s7, 60), 14: addDays(s7, 65), 15: s15, 16: addDays(s15, 15), 17: s17, 18: addDays(s17, 10),
    19: addDays(s17, 5), 20: addDays(s17, 10), 21: addDays(s17, 30), 22: addDays(s23, -10), 23: s23, 24: addDays(s23, 30), 25: addDays(s23, 50),
  };
}

export async function demoDevelopment(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const now = ctx.platform.now();
  const branches = state.branches.filter((b) => !b.name.includes('退休'));
  for (const [k, p] of PLANS.entries()) {
    const branch = branches[p.branch % branches.length];
    const fulls = await tx.selectFrom('members').select(['id', 'name', 'full_date']).where('branch_id', '=', branch.id).where('party_status', '=', '正式').where('left_type', 'is', null).execute();
    const dates = timeline(p.anchor, addDays(addMonths(today, p.at[0]), p.at[1]));
    const idNumber = makeIdNumber('370102', p.birth, 801 + k * 3, p.male);
    const id = ctx.platform.newId();
    await tx
      .insertInto('development_files')
      .values({
        id, name: p.name, gender: p.male ? '男' : '女', ethnicity: '汉族', birth_date: birthDateFromId(idNumber), id_number: idNumber, native_place: null,
        education: p.education, category: '在职', work_unit: DEMO_BRANCHES.find((b) => b.name === branch.name)?.unit ?? null, position: p.position, phone: `139${String(rng.int(10000000, 99999999))}`,
        branch_id: branch.id, member_id: null, extension_months: null, extension_decided_on: null, left_type: null, left_date: null, left_reason: null,
        note: null, created_at: now, updated_at: now, deleted_at: null,
      })
      .execute();
    const contacts = fulls.slice(0, 2);
    for (let n = 1; n <= p.upTo; n++) {
      const date = dates[n];
      if (date > today) break;
      const details: StepDetails = {};
      if (n === 5) details.contacts = contacts.map((c) => c.name);
      if (n === 6) for (let a = dates[6]; a <= (dates[7] < today ? dates[7] : today); a = addMonths(a, 6)) (details.assessments ??= []).push(a);
      if (n === 7) {
        // 5 working days by the shipped holiday calendar, ended before the 发展对象 is fixed
        let start = addDays(date, -10);
        while (noticeEnd(start, 5, STATE_COUNCIL_HOLIDAYS) >= date) start = addDays(start, -1);
        details.publicityStart = start;
        details.publicityEnd = noticeEnd(start, 5, STATE_COUNCIL_HOLIDAYS);
      }
      if (n === 9) details.introducers = contacts.map((c) => ({ memberId: c.id, name: c.name, fullMemberSince: c.full_date, underProbation: false }));
      if (n === 10) details.conclusion = '经函调和谈话，政治审查合格';
      if (n === 11) details.trainingDays = 3;
      if (n === 11) details.trainingHours = 24;
      if (n === 15 || n === 23) {
        const due = Math.max(3, fulls.length);
        details.meeting = { due, present: due - 1, for: due - 1, writtenFor: 0, secretBallot: true };
      }
      await tx
        .insertInto('development_steps')
        .values({
          id: ctx.platform.newId(), file_id: id, step: n, date, actor: n === 2 || n === 3 || n === 5 ? `${contacts[0]?.name ?? ''}`.trim() || stepDef(n).actor : stepDef(n).actor,
          outcome: null, documents_json: JSON.stringify(stepDef(n).documents.filter((d) => !(p.missing ?? []).includes(d))), details_json: JSON.stringify(details),
          note: null, entered_on: date, created_at: now, updated_at: now,
        })
        .execute();
      if (n === 15) await acceptAsProbationary(tx, ctx, (await loadFile(tx, id)).file, date);
      if (n === 24) {
        const f = await loadFile(tx, id);
        await convertToFull(tx, ctx, f.file, f.steps, RULES_2014);
      }
    }
    if (p.left) {
      const leftDate = addDays(dates[1], p.left.afterDays);
      await tx.updateTable('development_files').set({ left_type: p.left.type, left_date: leftDate, left_reason: p.left.reason }).where('id', '=', id).execute();
    }
    const f = (await loadFile(tx, id)).file;
    if (f.memberId) {
      const m = await tx.selectFrom('members').select(['join_date', 'party_status']).where('id', '=', f.memberId).executeTakeFirstOrThrow();
      branch.members.push({ id: f.memberId, name: p.name, joinDate: m.join_date, partyStatus: m.party_status, category: '在职' });
      // due at the branch's meetings from the day of acceptance (the 组织生活 demo ran before)
      await demoEnrollInLaterRecords(ctx, tx, f.memberId);
    }
  }
}
