/** The 学时登记表 as a workbook model (templates/study-hours-sheet.ts lays it out). */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { studyHoursWorkbook, type HoursKey } from '../../templates/study-hours-sheet.ts';
import type { SheetRow } from '../../templates/xlsx-sheet.ts';
import { hoursOf, type MemberHours } from './model.ts';
import { yearHours, type HoursQuery } from './queries.ts';

const unitName = async (ctx: Ctx) => (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';

function note(m: MemberHours, year: number, prorate: boolean): string {
  const parts: string[] = [];
  if (m.posts.length) parts.push(m.posts.join('、'));
  if (m.joinedInYear) parts.push(`${year}年入党，${prorate ? '应达学时已折算' : '不折算'}`);
  if (m.untimedMeetings) parts.push(`${m.untimedMeetings} 次会议未填起止时间，未计学时`);
  if (m.short) parts.push(m.shortReason);
  return parts.join('；');
}

function rowOf(m: MemberHours, i: number, year: number, prorate: boolean): SheetRow<HoursKey> {
  return {
    no: i + 1, name: m.name, branch: m.branch, role: m.role, joinDate: m.joinDate,
    meeting: hoursOf(m.meetingTenths), central: hoursOf(m.centralTenths), online: hoursOf(m.onlineTrainingTenths), imported: hoursOf(m.importedTenths),
    total: hoursOf(m.totalTenths), required: hoursOf(m.requiredTenths), centralCount: m.centralTrainings, status: m.short ? '未达标' : '达标', note: note(m, year, prorate),
  };
}

export async function exportStudyHours(ctx: Ctx, q: HoursQuery): Promise<{ fileName: string; bytes: Uint8Array }> {
  const y = await yearHours(ctx, { ...q, short: false });
  const unit = await unitName(ctx);
  const branches = new Map<string, MemberHours[]>();
  for (const m of y.members) branches.set(m.branch, [...(branches.get(m.branch) ?? []), m]);
  const figures = (list: MemberHours[]) => `共 ${list.length} 人，达标 ${list.filter((m) => !m.short).length} 人，未达标 ${list.filter((m) => m.short).length} 人`;
  const sum = (list: MemberHours[], f: (m: MemberHours) => number) => hoursOf(list.reduce((s, m) => s + f(m), 0));
  const notes = [
    `学时要求：党员每年一般不少于32学时（${y.rule.memberBasis.split('：')[0]}）；党支部书记和班子成员每年不少于56学时，其中至少参加1次集中培训（《2019—2023年全国党员教育培训工作规划》${y.rule.leaderPending ? `，${y.rule.leaderPending}` : ''}）。`,
    `学时按自然年度计算；会议学习学时按会议起止时间折算（或按单位设置的每次学时）；年中入党的党员${y.rule.prorate ? '按入党当月至年底的月数折算应达学时' : '不折算'}，备注中注明。`,
    '填表人：__________　　审核人：__________',
  ];
  const bytes = await studyHoursWorkbook({
    title: `${y.year}年度党员学时登记表`,
    subtitle: `单位：${unit}　　${figures(y.members)}　　（学时数单位：学时）`,
    all: y.members.map((m, i) => rowOf(m, i, y.year, y.rule.prorate)),
    branches: [...branches.entries()].map(([name, list]) => ({
      name,
      subtitle: `单位：${unit}　　${figures(list)}　　（学时数单位：学时）`,
      rows: list.map((m, i) => rowOf(m, i, y.year, y.rule.prorate)),
      total: {
        no: null, name: '合计', meeting: sum(list, (m) => m.meetingTenths), central: sum(list, (m) => m.centralTenths), online: sum(list, (m) => m.onlineTrainingTenths),
        imported: sum(list, (m) => m.importedTenths), total: sum(list, (m) => m.totalTenths), status: `未达标 ${list.filter((m) => m.short).length} 人`,
      },
    })),
    notes,
  });
  const branchPart = q.branch || (q.branchId && y.members[0]?.branch) || '';
  return { fileName: `${y.year}年度${branchPart}学时登记表.xlsx`, bytes };
}
