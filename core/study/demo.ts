/**
 * Demo 中心组 year, so that the first half-year reads like the example summary
 * (study.md 8.2–8.3): a 学习安排 of twelve key topics; four 集中学习 in
 * January–June (the activities demo's February and May sessions plus two more)
 * with 9 + 8 + 8 + 8 = 33 参学人次, three with a 第一议题 and the May one
 * without (落实率 75%); the later sessions with theirs. Everything through the
 * study and activities services, inside the demo's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import type { PlanForm } from '../../common/enums.ts';
import { attendanceOf, createActivityTx, suggestedPeople, updateActivityTx } from '../activities/service.ts';
import { rowToInput, type ActivityInput } from '../activities/model.ts';
import { CENTRAL_GROUP, type FirstTopic } from '../activities/study-fields.ts';
import { isCommitteePost, postsOn } from '../org/roles.ts';
import { addGroupMemberTx, addTopicTx, type PlanTopic } from './plan.ts';

const PLAN: [number, PlanForm, string][] = [
  [1, '个人自学', '原原本本学习《习近平谈治国理政》相关篇目'],
  [2, '集中学习', '深入学习贯彻党的二十届历次全会精神'],
  [3, '集中学习', '学习习近平总书记关于公安工作的重要论述'],
  [4, '专题党课', '党委书记讲专题党课：坚持党对公安工作的绝对领导'],
  [5, '集中学习', '学习《中国共产党纪律处分条例》，深化党纪学习教育'],
  [6, '集中学习', '学习贯彻中央八项规定及其实施细则精神'],
  [7, '专题研讨', '围绕“对党忠诚、服务人民、执法公正、纪律严明”开展专题研讨'],
  [8, '集中学习', '学习总体国家安全观，筑牢政治安全防线'],
  [9, '个人自学', '学习《习近平关于总体国家安全观论述摘编》'],
  [10, '专题研讨', '坚持和发展新时代“枫桥经验”，推进基层社会治理'],
  [11, '集中学习', '学习习近平法治思想，推进严格规范公正文明执法'],
  [12, '集中学习', '年度学习总结交流'],
];

const FIRST: FirstTopic[] = [
  { title: '习近平总书记在中央政治局集体学习时的重要讲话精神', on: null, source: '新华社通稿', how: '原文学习，党委书记领学，班子成员结合分管工作谈落实措施' },
  { title: '习近平总书记关于公安工作的重要指示精神', on: null, source: '《人民公安报》', how: '原文学习，分管领导传达并提出贯彻意见' },
  { title: '习近平总书记在中央政治局会议上的重要讲话精神', on: null, source: '新华社通稿', how: '传达学习，研究制定落实举措2项' },
  { title: '习近平总书记最新重要讲话精神', on: null, source: '《求是》杂志', how: '原文学习，交流研讨' },
  { title: '习近平总书记关于全面从严治党的重要论述', on: null, source: '《求是》杂志', how: '原文学习，班子成员交流发言' },
];

export async function demoStudy(ctx: Ctx, tx: Transaction<DB>, _rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  let y = Number(today.slice(0, 4));
  if (today < `${y}-07-01`) y -= 1;
  const topics: PlanTopic[] = [];
  for (const [month, form, title] of PLAN) topics.push(await addTopicTx(tx, ctx, { year: y, title, month, form, lead: form === '个人自学' ? null : month === 4 ? '党委书记' : '党委班子成员', note: null }));
  const topicOfMonth = (m: number) => topics.find((t) => t.month === m && t.form === '集中学习');

  const rowsOf = async () => tx.selectFrom('activities').selectAll().where('org_id', '=', state.committeeId).where('type', '=', CENTRAL_GROUP).where('deleted_at', 'is', null).where('held_on', '>=', `${y}-01-01`).where('held_on', '<=', `${y}-12-31`).orderBy('held_on').execute();
  const existing = await rowsOf();
  const first = existing[0];
  if (!first) return;
  const att0 = (await attendanceOf(tx, [first.id])).get(first.id) ?? [];
  const base = rowToInput(first, att0);

  // the two more first-half sessions, written on the day as the clerk would have
  for (const heldOn of [`${y}-03-25`, `${y}-06-24`]) {
    if (heldOn > today) continue;
    const attendance = base.attendance.map((e) => ({ ...e, status: '出席' as const, late: false, leftEarly: false, reason: null }));
    const people = await suggestedPeople(tx, { orgId: state.committeeId, type: CENTRAL_GROUP, heldOn, attendance });
    const host = people.hostName && attendance.some((e) => e.memberName === people.hostName) ? people.hostName : base.hostName;
    const recorder = base.recorderName !== host ? base.recorderName : attendance.find((e) => e.memberName !== host)?.memberName ?? null;
    const input: ActivityInput = { ...base, heldOn, startTime: '14:30', endTime: '17:00', hostName: host, hostPost: null, recorderName: recorder, recorderPost: null, topic: `${Number(heldOn.slice(5, 7))}月集中学习`, agenda: [], content: null, attendance, planTopicId: null, firstTopic: null, speakers: [] };
    await createActivityTx(tx, ctx, input, heldOn);
  }

  // every session of the year: form, plan topic, speakers, 第一议题 (the May one without), and the first half's attendance
  const present = [9, 8, 8, 8];
  let h1 = 0;
  for (const [i, r] of (await rowsOf()).entries()) {
    const att = (await attendanceOf(tx, [r.id])).get(r.id) ?? [];
    const a = rowToInput(r, att);
    const month = Number(r.held_on.slice(5, 7));
    if (month <= 6) {
      const want = present[h1++] ?? a.attendance.length;
      let away = a.attendance.length - want;
      a.attendance = a.attendance
        .slice()
        .reverse()
        .map((e) => {
          const off = away > 0 && e.memberName !== a.hostName && e.memberName !== a.recorderName;
          if (off) away--;
          return off ? { ...e, status: '公出' as const, late: false, leftEarly: false, reason: '执行安保任务' } : { ...e, status: '出席' as const, reason: null };
        })
        .reverse();
    }
    const speakers = a.attendance.filter((e) => e.status === '出席' && e.memberName !== a.hostName).slice(0, 2);
    const topic = topicOfMonth(month);
    await updateActivityTx(tx, ctx, r.id, {
      ...a,
      studyForm: '集中学习',
      planTopicId: topic?.id ?? null,
      agenda: topic ? [topic.title, ...a.agenda.filter((x) => x !== topic.title)] : a.agenda,
      speakers: speakers.map((s, k) => ({ name: s.memberName, subject: k === 0 ? '结合分管工作谈学习体会' : '对照检视，提出整改落实措施' })),
      firstTopic: month === 5 ? null : FIRST[i % FIRST.length],
    });
  }

  // the 中心组: the 党委 members (from their posts) and the session regulars who hold no 党委 post
  const posts = new Set((await postsOn(tx, [state.committeeId], `${y}-06-30`)).filter((p) => isCommitteePost(p.role)).map((p) => p.personName));
  for (const e of base.attendance.filter((x) => !posts.has(x.memberName)).slice(0, 3)) await addGroupMemberTx(tx, ctx, { year: y, name: e.memberName, post: '中心组成员', memberId: e.memberId });
}
