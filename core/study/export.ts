/**
 * The three documents of the 中心组 year as models (the templates lay them out):
 * the 年度学习安排 (.docx, 通知), the 理论学习中心组学习记录 for a period (.docx)
 * and the 第一议题落实台账 (.xlsx).
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { chineseDate } from '../../common/labels.ts';
import { getSetting } from '../settings/service.ts';
import { getActivity, queryActivities } from '../activities/service.ts';
import { CENTRAL_GROUP, firstTopicLines } from '../activities/study-fields.ts';
import { studyPlanDocument } from '../../templates/study-plan.ts';
import { centralGroupBookDocument } from '../../templates/central-group-book.ts';
import { firstTopicWorkbook } from '../../templates/first-topic-sheet.ts';
import { groupMembers, planTopics } from './plan.ts';
import { firstTopicMeetings, studyStats } from './queries.ts';
import { CENTRAL_GROUP_RULE, FIRST_TOPIC_RULE, rateText } from './model.ts';

type Doc = { fileName: string; bytes: Uint8Array };

/** The signer of the 党委's study documents: its name in 单位设置, or the unit's name + 委员会. */
export const committeeName = async (ctx: Ctx): Promise<string> => (await getSetting<string>(ctx.db, 'org.committeeName')) || `${(await getSetting<string>(ctx.db, 'org.unitName')) || ''}委员会`;
const period = (from: string, to: string) => `${chineseDate(from)}至${chineseDate(to)}`;

export async function exportStudyPlan(ctx: Ctx, year: number): Promise<Doc> {
  const topics = await planTopics(ctx.db, year);
  if (!topics.length) throw new LedgerError(`${year}年还没有学习安排：请先在“学习教育 → 中心组”中添加重点学习专题`, 'year');
  const [signer, members] = [await committeeName(ctx), await groupMembers(ctx, year)];
  const today = ctx.platform.today();
  const names = members.map((m) => m.name);
  const bytes = await studyPlanDocument({
    title: `${signer}${year}年理论学习中心组学习安排`,
    addressee: '党委理论学习中心组各位成员：',
    intro: `为深入学习贯彻习近平新时代中国特色社会主义思想，根据${CENTRAL_GROUP_RULE.title}，结合工作实际，现将${year}年党委理论学习中心组学习安排如下。`,
    topics: topics.map((t) => ({ heading: t.title, detail: `计划时间：${t.month}月；学习形式：${t.form}${t.lead ? `；领学人：${t.lead}` : ''}${t.note ? `；${t.note}` : ''}。` })),
    members: members.length ? `${names.join('、')}（共${members.length}人）。` : '（尚未登记中心组成员）',
    requirements: [
      '中心组学习由党委书记负总责，是第一责任人；每次集中学习前确定专题和重点发言人，发言人提前准备发言提纲。',
      '严格考勤，成员因故不能参加的应事先请假，会后及时补学。',
      '每次会议把学习习近平总书记最新重要讲话和重要指示精神作为“第一议题”，记录学习内容和落实情况。',
    ],
    signer,
    date: `${year}-12-31` < today ? `${year}-01-01` : today < `${year}-01-01` ? `${year}-01-01` : today,
    keep: names,
  });
  return { fileName: `${year}年理论学习中心组学习安排.docx`, bytes };
}

export async function exportCentralGroupBook(ctx: Ctx, q: { from: string; to: string }): Promise<Doc> {
  const rows = (await queryActivities(ctx.db, { from: q.from, to: q.to, type: CENTRAL_GROUP })).reverse();
  const topics = new Map((await Promise.all([...new Set(rows.map((r) => Number(r.held_on.slice(0, 4))))].map((y) => planTopics(ctx.db, y)))).flat().map((t) => [t.id, t]));
  const stats = await studyStats(ctx, q);
  const sessions = [];
  for (const [i, r] of rows.entries()) {
    const a = await getActivity(ctx, r.id);
    const present = a.attendance.filter((e) => e.status === '出席');
    const absent = a.attendance.filter((e) => e.status !== '出席');
    const topic = a.planTopicId ? topics.get(a.planTopicId) : undefined;
    const f = a.firstTopic;
    sessions.push({
      heading: `第${i + 1}次　${chineseDate(a.heldOn)}${a.topic ? `　${a.topic}` : ''}`,
      rows: [
        ['时间', [`${chineseDate(a.heldOn)}${a.startTime ? ` ${a.startTime}${a.endTime ? `—${a.endTime}` : ''}` : ''}`]],
        ['地点', [a.place ?? '']],
        ['主持人', [a.hostName ? `${a.hostName}${a.hostPost ? `（${a.hostPost}）` : ''}` : '']],
        ['学习形式', [a.studyForm ?? '集中学习']],
        ['对应专题', [topic ? `专题${topic.seq}：${topic.title}` : '（未关联学习安排专题）']],
        ['参加人员', [`${present.map((e) => e.memberName).join('、')}（${present.length}人）`]],
        ['缺席人员及原因', [absent.length ? absent.map((e) => `${e.memberName}（${e.status}${e.reason ? `，${e.reason}` : ''}）`).join('、') : '无']],
        ['第一议题', f ? firstTopicLines(f) : ['未记录']],
        ['学习内容', [...a.agenda.map((x, k) => `${k + 1}. ${x}`), ...(a.content ? a.content.split('\n') : [])]],
        ['发言情况', a.speakers.length ? a.speakers.map((s) => `${s.name}${s.subject ? `：${s.subject}` : ''}`) : ['']],
        ['发言提纲等附件', a.attachments.length ? a.attachments.map((x) => x.fileName) : ['无']],
        ['记录人', [a.recorderName ?? '']],
      ] as [string, string[]][],
    });
  }
  const bytes = await centralGroupBookDocument({
    title: '理论学习中心组学习记录',
    subtitle: [await committeeName(ctx), period(q.from, q.to)],
    summary: [`本期间${stats.sentences.slice(0, 2).join('，')}。`],
    sessions,
  });
  return { fileName: `理论学习中心组学习记录（${q.from}至${q.to}）.docx`, bytes };
}

export async function exportFirstTopic(ctx: Ctx, q: { from: string; to: string }): Promise<Doc & { rate: number | null }> {
  const [{ types, meetings }, stats] = await Promise.all([firstTopicMeetings(ctx, q), studyStats(ctx, q)]);
  const { rate, withFirstTopic } = stats.firstTopic;
  const bytes = await firstTopicWorkbook({
    title: '“第一议题”落实台账',
    subtitle: `${await committeeName(ctx)}　　${period(q.from, q.to)}　　统计范围：${types.join('、') || '（未设置）'}`,
    rows: meetings.map((m, i) => ({
      no: i + 1, heldOn: m.heldOn, org: m.orgName, type: m.type, title: m.firstTopic?.title ?? '', on: m.firstTopic?.on ?? '', source: m.firstTopic?.source ?? '', how: m.firstTopic?.how ?? '',
      state: m.firstTopic ? '已落实' : '未记录',
    })),
    total: { no: null, org: '合计', type: `${meetings.length}次`, title: `记录第一议题${withFirstTopic}次，落实率${rateText(rate)}` },
    notes: [FIRST_TOPIC_RULE.rate, `依据：${FIRST_TOPIC_RULE.source}。`],
  });
  return { fileName: `第一议题落实台账（${q.from}至${q.to}）.xlsx`, bytes, rate };
}
